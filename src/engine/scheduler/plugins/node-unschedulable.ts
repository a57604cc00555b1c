/**
 * NodeUnschedulable rejects cordoned nodes unless the pod tolerates the
 * node.kubernetes.io/unschedulable:NoSchedule taint.
 * Upstream: pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go
 */
import type { FilterPlugin } from '../framework/types'
import { unresolvable, SUCCESS as SUCCESS_ } from '../framework/types'

// Module-local copies: the hot path reads them for every node, and where modules are compiled
// to CommonJS (tsx, the benchmark) every read of an imported binding is a getter call.
const SUCCESS = SUCCESS_

export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable'

export const NodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(pod, node) {
    if (!node.node.spec.unschedulable) return SUCCESS
    const tolerated = (pod.spec.tolerations ?? []).some(
      (t) =>
        (t.operator === 'Exists' && !t.key) ||
        (t.key === 'node.kubernetes.io/unschedulable' &&
          (t.operator === 'Exists' || !t.value) &&
          (!t.effect || t.effect === 'NoSchedule')),
    )
    return tolerated ? SUCCESS : unresolvable(ERR_REASON_UNSCHEDULABLE)
  },
}
