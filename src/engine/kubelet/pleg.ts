/**
 * The pod lifecycle event generator: it relists the runtime every second, so a container start or
 * exit reaches the pod worker on the next relist, not at once.
 * Upstream: pkg/kubelet/pleg/generic.go
 */
import type { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'

/** PLEG's generic relist period. */
const RELIST_MS = 1000

export function nextRelistDelay(ctx: SimContext): number {
  return RELIST_MS - (ctx.at % RELIST_MS)
}

export function schedulePleg(w: StepWriter, ctx: SimContext, node: string, reason: string): void {
  const pod = w.pod
  if (pod) w.send(nextRelistDelay(ctx), { to: 'kubelet', type: 'sync', node, pod, reason })
}
