/**
 * NodeAffinity: spec.nodeSelector and required node affinity filter; preferred
 * terms add their weights to the score, normalised to the highest.
 * Upstream: pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go,
 * staging/src/k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go
 */
import type { Node, NodeSelectorRequirement, NodeSelectorTerm, Pod } from '../../model/objects'
import type { FilterPlugin, ScorePlugin } from '../framework/types'
import { MAX_NODE_SCORE, SKIP, SUCCESS, defaultNormalizeScore, unresolvable } from '../framework/types'

export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector"

function matchRequirement(r: NodeSelectorRequirement, values: Readonly<Record<string, string>>): boolean {
  const has = r.key in values
  const v = values[r.key]
  switch (r.operator) {
    case 'In':
      return has && (r.values ?? []).includes(v!)
    case 'NotIn':
      return !has || !(r.values ?? []).includes(v!)
    case 'Exists':
      return has
    case 'DoesNotExist':
      return !has
    case 'Gt':
    case 'Lt': {
      if (!has || (r.values ?? []).length !== 1) return false
      const a = Number.parseInt(v!, 10)
      const b = Number.parseInt(r.values![0]!, 10)
      if (Number.isNaN(a) || Number.isNaN(b)) return false
      return r.operator === 'Gt' ? a > b : a < b
    }
    default:
      return false
  }
}

export function matchTerm(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? []
  const fields = term.matchFields ?? []
  if (exprs.length === 0 && fields.length === 0) return false
  const labels = node.metadata.labels ?? {}
  const nodeFields = { 'metadata.name': node.metadata.name ?? '' }
  return (
    exprs.every((r) => matchRequirement(r, labels)) && fields.every((r) => matchRequirement(r, nodeFields))
  )
}

export function podMatchesNodeSelectorAndAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {}
  for (const [k, v] of Object.entries(pod.spec.nodeSelector ?? {})) if (labels[k] !== v) return false
  const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  if (required) return required.nodeSelectorTerms.some((t) => matchTerm(t, node))
  return true
}

export const ERR_REASON_CONFLICT = 'pod affinity terms conflict'

/**
 * PreFilterResult from `matchFields: metadata.name In [...]`: within a term the
 * requirements intersect, across terms they unite; a term without one allows
 * every node (null).
 */
function requiredNodeNames(terms: readonly NodeSelectorTerm[]): Set<string> | null {
  if (terms.length === 0) return null
  const union = new Set<string>()
  for (const t of terms) {
    let names: Set<string> | null = null
    for (const r of t.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue
      const s: Set<string> = new Set(r.values ?? [])
      const prev = names as Set<string> | null
      names = prev ? new Set([...prev].filter((n) => s.has(n))) : s
    }
    if (names === null) return null
    for (const n of names) union.add(n)
  }
  return union
}

export const NodeAffinity: FilterPlugin<void> & ScorePlugin<void> = {
  name: 'NodeAffinity',
  // Nothing to check without spec.nodeSelector or required node affinity: PreFilter says Skip.
  preFilter(pod) {
    const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
    if (!required && !pod.spec.nodeSelector) return { status: SKIP, state: undefined }
    const nodeNames = requiredNodeNames(required?.nodeSelectorTerms ?? [])
    if (nodeNames === null) return { status: SUCCESS, state: undefined }
    if (nodeNames.size === 0) return { status: unresolvable(ERR_REASON_CONFLICT), state: undefined }
    return { status: SUCCESS, state: undefined, nodeNames }
  },
  filter(pod, node) {
    return podMatchesNodeSelectorAndAffinity(pod, node.node) ? SUCCESS : unresolvable(ERR_REASON_POD)
  },
  preScore(pod) {
    const preferred = pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []
    return { status: preferred.length ? SUCCESS : SKIP, state: undefined }
  },
  score(pod, node) {
    let total = 0
    for (const p of pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
      if (p.weight !== 0 && matchTerm(p.preference, node.node)) total += p.weight
    }
    return total
  },
  normalize: (scores) => defaultNormalizeScore(MAX_NODE_SCORE, false, scores),
}
