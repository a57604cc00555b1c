/**
 * Fixes for what the kubelet needs before a container can start: a ConfigMap or Secret a volume or an
 * env var names but that does not exist (create it in the cluster, or mark the reference optional),
 * and sysctls outside the kubelet's safe set (drop them).
 *
 * The messages are the kubelet's: pkg/volume/configmap/configmap.go and pkg/volume/secret/secret.go
 * (`configmap "x" not found`), pkg/kubelet/kubelet_pods.go makeEnvironmentVariables
 * (`secret "x" not found`), pkg/kubelet/sysctl/allowlist.go (`forbidden sysctl: …`).
 */
import type { JsonObject, KubeObject, Pod } from '../model/objects'
import { REASON_SYSCTL_FORBIDDEN, validateSysctl } from '../kubelet/sysctl-allowlist'
import type { Path } from './document-edit'
import {
  addClusterObject,
  containersOf,
  podChange,
  podNamespace,
  writtenPod,
  type FixContext,
  type FixFamily,
} from './fix-context'
import type { Candidate } from './types'

type SourceKind = 'ConfigMap' | 'Secret'
const NOT_FOUND = /(configmap|secret) "([^"]+)" not found/

/** Every place the pod names `kind`/`name` (volumes, env valueFrom, envFrom), with the keys it reads. */
function references(pod: Pod, kind: SourceKind, name: string): { paths: Path[]; keys: string[] } {
  const paths: Path[] = []
  const keys = new Set<string>()
  ;(pod.spec.volumes ?? []).forEach((v, i) => {
    const source = (kind === 'ConfigMap' ? v['configMap'] : v['secret']) as JsonObject | undefined
    const sourceName = kind === 'ConfigMap' ? source?.['name'] : source?.['secretName']
    if (!source || sourceName !== name) return
    paths.push(['spec', 'volumes', i, kind === 'ConfigMap' ? 'configMap' : 'secret'])
    for (const item of (source['items'] ?? []) as readonly JsonObject[]) keys.add(String(item['key'] ?? ''))
  })
  const refKey = kind === 'ConfigMap' ? 'configMapKeyRef' : 'secretKeyRef'
  const fromKey = kind === 'ConfigMap' ? 'configMapRef' : 'secretRef'
  for (const { container, path } of containersOf(pod)) {
    const env = (container['env'] ?? []) as readonly JsonObject[]
    env.forEach((e, i) => {
      const ref = (e['valueFrom'] as JsonObject | undefined)?.[refKey] as JsonObject | undefined
      if (ref?.['name'] !== name) return
      paths.push([...path, 'env', i, 'valueFrom', refKey])
      keys.add(String(ref['key'] ?? ''))
    })
    const envFrom = (container['envFrom'] ?? []) as readonly JsonObject[]
    envFrom.forEach((e, i) => {
      if ((e[fromKey] as JsonObject | undefined)?.['name'] === name)
        paths.push([...path, 'envFrom', i, fromKey])
    })
  }
  return { paths, keys: [...keys].filter(Boolean) }
}

/** A placeholder object with the keys the pod reads: empty strings for a ConfigMap, "changeme" for a Secret. */
function placeholder(kind: SourceKind, name: string, namespace: string, keys: readonly string[]): KubeObject {
  const values = Object.fromEntries(keys.map((k) => [k, kind === 'Secret' ? 'changeme' : '']))
  return {
    apiVersion: 'v1',
    kind,
    metadata: { name, namespace },
    ...(kind === 'Secret' ? { type: 'Opaque', stringData: values } : { data: values }),
  }
}

function missingObjects(ctx: FixContext): Candidate[] {
  const written = writtenPod(ctx)
  if (!written) return []
  const seen = new Set<string>()
  const out: Candidate[] = []
  for (const w of ctx.warnings) {
    if (w.reason !== 'FailedMount' && w.reason !== 'Failed') continue
    const m = NOT_FOUND.exec(w.message)
    if (!m) continue
    const kind: SourceKind = m[1] === 'configmap' ? 'ConfigMap' : 'Secret'
    const name = m[2]!
    if (seen.has(`${kind}/${name}`)) continue
    seen.add(`${kind}/${name}`)
    const { paths, keys } = references(written, kind, name)
    if (paths.length === 0) continue
    const ns = podNamespace(ctx)
    const why = `The kubelet cannot start the pod (${w.reason}): "${w.message}".`
    out.push({
      id: `config:create:${kind}:${name}`,
      title: `Create ${kind} ${name}${keys.length ? ` with ${keys.length === 1 ? 'key' : 'keys'} ${keys.join(', ')}` : ''}`,
      why,
      change: addClusterObject(ctx, placeholder(kind, name, ns, keys)),
    })
    const optional = podChange(ctx, (e) => paths.forEach((p) => e.set([...p, 'optional'], true)))
    if (optional)
      out.push({
        id: `config:optional:${kind}:${name}`,
        title: `Mark the ${kind} ${name} optional`,
        why,
        change: optional,
      })
  }
  return out
}

function forbiddenSysctls(ctx: FixContext): Candidate[] {
  const pod = ctx.pod
  const written = writtenPod(ctx)
  if (!pod || !written || pod.status?.['reason'] !== REASON_SYSCTL_FORBIDDEN) return []
  const sysctls = ((written.spec['securityContext'] as { sysctls?: readonly { name?: string }[] } | undefined)
    ?.sysctls ?? []) as readonly { name?: string }[]
  const hostNet = written.spec['hostNetwork'] === true
  const hostIPC = written.spec['hostIPC'] === true
  const bad = sysctls
    .map((s, i) => ({ name: s.name ?? '', i }))
    .filter((s) => validateSysctl(s.name, hostNet, hostIPC) !== null)
  if (bad.length === 0) return []
  const change = podChange(ctx, (e) => {
    if (bad.length === sysctls.length) e.remove(['spec', 'securityContext', 'sysctls'])
    // From the end, so the indices still point at the right entries.
    else [...bad].reverse().forEach((s) => e.remove(['spec', 'securityContext', 'sysctls', s.i]))
  })
  if (!change) return []
  return [
    {
      id: 'config:drop-unsafe-sysctls',
      title: `Drop the unsafe sysctl${bad.length === 1 ? '' : 's'} ${bad.map((s) => s.name).join(', ')}`,
      why: `The kubelet refused the pod with ${REASON_SYSCTL_FORBIDDEN}: "${String(pod.status?.['message'] ?? '')}".`,
      change,
    },
  ]
}

export const ConfigFixes: FixFamily = {
  name: 'PodConfig',
  candidates: (ctx) => [...missingObjects(ctx), ...forbiddenSysctls(ctx)],
}
