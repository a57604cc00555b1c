/**
 * NodeResourcesFit: the pod's requests must fit the node's allocatable minus
 * what its pods already request (Filter); LeastAllocated scoring prefers the
 * node with the most room left, cpu and memory weighted equally (Score).
 * Upstream: pkg/scheduler/framework/plugins/noderesources/fit.go, least_allocated.go,
 * resource_allocation.go
 */
import type { Pod } from '../../model/objects'
import type { FilterPlugin, NodeInfo, Resource, ScorePlugin } from '../framework/types'
import { MAX_NODE_SCORE, SUCCESS, unschedulable } from '../framework/types'
import { podNonZeroRequests, podRequests } from '../framework/node-info'

export const ERR_TOO_MANY_PODS = 'Too many pods'
export const insufficient = (resource: string): string => `Insufficient ${resource}`

/** fitsRequest: every shortage is reported, in upstream's order (pods, cpu, memory, ephemeral-storage, scalars). */
export function insufficientResources(req: Resource, node: NodeInfo): string[] {
  const out: string[] = []
  if (node.pods.length + 1 > node.allocatable.allowedPodNumber) out.push(ERR_TOO_MANY_PODS)
  const isEmpty =
    req.milliCPU === 0 &&
    req.memory === 0 &&
    req.ephemeralStorage === 0 &&
    Object.values(req.scalar).every((v) => v === 0)
  if (isEmpty) return out
  if (req.milliCPU > 0 && req.milliCPU > node.allocatable.milliCPU - node.requested.milliCPU)
    out.push(insufficient('cpu'))
  if (req.memory > 0 && req.memory > node.allocatable.memory - node.requested.memory)
    out.push(insufficient('memory'))
  if (
    req.ephemeralStorage > 0 &&
    req.ephemeralStorage > node.allocatable.ephemeralStorage - node.requested.ephemeralStorage
  ) {
    out.push(insufficient('ephemeral-storage'))
  }
  for (const [name, amount] of Object.entries(req.scalar)) {
    if (amount > 0 && amount > (node.allocatable.scalar[name] ?? 0) - (node.requested.scalar[name] ?? 0))
      out.push(insufficient(name))
  }
  return out
}

function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity)
}

export const NodeResourcesFit: FilterPlugin<Resource> & ScorePlugin<{ milliCPU: number; memory: number }> = {
  name: 'NodeResourcesFit',
  preFilter(pod: Pod) {
    return { status: SUCCESS, state: podRequests(pod) }
  },
  filter(_pod, node, req) {
    const reasons = insufficientResources(req, node)
    return reasons.length ? unschedulable(...reasons) : SUCCESS
  },
  preScore(pod) {
    return { status: SUCCESS, state: podNonZeroRequests(pod) }
  },
  score(_pod, node, req) {
    // LeastAllocated with the default resources cpu=1, memory=1; a resource the node does not report is skipped.
    let total = 0
    let weights = 0
    for (const [requested, capacity] of [
      [node.nonZeroRequested.milliCPU + req.milliCPU, node.allocatable.milliCPU],
      [node.nonZeroRequested.memory + req.memory, node.allocatable.memory],
    ] as const) {
      if (capacity === 0) continue
      total += leastRequestedScore(requested, capacity)
      weights += 1
    }
    return weights === 0 ? 0 : Math.trunc(total / weights)
  },
}
