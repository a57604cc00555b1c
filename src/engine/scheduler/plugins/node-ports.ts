/**
 * NodePorts: a hostPort the pod asks for must be free on the node.
 * Upstream: pkg/scheduler/framework/plugins/nodeports/node_ports.go
 */
import type { FilterPlugin } from '../framework/types'
import { SKIP, unschedulable, SUCCESS as SUCCESS_ } from '../framework/types'
import { hostPortsOf } from '../framework/node-info'

// Module-local copies: the hot path reads them for every node, and where modules are compiled
// to CommonJS (tsx, the benchmark) every read of an imported binding is a getter call.
const SUCCESS = SUCCESS_

export const ERR_REASON_PORTS = "node(s) didn't have free ports for the requested pod ports"

function conflicts(want: string, used: ReadonlySet<string>): boolean {
  const [proto, ip, port] = want.split('/')
  for (const u of used) {
    const [p2, ip2, port2] = u.split('/')
    if (p2 !== proto || port2 !== port) continue
    if (ip === '0.0.0.0' || ip2 === '0.0.0.0' || ip === ip2) return true
  }
  return false
}

export const NodePorts: FilterPlugin<readonly string[]> = {
  name: 'NodePorts',
  preFilter(pod) {
    const ports = hostPortsOf(pod)
    return { status: ports.length ? SUCCESS : SKIP, state: ports }
  },
  filter(_pod, node, ports) {
    return ports.some((p) => conflicts(p, node.usedPorts)) ? unschedulable(ERR_REASON_PORTS) : SUCCESS
  },
}
