/** The result of a simulation: every event and the world after it. */
import type { TimelineOf } from '../sim/timeline'
import type { SimEvent } from './events'
import type { World } from './world'
import type { Cluster } from '../model/cluster'

/**
 * Where one pod stands at the end of the run, read from its stored status (report/outcome.ts). `at` is
 * the virtual ms of the write that stored it so.
 */
export type PodOutcome =
  | { readonly kind: 'Running'; readonly at: number; readonly node: string }
  /** Phase Succeeded: every container exited 0 and none will restart (restartPolicy Never or OnFailure). */
  | { readonly kind: 'Succeeded'; readonly at: number; readonly node: string }
  /**
   * Phase Failed: the kubelet refused the pod (`reason` OutOfcpu, NodeAffinity, … and its "Pod was
   * rejected: …" message, as status.reason and status.message hold them), or a container failed and will
   * not restart (`reason` the container's terminated reason, Error or OOMKilled).
   */
  | {
      readonly kind: 'Failed'
      readonly at: number
      readonly node: string
      readonly reason: string
      readonly message: string
    }
  | { readonly kind: 'Pending'; readonly reason: string; readonly message: string }
  /** Still on its way (or stuck retrying): `status` is the STATUS column kubectl get prints. */
  | { readonly kind: 'InProgress'; readonly status: string }

export type Outcome = (
  | PodOutcome
  | { readonly kind: 'Rejected'; readonly at: number; readonly exitCode: number; readonly message: string }
  /** The input could not be loaded (a cluster file of the wrong shape): nothing was simulated. */
  | { readonly kind: 'InvalidInput'; readonly message: string }
) & {
  /**
   * When the run created more than one pod: each pod's outcome, in creation order (the top-level outcome
   * is the story pod's, the one the app shows).
   */
  readonly pods?: readonly { readonly pod: string; readonly outcome: PodOutcome }[]
}

export interface Timeline extends TimelineOf<SimEvent, World> {
  readonly outcome: Outcome
  /** The cluster the run used (nodes, existing pods, objects), for views such as the overlay packet. */
  readonly cluster: Cluster
}
