/**
 * NodeResourcesBalancedAllocation prefers nodes whose cpu and memory would be
 * used in similar proportions: score = (1 - std) * 100 over the fractions.
 * It skips pods that request nothing (BestEffort).
 * Upstream: pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go
 */
import type { ScorePlugin } from '../framework/types'
import { SKIP, SUCCESS, MAX_NODE_SCORE as MAX_NODE_SCORE_ } from '../framework/types'
import { podFigures } from '../framework/node-info'

// Module-local copies: the hot path reads them for every node, and where modules are compiled
// to CommonJS (tsx, the benchmark) every read of an imported binding is a getter call.
const MAX_NODE_SCORE = MAX_NODE_SCORE_

export const NodeResourcesBalancedAllocation: ScorePlugin<{ milliCPU: number; memory: number }> = {
  name: 'NodeResourcesBalancedAllocation',
  preScore(pod) {
    const r = podFigures(pod).requests
    const bestEffort = r.milliCPU === 0 && r.memory === 0
    return { status: bestEffort ? SKIP : SUCCESS, state: { milliCPU: r.milliCPU, memory: r.memory } }
  },
  score(_pod, node, req) {
    // Only cpu and memory are scored, so the standard deviation of two fractions is half their distance.
    const cap = node.allocatable
    let std = 0
    if (cap.milliCPU > 0 && cap.memory > 0) {
      const cpu = Math.min(1, (node.requested.milliCPU + req.milliCPU) / cap.milliCPU)
      const mem = Math.min(1, (node.requested.memory + req.memory) / cap.memory)
      std = Math.abs(cpu - mem) / 2
    }
    return Math.trunc((1 - std) * MAX_NODE_SCORE)
  },
}
