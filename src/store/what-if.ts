/**
 * "What if…": a second run beside the first, with one change — a manifest edited in the diff view,
 * another identity, or a fix the engine proposed (engine/whatif: each one re-run and shown to reach
 * Running before it is offered). The second run is simulated with the same seed, so everything that
 * differs comes from the change. It can become the main run (undoably, as a scenario load is).
 */
import { IDENTITIES, type Timeline } from '../engine/index'
import { run, type AppActions, type AppState, type KubectlVerb } from './create-app-store'

export interface WhatIfRun {
  /** What was changed, in a few words ("Request 3500m CPU…", "Your edit"). */
  readonly title: string
  /** The failure the change answers, for a proposed fix. */
  readonly why: string | null
  readonly manifest: string
  readonly cluster: string
  readonly runAs: AppState['runAs']
  /** The second run; the last good one while an edit does not simulate. */
  readonly timeline: Timeline
  readonly error: string | null
  /** The second run's cursor (event index), moved with the first by stage. */
  readonly index: number
}

export interface WhatIfState {
  readonly whatIf: WhatIfRun | null
}

/** A change to the current run's sources; absent pieces stay as they are. */
export interface WhatIfChange {
  readonly title: string
  readonly why?: string
  readonly manifest?: string
  readonly cluster?: string
  readonly runAs?: Partial<AppState['runAs']>
  /** The change's run, when the engine already simulated it (a proposal): not simulated again. */
  readonly timeline?: Timeline
}

export interface WhatIfActions {
  openWhatIf(change: WhatIfChange): void
  /** The user edits the second manifest (in the diff view): re-run it. */
  setWhatIfManifest(text: string): void
  /** Run the second as someone else, or with another verb or namespace. */
  setWhatIfRunAs(runAs: Partial<AppState['runAs']>): void
  setWhatIfIndex(index: number): void
  closeWhatIf(): void
  /** Make the second run the main one; what it replaced can be undone. */
  adoptWhatIf(): void
}

type Full = AppState & AppActions
type Set = (partial: Partial<Full>) => void
type Get = () => Full

export const WHAT_IF_INITIAL: WhatIfState = { whatIf: null }

/** The identity and kubectl command a proposal's kubeconfig and command line stand for. */
export function runAsOf(
  change: { readonly kubeconfig?: string; readonly command?: string },
  base: AppState['runAs'],
): AppState['runAs'] {
  const identity = change.kubeconfig
    ? (IDENTITIES.find((i) => i.kubeconfig === change.kubeconfig)?.id ?? base.identity)
    : base.identity
  if (!change.command) return { ...base, identity }
  const m = /^kubectl (apply --server-side|apply|create) -f \S+(?: -n (\S+))?$/.exec(change.command)
  return m ? { identity, verb: m[1] as KubectlVerb, namespace: m[2] ?? '' } : { ...base, identity }
}

export function whatIfSlice(set: Set, get: Get, debounceMs: number): WhatIfActions {
  let timer: ReturnType<typeof setTimeout> | undefined
  const rerun = () => {
    const w = get().whatIf
    if (!w) return
    const r = run(w.manifest, w.cluster, get().seed, w.runAs)
    set({
      whatIf: r.ok ? { ...w, timeline: r.timeline, error: null, index: -1 } : { ...w, error: r.error },
    })
  }
  return {
    openWhatIf(change) {
      const s = get()
      const manifest = change.manifest ?? s.manifest
      const cluster = change.cluster ?? s.cluster
      const runAs = { ...s.runAs, ...change.runAs }
      let timeline = change.timeline
      let error: string | null = null
      if (!timeline) {
        const r = run(manifest, cluster, s.seed, runAs)
        if (r.ok) timeline = r.timeline
        else {
          timeline = s.timeline
          error = r.error
        }
      }
      set({
        playing: false,
        whatIf: {
          title: change.title,
          why: change.why ?? null,
          manifest,
          cluster,
          runAs,
          timeline,
          error,
          index: timeline.events.length - 1,
        },
      })
    },
    setWhatIfManifest(text) {
      const w = get().whatIf
      if (!w || w.manifest === text) return
      set({
        whatIf: { ...w, manifest: text, title: w.title.startsWith('Your edit') ? w.title : 'Your edit' },
      })
      if (timer) clearTimeout(timer)
      timer = setTimeout(rerun, debounceMs)
    },
    setWhatIfRunAs(runAs) {
      const w = get().whatIf
      if (!w) return
      const next = { ...w.runAs, ...runAs }
      const who = IDENTITIES.find((i) => i.id === next.identity)?.title ?? next.identity
      set({ whatIf: { ...w, runAs: next, title: `Run as ${who}, kubectl ${next.verb}`, why: null } })
      rerun()
    },
    setWhatIfIndex(index) {
      const w = get().whatIf
      if (w) set({ whatIf: { ...w, index: Math.max(-1, Math.min(index, w.timeline.events.length - 1)) } })
    },
    closeWhatIf() {
      if (timer) clearTimeout(timer)
      set({ whatIf: null })
    },
    adoptWhatIf() {
      const w = get().whatIf
      if (!w) return
      if (timer) clearTimeout(timer)
      set({ whatIf: null })
      get().loadScenario(w.manifest, w.cluster)
      set({ runAs: w.runAs })
      get().resimulate(() => get().seekEnd())
    },
  }
}
