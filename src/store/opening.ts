/**
 * The app's first run, before the store exists: the saved files if they simulate; the saved manifest
 * on the built-in cluster if only the cluster file cannot be used (its error shown); otherwise the
 * default scenario, with the saved files one Undo away. Whatever was saved, the app opens (issue 12:
 * nothing on a reload can lock the user out). Nothing is overwritten in storage until the user edits.
 */
import { DEFAULT_CLUSTER, DEFAULT_MANIFEST, type ManifestError, type Timeline } from '../engine/index'
import type { ClusterSummary } from './cluster-summary'
import { inlineRunner, type SimResult, type SimRunner } from './sim-runner'
import { rememberStory } from './story'
import type { AppState } from './create-app-store'

export interface Opening {
  readonly manifest: string
  readonly cluster: string
  readonly scenario: AppState['scenario']
  readonly timeline: Timeline
  readonly errors: readonly ManifestError[]
  readonly serverErrors: readonly ManifestError[]
  readonly positions: AppState['positions']
  readonly clusterError: string | null
  /** The opened cluster file as the cluster tab shows it. */
  readonly clusterSummary: ClusterSummary | null
  readonly recovered: AppState['replaced']
  readonly notice: AppState['notice']
}

const RUN_AS = { identity: 'admin', verb: 'apply', namespace: '' } as const

/** Works out the opening with `runner` and hands it to `done` (at once with an inline runner). */
export function openApp(
  runner: SimRunner,
  manifest: string,
  cluster: string,
  scenario: AppState['scenario'],
  done: (opening: Opening) => void,
): void {
  const ask = (m: string, c: string, then: Parameters<SimRunner['request']>[1]) =>
    runner.request({ manifest: m, cluster: c, seed: 1, runAs: RUN_AS }, then)
  const opened = { manifest, cluster, scenario, recovered: null, notice: null }
  const marks = (r: SimResult) => ({
    ...(r.run.ok ? { timeline: rememberStory(r.run.timeline, r.storySteps) } : {}),
    errors: r.errors,
    serverErrors: r.serverErrors ?? [],
    positions: r.positions ?? {},
  })
  ask(manifest, cluster, (first) => {
    if (first.run.ok)
      return done({
        ...opened,
        timeline: first.run.timeline,
        ...marks(first),
        clusterError: null,
        clusterSummary: first.cluster ?? null,
      })
    const clusterError = first.run.error
    ask(manifest, DEFAULT_CLUSTER, (second) => {
      if (second.run.ok)
        return done({
          ...opened,
          timeline: second.run.timeline,
          ...marks(second),
          clusterError,
          clusterSummary: first.cluster ?? null,
        })
      const why = second.run.error
      const fallback = (r: SimResult) => {
        if (!r.run.ok) {
          // The runner itself cannot run (a worker that does not load): the default, here, at once.
          if (runner !== inlineRunner) return openApp(inlineRunner, manifest, cluster, scenario, done)
          throw new Error(`the default scenario does not simulate: ${r.run.error}`)
        }
        done({
          manifest: DEFAULT_MANIFEST,
          cluster: DEFAULT_CLUSTER,
          scenario: null,
          timeline: r.run.timeline,
          ...marks(r),
          clusterError: null,
          clusterSummary: r.cluster ?? null,
          recovered: { manifest, cluster, scenario },
          notice: {
            tone: 'rejected',
            text: `Your saved files could not be simulated (${why}), so Podlife opened the default scenario. Undo (top right) puts your saved manifest and cluster back in the editor.`,
          },
        })
      }
      ask(DEFAULT_MANIFEST, DEFAULT_CLUSTER, fallback)
    })
  })
}
