/**
 * ResourceQuota charges a new pod against every ResourceQuota of its
 * namespace whose hard limits track pod resources and whose scopes match:
 * containers must state cpu/memory a quota tracks ("failed quota"), the quota
 * must have usage ("status unknown"), and used + requested must stay within
 * hard ("exceeded quota"). A quota from the cluster file without
 * status.used has its usage computed from the namespace's existing pods, as
 * the quota controller would have.
 * Upstream: staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go
 * (CheckRequest, prettyPrint, hasUsageStats), pkg/quota/v1/evaluator/core/pods.go,
 * staging/src/k8s.io/apiserver/pkg/quota/v1/generic/evaluator.go (Matches, CalculateUsageStats)
 */
import type { AdmissionInput, AdmissionPlugin } from '../types'
import { admitUnchanged, forbidden } from '../types'
import type { KubeObject, Pod } from '../../../model/objects'
import { parseQuantity, quantityFromNanos, type Quantity } from '../../../model/quantity'
import { podQOSClass } from '../../../model/qos'
import {
  addLists,
  matchesPodResource,
  missingConstraints,
  podUsage,
  prettyPrint,
  type ResourceList,
} from './pod-quota-usage'

/** Upstream: resourcequota/controller.go CheckRequest. */
export const failedQuotaMessage = (quota: string, err: string) => `failed quota: ${quota}: ${err}`
/** Upstream: resourcequota/controller.go CheckRequest. */
export const statusUnknownMessage = (quota: string, resources: readonly string[]) =>
  `status unknown for quota: ${quota}, resources: ${[...resources].sort().join(',')}`
/** Upstream: resourcequota/controller.go CheckRequest. */
export const exceededQuotaMessage = (quota: string, requested: string, used: string, limited: string) =>
  `exceeded quota: ${quota}, requested: ${requested}, used: ${used}, limited: ${limited}`

interface ScopeRequirement {
  readonly scopeName: string
  readonly operator?: string
  readonly values?: readonly string[]
}

interface QuotaView {
  readonly name: string
  readonly hard: ResourceList
  readonly used: ResourceList | null
  readonly scopes: readonly ScopeRequirement[]
}

function list(map: unknown): Map<string, Quantity> {
  const out = new Map<string, Quantity>()
  if (!map || typeof map !== 'object') return out
  for (const [k, v] of Object.entries(map as Record<string, unknown>)) {
    const q = parseQuantity(String(v))
    if (q.ok) out.set(k, q.quantity)
  }
  return out
}

/** getScopeSelectorsFromQuota: spec.scopes as Exists selectors, then scopeSelector.matchExpressions. */
function scopesOf(q: KubeObject): ScopeRequirement[] {
  const spec = (q['spec'] ?? {}) as {
    scopes?: string[]
    scopeSelector?: { matchExpressions?: ScopeRequirement[] }
  }
  return [
    ...(spec.scopes ?? []).map((s) => ({ scopeName: s, operator: 'Exists' })),
    ...(spec.scopeSelector?.matchExpressions ?? []),
  ]
}

/** podMatchesScopeFunc. */
function podMatchesScope(pod: Pod, s: ScopeRequirement): boolean {
  const deadline = pod.spec['activeDeadlineSeconds']
  const terminating = typeof deadline === 'number' && deadline >= 0
  switch (s.scopeName) {
    case 'Terminating':
      return terminating
    case 'NotTerminating':
      return !terminating
    case 'BestEffort':
      return podQOSClass(pod) === 'BestEffort'
    case 'NotBestEffort':
      return podQOSClass(pod) !== 'BestEffort'
    case 'PriorityClass': {
      const pc = pod.spec.priorityClassName ?? ''
      const values = s.values ?? []
      switch (s.operator) {
        case 'Exists':
          return pc !== ''
        case 'DoesNotExist':
          return pc === ''
        case 'In':
          return pc !== '' && values.includes(pc)
        case 'NotIn':
          return pc === '' || !values.includes(pc)
        default:
          return false
      }
    }
    default:
      return false
  }
}

function quotaMatches(q: QuotaView, pod: Pod): boolean {
  return [...q.hard.keys()].some(matchesPodResource) && q.scopes.every((s) => podMatchesScope(pod, s))
}

/** CalculateUsageStats: 0 for every tracked hard resource, plus each matching pod's usage. */
function computedUsed(q: QuotaView, pods: readonly Pod[]): Map<string, Quantity> {
  const tracked = [...q.hard.keys()].filter(matchesPodResource)
  let used = new Map<string, Quantity>(tracked.map((r) => [r, quantityFromNanos(0n, 'DecimalSI')]))
  for (const p of pods) {
    if (!q.scopes.every((s) => podMatchesScope(p, s))) continue
    const usage = podUsage(p)
    const masked = new Map([...usage].filter(([k]) => tracked.includes(k)))
    used = addLists(used, masked)
  }
  return used
}

function quotasOf(input: AdmissionInput): QuotaView[] {
  const pods = input.cluster.pods.filter((p) => p.metadata.namespace === input.namespace)
  return (input.cluster.objects['ResourceQuota'] ?? [])
    .filter((q) => q.metadata.namespace === input.namespace)
    .map((q) => {
      const status = (q['status'] ?? {}) as { hard?: unknown; used?: unknown }
      const spec = (q['spec'] ?? {}) as { hard?: unknown }
      const view: QuotaView = {
        name: q.metadata.name ?? '',
        hard: list(status.hard ?? spec.hard),
        used: status.used ? list(status.used) : null,
        scopes: scopesOf(q),
      }
      return view.used ? view : { ...view, used: computedUsed(view, pods) }
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

const mask = (l: ResourceList, names: Iterable<string>) => {
  const keep = new Set(names)
  return new Map([...l].filter(([k]) => keep.has(k)))
}

export const ResourceQuota: AdmissionPlugin = {
  name: 'ResourceQuota',
  handles: (op) => op === 'CREATE' || op === 'UPDATE',
  validate(input) {
    if (input.operation !== 'CREATE') return admitUnchanged(input, 'pods are charged on create only')
    const quotas = quotasOf(input)
    if (quotas.length === 0) return admitUnchanged(input, `no ResourceQuota in namespace ${input.namespace}`)
    const pod = input.pod
    const interesting: QuotaView[] = []
    for (const q of quotas) {
      if (!quotaMatches(q, pod)) continue
      const restricted = [...q.hard.keys()].filter(matchesPodResource)
      const missing = missingConstraints(pod, restricted)
      if (missing) {
        return forbidden(
          input,
          failedQuotaMessage(q.name, missing),
          `quota ${q.name} tracks cpu/memory, so every container must state them`,
        )
      }
      const used = q.used ?? new Map()
      if (!restricted.every((r) => used.has(r))) {
        return forbidden(input, statusUnknownMessage(q.name, restricted), `quota ${q.name} has no usage yet`)
      }
      interesting.push(q)
    }
    if (interesting.length === 0)
      return admitUnchanged(input, `no ResourceQuota in namespace ${input.namespace} tracks this pod`)
    const delta = new Map([...podUsage(pod)].filter(([, q]) => q.nanos !== 0n))
    const charged: string[] = []
    for (const q of interesting) {
      const requested = mask(delta, q.hard.keys())
      const used = q.used ?? new Map()
      const next = mask(addLists(used, requested), requested.keys())
      const exceeded = [...next].filter(([k, v]) => v.nanos > (q.hard.get(k)?.nanos ?? 0n)).map(([k]) => k)
      if (exceeded.length) {
        return forbidden(
          input,
          exceededQuotaMessage(
            q.name,
            prettyPrint(mask(requested, exceeded)),
            prettyPrint(mask(used, exceeded)),
            prettyPrint(mask(q.hard, exceeded)),
          ),
          `the pod would take quota ${q.name} past its hard limit`,
        )
      }
      charged.push(`${q.name} (${prettyPrint(requested)})`)
    }
    return admitUnchanged(input, `charged to ${charged.join('; ')}`)
  },
}
