/** What kube-controller-manager remembers between steps: work queues, running syncs, expectations. */
import type { ControllerName, SyncPlan } from './plan'
import type { WorkQueue } from './work-queue'

/** A sync in progress: its plan, the batch whose answers it waits for, and how many are still out. */
export interface RunningSync {
  readonly plan: SyncPlan
  readonly batch: number
  readonly pending: number
  /** The first error of the batch (the sync ends after it and is retried with back-off). */
  readonly error?: string
  /** The ReplicaFailure status write after a failed batch is out; its answer ends the sync. */
  readonly finishing?: boolean
}

export interface Expectations {
  /** Pods still to be seen created. */
  readonly add: number
  /** `namespace/name` of pods still to be seen deleted. */
  readonly del: readonly string[]
}

export interface ControllerManagerState {
  readonly queues: Readonly<Record<ControllerName, WorkQueue>>
  /** By `<controller>/<namespace>/<name>`. */
  readonly syncs: Readonly<Record<string, RunningSync>>
  /** The replicaset controller's expectations, by the set's `namespace/name`. */
  readonly expectations: Readonly<Record<string, Expectations>>
  /** Which sync each request in flight belongs to, by request id. */
  readonly requests: Readonly<Record<number, string>>
  /** Each object's last decision, by `<Kind>/<namespace>/<name>`, for the inspector. */
  readonly decisions: Readonly<Record<string, string>>
}
