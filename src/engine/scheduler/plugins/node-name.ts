/**
 * NodeName: a pod with spec.nodeName fits only that node.
 * Upstream: pkg/scheduler/framework/plugins/nodename/node_name.go
 */
import type { FilterPlugin } from '../framework/types'
import { SUCCESS, unresolvable } from '../framework/types'

export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name"

export const NodeName: FilterPlugin = {
  name: 'NodeName',
  filter(pod, node) {
    const want = pod.spec.nodeName
    return !want || want === node.node.metadata.name ? SUCCESS : unresolvable(ERR_REASON_NODE_NAME)
  },
}
