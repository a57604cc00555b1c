/**
 * The app's single store (zustand vanilla, created per app and handed down by
 * context). It keeps sources only: the manifest text, the timeline the engine
 * produced for it, the cursor, playback and selection. Everything shown is
 * derived from these by selectors.
 */
import { createStore } from 'zustand/vanilla'
import {
  simulate,
  parseManifest,
  stepForward,
  stepBack,
  clampCursor,
  seekToTime,
  START,
  type ComponentId,
  type Cursor,
  type ManifestError,
  type StageId,
  type Timeline,
} from '../engine/index'

export interface AppState {
  readonly manifest: string
  readonly errors: readonly ManifestError[]
  readonly timeline: Timeline
  readonly cursor: Cursor
  readonly playing: boolean
  /** Virtual milliseconds per real millisecond are chosen by the playback hook; this is a multiplier. */
  readonly speed: number
  readonly selected: ComponentId | null
  readonly seed: number
}

export interface AppActions {
  /** The user edited the manifest: keep the text now, re-simulate after a pause in typing. */
  setManifest(text: string): void
  /** Re-run the simulation for the current manifest now (the debounce calls this). */
  resimulate(): void
  play(): void
  pause(): void
  step(delta: 1 | -1): void
  seekIndex(index: number): void
  seekTime(ms: number): void
  seekStage(stage: StageId): void
  reset(): void
  select(id: ComponentId | null): void
  setSpeed(speed: number): void
}

export type AppStore = ReturnType<typeof createAppStore>

export interface StoreDeps {
  /** Where the manifest survives a reload; absent in tests. */
  readonly save?: (text: string) => void
  readonly debounceMs?: number
}

export function createAppStore(initialManifest: string, deps: StoreDeps = {}) {
  const debounceMs = deps.debounceMs ?? 400
  let timer: ReturnType<typeof setTimeout> | undefined
  const run = (manifest: string, seed: number) => simulate({ manifest }, { seed })
  const parsed = parseManifest(initialManifest)
  return createStore<AppState & AppActions>()((set, get) => ({
    manifest: initialManifest,
    errors: parsed.ok ? [] : parsed.errors,
    timeline: run(initialManifest, 1),
    cursor: START,
    playing: false,
    speed: 1,
    selected: null,
    seed: 1,

    setManifest(text) {
      set({ manifest: text })
      deps.save?.(text)
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => get().resimulate(), debounceMs)
    },

    resimulate() {
      if (timer) clearTimeout(timer)
      timer = undefined
      const { manifest, seed, timeline: old, cursor } = get()
      const p = parseManifest(manifest)
      const timeline = run(manifest, seed)
      // Keep the learner at the same chapter: the same stage's last event, if the new run reaches it.
      const stage = cursor.index >= 0 ? old.events[cursor.index]?.stage : undefined
      let index = -1
      if (stage) {
        const sameKindBefore = old.events.slice(0, cursor.index + 1).filter((e) => e.stage === stage).length
        let seen = 0
        for (let i = 0; i < timeline.events.length; i++) {
          if (timeline.events[i]!.stage !== stage) continue
          index = i
          if (++seen >= sameKindBefore) break
        }
        if (index < 0) index = Math.min(cursor.index, timeline.events.length - 1)
      }
      set({ timeline, errors: p.ok ? [] : p.errors, cursor: clampCursor(timeline, index) })
    },

    play() {
      const { timeline, cursor } = get()
      const atEnd = cursor.index >= timeline.events.length - 1
      set({ playing: true, cursor: atEnd ? START : cursor })
    },
    pause() {
      set({ playing: false })
    },
    step(delta) {
      const { timeline, cursor } = get()
      set({ playing: false, cursor: delta > 0 ? stepForward(timeline, cursor) : stepBack(timeline, cursor) })
    },
    seekIndex(index) {
      set({ cursor: clampCursor(get().timeline, index) })
    },
    seekTime(ms) {
      set({ cursor: seekToTime(get().timeline, ms) })
    },
    seekStage(stage) {
      const i = get().timeline.events.findIndex((e) => e.stage === stage)
      if (i >= 0) set({ playing: false, cursor: { index: i } })
    },
    reset() {
      set({ playing: false, cursor: START })
    },
    select(id) {
      set({ selected: id })
    },
    setSpeed(speed) {
      set({ speed })
    },
  }))
}
