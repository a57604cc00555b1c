/**
 * NodeName: a pod with spec.nodeName fits only that node.
 * Upstream: pkg/scheduler/framework/plugins/nodename/node_name.go
 */
import type { FilterPlugin } from '../framework/types'
import { SKIP, unresolvable, SUCCESS as SUCCESS_ } from '../framework/types'

// Module-local copies: the hot path reads them for every node, and where modules are compiled
// to CommonJS (tsx, the benchmark) every read of an imported binding is a getter call.
const SUCCESS = SUCCESS_

export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name"

export const NodeName: FilterPlugin<void> = {
  name: 'NodeName',
  // PreFilterResult: a pod that names its node needs only that node examined.
  preFilter(pod) {
    const want = pod.spec.nodeName
    return want
      ? { status: SUCCESS, state: undefined, nodeNames: new Set([want]) }
      : { status: SKIP, state: undefined }
  },
  filter(pod, node) {
    const want = pod.spec.nodeName
    return !want || want === node.node.metadata.name ? SUCCESS : unresolvable(ERR_REASON_NODE_NAME)
  },
}
