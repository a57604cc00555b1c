/**
 * What one sync of a controller decides: the API calls to make, in batches (the calls of a batch go out
 * together, the next batch waits for their answers, an error ends the sync), what to record when a
 * call succeeds or fails, and the decision in words for the inspector.
 */
import type { Json } from '../model/objects'

export type ControllerName = 'deployment' | 'replicaset'

export const CONTROLLER_SOURCE: Readonly<
  Record<ControllerName, 'deployment-controller' | 'replicaset-controller'>
> = {
  deployment: 'deployment-controller',
  replicaset: 'replicaset-controller',
}

export interface ObjectRef {
  readonly kind: 'Deployment' | 'ReplicaSet' | 'Pod'
  readonly namespace: string
  readonly name: string
}

/** What a call's answer makes the controller record (events) or count (expectations). */
export type Effect =
  | {
      readonly type: 'event'
      readonly about: ObjectRef
      readonly eventType: 'Normal' | 'Warning'
      readonly reason: string
      readonly message: string
    }
  /** A pod create answered: SuccessfulCreate names the pod the apiserver named; a failure is FailedCreate. */
  | { readonly type: 'pod-created'; readonly replicaSet: ObjectRef }
  | { readonly type: 'pod-deleted'; readonly replicaSet: ObjectRef; readonly pod: string }

export interface PlannedCall {
  readonly method: 'POST' | 'PUT' | 'DELETE'
  readonly path: string
  readonly body: Json | null
  /** One line for the timeline: what the call is for. */
  readonly why: string
  readonly onSuccess?: Effect
}

export interface SyncPlan {
  readonly controller: ControllerName
  /** The object synced, as `namespace/name`. */
  readonly key: string
  readonly batches: readonly (readonly PlannedCall[])[]
  /** Desired against current, and what the controller does about it, in words (the inspector shows it). */
  readonly decision: string
  /** Look again after this many ms even if nothing changes (progress deadline, minReadySeconds). */
  readonly requeueAfter?: number
  /** Pods this sync expects to see created, and the names it expects to see deleted (ControllerExpectations). */
  readonly expectCreations?: number
  readonly expectDeletions?: readonly string[]
  /**
   * When a create or delete fails, the replicaset controller still writes the set's status, with a
   * ReplicaFailure condition (FailedCreate or FailedDelete) carrying the error, before the key is retried.
   */
  readonly onFailure?: {
    readonly path: string
    readonly body: Json
    readonly reason: 'FailedCreate' | 'FailedDelete'
  }
}
