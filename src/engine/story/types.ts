/**
 * The story a class follows through a timeline: raw events grouped into steps
 * a learner pauses on, the ending that says what happened and why, and the
 * status pill in kubectl's terms. Types only, so the UI can import them at
 * first paint without pulling in the builders.
 */
import type { StageId } from '../protocol/stages'

/**
 * `event`: one event. `group`: consecutive events shown as one thing: routine checks that change
 * nothing a learner can see (admission plugins admitting unchanged, read-only CRI queries), or one
 * exchange (a request, the etcd write it causes and its reply; a CRI call and the Event recording it).
 * `repeat`: repeated cycles (probe failures, back-off restarts, pull retries) collapsed into one step.
 */
export type StoryStepKind = 'event' | 'group' | 'repeat'

export interface StoryStep {
  /** First event index in timeline.events (inclusive). */
  readonly first: number
  /** Last event index (inclusive); the UI's cursor lands on `last`. */
  readonly last: number
  readonly kind: StoryStepKind
  readonly stage: StageId
  /**
   * For 'group'/'repeat': what the step says in plain words, e.g. "14 admission plugins let the pod
   * through unchanged" or "The readiness probe failed 37 more times (t = 12 s … 2 min 10 s)"; null for
   * 'event' (the event's own narration is used).
   */
  readonly title: string | null
  /** For 'repeat': how many cycles were collapsed (0 otherwise). */
  readonly repeats: number
  /**
   * True when the step shows something a learner can see: a message travelling between components,
   * a change of the pod (phase, conditions, containers, nodeName, podIP), a rejection or Warning,
   * kubectl output, a scheduling cycle. Used for "next event that matters".
   */
  readonly matters: boolean
  /** Relative dwell weight for playback at 1×: 1 normal, 0.6 minor, 1.4 key moments. */
  readonly weight: number
}

export interface Story {
  readonly steps: readonly StoryStep[]
  /** The story step holding event index i; -1 for the cursor before the first event (i = -1). O(1). */
  stepOf(eventIndex: number): number
}

export type EndingTone = 'accepted' | 'rejected' | 'waiting'

/** A jump link to the event where a cause arose. */
export interface EndingCause {
  readonly label: string
  /** Index into timeline.events. */
  readonly eventIndex: number
}

export interface Ending {
  readonly tone: EndingTone
  /** One sentence: what the pod (or kubectl) ended up as. */
  readonly headline: string
  /** A few plain sentences on why, naming the component that decided. */
  readonly explanation: string
  /**
   * The exact message a real cluster printed (kubectl's stderr, the FailedScheduling message, the
   * Warning event message, the termination reason), whole, multi-line kept. null if none.
   */
  readonly message: string | null
  /** Where the cause arose; the first is the main cause. */
  readonly causes: readonly EndingCause[]
}

export type PodPill =
  | {
      readonly kind: 'pod'
      readonly name: string
      readonly ready: string
      readonly status: string
      readonly restarts: string
      readonly node: string | null
      readonly ip: string | null
      readonly tone: 'accepted' | 'rejected' | 'waiting' | 'active'
    }
  | {
      readonly kind: 'none'
      readonly name: string
      /** What `kubectl get pod <name>` prints before the pod exists. */
      readonly text: string
      readonly tone: 'idle'
    }
  | {
      /** A Deployment whose pods the run did not create: `kubectl get deploy`'s READY. */
      readonly kind: 'workload'
      readonly name: string
      readonly text: string
      readonly tone: 'accepted' | 'rejected' | 'waiting'
    }
  | {
      readonly kind: 'kubectl-failed'
      readonly name: string
      readonly exitCode: number
      /** kubectl's stderr, whole. */
      readonly text: string
      readonly tone: 'rejected'
    }
