/**
 * What a run of the kernel records: every event and the world after it. The kernel knows nothing of
 * what an event or a world holds; protocol/timeline.ts adds the outcome and the cluster.
 */

/** All the kernel needs of an event: when it happened, in virtual ms after Enter. */
export interface TimedEvent {
  readonly at: number
}

export interface TimelineOf<E extends TimedEvent, W> {
  readonly seed: number
  readonly events: readonly E[]
  /** frames[i] is the world right after events[i]. */
  readonly frames: readonly W[]
  /** The world before anything happened. */
  readonly initial: W
  /** Virtual ms simulated. */
  readonly until: number
  /** Set when the run hit a budget (events) and stopped early: what was hit, in words. */
  readonly stopped?: string
}
