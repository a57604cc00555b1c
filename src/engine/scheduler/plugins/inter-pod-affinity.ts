/**
 * InterPodAffinity. Filter: the node's topology domain must hold a pod matching
 * every required affinity term (UnschedulableAndUnresolvable), none matching a
 * required anti-affinity term (Unschedulable), and no existing pod whose own
 * required anti-affinity matches this pod (Unschedulable). Score: preferred
 * terms of the pod and of existing pods (and existing pods' required affinity,
 * hardPodAffinityWeight 1) add or subtract their weights per topology domain,
 * then min–max normalised.
 * The first pod of a group with affinity to itself may go anywhere that has the
 * topology labels, if no pod matches yet.
 * Upstream: pkg/scheduler/framework/plugins/interpodaffinity/{filtering,scoring,plugin}.go,
 * pkg/scheduler/framework/types.go (AffinityTerm.Matches, getNamespacesFromPodAffinityTerm)
 */
import type { Node, Pod } from '../../model/objects'
import type { LabelSelector, Labels, Selector } from '../../model/label-selector'
import { matchesSelector, toSelector } from '../../model/label-selector'
import type { FilterPlugin, NodeScore, PluginContext, ScorePlugin } from '../framework/types'
import { MAX_NODE_SCORE, SKIP, SUCCESS, unresolvable, unschedulable } from '../framework/types'

export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH =
  "node(s) didn't satisfy existing pods anti-affinity rules"
export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules"
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules"

/** InterPodAffinityArgs.hardPodAffinityWeight default. */
const HARD_POD_AFFINITY_WEIGHT = 1

interface PodAffinityTermSpec {
  readonly labelSelector?: LabelSelector
  readonly namespaces?: readonly string[]
  readonly namespaceSelector?: LabelSelector
  readonly topologyKey: string
}
interface WeightedTermSpec {
  readonly weight: number
  readonly podAffinityTerm: PodAffinityTermSpec
}
interface AffinitySpec {
  readonly requiredDuringSchedulingIgnoredDuringExecution?: readonly PodAffinityTermSpec[]
  readonly preferredDuringSchedulingIgnoredDuringExecution?: readonly WeightedTermSpec[]
}

interface Term {
  readonly namespaces: ReadonlySet<string>
  readonly namespaceSelector: Selector
  readonly selector: Selector
  readonly topologyKey: string
}
interface WeightedTerm extends Term {
  readonly weight: number
}

function affinityOf(pod: Pod): { podAffinity?: AffinitySpec; podAntiAffinity?: AffinitySpec } {
  return (pod.spec.affinity ?? {}) as { podAffinity?: AffinitySpec; podAntiAffinity?: AffinitySpec }
}

/** With neither namespaces nor namespaceSelector, a term means the pod's own namespace. */
function toTerm(owner: Pod, t: PodAffinityTermSpec): Term {
  const explicit = t.namespaces ?? []
  return {
    namespaces: new Set(
      explicit.length === 0 && !t.namespaceSelector ? [owner.metadata.namespace ?? 'default'] : explicit,
    ),
    namespaceSelector: toSelector(t.namespaceSelector),
    selector: toSelector(t.labelSelector),
    topologyKey: t.topologyKey,
  }
}

const required = (pod: Pod, a: AffinitySpec | undefined): Term[] =>
  (a?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => toTerm(pod, t))
const preferred = (pod: Pod, a: AffinitySpec | undefined): WeightedTerm[] =>
  (a?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => ({
    ...toTerm(pod, w.podAffinityTerm),
    weight: w.weight,
  }))

/** AffinityTerm.Matches: the namespace is listed or selected, and the labels match. */
function termMatches(t: Term, pod: Pod, namespaceLabels: ReadonlyMap<string, Labels>): boolean {
  const ns = pod.metadata.namespace ?? 'default'
  const nsOk =
    t.namespaces.has(ns) ||
    (t.namespaceSelector.kind !== 'nothing' &&
      (t.namespaceSelector.kind === 'everything' ||
        (namespaceLabels.has(ns) && matchesSelector(t.namespaceSelector, namespaceLabels.get(ns)))))
  return nsOk && matchesSelector(t.selector, pod.metadata.labels)
}

function matchesAll(terms: readonly Term[], pod: Pod, nsLabels: ReadonlyMap<string, Labels>): boolean {
  return terms.length > 0 && terms.every((t) => termMatches(t, pod, nsLabels))
}

const NO_NAMESPACES: ReadonlyMap<string, Labels> = new Map()

const pairKey = (key: string, value: string) => `${key}\u0000${value}`

function bump(counts: Map<string, number>, node: Node, key: string, by: number): void {
  const value = node.metadata.labels?.[key]
  if (value === undefined) return
  const k = pairKey(key, value)
  counts.set(k, (counts.get(k) ?? 0) + by)
}

export interface AffinityFilterState {
  readonly affinityTerms: readonly Term[]
  readonly antiAffinityTerms: readonly Term[]
  readonly existingAntiAffinityCounts: ReadonlyMap<string, number>
  readonly affinityCounts: ReadonlyMap<string, number>
  readonly antiAffinityCounts: ReadonlyMap<string, number>
  /** The incoming pod matches all its own affinity terms (the "first pod of a group" rule). */
  readonly matchesOwnAffinity: boolean
}

export interface AffinityScoreState {
  /** topologyKey → topology value → summed weight. */
  readonly topologyScore: ReadonlyMap<string, ReadonlyMap<string, number>>
}

export const InterPodAffinity: FilterPlugin<AffinityFilterState> & ScorePlugin<AffinityScoreState> = {
  name: 'InterPodAffinity',
  preFilter(pod, nodes, ctx) {
    const a = affinityOf(pod)
    const ns = ctx?.namespaceLabels ?? NO_NAMESPACES
    const affinityTerms = required(pod, a.podAffinity)
    const antiAffinityTerms = required(pod, a.podAntiAffinity)
    const existingAntiAffinityCounts = new Map<string, number>()
    const withAnti = ctx?.nodesWithRequiredAntiAffinityPods ?? nodes
    for (let i = 0; i < withAnti.length; i++) {
      const info = withAnti[i]!
      if (info.podsWithRequiredAntiAffinity.length === 0) continue
      for (const existing of info.podsWithRequiredAntiAffinity) {
        for (const t of required(existing, affinityOf(existing).podAntiAffinity))
          if (termMatches(t, pod, ns)) bump(existingAntiAffinityCounts, info.node, t.topologyKey, 1)
      }
    }
    const affinityCounts = new Map<string, number>()
    const antiAffinityCounts = new Map<string, number>()
    if (affinityTerms.length > 0 || antiAffinityTerms.length > 0) {
      for (const info of nodes) {
        for (const existing of info.pods) {
          if (matchesAll(affinityTerms, existing, ns))
            for (const t of affinityTerms) bump(affinityCounts, info.node, t.topologyKey, 1)
          for (const t of antiAffinityTerms)
            if (termMatches(t, existing, ns)) bump(antiAffinityCounts, info.node, t.topologyKey, 1)
        }
      }
    }
    const state: AffinityFilterState = {
      affinityTerms,
      antiAffinityTerms,
      existingAntiAffinityCounts,
      affinityCounts,
      antiAffinityCounts,
      matchesOwnAffinity: matchesAll(affinityTerms, pod, ns),
    }
    const skip =
      existingAntiAffinityCounts.size === 0 && affinityTerms.length === 0 && antiAffinityTerms.length === 0
    return { status: skip ? SKIP : SUCCESS, state }
  },
  filter(_pod, info, s) {
    const labels = info.node.metadata.labels ?? {}
    // satisfyPodAffinity
    let podsExist = true
    for (const t of s.affinityTerms) {
      const value = labels[t.topologyKey]
      if (value === undefined) return unresolvable(ERR_REASON_AFFINITY_RULES_NOT_MATCH)
      if ((s.affinityCounts.get(pairKey(t.topologyKey, value)) ?? 0) <= 0) podsExist = false
    }
    if (!podsExist && !(s.affinityCounts.size === 0 && s.matchesOwnAffinity))
      return unresolvable(ERR_REASON_AFFINITY_RULES_NOT_MATCH)
    // satisfyPodAntiAffinity
    if (s.antiAffinityCounts.size > 0) {
      for (const t of s.antiAffinityTerms) {
        const value = labels[t.topologyKey]
        if (value !== undefined && (s.antiAffinityCounts.get(pairKey(t.topologyKey, value)) ?? 0) > 0)
          return unschedulable(ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH)
      }
    }
    // satisfyExistingPodsAntiAffinity
    if (s.existingAntiAffinityCounts.size > 0) {
      for (const key in labels) {
        if ((s.existingAntiAffinityCounts.get(pairKey(key, labels[key]!)) ?? 0) > 0)
          return unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH)
      }
    }
    return SUCCESS
  },
  preScore(pod, _filtered, ctx: PluginContext) {
    const a = affinityOf(pod)
    const ns = ctx.namespaceLabels
    const prefAffinity = preferred(pod, a.podAffinity)
    const prefAnti = preferred(pod, a.podAntiAffinity)
    const hasConstraints = prefAffinity.length > 0 || prefAnti.length > 0
    const topologyScore = new Map<string, Map<string, number>>()
    const add = (t: Term, weight: number, target: Pod, node: Node) => {
      if (!termMatches(t, target, ns)) return
      const value = node.metadata.labels?.[t.topologyKey]
      if (value === undefined) return
      let m = topologyScore.get(t.topologyKey)
      if (!m) topologyScore.set(t.topologyKey, (m = new Map()))
      m.set(value, (m.get(value) ?? 0) + weight)
    }
    let touched = false
    // Unless the pod has preferred terms, only nodes hosting pods with affinity matter.
    const all = hasConstraints ? ctx.allNodes : (ctx.nodesWithAffinityPods ?? ctx.allNodes)
    for (let i = 0; i < all.length; i++) {
      const info = all[i]!
      const pods = hasConstraints ? info.pods : info.podsWithAffinity
      if (pods.length === 0) continue
      const node = info.node
      if (Object.keys(node.metadata.labels ?? {}).length === 0) continue
      const before = topologyScore.size
      let any = false
      for (const existing of pods) {
        const ea = affinityOf(existing)
        const mark = (t: Term, w: number, target: Pod) => {
          if (termMatches(t, target, ns) && node.metadata.labels?.[t.topologyKey] !== undefined) any = true
          add(t, w, target, node)
        }
        for (const t of prefAffinity) mark(t, t.weight, existing)
        for (const t of prefAnti) mark(t, -t.weight, existing)
        for (const t of required(existing, ea.podAffinity)) mark(t, HARD_POD_AFFINITY_WEIGHT, pod)
        for (const t of preferred(existing, ea.podAffinity)) mark(t, t.weight, pod)
        for (const t of preferred(existing, ea.podAntiAffinity)) mark(t, -t.weight, pod)
      }
      if (any || topologyScore.size > before) touched = true
    }
    return { status: touched ? SUCCESS : SKIP, state: { topologyScore } }
  },
  score(_pod, info, s) {
    const labels = info.node.metadata.labels ?? {}
    let score = 0
    for (const [key, values] of s.topologyScore) {
      const v = labels[key]
      if (v !== undefined) score += values.get(v) ?? 0
    }
    return score
  },
  normalize(scores: readonly NodeScore[], s: AffinityScoreState): NodeScore[] {
    if (s.topologyScore.size === 0) return [...scores]
    let min = Number.MAX_SAFE_INTEGER
    let max = Number.MIN_SAFE_INTEGER
    for (const x of scores) {
      if (x.score > max) max = x.score
      if (x.score < min) min = x.score
    }
    const diff = max - min
    return scores.map((x) => ({
      name: x.name,
      score: diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((x.score - min) / diff)) : 0,
    }))
  },
}
