/**
 * ServiceAccount: a pod without serviceAccountName runs as the namespace's
 * `default` ServiceAccount, and gets a projected `kube-api-access-<5 chars>`
 * volume (a bound token, the cluster CA and its namespace) mounted read-only
 * into every container at /var/run/secrets/kubernetes.io/serviceaccount.
 * Upstream: plugin/pkg/admission/serviceaccount/admission.go
 */
import type { AdmissionPlugin } from '../types'
import { admitUnchanged, forbidden } from '../types'
import type { Container, JsonObject, Pod } from '../../../model/objects'
import { findObject } from '../../../model/cluster'
import { nextInt, type Rng } from '../../../sim/rng'

export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount'
/** utilrand.String's alphabet: no vowels, no ambiguous characters (k8s.io/apimachinery/pkg/util/rand). */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789'

export function randomSuffix(rng: Rng, n = 5): [string, Rng] {
  let s = ''
  let r = rng
  for (let i = 0; i < n; i++) {
    const [v, next] = nextInt(r, ALPHANUMS.length)
    s += ALPHANUMS[v]
    r = next
  }
  return [s, r]
}

function tokenVolume(name: string): JsonObject {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        {
          downwardAPI: {
            items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
          },
        },
      ],
    },
  }
}

function withMount(c: Container, volume: string): Container {
  const mounts = c.volumeMounts ?? []
  if (mounts.some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) return c
  return {
    ...c,
    volumeMounts: [...mounts, { mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name: volume, readOnly: true }],
  }
}

export const ServiceAccount: AdmissionPlugin = {
  name: 'ServiceAccount',
  handles: (op) => op === 'CREATE' || op === 'UPDATE',
  admit(input) {
    const spec = input.pod.spec
    const saName = spec.serviceAccountName || 'default'
    const sa = findObject(input.cluster, 'ServiceAccount', saName, input.namespace)
    if (!sa) {
      return forbidden(
        input,
        `error looking up service account ${input.namespace}/${saName}: serviceaccount "${saName}" not found`,
      )
    }
    let pod: Pod = { ...input.pod, spec: { ...spec, serviceAccountName: saName } }
    const automount = spec['automountServiceAccountToken'] ?? sa['automountServiceAccountToken'] ?? true
    if (automount === false) {
      return { kind: 'admit', pod, note: `serviceAccountName ${saName}; token automount disabled` }
    }
    const [suffix, rng] = randomSuffix(input.rng)
    const volume = `kube-api-access-${suffix}`
    pod = {
      ...pod,
      spec: {
        ...pod.spec,
        volumes: [...(spec.volumes ?? []), tokenVolume(volume)],
        containers: spec.containers.map((c) => withMount(c, volume)),
        ...(spec.initContainers
          ? { initContainers: spec.initContainers.map((c) => withMount(c, volume)) }
          : {}),
      },
    }
    return {
      kind: 'admit',
      pod,
      rng,
      note: `serviceAccountName ${saName}; projected volume ${volume} mounted at ${SERVICE_ACCOUNT_MOUNT_PATH}`,
    }
  },
  validate(input) {
    return admitUnchanged(input, `service account ${input.pod.spec.serviceAccountName ?? 'default'} exists`)
  },
}
