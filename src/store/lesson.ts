/**
 * A lesson being followed: which one, which stop, and the learner's answers to its predictions.
 * The lesson's data and the engine's resolver (engine/lessons: where each stop lands in this run,
 * and the prediction asked there) come with it from the lazily loaded views chunk, so none of that
 * code is in the first paint. Stops are resolved against the current timeline and cached per
 * timeline: an edit that changes the story re-resolves them (or says that a stop is gone).
 */
import { clampCursor, START, type Timeline } from '../engine/index'
import type { Lesson, LessonResolution, ResolvedStop } from '../engine/lessons/types'
import type { AppActions, AppState } from './create-app-store'

export type LessonResolver = (lesson: Lesson, timeline: Timeline) => LessonResolution

export interface OpenLesson {
  readonly data: Lesson
  readonly resolve: LessonResolver
  /** The stop the learner is at (or on the way to, while the story plays there). */
  readonly stop: number
}

export interface LessonState {
  readonly lesson: OpenLesson | null
  /** The learner's answers, by `lessonId/stopId`. */
  readonly answers: Readonly<Record<string, string>>
}

export interface LessonActions {
  /**
   * Open a lesson: load its scenario and identity, and go to `stop` (the first by default). The
   * scenario's manifest and cluster come with it, as the picker loads them.
   */
  openLesson(
    lesson: Lesson,
    resolve: LessonResolver,
    scenario: { manifest: string; cluster: string; title: string; lesson: string },
    stop?: number,
  ): void
  /** Follow a lesson from here, at stop `stop`, without reloading anything (a share link's lesson). */
  attachLesson(lesson: Lesson, resolve: LessonResolver, stop: number): void
  closeLesson(): void
  /**
   * Next: where a prediction waits for its answer to happen, play on until the story shows it;
   * otherwise play to the next stop and pause there.
   */
  nextStop(): void
  previousStop(): void
  goToStop(k: number): void
  /** The learner's choice for the prediction at the current stop (before it is revealed). */
  answer(choice: string): void
}

type Full = AppState & AppActions
type Set = (partial: Partial<Full>) => void
type Get = () => Full

export const LESSON_INITIAL: LessonState = { lesson: null, answers: {} }

const cache = new WeakMap<Timeline, Map<string, LessonResolution>>()

/** Where the open lesson's stops land in this timeline. */
export function lessonStops(open: OpenLesson, timeline: Timeline): LessonResolution {
  let m = cache.get(timeline)
  if (!m) cache.set(timeline, (m = new Map()))
  let r = m.get(open.data.id)
  if (!r) m.set(open.data.id, (r = open.resolve(open.data, timeline)))
  return r
}

export const answerKey = (lessonId: string, stopId: string) => `${lessonId}/${stopId}`

/** The current stop, resolved, or null when there is none (no lesson, or a stop that is gone). */
export function currentStop(s: Pick<Full, 'lesson' | 'timeline'>): ResolvedStop | null {
  if (!s.lesson) return null
  const r = lessonStops(s.lesson, s.timeline)
  return r.ok ? (r.stops[s.lesson.stop] ?? null) : null
}

/** The learner's score in this lesson: right answers of those revealed so far. */
export function lessonScore(s: Pick<Full, 'lesson' | 'timeline' | 'answers' | 'cursor'>) {
  if (!s.lesson) return { right: 0, asked: 0 }
  const r = lessonStops(s.lesson, s.timeline)
  if (!r.ok) return { right: 0, asked: 0 }
  let right = 0
  let asked = 0
  for (const stop of r.stops) {
    const p = stop.prediction
    if (!p || s.cursor.index < p.revealIndex) continue
    const given = s.answers[answerKey(s.lesson.data.id, stop.stop.id)]
    if (given === undefined) continue
    asked++
    if (given === p.answer) right++
  }
  return { right, asked }
}

export function lessonSlice(set: Set, get: Get): LessonActions {
  /** Arrive at stop k at once: the cursor, its component and its field. */
  const arrive = (k: number) => {
    const s = get()
    if (!s.lesson) return
    const r = lessonStops(s.lesson, s.timeline)
    if (!r.ok) return
    const stop = r.stops[Math.max(0, Math.min(k, r.stops.length - 1))]!
    set({
      lesson: { ...s.lesson, stop: r.stops.indexOf(stop) },
      playing: false,
      playTo: null,
      cursor: stop.eventIndex < 0 ? START : clampCursor(s.timeline, stop.eventIndex),
      ...(stop.stop.open ? { selected: stop.stop.open } : {}),
    })
    if (stop.stop.field) get().highlightFields([stop.stop.field])
  }
  return {
    openLesson(lesson, resolve, scenario, stop = 0) {
      const s = get()
      s.loadScenario(scenario.manifest, scenario.cluster, {
        id: lesson.scenario.scenarioId,
        title: scenario.title,
        lesson: scenario.lesson,
      })
      const runAs = lesson.scenario.runAs
      set({
        runAs: {
          identity: runAs?.identity ?? 'admin',
          verb: runAs?.verb ?? 'apply',
          namespace: runAs?.namespace ?? '',
        },
        lesson: { data: lesson, resolve, stop: 0 },
      })
      get().resimulate(() => arrive(stop))
    },
    attachLesson(lesson, resolve, stop) {
      set({ lesson: { data: lesson, resolve, stop: Math.max(0, Math.min(stop, lesson.stops.length - 1)) } })
    },
    closeLesson() {
      set({ lesson: null, playTo: null })
    },
    goToStop(k) {
      arrive(k)
    },
    nextStop() {
      const s = get()
      if (!s.lesson) return
      const r = lessonStops(s.lesson, s.timeline)
      if (!r.ok) return
      const here = r.stops[s.lesson.stop]
      // On the way to this stop (playing there, or paused before it): arrive now.
      if (here && s.cursor.index < here.eventIndex) return arrive(s.lesson.stop)
      const p = here?.prediction
      if (p && s.cursor.index < p.revealIndex) {
        // The answer is revealed by playing on, so the class sees it happen.
        s.playToIndex(p.revealIndex)
        return
      }
      const next = r.stops[s.lesson.stop + 1]
      if (!next) return
      set({ lesson: { ...s.lesson, stop: s.lesson.stop + 1 } })
      if (next.eventIndex <= s.cursor.index) arrive(s.lesson.stop + 1)
      else get().playToIndex(next.eventIndex)
    },
    previousStop() {
      const s = get()
      if (!s.lesson) return
      // While playing to a stop, the stop we left (the lesson already points at the one ahead).
      arrive(Math.max(0, s.lesson.stop - 1))
    },
    answer(choice) {
      const s = get()
      const stop = currentStop(s)
      if (!s.lesson || !stop?.prediction || s.cursor.index >= stop.prediction.revealIndex) return
      set({ answers: { ...s.answers, [answerKey(s.lesson.data.id, stop.stop.id)]: choice } })
    },
  }
}

/** Playback paused on reaching its target: if that is the lesson's stop, open its component and field. */
export function onArrival(get: Get, set: Set): void {
  const s = get()
  const stop = currentStop(s)
  if (!stop || s.cursor.index !== stop.eventIndex) return
  if (stop.stop.open) set({ selected: stop.stop.open })
  if (stop.stop.field) s.highlightFields([stop.stop.field])
}
