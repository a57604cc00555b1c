/**
 * What a pod needs from ConfigMaps and Secrets before its containers can run, and the kubelet's
 * exact error when one is missing.
 * - Volumes: the volume manager cannot set up a configMap or secret volume whose object (or listed key)
 *   is missing, so the sandbox is never created (pkg/volume/configmap/configmap.go and
 *   pkg/volume/secret/secret.go SetUpAt, MakePayload; the kubelet's watch-based managers return
 *   NotFound for the group resources "configmap" and "secret", hence the singular names).
 * - Environment: makeEnvironmentVariables (pkg/kubelet/kubelet_pods.go) resolves envFrom, then env; the
 *   first failure is the container's CreateContainerConfigError.
 * `optional: true` references never fail.
 */
import type { Cluster } from '../model/cluster'
import { findObject } from '../model/cluster'
import type { Container, KubeObject, Pod } from '../model/objects'

interface Ref {
  readonly name?: string
  readonly optional?: boolean
}

export interface UnmountableVolume {
  readonly volume: string
  readonly error: string
}

function lookup(
  cluster: Cluster,
  kind: 'ConfigMap' | 'Secret',
  pod: Pod,
  name: string,
): KubeObject | undefined {
  return findObject(cluster, kind, name, pod.metadata.namespace ?? 'default')
}

function keysOf(o: KubeObject, kind: 'ConfigMap' | 'Secret'): Set<string> {
  const bags = kind === 'ConfigMap' ? ['data', 'binaryData'] : ['data', 'stringData']
  const out = new Set<string>()
  for (const bag of bags) {
    const v = o[bag]
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const k of Object.keys(v)) out.add(k)
  }
  return out
}

const notFound = (kind: 'ConfigMap' | 'Secret', name: string) =>
  `${kind === 'ConfigMap' ? 'configmap' : 'secret'} "${name}" not found`

/** The volumes whose SetUp fails, in spec order, with the error MountVolume.SetUp reports. */
export function unmountableVolumes(cluster: Cluster, pod: Pod): UnmountableVolume[] {
  const out: UnmountableVolume[] = []
  for (const v of (pod.spec['volumes'] ?? []) as Record<string, unknown>[]) {
    const name = String(v['name'] ?? '')
    const cm = v['configMap'] as (Ref & { items?: { key?: string }[] }) | undefined
    const secret = v['secret'] as
      { secretName?: string; optional?: boolean; items?: { key?: string }[] } | undefined
    const error = cm
      ? sourceError(cluster, pod, 'ConfigMap', cm.name ?? '', cm.optional === true, cm.items)
      : secret
        ? sourceError(cluster, pod, 'Secret', secret.secretName ?? '', secret.optional === true, secret.items)
        : null
    if (error) out.push({ volume: name, error })
  }
  return out
}

function sourceError(
  cluster: Cluster,
  pod: Pod,
  kind: 'ConfigMap' | 'Secret',
  name: string,
  optional: boolean,
  items: readonly { key?: string }[] | undefined,
): string | null {
  const o = lookup(cluster, kind, pod, name)
  if (!o) return optional ? null : notFound(kind, name)
  // MakePayload: every listed key must exist, unless the source is optional.
  const keys = keysOf(o, kind)
  for (const item of items ?? []) {
    const key = item.key ?? ''
    if (!keys.has(key) && !optional)
      return kind === 'ConfigMap'
        ? `configmap references non-existent config key: ${key}`
        : `references non-existent secret key: ${key}`
  }
  return null
}

/** The error that keeps a container from being created (CreateContainerConfigError), or null. */
export function containerEnvError(cluster: Cluster, pod: Pod, c: Container): string | null {
  const ns = pod.metadata.namespace ?? 'default'
  for (const from of (c['envFrom'] ?? []) as { configMapRef?: Ref; secretRef?: Ref }[]) {
    const ref = from.configMapRef ?? from.secretRef
    const kind = from.configMapRef ? 'ConfigMap' : from.secretRef ? 'Secret' : null
    if (!ref || !kind) continue
    if (!lookup(cluster, kind, pod, ref.name ?? '') && ref.optional !== true)
      return notFound(kind, ref.name ?? '')
  }
  for (const e of (c['env'] ?? []) as { value?: string; valueFrom?: Record<string, unknown> }[]) {
    if (e.value || !e.valueFrom) continue
    const cmRef = e.valueFrom['configMapKeyRef'] as (Ref & { key?: string }) | undefined
    const secretRef = e.valueFrom['secretKeyRef'] as (Ref & { key?: string }) | undefined
    const ref = cmRef ?? secretRef
    const kind = cmRef ? 'ConfigMap' : secretRef ? 'Secret' : null
    if (!ref || !kind) continue
    const name = ref.name ?? ''
    const o = lookup(cluster, kind, pod, name)
    if (!o) {
      if (ref.optional === true) continue
      return notFound(kind, name)
    }
    // The key must be in `data` (binaryData does not count for env: configMap.Data[key]).
    const data = (o['data'] ?? {}) as Record<string, unknown>
    const present = kind === 'Secret' ? keysOf(o, 'Secret').has(ref.key ?? '') : (ref.key ?? '') in data
    if (!present && ref.optional !== true)
      return `couldn't find key ${ref.key ?? ''} in ${kind} ${ns}/${name}`
  }
  return null
}
