/**
 * Running the engine for the app's sources: the kubectl command line a user would type, the engine's
 * input for the manifest, the cluster file and who runs kubectl, and one run with its error in words.
 */
import { IDENTITIES, simulate, type SimInput, type Timeline } from '../engine/index'
import { parseCluster } from './cluster-text'

export type KubectlVerb = 'apply' | 'create' | 'apply --server-side'
export interface RunAs {
  readonly identity: string
  readonly verb: KubectlVerb
  readonly namespace: string
}
const DEFAULT_RUN_AS: RunAs = { identity: 'admin', verb: 'apply', namespace: '' }

/** The command line kubectl runs, as a user would type it. */
export function commandLine(r: RunAs): string {
  return `kubectl ${r.verb} -f pod.yaml${r.namespace ? ` -n ${r.namespace}` : ''}`
}

export type Run = { ok: true; timeline: Timeline } | { ok: false; error: string }

/** The engine's input for these sources, as the app runs them; null when the cluster file does not load. */
export function simInputOf(
  manifest: string,
  cluster: string,
  runAs: RunAs = DEFAULT_RUN_AS,
): SimInput | null {
  const parsed = parseCluster(cluster)
  if (!parsed.ok) return null
  const kubeconfig = IDENTITIES.find((i) => i.id === runAs.identity)?.kubeconfig
  return {
    manifest,
    cluster: parsed.objects,
    command: commandLine(runAs),
    ...(kubeconfig ? { kubeconfig } : {}),
  }
}

export function run(manifest: string, cluster: string, seed: number, runAs: RunAs = DEFAULT_RUN_AS): Run {
  // A cluster file that does not load is the user's mistake, reported with where it is.
  const parsed = parseCluster(cluster)
  if (!parsed.ok) return { ok: false, error: `cluster.yaml cannot be loaded: ${parsed.error}` }
  try {
    const input = simInputOf(manifest, cluster, runAs)!
    const timeline = simulate(input, { seed })
    // The engine refused an object of the wrong shape before simulating: say where, keep the last run.
    if (timeline.outcome.kind === 'InvalidInput')
      return { ok: false, error: `cluster.yaml cannot be loaded: ${timeline.outcome.message}` }
    return { ok: true, timeline }
  } catch (e) {
    // Anything else is a bug in Podlife; say so rather than blame the user's files.
    return {
      ok: false,
      error: `the simulation stopped on an internal error (${e instanceof Error ? e.message : String(e)})`,
    }
  }
}
