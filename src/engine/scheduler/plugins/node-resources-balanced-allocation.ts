/**
 * NodeResourcesBalancedAllocation prefers nodes whose cpu and memory would be
 * used in similar proportions: score = (1 - std) * 100 over the fractions.
 * It skips pods that request nothing (BestEffort).
 * Upstream: pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go
 */
import type { ScorePlugin } from '../framework/types'
import { MAX_NODE_SCORE, SKIP, SUCCESS } from '../framework/types'
import { podRequests } from '../framework/node-info'

export const NodeResourcesBalancedAllocation: ScorePlugin<{ milliCPU: number; memory: number }> = {
  name: 'NodeResourcesBalancedAllocation',
  preScore(pod) {
    const r = podRequests(pod)
    const bestEffort = r.milliCPU === 0 && r.memory === 0
    return { status: bestEffort ? SKIP : SUCCESS, state: { milliCPU: r.milliCPU, memory: r.memory } }
  },
  score(_pod, node, req) {
    const fractions: number[] = []
    const cap = node.allocatable
    if (cap.milliCPU > 0) fractions.push(Math.min(1, (node.requested.milliCPU + req.milliCPU) / cap.milliCPU))
    if (cap.memory > 0) fractions.push(Math.min(1, (node.requested.memory + req.memory) / cap.memory))
    let std = 0
    if (fractions.length === 2) std = Math.abs(fractions[0]! - fractions[1]!) / 2
    else if (fractions.length > 2) {
      const mean = fractions.reduce((a, b) => a + b, 0) / fractions.length
      std = Math.sqrt(fractions.reduce((a, f) => a + (f - mean) ** 2, 0) / fractions.length)
    }
    return Math.trunc((1 - std) * MAX_NODE_SCORE)
  },
}
