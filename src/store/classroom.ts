/**
 * The classroom's part of the store: presenter mode, the notice bar (a share link that could not be
 * opened, a cluster left out of a link), opening a share link, and "play on to …" (a presenter's
 * PageDown plays to the next chapter or lesson stop and pauses there). Lessons and the what-if run
 * live in their own slices; this one keeps the state they all read.
 */
import { clampCursor, DEFAULT_CLUSTER, START, type Timeline } from '../engine/index'
import { chapterRun, storyOf } from './story'
import { textSize } from './cluster-text'
import type { SharedState } from './share-link'
import type { AppActions, AppState } from './create-app-store'

export interface Notice {
  readonly tone: 'rejected' | 'waiting' | 'accepted'
  readonly text: string
}

export interface ClassroomState {
  /** Presenter mode: graph and narration fill the screen; editor and inspector wait until asked for. */
  readonly presenter: boolean
  /** In presenter mode, which side panel the presenter asked to see, if any. */
  readonly presenterPanel: 'editor' | 'inspector' | null
  /** Playing stops at each chapter boundary (a presenter explains each chapter before going on). */
  readonly autoPause: boolean
  /** Playing stops when the cursor reaches this event index (the next lesson stop, say). */
  readonly playTo: number | null
  readonly notice: Notice | null
}

export interface ClassroomActions {
  setPresenter(on: boolean): void
  setPresenterPanel(panel: ClassroomState['presenterPanel']): void
  setAutoPause(on: boolean): void
  /** Play from here and pause on reaching `index` (jump there at once if already playing to it). */
  playToIndex(index: number): void
  /** Open what a share link holds; what it replaced of the user's own can be undone. */
  openShared(state: SharedState): void
  showNotice(notice: Notice | null): void
  /**
   * A presenter's "next" (PageDown or → from a clicker): with auto-pause, play this chapter to its
   * end, or the next chapter when this one has ended; without, one story step.
   */
  presenterNext(): void
  /** A presenter's "previous": back to the end of the previous chapter (with auto-pause), or one step. */
  presenterPrevious(): void
}

type Full = AppState & AppActions
type Set = (partial: Partial<Full>) => void
type Get = () => Full

export const CLASSROOM_INITIAL: ClassroomState = {
  presenter: false,
  presenterPanel: null,
  autoPause: true,
  playTo: null,
  notice: null,
}

/** Whether playing should stop after moving from `from` to `to` (a chapter boundary or the target). */
export function stopsAt(
  s: Pick<Full, 'timeline' | 'autoPause' | 'playTo' | 'presenter'>,
  from: number,
  to: number,
) {
  if (s.playTo !== null && to >= s.playTo) return true
  if (!(s.autoPause && s.presenter) || from < 0) return false
  const story = storyOf(s.timeline)
  const next = story.stepOf(to)
  // Pause on the last step of a chapter, so the class sees how it ends before the next begins.
  const after = story.steps[next + 1]
  return after !== undefined && after.stage !== story.steps[next]!.stage
}

export function classroomSlice(set: Set, get: Get): ClassroomActions {
  return {
    setPresenter(on) {
      set({ presenter: on, presenterPanel: null, playTo: null })
    },
    setPresenterPanel(panel) {
      const now = get().presenterPanel
      set({ presenterPanel: now === panel ? null : panel, ...(panel ? { side: panel } : {}) })
    },
    setAutoPause(on) {
      set({ autoPause: on })
    },
    playToIndex(index) {
      const { timeline, cursor, playing, playTo } = get()
      const target = clampCursor(timeline, index).index
      if ((playing && playTo === target) || target <= cursor.index) {
        // A second press while playing there (or a stop behind us): go there at once.
        set({ playing: false, playTo: null, cursor: clampCursor(timeline, target) })
        return
      }
      set({ playing: true, playTo: target })
    },
    presenterNext() {
      const s = get()
      if (!s.autoPause) return s.step(1)
      const story = storyOf(s.timeline)
      const k = story.stepOf(s.cursor.index)
      // The chapter the next step belongs to, played to its last step.
      const from = Math.min(k + 1, story.steps.length - 1)
      get().playToIndex(story.steps[chapterRun(story, from).last]!.last)
    },
    presenterPrevious() {
      const s = get()
      if (!s.autoPause) return s.step(-1)
      const story = storyOf(s.timeline)
      const here = story.stepOf(s.cursor.index)
      if (here < 0) return
      // Back past this chapter's steps to the end of the one before (or to the start).
      const k = chapterRun(story, here).first - 1
      set({
        playing: false,
        playTo: null,
        cursor: k < 0 ? START : clampCursor(s.timeline, story.steps[k]!.last),
      })
    },
    showNotice(notice) {
      set({ notice })
    },
    openShared(shared) {
      const s = get()
      const cluster = shared.cluster ?? DEFAULT_CLUSTER
      s.loadScenario(shared.manifest, cluster, shared.scenario ?? undefined)
      set({ runAs: shared.runAs, seed: shared.seed })
      get().resimulate(() => {
        const timeline: Timeline = get().timeline
        set({
          cursor: shared.index < 0 ? START : clampCursor(timeline, shared.index),
          selected: shared.selected,
          presenter: shared.presenter,
          presenterPanel: null,
          notice:
            shared.clusterOmitted !== null
              ? {
                  tone: 'waiting',
                  text: `The sender's cluster (${textSize(shared.clusterOmitted)}) was too large for a link and was left out: this run uses the built-in 3-node cluster, so it may differ from what the sender saw. Ask for their cluster.yaml file.`,
                }
              : null,
        })
      })
    },
  }
}
