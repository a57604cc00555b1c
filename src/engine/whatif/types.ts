/**
 * What "What if…" offers: a change to the run's inputs that a re-run of the engine has shown to
 * bring the pod to Running, with the sentence that says which failure it answers.
 */
import type { KubeObject } from '../model/objects'
import type { Outcome, Timeline } from '../protocol/timeline'

/** The input pieces a fix replaces, each whole (the full new manifest text, the full cluster). */
export interface ProposalChange {
  readonly manifest?: string
  /** Text when the run's cluster was text (or the built-in one), objects when it was objects. */
  readonly cluster?: string | readonly KubeObject[]
  readonly command?: string
  readonly kubeconfig?: string
}

/** A fix before it is tried. */
export interface Candidate {
  /** Stable for the same failure, e.g. `resources:fit:worker-1`. */
  readonly id: string
  /** Short, e.g. "Request 2000m CPU, the most worker-1 can give". */
  readonly title: string
  /** One sentence naming the failure it answers, quoting what the cluster said. */
  readonly why: string
  readonly change: ProposalChange
  /** Tried when this one's run does not reach Running (a bigger limit, a looser level); at most one of the chain is offered. */
  readonly otherwise?: Candidate
}

/** A fix whose re-run reached Running (or Succeeded, for a pod meant to complete). */
export interface Proposal extends Omit<Candidate, 'otherwise'> {
  /** The outcome of the re-run. */
  readonly outcome: Outcome
  /** The re-run itself, with the same seed, so applying or comparing the fix needs no second simulation. */
  readonly timeline: Timeline
}
