/**
 * The app's single store (zustand vanilla, created per app and handed down by
 * context). It keeps sources only: the manifest text, the timeline the engine
 * produced for it, the cursor, playback and selection. Everything shown is
 * derived from these by selectors.
 */
import { createStore } from 'zustand/vanilla'
import {
  DEFAULT_CLUSTER,
  clampCursor,
  seekToTime,
  START,
  type ComponentId,
  type Cursor,
  type ManifestError,
  type StageId,
  type Timeline,
} from '../engine/index'
import { isLargeCluster, textSize } from './cluster-text'
import type { ClusterSummary } from './cluster-summary'
import type { RunAs as RunAsChoice } from './run'
import { inlineRunner, type SimRunner } from './sim-runner'
import { openApp, type Opening } from './opening'

export { commandLine, run, simInputOf, type KubectlVerb, type Run } from './run'
import { chapterStep, matteringStep, rememberStory, storyOf, storyStep } from './story'
import {
  classroomSlice,
  CLASSROOM_INITIAL,
  stopsAt,
  type ClassroomActions,
  type ClassroomState,
} from './classroom'
import { WHAT_IF_INITIAL, whatIfSlice, type WhatIfActions, type WhatIfState } from './what-if'
import { LESSON_INITIAL, lessonSlice, onArrival, type LessonActions, type LessonState } from './lesson'

export interface AppState extends ClassroomState, LessonState, WhatIfState {
  readonly manifest: string
  /** The cluster file (YAML or JSON of Kubernetes objects). */
  readonly cluster: string
  readonly errors: readonly ManifestError[]
  /** What the apiserver refused in the last run, on the manifest's lines (422 causes, unknown fields). */
  readonly serverErrors: readonly ManifestError[]
  /** Where the first document's fields are in the manifest, as the last run read it. */
  readonly positions: Readonly<Record<string, { readonly line: number; readonly column: number }>>
  /** Why the cluster file cannot be used, if it cannot; the last good timeline stays on screen. */
  readonly clusterError: string | null
  /** The cluster file of the last run as the cluster tab shows it (nodes, kinds); null if it does not load. */
  readonly clusterSummary: ClusterSummary | null
  /** A replaced cluster file being loaded (a large one takes a second or two): what to tell the user. */
  readonly clusterLoading: string | null
  /** The engine is working on the latest sources (in its worker); the timeline shown is the last one. */
  readonly simulating: boolean
  /** A new story (scenario, undo, link, lesson) is on its way: the story on screen is about to go. */
  readonly storyLoading: boolean
  /** Which editor tab is open. */
  readonly editing: 'manifest' | 'cluster'
  /** Who runs kubectl, with which verb, in which namespace ('' = the kubeconfig's). */
  readonly runAs: RunAsChoice
  readonly timeline: Timeline
  readonly cursor: Cursor
  readonly playing: boolean
  /** Virtual milliseconds per real millisecond are chosen by the playback hook; this is a multiplier. */
  readonly speed: number
  readonly selected: ComponentId | null
  readonly seed: number
  /** Manifest fields to point at (e.g. the request behind "Insufficient cpu"); `nonce` re-triggers. */
  readonly highlight: { readonly fields: readonly string[]; readonly nonce: number } | null
  /** The scenario last loaded (null: the user's own files); `edited` once the manifest changed since. */
  readonly scenario: LoadedScenario | null
  /** What a scenario load replaced, so it can be undone. */
  readonly replaced: {
    readonly manifest: string
    readonly cluster: string
    readonly scenario: AppState['scenario']
  } | null
  /** Which panel the side column shows when the screen has room for only one of editor and inspector. */
  readonly side: 'editor' | 'inspector'
  /** The inspector is given most of the width (wide tables, describe output). */
  readonly inspectorWide: boolean
}

export interface AppActions extends ClassroomActions, LessonActions, WhatIfActions {
  /** The user edited the manifest: keep the text now, re-simulate after a pause in typing. */
  setManifest(text: string): void
  /** The user edited the cluster file; same debounce. */
  setCluster(text: string): void
  /**
   * The user replaced the whole cluster file (pasted or opened a large one): load it now, after the
   * next paint so that the "loading" notice shows first.
   */
  replaceCluster(text: string): void
  /**
   * The saved cluster is on its way from storage (a large one is read asynchronously after start):
   * say so now, and load it when it arrives, without saving it again. Nothing happens if the user
   * changed the cluster meanwhile, or if it cannot be read (null).
   */
  restoreCluster(saved: Promise<string | null>): void
  /**
   * The user changed the cluster in the node panel: `change` rewrites the file's text. A small file
   * follows the typing debounce; a large one is rewritten after a notice is painted, then reloaded.
   */
  editCluster(change: (text: string) => string): void
  /**
   * Load a ready-made scenario: its manifest and cluster, and start from the beginning. What it
   * replaced is kept until `undoLoad` (or the next edit of the new text).
   */
  loadScenario(manifest: string, cluster: string, scenario?: Omit<LoadedScenario, 'edited'>): void
  /** Bring back the manifest and cluster a scenario load replaced. */
  undoLoad(): void
  /** Forget the undo offer (the user dismissed it). */
  dismissUndo(): void
  setSide(side: AppState['side']): void
  toggleInspectorWide(): void
  togglePlay(): void
  /** Move to the next or previous step that shows something (a message, a change, a rejection). */
  stepMatters(delta: 1 | -1): void
  /** Move to the next chapter, or back to the start of this one (PageDown / PageUp). */
  seekChapter(delta: 1 | -1): void
  /** Jump to the last step: how the story ends. */
  seekEnd(): void
  setEditing(which: 'manifest' | 'cluster'): void
  setRunAs(runAs: Partial<AppState['runAs']>): void
  /**
   * Re-run the simulation for the current sources now (the debounce calls this); `then` runs once the
   * new timeline is in the store (at once with an inline runner, later with the worker).
   */
  resimulate(then?: () => void): void
  play(): void
  pause(): void
  step(delta: 1 | -1): void
  /** Playback's tick: the next story step, still playing (pauses at the last). */
  advance(): void
  seekIndex(index: number): void
  seekTime(ms: number): void
  seekStage(stage: StageId): void
  reset(): void
  select(id: ComponentId | null): void
  setSpeed(speed: number): void
  /** Point at these manifest fields in the editor. */
  highlightFields(fields: readonly string[]): void
}

export type AppStore = ReturnType<typeof createAppStore>

export interface LoadedScenario {
  readonly id: string
  readonly title: string
  /** What to look for, shown on screen while it is loaded. */
  readonly lesson: string
  readonly edited: boolean
}

export interface StoreDeps {
  /** Where the manifest survives a reload; absent in tests. False: storage refused it (full, disabled). */
  readonly saveManifest?: (text: string) => boolean | void
  /** Where the cluster file survives a reload (saved only when it changes: it can be tens of MB). */
  readonly saveCluster?: (text: string) => void
  /** Where the loaded scenario's id survives a reload. */
  readonly saveScenario?: (scenario: AppState['scenario']) => void
  readonly debounceMs?: number
  /** Runs `fn` once the browser has painted what the store just changed; a timeout by default. */
  readonly afterPaint?: (fn: () => void) => void
  /** Who runs the engine: the page's worker, or inline (tests, Node) by default. */
  readonly runner?: SimRunner
}

type RunAs = AppState['runAs']
const DEFAULT_RUN_AS: RunAs = { identity: 'admin', verb: 'apply', namespace: '' }

export function createAppStore(
  initialManifest: string,
  deps: StoreDeps = {},
  initialCluster: string = DEFAULT_CLUSTER,
  initialScenario: AppState['scenario'] = null,
  /** The first run, made beforehand (the page asks its worker, opening.ts); made inline when absent. */
  opening?: Opening,
) {
  const debounceMs = deps.debounceMs ?? 400
  const afterPaint = deps.afterPaint ?? ((fn: () => void) => setTimeout(fn, 0))
  /** Above this many characters a manifest is saved after a paint (see setManifest). */
  const DEFER_SAVE_CHARS = 100_000
  const runner = deps.runner ?? inlineRunner
  let timer: ReturnType<typeof setTimeout> | undefined
  /** Bumped by every change of the cluster file, so a load that a newer one overtook does nothing. */
  let clusterVersion = 0
  /** Bumped by every run asked for: only the latest one's answer is applied. */
  let runVersion = 0
  /** What to do once a run is in the store, from every request since the last one applied. */
  let thens: (() => void)[] = []
  /**
   * A new story (a scenario, an undo, a link, a lesson) is on its way from the engine: moving through
   * the story waits for it, so End pressed right after choosing a scenario goes to that scenario's end.
   */
  let loadPending = false
  /** The cluster text whose loading notice shows until a run of it is in. */
  let loading: string | null = null
  /** The user has been told that storage refuses their edits (said once). */
  let storageWarned = false
  if (!opening) openApp(inlineRunner, initialManifest, initialCluster, initialScenario, (o) => (opening = o))
  if (!opening) throw new Error('the inline runner did not answer')
  const first: Opening = opening
  const schedule = (get: () => AppState & AppActions) => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => get().resimulate(), debounceMs)
  }
  return createStore<AppState & AppActions>()((set, get) => {
    // A replaced cluster loads in two steps, each after a paint: the notice shows first, and parsing
    // and simulating are two tasks rather than one long one.
    const load = (text: string) => {
      if (timer) clearTimeout(timer)
      const version = ++clusterVersion
      const size = textSize(text.length)
      set({ cluster: text, clusterLoading: `Loading the cluster file (${size})…`, playing: false })
      // After a paint, so the notice shows first; the engine parses and simulates in its worker.
      afterPaint(() => {
        if (version !== clusterVersion) return
        loading = text
        get().resimulate()
      })
    }
    return {
      manifest: first.manifest,
      cluster: first.cluster,
      errors: first.errors,
      serverErrors: first.serverErrors,
      positions: first.positions,
      clusterError: first.clusterError,
      clusterSummary: first.clusterSummary,
      clusterLoading: null,
      simulating: false,
      storyLoading: false,
      editing: 'manifest',
      runAs: DEFAULT_RUN_AS,
      timeline: first.timeline,
      cursor: START,
      playing: false,
      speed: 1,
      selected: null,
      seed: 1,
      highlight: null,
      scenario: first.scenario,
      replaced: first.recovered,
      side: 'editor',
      inspectorWide: false,
      ...CLASSROOM_INITIAL,
      notice: first.notice,
      ...classroomSlice(set, get),
      ...LESSON_INITIAL,
      ...lessonSlice(set, get),
      ...WHAT_IF_INITIAL,
      ...whatIfSlice(set, get, debounceMs),

      setManifest(text) {
        const { scenario, manifest } = get()
        if (text === manifest) return
        // Once the user edits what a scenario loaded, that text is theirs: the undo offer goes.
        const edited = scenario && !scenario.edited ? { ...scenario, edited: true } : scenario
        set({ manifest: text, scenario: edited, replaced: null })
        if (edited !== scenario) deps.saveScenario?.(edited)
        const save = () => {
          if (get().manifest !== text) return
          if (deps.saveManifest?.(text) === false && !storageWarned) {
            storageWarned = true
            set({
              notice: {
                tone: 'waiting',
                text: 'This browser is not keeping your edits (its storage is full or disabled): they stay in this tab until it is closed. Share makes a link that holds them.',
              },
            })
          }
        }
        // Writing megabytes to storage takes the page tens of ms: a pasted file is saved after the
        // paste has been painted, in a task of its own (issue 12).
        if (text.length > DEFER_SAVE_CHARS) afterPaint(save)
        else save()
        schedule(get)
      },

      setCluster(text) {
        clusterVersion++
        set({ cluster: text, clusterLoading: null })
        deps.saveCluster?.(text)
        schedule(get)
      },

      replaceCluster(text) {
        deps.saveCluster?.(text)
        load(text)
      },

      restoreCluster(saved) {
        const version = ++clusterVersion
        set({ clusterLoading: 'Loading the saved cluster…' })
        void saved.then((text) => {
          if (version !== clusterVersion) return
          if (text !== null) return load(text)
          set({
            clusterLoading: null,
            notice: {
              tone: 'waiting',
              text: 'The cluster saved in this browser could not be read back (its storage is damaged or was cleared); Podlife uses the cluster shown in cluster.yaml.',
            },
          })
        })
      },

      editCluster(change) {
        const { cluster, setCluster, replaceCluster } = get()
        if (!isLargeCluster(cluster)) {
          const next = change(cluster)
          if (next !== cluster) setCluster(next)
          return
        }
        const version = ++clusterVersion
        set({ clusterLoading: 'Changing the cluster file…' })
        afterPaint(() => {
          if (version !== clusterVersion) return
          const next = change(cluster)
          if (next === cluster) set({ clusterLoading: null })
          else if (isLargeCluster(next)) replaceCluster(next)
          else setCluster(next)
        })
      },

      loadScenario(manifest, cluster, loaded) {
        if (timer) clearTimeout(timer)
        clusterVersion++
        const before = get()
        const scenario = loaded ? { ...loaded, edited: false } : null
        // Offer an undo only when something of the user's own would be lost.
        const lost = before.scenario === null || before.scenario.edited
        set({
          manifest,
          cluster,
          scenario,
          replaced: lost
            ? { manifest: before.manifest, cluster: before.cluster, scenario: before.scenario }
            : null,
          clusterLoading: null,
          playing: false,
          cursor: START,
          selected: null,
        })
        deps.saveManifest?.(manifest)
        deps.saveCluster?.(cluster)
        deps.saveScenario?.(scenario)
        loadPending = true
        set({ storyLoading: true })
        get().resimulate(() => set({ cursor: START }))
      },

      undoLoad() {
        const r = get().replaced
        if (!r) return
        if (timer) clearTimeout(timer)
        clusterVersion++
        set({
          manifest: r.manifest,
          cluster: r.cluster,
          scenario: r.scenario,
          replaced: null,
          playing: false,
        })
        deps.saveManifest?.(r.manifest)
        deps.saveCluster?.(r.cluster)
        deps.saveScenario?.(r.scenario)
        loadPending = true
        set({ storyLoading: true })
        get().resimulate(() => set({ cursor: START }))
      },

      dismissUndo() {
        set({ replaced: null })
      },

      setSide(side) {
        set({ side })
      },

      toggleInspectorWide() {
        set({ inspectorWide: !get().inspectorWide, side: 'inspector' })
      },

      togglePlay() {
        if (get().playing) get().pause()
        else get().play()
      },

      stepMatters(delta) {
        if (loadPending) return void thens.push(() => get().stepMatters(delta))
        const { timeline, cursor } = get()
        set({
          playing: false,
          cursor: clampCursor(timeline, matteringStep(storyOf(timeline), cursor.index, delta)),
        })
      },

      seekChapter(delta) {
        if (loadPending) return void thens.push(() => get().seekChapter(delta))
        const { timeline, cursor } = get()
        set({
          playing: false,
          cursor: clampCursor(timeline, chapterStep(storyOf(timeline), cursor.index, delta)),
        })
      },

      seekEnd() {
        if (loadPending) return void thens.push(() => get().seekEnd())
        const { timeline } = get()
        set({ playing: false, cursor: clampCursor(timeline, timeline.events.length - 1) })
      },

      setEditing(which) {
        set({ editing: which })
      },

      setRunAs(runAs) {
        set({ runAs: { ...get().runAs, ...runAs } })
        schedule(get)
      },

      resimulate(then) {
        if (timer) clearTimeout(timer)
        timer = undefined
        const { manifest, cluster, seed, runAs } = get()
        const version = ++runVersion
        if (then) thens.push(then)
        set({ simulating: true })
        runner.request(
          { manifest, cluster, seed, runAs },
          ({ run: result, errors, serverErrors = [], positions = {}, storySteps, cluster: summary }) => {
            if (version !== runVersion) return
            if (summary !== undefined) set({ clusterSummary: summary })
            const { timeline: old, cursor, clusterLoading } = get()
            // A cluster file being loaded is loaded once a run of it is in: it has its result or error.
            const loaded = clusterLoading !== null && loading === cluster ? { clusterLoading: null } : {}
            if (loading === cluster) loading = null
            if (!result.ok)
              set({ errors, positions, clusterError: result.error, simulating: false, ...loaded })
            else
              set({
                timeline: rememberStory(result.timeline, storySteps),
                errors,
                serverErrors,
                positions,
                clusterError: null,
                simulating: false,
                ...loaded,
                cursor: clampCursor(result.timeline, sameChapterIndex(old, cursor.index, result.timeline)),
              })
            if (loadPending) set({ storyLoading: false })
            loadPending = false
            const due = thens
            thens = []
            for (const fn of due) fn()
          },
        )
      },

      play() {
        if (loadPending) return void thens.push(() => get().play())
        const { timeline, cursor } = get()
        const atEnd = cursor.index >= timeline.events.length - 1
        set({ playing: true, playTo: null, cursor: atEnd ? START : cursor })
      },
      pause() {
        set({ playing: false, playTo: null })
      },
      step(delta) {
        if (loadPending) return void thens.push(() => get().step(delta))
        // One story step: a collapsed group of steps that change nothing visible counts as one.
        const { timeline, cursor } = get()
        set({
          playing: false,
          cursor: clampCursor(timeline, storyStep(storyOf(timeline), cursor.index, delta)),
        })
      },
      advance() {
        const s = get()
        const { timeline, cursor } = s
        if (cursor.index >= timeline.events.length - 1) {
          set({ playing: false, playTo: null })
          return
        }
        let next = storyStep(storyOf(timeline), cursor.index, 1)
        // Playing to a target (a lesson stop) lands on it, not past it.
        if (s.playTo !== null && next > s.playTo) next = s.playTo
        const stop = stopsAt(s, cursor.index, next)
        set({
          cursor: clampCursor(timeline, next),
          ...(stop ? { playing: false, playTo: null } : {}),
        })
        if (stop && s.lesson) onArrival(get, set)
      },
      seekIndex(index) {
        // An index or a time is a place in the story on screen: meaningless in the one on its way.
        if (loadPending) return
        set({ cursor: clampCursor(get().timeline, index) })
      },
      seekTime(ms) {
        if (loadPending) return
        set({ cursor: seekToTime(get().timeline, ms) })
      },
      seekStage(stage) {
        if (loadPending) return void thens.push(() => get().seekStage(stage))
        // The chapter's first story step (a collapsed group there lands on its end, as Step does).
        const story = storyOf(get().timeline)
        const step = story.steps.find((s) => s.stage === stage)
        if (step) set({ playing: false, cursor: { index: step.last } })
      },
      reset() {
        if (loadPending) return void thens.push(() => get().reset())
        set({ playing: false, cursor: START })
      },
      select(id) {
        set({ selected: id, ...(id ? { side: 'inspector' as const } : {}) })
      },
      setSpeed(speed) {
        set({ speed })
      },
      highlightFields(fields) {
        set({ highlight: { fields, nonce: (get().highlight?.nonce ?? 0) + 1 }, editing: 'manifest' })
      },
    }
  })
}

/** Keep the learner at the same chapter: the same stage's last event, if the new run reaches it. */
function sameChapterIndex(old: Timeline, at: number, timeline: Timeline): number {
  const stage = at >= 0 ? old.events[at]?.stage : undefined
  if (!stage) return -1
  const sameKindBefore = old.events.slice(0, at + 1).filter((e) => e.stage === stage).length
  let index = -1
  let seen = 0
  for (let i = 0; i < timeline.events.length; i++) {
    if (timeline.events[i]!.stage !== stage) continue
    index = i
    if (++seen >= sameKindBefore) break
  }
  return index < 0 ? Math.min(at, timeline.events.length - 1) : index
}
