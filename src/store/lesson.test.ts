import { describe, expect, it } from 'vitest'
import { DEFAULT_CLUSTER, DEFAULT_MANIFEST } from '../engine/index'
import { LESSONS, resolveLesson, SCENARIOS } from '../engine/views'
import { createAppStore } from './create-app-store'
import { currentStop, lessonScore } from './lesson'

const store = () => createAppStore(DEFAULT_MANIFEST, { debounceMs: 0 })
const lesson = (id: string) => LESSONS.find((l) => l.id === id)!
function open(s: ReturnType<typeof store>, id: string) {
  const l = lesson(id)
  const sc = SCENARIOS.find((x) => x.id === l.scenario.scenarioId)!
  s.getState().openLesson(l, resolveLesson, {
    manifest: sc.manifest,
    cluster: sc.cluster ?? DEFAULT_CLUSTER,
    title: sc.title,
    lesson: sc.lesson,
  })
}
/** Ticks playback until it stops (as usePlayback would, without the clock). */
function playOut(s: ReturnType<typeof store>) {
  for (let i = 0; i < 2000 && s.getState().playing; i++) s.getState().advance()
}
/** "Next" as a learner presses it: and then lets the story play to where it pauses. */
function next(s: ReturnType<typeof store>) {
  s.getState().nextStop()
  playOut(s)
}

describe('following a lesson', () => {
  it.each(LESSONS.map((l) => l.id))(
    '%s: Next alone walks every stop in order, each with its component open',
    (id) => {
      const s = store()
      open(s, id)
      const l = lesson(id)
      const visited: string[] = []
      for (let guard = 0; guard < 40; guard++) {
        const stop = currentStop(s.getState())!
        if (s.getState().cursor.index === stop.eventIndex && visited.at(-1) !== stop.stop.id) {
          visited.push(stop.stop.id)
          if (stop.stop.open) expect(s.getState().selected).toBe(stop.stop.open)
        }
        const before = [s.getState().cursor.index, s.getState().lesson!.stop]
        next(s)
        if (before[0] === s.getState().cursor.index && before[1] === s.getState().lesson!.stop) break
      }
      expect(visited).toEqual(l.stops.map((x) => x.id))
    },
  )

  it('a prediction is answered before its answer shows, revealed by playing on, then scored', () => {
    const s = store()
    open(s, 'why-pending')
    const first = currentStop(s.getState())!
    const p = first.prediction!
    expect(s.getState().cursor.index).toBeLessThan(p.revealIndex)
    const wrong = p.choices.find((c) => c !== p.answer)!
    s.getState().answer(wrong)
    expect(lessonScore(s.getState())).toEqual({ right: 0, asked: 0 })
    // Next plays on to the moment the story shows the answer, and stays at this stop.
    next(s)
    expect(s.getState().cursor.index).toBe(p.revealIndex)
    expect(s.getState().lesson!.stop).toBe(0)
    expect(lessonScore(s.getState())).toEqual({ right: 0, asked: 1 })
    // Once revealed, an answer can no longer be changed.
    s.getState().answer(p.answer)
    expect(lessonScore(s.getState())).toEqual({ right: 0, asked: 1 })
    next(s)
    expect(s.getState().lesson!.stop).toBe(1)
    const second = currentStop(s.getState())!
    s.getState().answer(second.prediction!.answer)
    next(s)
    expect(lessonScore(s.getState())).toEqual({ right: 1, asked: 2 })
  })

  it('a second Next while the story plays to a stop arrives at once; Previous goes back one stop', () => {
    const s = store()
    open(s, 'birth-of-a-pod')
    s.getState().goToStop(2)
    s.getState().nextStop()
    if (s.getState().playing) {
      s.getState().nextStop()
      expect(s.getState().playing).toBe(false)
    }
    const at = currentStop(s.getState())!
    expect(s.getState().cursor.index).toBe(at.eventIndex)
    expect(s.getState().lesson!.stop).toBe(3)
    s.getState().previousStop()
    expect(s.getState().lesson!.stop).toBe(2)
  })

  it('the lesson runs as its identity: "Who may create a pod?" runs kubectl create as jane', () => {
    const s = store()
    open(s, 'authn-authz')
    expect(s.getState().runAs).toMatchObject({ identity: 'jane', verb: 'create' })
    expect(s.getState().timeline.outcome).toMatchObject({ kind: 'Rejected' })
  })

  it('an edit that removes a stop’s event says so instead of pointing at the wrong step', () => {
    const s = store()
    open(s, 'why-pending')
    s.getState().setManifest(DEFAULT_MANIFEST)
    s.getState().resimulate()
    // The default pod fits: no FailedScheduling, so the lesson cannot be followed on this run.
    expect(currentStop(s.getState())).toBeNull()
  })
})
