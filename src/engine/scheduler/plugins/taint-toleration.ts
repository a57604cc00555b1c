/**
 * TaintToleration: only NoSchedule and NoExecute taints filter; PreferNoSchedule
 * taints only lower the score (fewer untolerated = better, reverse-normalised).
 * Upstream: pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go,
 * staging/src/k8s.io/component-helpers/scheduling/corev1/helpers.go (FindMatchingUntoleratedTaint)
 */
import type { Taint, Toleration } from '../../model/objects'
import type { FilterPlugin, ScorePlugin } from '../framework/types'
import { MAX_NODE_SCORE, SUCCESS, defaultNormalizeScore, unresolvable } from '../framework/types'

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

export const TaintToleration: FilterPlugin<void> & ScorePlugin<readonly Toleration[]> = {
  name: 'TaintToleration',
  filter(pod, node) {
    const tolerations = pod.spec.tolerations ?? []
    const bad = (node.node.spec.taints ?? []).find(
      (taint) =>
        (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') &&
        !tolerations.some((t) => toleratesTaint(t, taint)),
    )
    return bad ? unresolvable(ERR_REASON_UNTOLERATED) : SUCCESS
  },
  preScore(pod) {
    const prefer = (pod.spec.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule')
    return { status: SUCCESS, state: prefer }
  },
  score(_pod, node, tolerations) {
    return (node.node.spec.taints ?? []).filter(
      (taint) => taint.effect === 'PreferNoSchedule' && !tolerations.some((t) => toleratesTaint(t, taint)),
    ).length
  },
  normalize: (scores) => defaultNormalizeScore(MAX_NODE_SCORE, true, scores),
}
