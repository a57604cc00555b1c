import { describe, expect, it } from 'vitest'
import { runScenario } from '../story/scenario-run'
import { buildStory } from '../story/build-story'
import { describeAnchor, findAnchor } from './anchor'
import { lessonCommand, lessonInput } from './lesson-input'
import { resolveLesson } from './resolve-lesson'
import type { Lesson, LessonStop } from './types'

const lesson = (stops: readonly LessonStop[]): Lesson => ({
  id: 'test',
  title: 'test',
  summary: 'A test lesson.',
  scenario: { scenarioId: 'default' },
  stops,
})
const stop = (id: string, at: LessonStop['at'], extra: Partial<LessonStop> = {}): LessonStop => ({
  id,
  at,
  title: id,
  text: 'One. Two.',
  ...extra,
})

describe('findAnchor', () => {
  const t = runScenario('default')

  it('picks the nth event of a kind matching every predicate', () => {
    // Authentication runs for kubectl's OpenAPI index (event 3), its GET of the pod (9) and its POST (13).
    expect(findAnchor(t.events, { event: 'authn.verdict' })).toBe(3)
    expect(findAnchor(t.events, { event: 'authn.verdict', nth: 2 })).toBe(9)
    expect(findAnchor(t.events, { event: 'authn.verdict', nth: 'last' })).toBe(13)
    expect(findAnchor(t.events, { event: 'http.response', match: { code: 404 } })).toBe(11)
    const sa = findAnchor(t.events, { event: 'admission.verdict', match: { mutates: true } })
    expect(t.events[sa]!.kind === 'admission.verdict' && t.events[sa]!.payload.plugin).toBe('ServiceAccount')
  })

  it('matches a kubelet watch whatever its node, or one node by name', () => {
    const any = findAnchor(t.events, { event: 'watch.event', match: { watcher: 'kubelet' } })
    expect(any).toBeGreaterThan(0)
    expect(findAnchor(t.events, { event: 'watch.event', match: { watcher: 'kubelet/worker-2' } })).toBe(any)
    expect(findAnchor(t.events, { event: 'watch.event', match: { watcher: 'kubelet/worker-1' } })).toBe(-1)
  })

  it('matches a scheduling cycle by a filter plugin that rejected a node', () => {
    const pending = runScenario('insufficient-cpu')
    expect(
      findAnchor(pending.events, { event: 'scheduler.cycle', match: { plugin: 'NodeResourcesFit' } }),
    ).toBe(findAnchor(pending.events, { event: 'scheduler.cycle' }))
    expect(findAnchor(t.events, { event: 'scheduler.cycle', match: { plugin: 'NodeResourcesFit' } })).toBe(-1)
  })

  it('says which anchor it means', () => {
    expect(describeAnchor({ event: 'cri.call', match: { callName: 'RunPodSandbox' }, nth: 2 })).toBe(
      'the 2nd cri.call event with {"callName":"RunPodSandbox"}',
    )
  })
})

describe('resolveLesson', () => {
  const t = runScenario('default')
  const story = buildStory(t)

  it("snaps a stop to the last event of its anchor's story step; 'start' is -1 and 'end' the last event", () => {
    const r = resolveLesson(
      lesson([
        stop('a', 'start'),
        stop('b', { event: 'http.request', match: { from: 'kubectl', method: 'GET' } }),
        stop('c', 'end'),
      ]),
      t,
      story,
    )
    if (!r.ok) throw new Error(r.error)
    expect(r.stops.map((s) => [s.anchorIndex, s.eventIndex])).toEqual([
      [-1, -1],
      [2, story.steps[story.stepOf(2)]!.last],
      [t.events.length - 1, t.events.length - 1],
    ])
  })

  it('names the stop whose anchor finds nothing', () => {
    const r = resolveLesson(lesson([stop('nope', { event: 'k8s.event', match: { reason: 'BackOff' } })]), t)
    expect(r).toEqual({
      ok: false,
      stopId: 'nope',
      error: 'stop "nope" found no event: the 1st k8s.event event with {"reason":"BackOff"}',
    })
  })

  it('refuses a stop that goes back in time', () => {
    const r = resolveLesson(lesson([stop('late', 'end'), stop('early', { event: 'kubectl.parse' })]), t)
    expect(r.ok ? '' : r.error).toMatch(/^stop "early" lands on event 1, before stop "late"/)
  })

  it('refuses a question whose answer is already out', () => {
    const r = resolveLesson(lesson([stop('q', 'end', { predict: 'kubectl-output' })]), t)
    expect(r.ok ? '' : r.error).toBe(
      'stop "q" cannot ask kubectl-output: kubectl has already printed its output',
    )
  })

  it('refuses a stop id used twice', () => {
    const r = resolveLesson(lesson([stop('x', 'start'), stop('x', 'end')]), t)
    expect(r.ok ? '' : r.stopId).toBe('x')
  })
})

describe('lessonInput', () => {
  it('builds the command line the app builds for "run as" (store/create-app-store.ts commandLine)', () => {
    expect(lessonCommand(undefined)).toBe('kubectl apply -f pod.yaml')
    expect(lessonCommand({ identity: 'jane', verb: 'create', namespace: 'dev' })).toBe(
      'kubectl create -f pod.yaml -n dev',
    )
  })

  it('throws for a scenario that does not exist: lessons ship with the engine', () => {
    expect(() => lessonInput({ ...lesson([]), scenario: { scenarioId: 'missing' } })).toThrow(/no scenario/)
  })
})
