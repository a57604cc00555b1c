/**
 * kube-controller-manager's memory in the world, and the work queue's Add: shared by the watch
 * handlers (controller-manager.ts) and the sync runner (sync-runner.ts).
 */
import type { World } from '../protocol/world'
import type { StepWriter } from '../protocol/step'
import type { ControllerManagerState } from './state'
import type { ControllerName } from './plan'
import { EMPTY_QUEUE, enqueue } from './work-queue'

/** From a key entering the queue to a worker starting on it, in virtual ms. */
export const PICKUP_MS = 0.5
/** To the apiserver over the loopback or the cluster network, in virtual ms. */
export const REQUEST_MS = 1
/** The rate limiter's first delay (workqueue DefaultControllerRateLimiter: 5 ms). */
export const RATE_LIMITER_BASE_MS = 5

const EMPTY: ControllerManagerState = {
  queues: { deployment: EMPTY_QUEUE, replicaset: EMPTY_QUEUE },
  syncs: {},
  expectations: {},
  requests: {},
  decisions: {},
}

export function stateOf(world: World): ControllerManagerState {
  return world.controllerManager ?? EMPTY
}

export function put(w: StepWriter, state: ControllerManagerState): void {
  w.update({ ...w.world, controllerManager: state })
}

export function queueKey(w: StepWriter, controller: ControllerName, key: string): void {
  const delay = PICKUP_MS
  const s = stateOf(w.world)
  const { queue, start } = enqueue(s.queues[controller], key)
  put(w, { ...s, queues: { ...s.queues, [controller]: queue } })
  if (start) w.send(delay, { to: 'kube-controller-manager', type: 'sync', controller, key })
}
