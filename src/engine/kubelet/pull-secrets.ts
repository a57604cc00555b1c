/**
 * The registry credentials a pod's imagePullSecrets provide: Secrets of type
 * kubernetes.io/dockerconfigjson (or the older kubernetes.io/dockercfg) in the
 * pod's namespace whose `auths` name a registry host.
 * Upstream: pkg/kubelet/kubelet_pods.go getPullSecretsForPod;
 * pkg/credentialprovider/keyring.go (Docker Hub's "https://index.docker.io/v1/" key is docker.io).
 */
import type { Cluster } from '../model/cluster'
import type { Pod } from '../model/objects'
import { decodeBase64, utf8Text } from '../model/base64'

export interface PullSecrets {
  /** Registry hosts with credentials, e.g. ["docker.io", "registry.example.com"]. */
  readonly hosts: readonly string[]
  /** Secrets the pod names but that do not exist. */
  readonly missing: readonly string[]
}

/** A dockerconfig `auths` key as a registry host: scheme, path and Docker Hub's legacy index name removed. */
export function registryHostOf(key: string): string {
  const host = key.replace(/^https?:\/\//, '').split('/')[0] ?? ''
  return host === 'index.docker.io' || host === 'registry-1.docker.io' ? 'docker.io' : host
}

function decode(value: unknown): string {
  if (typeof value !== 'string') return ''
  const bytes = decodeBase64(value)
  return bytes ? utf8Text(bytes) : ''
}

export function pullSecretsFor(cluster: Cluster, pod: Pod): PullSecrets {
  const ns = pod.metadata.namespace ?? 'default'
  const refs = (pod.spec['imagePullSecrets'] as readonly { name?: string }[] | undefined) ?? []
  const hosts: string[] = []
  const missing: string[] = []
  for (const r of refs) {
    const s = (cluster.objects['Secret'] ?? []).find(
      (o) => o.metadata.name === r.name && (o.metadata.namespace ?? 'default') === ns,
    )
    if (!s) {
      missing.push(r.name ?? '')
      continue
    }
    const data = (s['data'] as Record<string, unknown> | undefined) ?? {}
    const stringData = (s['stringData'] as Record<string, unknown> | undefined) ?? {}
    const text =
      s['type'] === 'kubernetes.io/dockercfg'
        ? ((stringData['.dockercfg'] as string | undefined) ?? decode(data['.dockercfg']))
        : ((stringData['.dockerconfigjson'] as string | undefined) ?? decode(data['.dockerconfigjson']))
    try {
      const parsed = JSON.parse(text || '{}') as { auths?: Record<string, unknown> } & Record<string, unknown>
      const auths = s['type'] === 'kubernetes.io/dockercfg' ? parsed : (parsed.auths ?? {})
      for (const k of Object.keys(auths)) hosts.push(registryHostOf(k))
    } catch {
      // An unparsable secret provides no credentials, as the kubelet's keyring skips it.
    }
  }
  return { hosts: [...new Set(hosts)], missing }
}

/** kubelet.go: the warning when some pull secrets cannot be read. */
export const MSG_FAILED_TO_RETRIEVE_PULL_SECRET = (names: readonly string[]): string =>
  `Unable to retrieve some image pull secrets (${names.join(', ')}); attempting to pull the image may not succeed.`
export const REASON_FAILED_TO_RETRIEVE_PULL_SECRET = 'FailedToRetrieveImagePullSecret'
