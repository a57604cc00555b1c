/**
 * kube-controller-manager at a frame, as data for the app: each controller's last decision per object,
 * its work queue when something waits in it and the replicaset controller's expectations. Everything
 * here reads
 * `world.controllerManager` (controllers/state.ts); nothing is decided here. The card's one-line summary
 * is in workload-card.ts, which the first bundle loads.
 */
import type { ControllerName } from '../controllers/plan'
import type { World } from '../protocol/world'

/** The name each controller's events and logs carry (pkg/controller/deployment, pkg/controller/replicaset). */
const CONTROLLER_OF_KIND: Readonly<Record<string, 'deployment-controller' | 'replicaset-controller'>> = {
  Deployment: 'deployment-controller',
  ReplicaSet: 'replicaset-controller',
}
const CONTROLLER_NAME: Readonly<Record<ControllerName, 'deployment-controller' | 'replicaset-controller'>> = {
  deployment: 'deployment-controller',
  replicaset: 'replicaset-controller',
}

export interface ControllerDecision {
  readonly controller: string
  readonly kind: string
  /** `namespace/name`. */
  readonly object: string
  readonly decision: string
}

export interface ControllerQueue {
  readonly controller: string
  /** Keys (`namespace/name`) waiting to be synced. */
  readonly waiting: readonly string[]
  /** Keys a worker is syncing now. */
  readonly processing: readonly string[]
  /** Keys that failed, with how many times in a row (their retry waits longer each time). */
  readonly failures: readonly { readonly key: string; readonly count: number }[]
}

export interface ReplicaSetExpectations {
  /** The set, `namespace/name`. */
  readonly replicaSet: string
  /** Pod creations the controller still waits to see in its informer. */
  readonly creations: number
  /** Pods (`namespace/name`) whose deletion it still waits to see. */
  readonly deletions: readonly string[]
  /** SatisfiedExpectations: nothing left to see, so the next sync may create or delete pods again. */
  readonly satisfied: boolean
}

export interface ControllerManagerView {
  readonly decisions: readonly ControllerDecision[]
  /** Only the queues that hold something. */
  readonly queues: readonly ControllerQueue[]
  readonly expectations: readonly ReplicaSetExpectations[]
}

/** What kube-controller-manager holds at this frame, or null before it has done anything. */
export function controllerManagerView(world: World): ControllerManagerView | null {
  const state = world.controllerManager
  if (!state) return null
  const decisions = Object.entries(state.decisions).map(([key, decision]) => {
    const slash = key.indexOf('/')
    const kind = key.slice(0, slash)
    return { controller: CONTROLLER_OF_KIND[kind] ?? kind, kind, object: key.slice(slash + 1), decision }
  })
  const queues = (Object.entries(state.queues) as [ControllerName, (typeof state.queues)[ControllerName]][])
    .map(([name, q]) => ({
      controller: CONTROLLER_NAME[name],
      waiting: q.dirty,
      processing: q.processing,
      failures: Object.entries(q.failures)
        .filter(([, count]) => count > 0)
        .map(([key, count]) => ({ key, count })),
    }))
    .filter((q) => q.waiting.length + q.processing.length + q.failures.length > 0)
  const expectations = Object.entries(state.expectations).map(([replicaSet, e]) => ({
    replicaSet,
    creations: e.add,
    deletions: e.del,
    // controller_utils.go ControlleeExpectations.Fulfilled: add <= 0 && del <= 0.
    satisfied: e.add <= 0 && e.del.length === 0,
  }))
  return { decisions, queues, expectations }
}
