/**
 * proposeFixes(input, timeline): the changes that would bring a failed pod to life, each one proven
 * by simulating it. The families of fixes (registry.ts) read the failure from the timeline and
 * suggest candidates; every candidate is re-run with the same seed and offered only if that run
 * reaches Running (or Succeeded, for a pod meant to complete). Nothing is offered for a run that
 * already got there.
 *
 * The re-runs are the whole cost, so their number is capped (`maxRuns`); families take turns, so one
 * family's many candidates cannot crowd out another's first.
 */
import { parseClusterText, simulate, type SimInput } from '../simulate'
import type { Timeline } from '../protocol/timeline'
import { createFixContext, type FixFamily } from './fix-context'
import { FIX_FAMILIES } from './registry'
import type { Candidate, Proposal } from './types'

/** Re-runs per call: about 5–20 ms each for the scenarios, so proposals stay well under 150 ms. */
export const MAX_RUNS = 8

export interface ProposeOptions {
  /** The seed of the re-runs; the timeline's own by default. */
  readonly seed?: number
  readonly maxRuns?: number
  /** The families to ask, in order (FIX_FAMILIES by default). */
  readonly families?: readonly FixFamily[]
}

/**
 * True when the pod got where it was going: Running, or Succeeded (only a pod whose restartPolicy
 * lets it finish can end Succeeded, so that one was meant to complete).
 */
export function reachesRunning(timeline: Timeline): boolean {
  return timeline.outcome.kind === 'Running' || timeline.outcome.kind === 'Succeeded'
}

/** Every family's candidates, in registry order, before any is tried. */
export function listCandidates(
  input: SimInput,
  timeline: Timeline,
  families: readonly FixFamily[] = FIX_FAMILIES,
): Candidate[][] {
  if (reachesRunning(timeline)) return families.map(() => [])
  const ctx = createFixContext(input, timeline)
  return families.map((f) => [...f.candidates(ctx)])
}

/**
 * The fixes for the failure in `timeline`, each re-simulated: only those whose run reaches Running
 * (or Succeeded) are returned, in registry order, each with the re-run's outcome and timeline.
 * An empty list when the run already succeeded or nothing obvious would help.
 *
 * @example
 * const input = { manifest }                                // Pending: Insufficient cpu
 * const [fix] = proposeFixes(input, simulate(input, { seed: 1 }))
 * fix.title                                                // "Request 2000m CPU, the most worker-1 can give"
 * simulate({ ...input, ...fix.change }, { seed: 1 }).outcome  // { kind: 'Running', node: 'worker-1', … }
 */
export function proposeFixes(input: SimInput, timeline: Timeline, opts: ProposeOptions = {}): Proposal[] {
  const seed = opts.seed ?? timeline.seed
  const maxRuns = opts.maxRuns ?? MAX_RUNS
  const lists = listCandidates(input, timeline, opts.families ?? FIX_FAMILIES)
  // Families take turns: every family's first candidate, then every second one, and so on.
  const turns: { family: number; index: number; candidate: Candidate }[] = []
  const longest = Math.max(0, ...lists.map((l) => l.length))
  for (let index = 0; index < longest; index++)
    lists.forEach((list, family) => {
      const candidate = list[index]
      if (candidate) turns.push({ family, index, candidate })
    })
  // Cluster text is parsed once: re-runs that keep the cluster share the objects (and their loaded
  // Cluster, model/cluster.ts); a fix that changes it still hands back text, so the file keeps its layout.
  const base = typeof input.cluster === 'string' ? { ...input, cluster: parsedCluster(input.cluster) } : input
  const found: { family: number; index: number; proposal: Proposal }[] = []
  const tried = new Set<string>()
  let runs = 0
  for (const turn of turns) {
    for (let c: Candidate | undefined = turn.candidate; c && runs < maxRuns; c = c.otherwise) {
      const key = changeKey(c)
      if (tried.has(key)) break
      tried.add(key)
      runs++
      const rerun = simulate({ ...base, ...c.change }, { seed })
      if (reachesRunning(rerun)) {
        const { otherwise: _next, ...offered } = c
        found.push({ ...turn, proposal: { ...offered, outcome: rerun.outcome, timeline: rerun } })
        break
      }
    }
    if (runs >= maxRuns) break
  }
  return found.sort((a, b) => a.family - b.family || a.index - b.index).map((f) => f.proposal)
}

function parsedCluster(text: string) {
  const r = parseClusterText(text)
  // The run being fixed simulated this very text, so it parses.
  if (!r.ok) throw new Error(`invalid cluster file: ${r.error}`)
  return r.objects
}

/** Two candidates that change the inputs to the same thing need one run. */
function changeKey(c: Candidate): string {
  const { manifest, cluster, command, kubeconfig } = c.change
  const clusterKey = cluster === undefined ? '' : typeof cluster === 'string' ? cluster : `objects:${c.id}`
  return JSON.stringify([manifest ?? null, clusterKey, command ?? null, kubeconfig ?? null])
}
