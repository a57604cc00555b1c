/**
 * SchedulingGates (PreEnqueue): a pod with spec.schedulingGates never enters
 * the active queue, so no scheduling cycle runs and no FailedScheduling event
 * is recorded; the apiserver already set PodScheduled=False/SchedulingGated.
 * Upstream: pkg/scheduler/framework/plugins/schedulinggates/scheduling_gates.go,
 * pkg/registry/core/pod/strategy.go (PrepareForCreate)
 */
import type { Pod, PodCondition } from '../../model/objects'
import type { PreEnqueuePlugin } from '../framework/types'
import { SUCCESS, unresolvable } from '../framework/types'

/** The condition the apiserver sets on create (pkg/apis/core: PodReasonSchedulingGated). */
export const REASON_SCHEDULING_GATED = 'SchedulingGated'
export const MSG_SCHEDULING_GATED = 'Scheduling is blocked due to non-empty scheduling gates'

/** Go's %v of a []string: `[a b]`. */
export const waitingForGates = (gates: readonly string[]): string =>
  `waiting for scheduling gates: [${gates.join(' ')}]`

export function schedulingGatesOf(pod: Pod): string[] {
  return ((pod.spec['schedulingGates'] ?? []) as readonly { name: string }[]).map((g) => g.name)
}

export const SchedulingGates: PreEnqueuePlugin = {
  name: 'SchedulingGates',
  preEnqueue(pod) {
    const gates = schedulingGatesOf(pod)
    return gates.length ? unresolvable(waitingForGates(gates)) : SUCCESS
  },
}

/**
 * What PrepareForCreate adds to a new pod's status when it has scheduling
 * gates: PodScheduled=False, reason SchedulingGated (for the apiserver's create).
 */
export function schedulingGatedStatus(pod: Pod, now: string): { conditions?: PodCondition[] } {
  if (schedulingGatesOf(pod).length === 0) return {}
  return {
    conditions: [
      {
        type: 'PodScheduled',
        status: 'False',
        lastProbeTime: null,
        lastTransitionTime: now,
        reason: REASON_SCHEDULING_GATED,
        message: MSG_SCHEDULING_GATED,
      },
    ],
  }
}
