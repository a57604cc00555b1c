/**
 * PodTopologySpread: DoNotSchedule constraints filter (matching pods in the
 * node's domain + 1 if the pod matches itself − the global minimum must not
 * exceed maxSkew); ScheduleAnyway constraints score (fewer matching pods in the
 * domain is better, weighted by log(domains + 2), reverse-normalised).
 *
 * Pods without constraints of their own get the system default constraints (defaultingType
 * System: hostname maxSkew 3 and zone maxSkew 5, both ScheduleAnyway) with the selector of what
 * owns or selects them (helper.DefaultSelector: the Services that select the pod, its controlling
 * ReplicaSet); a pod nothing selects gets none and Skips. That is why a Deployment's replicas spread
 * over the nodes. With system defaults, nodes lacking a topology key are not ignored in scoring.
 * Upstream: pkg/scheduler/framework/plugins/podtopologyspread/{common,filtering,scoring,plugin}.go,
 * pkg/scheduler/framework/plugins/helper/spread.go (DefaultSelector)
 */
import type { Node, Pod } from '../../model/objects'
import type { LabelSelector, Selector } from '../../model/label-selector'
import { matchesSelector, toSelector, withLabels } from '../../model/label-selector'
import type { FilterPlugin, NodeScore, PluginContext, ScorePlugin } from '../framework/types'
import { MAX_NODE_SCORE, SKIP, SUCCESS, unresolvable, unschedulable } from '../framework/types'
import { podMatchesNodeSelectorAndAffinity } from './node-affinity'
import { toleratesTaint } from './taint-toleration'
import { controllerRefOf } from '../../model/owner-references'

export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints"
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`

const LABEL_HOSTNAME = 'kubernetes.io/hostname'

/** v1.TopologySpreadConstraint as written in a pod spec. */
export interface TopologySpreadConstraintSpec {
  readonly maxSkew: number
  readonly topologyKey: string
  readonly whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway'
  readonly labelSelector?: LabelSelector
  readonly minDomains?: number
  readonly nodeAffinityPolicy?: 'Honor' | 'Ignore'
  readonly nodeTaintsPolicy?: 'Honor' | 'Ignore'
  readonly matchLabelKeys?: readonly string[]
}

interface Constraint {
  readonly maxSkew: number
  readonly topologyKey: string
  readonly selector: Selector
  readonly minDomains: number
  readonly honorNodeAffinity: boolean
  readonly honorNodeTaints: boolean
}

/** plugin.go systemDefaultConstraints (the default profile's defaultingType: System). */
const SYSTEM_DEFAULT_CONSTRAINTS: readonly TopologySpreadConstraintSpec[] = [
  { topologyKey: LABEL_HOSTNAME, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
]

function ownSpecs(pod: Pod): readonly TopologySpreadConstraintSpec[] {
  return (pod.spec['topologySpreadConstraints'] ?? []) as readonly TopologySpreadConstraintSpec[]
}

/**
 * helper.DefaultSelector: the selectors of the Services that select the pod, then its controlling
 * ReplicaSet's requirements, all ANDed; null when nothing selects the pod (the selector is empty).
 */
function defaultSelector(pod: Pod, ctx: PluginContext | undefined): Selector | null {
  const ns = pod.metadata.namespace ?? 'default'
  const labels = pod.metadata.labels ?? {}
  const merged: Record<string, string> = {}
  for (const sel of ctx?.serviceSelectors?.get(ns) ?? [])
    if (Object.entries(sel).every(([k, v]) => labels[k] === v)) Object.assign(merged, sel)
  let selector: Selector =
    Object.keys(merged).length > 0
      ? toSelector({ matchLabels: merged })
      : { kind: 'everything', requirements: [] }
  const owner = controllerRefOf(pod)
  if (owner?.kind === 'ReplicaSet' && owner.apiVersion === 'apps/v1') {
    const rs = ctx?.replicaSetSelectors?.get(`${ns}/${owner.name}`)
    const other = rs ? toSelector(rs) : null
    if (other?.kind === 'requirements')
      selector = { kind: 'requirements', requirements: [...selector.requirements, ...other.requirements] }
  }
  return selector.requirements.length === 0 ? null : selector
}

/** filterTopologySpreadConstraints: minDomains defaults to 1, nodeAffinityPolicy to Honor, nodeTaintsPolicy to Ignore. */
function constraintsOf(
  pod: Pod,
  action: 'DoNotSchedule' | 'ScheduleAnyway',
  ctx?: PluginContext,
): Constraint[] {
  if (ownSpecs(pod).length === 0) {
    // buildDefaultConstraints: the defaults, filtered by action, with the default selector.
    const selector = defaultSelector(pod, ctx)
    if (!selector) return []
    return SYSTEM_DEFAULT_CONSTRAINTS.filter((c) => c.whenUnsatisfiable === action).map((c) => ({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector,
      minDomains: 1,
      honorNodeAffinity: true,
      honorNodeTaints: false,
    }))
  }
  const specs = ownSpecs(pod)
  const labels = pod.metadata.labels ?? {}
  const out: Constraint[] = []
  for (const c of specs) {
    if (c.whenUnsatisfiable !== action) continue
    let selector = toSelector(c.labelSelector)
    const extra: Record<string, string> = {}
    for (const k of c.matchLabelKeys ?? []) if (k in labels) extra[k] = labels[k]!
    selector = withLabels(selector, extra)
    out.push({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector,
      minDomains: c.minDomains ?? 1,
      honorNodeAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
      honorNodeTaints: (c.nodeTaintsPolicy ?? 'Ignore') === 'Honor',
    })
  }
  return out
}

function nodeHasAllKeys(node: Node, constraints: readonly Constraint[]): boolean {
  const labels = node.metadata.labels ?? {}
  return constraints.every((c) => c.topologyKey in labels)
}

function matchesInclusionPolicies(c: Constraint, pod: Pod, node: Node): boolean {
  if (c.honorNodeAffinity && !podMatchesNodeSelectorAndAffinity(pod, node)) return false
  if (c.honorNodeTaints) {
    const tolerations = pod.spec.tolerations ?? []
    for (const taint of node.spec.taints ?? []) {
      if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue
      if (!tolerations.some((t) => toleratesTaint(t, taint))) return false
    }
  }
  return true
}

/** countPodsMatchSelector: terminating pods and pods of other namespaces do not count. */
function countMatching(pods: readonly Pod[], selector: Selector, namespace: string): number {
  let n = 0
  for (const p of pods) {
    if (p.metadata['deletionTimestamp'] || (p.metadata.namespace ?? 'default') !== namespace) continue
    if (matchesSelector(selector, p.metadata.labels)) n++
  }
  return n
}

export interface SpreadFilterState {
  readonly constraints: readonly Constraint[]
  /** Per constraint: topology value → matching pods. */
  readonly counts: readonly ReadonlyMap<string, number>[]
  /** Per constraint: the smallest count over its domains (critical path). */
  readonly minimum: readonly number[]
}

export interface SpreadScoreState {
  readonly constraints: readonly Constraint[]
  readonly ignored: ReadonlySet<string>
  readonly counts: readonly ReadonlyMap<string, number>[]
  readonly weights: readonly number[]
}

export const PodTopologySpread: FilterPlugin<SpreadFilterState> & ScorePlugin<SpreadScoreState> = {
  name: 'PodTopologySpread',
  preFilter(pod, nodes, ctx) {
    const constraints = constraintsOf(pod, 'DoNotSchedule', ctx)
    if (constraints.length === 0) return { status: SKIP, state: { constraints, counts: [], minimum: [] } }
    const ns = pod.metadata.namespace ?? 'default'
    const counts = constraints.map(() => new Map<string, number>())
    for (const info of nodes) {
      const node = info.node
      if (!nodeHasAllKeys(node, constraints)) continue
      constraints.forEach((c, i) => {
        if (!matchesInclusionPolicies(c, pod, node)) return
        const value = node.metadata.labels![c.topologyKey]!
        counts[i]!.set(value, (counts[i]!.get(value) ?? 0) + countMatching(info.pods, c.selector, ns))
      })
    }
    const minimum = counts.map((m) => {
      let min = Number.MAX_SAFE_INTEGER
      for (const v of m.values()) if (v < min) min = v
      return min
    })
    return { status: SUCCESS, state: { constraints, counts, minimum } }
  },
  filter(pod, info, s) {
    const labels = info.node.metadata.labels ?? {}
    const self = pod.metadata.labels
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]!
      if (!(c.topologyKey in labels)) return unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH)
      // With fewer domains than minDomains the global minimum counts as 0.
      const min = s.counts[i]!.size < c.minDomains ? 0 : s.minimum[i]!
      const selfMatch = matchesSelector(c.selector, self) ? 1 : 0
      const skew = (s.counts[i]!.get(labels[c.topologyKey]!) ?? 0) + selfMatch - min
      if (skew > c.maxSkew) return unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH)
    }
    return SUCCESS
  },
  preScore(pod, filtered, ctx) {
    const constraints = constraintsOf(pod, 'ScheduleAnyway', ctx)
    const empty: SpreadScoreState = { constraints, ignored: new Set(), counts: [], weights: [] }
    if (ctx.allNodes.length === 0 || constraints.length === 0) return { status: SKIP, state: empty }
    const ns = pod.metadata.namespace ?? 'default'
    // System default constraints do not require a node to carry every topology key (requireAllTopologies).
    const requireAll = ownSpecs(pod).length > 0
    const ignored = new Set<string>()
    const counts = constraints.map(() => new Map<string, number>())
    for (const info of filtered) {
      if (requireAll && !nodeHasAllKeys(info.node, constraints)) {
        ignored.add(info.name)
        continue
      }
      constraints.forEach((c, i) => {
        if (c.topologyKey === LABEL_HOSTNAME) return // counted per node in Score
        const value = info.node.metadata.labels?.[c.topologyKey]
        if (value !== undefined) counts[i]!.set(value, 0)
      })
    }
    const weights = constraints.map((c, i) =>
      Math.log((c.topologyKey === LABEL_HOSTNAME ? filtered.length - ignored.size : counts[i]!.size) + 2),
    )
    for (const info of ctx.allNodes) {
      const node = info.node
      if (requireAll && !nodeHasAllKeys(node, constraints)) continue
      constraints.forEach((c, i) => {
        if (!matchesInclusionPolicies(c, pod, node)) return
        const value = node.metadata.labels?.[c.topologyKey]
        if (value === undefined) return
        const current = counts[i]!.get(value)
        if (current === undefined) return
        counts[i]!.set(value, current + countMatching(info.pods, c.selector, ns))
      })
    }
    return { status: SUCCESS, state: { constraints, ignored, counts, weights } }
  },
  score(pod, info, s) {
    if (s.ignored.has(info.name)) return 0
    const labels = info.node.metadata.labels ?? {}
    const ns = pod.metadata.namespace ?? 'default'
    let score = 0
    s.constraints.forEach((c, i) => {
      const value = labels[c.topologyKey]
      if (value === undefined) return
      const count =
        c.topologyKey === LABEL_HOSTNAME
          ? countMatching(info.pods, c.selector, ns)
          : (s.counts[i]!.get(value) ?? 0)
      score += count * s.weights[i]! + (c.maxSkew - 1)
    })
    return Math.round(score)
  },
  normalize(scores: readonly NodeScore[], s: SpreadScoreState): NodeScore[] {
    const ignored = s.ignored
    let min = Number.MAX_SAFE_INTEGER
    let max = 0
    for (const x of scores) {
      if (ignored.has(x.name)) continue
      if (x.score < min) min = x.score
      if (x.score > max) max = x.score
    }
    return scores.map((x) => {
      if (ignored.has(x.name)) return { name: x.name, score: 0 }
      if (max === 0) return { name: x.name, score: MAX_NODE_SCORE }
      return { name: x.name, score: Math.trunc((MAX_NODE_SCORE * (max + min - x.score)) / max) }
    })
  },
}
