/**
 * TaintToleration: only NoSchedule and NoExecute taints filter; PreferNoSchedule
 * taints only lower the score (fewer untolerated = better, reverse-normalised).
 * Upstream: pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go,
 * staging/src/k8s.io/component-helpers/scheduling/corev1/helpers.go (FindMatchingUntoleratedTaint)
 */
import type { Taint, Toleration } from '../../model/objects'
import type { FilterPlugin, ScorePlugin } from '../framework/types'
import { MAX_NODE_SCORE, defaultNormalizeScore, unresolvable, SUCCESS as SUCCESS_ } from '../framework/types'

// Module-local copies: the hot path reads them for every node, and where modules are compiled
// to CommonJS (tsx, the benchmark) every read of an imported binding is a getter call.
const SUCCESS = SUCCESS_

/** Since v1.34 patch releases with PR #135023 the taint itself is no longer printed. */
export const ERR_REASON_UNTOLERATED = 'node(s) had untolerated taint(s)'

export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false
  if (t.key && t.key !== taint.key) return false
  if (!t.key && t.operator !== 'Exists') return false
  switch (t.operator ?? 'Equal') {
    case 'Exists':
      return true
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '')
    default:
      return false
  }
}

function toleratedByAny(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (let i = 0; i < tolerations.length; i++) if (toleratesTaint(tolerations[i]!, taint)) return true
  return false
}

const NO_TOLERATIONS: readonly Toleration[] = []

export const TaintToleration: FilterPlugin<void> & ScorePlugin<readonly Toleration[]> = {
  name: 'TaintToleration',
  // Plain loops: Filter runs for every examined node and Score for every feasible one.
  filter(pod, node) {
    const taints = node.node.spec.taints
    if (!taints || taints.length === 0) return SUCCESS
    const tolerations = pod.spec.tolerations ?? NO_TOLERATIONS
    for (const taint of taints) {
      if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue
      if (!toleratedByAny(tolerations, taint)) return unresolvable(ERR_REASON_UNTOLERATED)
    }
    return SUCCESS
  },
  preScore(pod) {
    const prefer = (pod.spec.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule')
    return { status: SUCCESS, state: prefer }
  },
  score(_pod, node, tolerations) {
    const taints = node.node.spec.taints
    if (!taints) return 0
    let n = 0
    for (const taint of taints)
      if (taint.effect === 'PreferNoSchedule' && !toleratedByAny(tolerations, taint)) n++
    return n
  },
  normalize: (scores) => defaultNormalizeScore(MAX_NODE_SCORE, true, scores),
}
