/** The result of a simulation: every event and the world after it. */
import type { TimelineOf } from '../sim/timeline'
import type { SimEvent } from './events'
import type { World } from './world'
import type { Cluster } from '../model/cluster'

export type Outcome =
  | { readonly kind: 'Running'; readonly at: number; readonly node: string }
  | { readonly kind: 'Rejected'; readonly at: number; readonly exitCode: number; readonly message: string }
  | { readonly kind: 'Pending'; readonly reason: string; readonly message: string }
  | { readonly kind: 'InProgress'; readonly status: string }
  /** The input could not be loaded (a cluster file of the wrong shape): nothing was simulated. */
  | { readonly kind: 'InvalidInput'; readonly message: string }

export interface Timeline extends TimelineOf<SimEvent, World> {
  readonly outcome: Outcome
  /** The cluster the run used (nodes, existing pods, objects), for views such as the overlay packet. */
  readonly cluster: Cluster
}
