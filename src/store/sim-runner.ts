/**
 * Who runs the engine for the store. In the page it is a Web Worker (src/worker/worker-runner.ts), so
 * parsing, loading a cluster and simulating never block the page; in tests and in Node it is this
 * file's inline runner, which answers at once. The store does not care which: it asks, and applies
 * the answer to the latest request.
 */
import {
  buildStory,
  locateProblems,
  parseManifest,
  serverFieldProblems,
  type ManifestError,
  type StoryStep,
} from '../engine/index'
import { summarizeCluster, type ClusterSummary } from './cluster-summary'
import { run, type Run, type RunAs } from './run'

/** One run of the engine: the sources and who runs kubectl. */
export interface SimJob {
  readonly manifest: string
  readonly cluster: string
  readonly seed: number
  readonly runAs: RunAs
}

/** The run, and what the editor marks: the manifest's own errors and what the apiserver refused. */
export interface SimResult {
  readonly run: Run
  readonly errors: readonly ManifestError[]
  /** 422 causes and unknown fields, on the lines of the fields they name. */
  readonly serverErrors?: readonly ManifestError[]
  /** Where each field of the first document is (`spec.containers.0.image` → line), for pointing at fields. */
  readonly positions?: Readonly<Record<string, { readonly line: number; readonly column: number }>>
  /**
   * The story's steps, built where the run was (buildStory reads every event's text: seconds on the
   * page for a run full of megabyte strings).
   */
  readonly storySteps?: readonly StoryStep[]
  /** The job's cluster file as the cluster tab shows it (null: it does not load). */
  readonly cluster?: ClusterSummary | null
}

export interface SimRunner {
  /**
   * Runs `job` and calls `done` with its result, once, unless a later request overtakes it first
   * (then never: typing never waits behind an older run). An inline runner calls `done` before it
   * returns.
   */
  request(job: SimJob, done: (result: SimResult) => void): void
}

/** What a runner computes for a job, wherever it runs. */
export function runJob(job: SimJob): SimResult {
  const parsed = parseManifest(job.manifest)
  const result = run(job.manifest, job.cluster, job.seed, job.runAs)
  const documents = parsed.ok ? parsed.documents : []
  return {
    run: result,
    errors: parsed.ok ? [] : parsed.errors,
    serverErrors: result.ok ? locateProblems(serverFieldProblems(result.timeline), documents) : [],
    positions: documents[0]?.positions ?? {},
    ...(result.ok ? { storySteps: buildStory(result.timeline).steps } : {}),
    cluster: summarizeCluster(job.cluster),
  }
}

export const inlineRunner: SimRunner = {
  request(job, done) {
    done(runJob(job))
  },
}
