/**
 * buildStory(timeline): the steps a class follows. Raw events are grouped so a learner pauses on
 * what matters: routine checks that change nothing visible collapse into one step, an exchange (a
 * request, the etcd write it causes and the reply) is one step, and repeated cycles (probe failures,
 * back-off restarts, pull retries) keep their first and last cycle with the ones in between folded
 * into a single 'repeat' step. Steps cover every event exactly once, in order.
 *
 * Never collapsed (always a step of its own or the landing event of one): rejections, Warnings, a
 * mutating admission plugin that changed the pod or warned, kubectl's output, the last event.
 */
import { storyPod } from '../protocol/pods'
import type { SimEvent } from '../protocol/events'
import type { Timeline } from '../protocol/timeline'
import {
  changesPod,
  isProtected,
  isQuiet,
  isRejection,
  isWarning,
  resourceOfPath,
  travels,
} from './event-classes'
import { eventSignature } from './event-signature'
import { findRepeats, internAll } from './repeats'
import { exchangeTitle, quietGroupTitle, repeatTitle } from './step-titles'
import type { Story, StoryStep, StoryStepKind } from './types'

const MINOR = 0.6
const NORMAL = 1
const KEY = 1.4

const isOk = (e: SimEvent | undefined): boolean =>
  e?.kind === 'http.response' && e.payload.code >= 200 && e.payload.code < 300

/** "the pod", from the resource of the request the apiserver is handling at `index`. */
function requestNoun(events: readonly SimEvent[], index: number): string {
  for (let i = index; i >= 0; i--) {
    const e = events[i]!
    if (e.kind === 'http.request') return `the ${resourceOfPath(e.payload.path) || 'object'}`
  }
  return 'the object'
}

/**
 * The story of a timeline: its events grouped into steps (every event in exactly one step, in order),
 * `stepOf(i)` in O(1), and the ending. Pure and deterministic; the same timeline gives an equal story.
 *
 * @example
 * const story = buildStory(simulate({ manifest }, { seed: 1 }))
 * story.steps.length        // 34 for the default nginx run (63 events)
 * story.stepOf(-1)          // -1: the cursor before the first event
 */
export function buildStory(timeline: Timeline): Story {
  const { events, frames } = timeline
  const n = events.length
  const steps: StoryStep[] = []
  const before = (i: number) => (i === 0 ? timeline.initial : frames[i - 1])

  const eventMatters = (i: number): boolean => {
    const e = events[i]!
    if (travels(e) || isRejection(e) || isWarning(e)) return true
    if (e.kind === 'kubectl.output' || e.kind === 'scheduler.cycle' || e.kind === 'controller.sync')
      return true
    if (e.kind === 'admission.verdict' && e.payload.patch.length > 0) return true
    return changesPod(before(i), frames[i])
  }
  const isKey = (i: number): boolean => {
    const e = events[i]!
    if (i === n - 1) return true
    if (e.kind === 'scheduler.cycle' || e.kind === 'kubectl.output') return true
    if (e.kind === 'etcd.put' && e.payload.what === 'binding') return true
    if (isRejection(e) && !(e.kind === 'http.response' && e.payload.code === 404)) return true
    const prev = before(i)
    const frame = frames[i]
    const was = prev ? storyPod(prev)?.status?.phase : undefined
    const now = frame ? storyPod(frame)?.status?.phase : undefined
    return now !== was && (now === 'Running' || now === 'Succeeded' || now === 'Failed')
  }
  const push = (
    first: number,
    last: number,
    kind: StoryStepKind,
    title: string | null,
    repeats = 0,
    routine = false,
  ): void => {
    let matters = false
    let key = false
    for (let i = first; i <= last; i++) {
      matters ||= eventMatters(i)
      key ||= isKey(i)
    }
    // A routine preliminary (kubectl's OpenAPI check) is played briefly, like a quiet group.
    const weight = key ? KEY : matters && !routine ? NORMAL : MINOR
    steps.push({ first, last, kind, stage: events[first]!.stage, title, repeats, matters, weight })
  }

  // May event i be folded into a step with others? Never the last event, nor a protected one.
  const foldable = (i: number, b: number): boolean => i <= b && i !== n - 1 && !isProtected(events[i]!)
  const quiet = (i: number, b: number): boolean => foldable(i, b) && isQuiet(events[i]!)
  const sameStage = (i: number, j: number): boolean => events[i]!.stage === events[j]!.stage

  /**
   * kubectl's read before its write (apply's GET of the object, answered 200 or 404): the request,
   * the authentication and authorization verdicts and the answer, as one step. The chain is the lesson
   * of the write that follows, which keeps its own authentication and authorization steps; a refused
   * read (403, 401) is a rejection and stays apart.
   */
  const readBeforeWrite = (i: number, b: number): number => {
    const e = events[i]!
    if (e.kind !== 'http.request' || e.payload.from !== 'kubectl' || e.payload.method !== 'GET') return 0
    for (let k = 1; i + k <= b && k <= 4; k++) {
      const x = events[i + k]!
      // The 404 counts as a rejection elsewhere; here it is the expected "not there yet".
      const answered =
        x.kind === 'http.response' &&
        x.payload.requestId === e.payload.id &&
        (x.payload.code === 200 || x.payload.code === 404) &&
        i + k !== n - 1
      if (answered) return k + 1
      if (!foldable(i + k, b) || (x.kind !== 'authn.verdict' && x.kind !== 'authz.verdict')) return 0
    }
    return 0
  }

  /**
   * kubectl's check that the server validates fields before it sends anything (GET /openapi/v3, then
   * the group-version's document; kubectl/openapi.ts): its requests, verdicts and answers as one step.
   * A refused request (403, 401) is a rejection and stays apart.
   */
  const openapiCheck = (i: number, b: number): number => {
    const isOpenAPI = (x: SimEvent): boolean =>
      x.kind === 'http.request' && x.payload.from === 'kubectl' && x.payload.path.startsWith('/openapi/')
    if (!isOpenAPI(events[i]!)) return 0
    let k = 1
    while (i + k <= b && foldable(i + k, b)) {
      const x = events[i + k]!
      const part =
        isOpenAPI(x) ||
        x.kind === 'authn.verdict' ||
        x.kind === 'authz.verdict' ||
        (x.kind === 'http.response' &&
          x.payload.to === 'kubectl' &&
          (x.payload.code === 200 || x.payload.code === 304))
      if (!part) break
      k++
    }
    return k >= 2 ? k : 0
  }

  /** Length (≥ 2) of the exchange starting at i, or 0. */
  const exchangeAt = (i: number, b: number): number => {
    const check = openapiCheck(i, b)
    if (check) return check
    const read = readBeforeWrite(i, b)
    if (read) return read
    const e = events[i]!
    const fits = (k: number): boolean => foldable(i + k, b) && sameStage(i, i + k)
    if (!fits(0) || !fits(1)) return 0
    const next = events[i + 1]!
    // A component's write: the request, the etcd write it causes, the reply (the reply may be left out
    // when it is the last event, which stays a step of its own).
    if (e.kind === 'http.request' && e.payload.from !== 'kubectl' && next.kind === 'etcd.put') {
      const reply = events[i + 2]
      return fits(2) &&
        isOk(reply) &&
        reply?.kind === 'http.response' &&
        reply.payload.requestId === e.payload.id
        ? 3
        : 2
    }
    // The apiserver stores an object and answers.
    if (e.kind === 'etcd.put' && isOk(next)) return 2
    // A CRI call (and the registry pull it causes), then the Normal Event the kubelet records for it.
    if ((e.kind === 'cri.call' && !isQuiet(e)) || e.kind === 'registry.pull') {
      let k = 1
      if (events[i + k]?.kind === 'registry.pull' && fits(k) && e.kind === 'cri.call') k++
      const recorded = events[i + k]
      return fits(k) && recorded?.kind === 'k8s.event' && recorded.payload.type === 'Normal' ? k + 1 : 0
    }
    return 0
  }

  const groupRange = (a: number, b: number): void => {
    let i = a
    while (i <= b) {
      const exchange = exchangeAt(i, b)
      if (exchange) {
        const routine = openapiCheck(i, b) > 0
        push(i, i + exchange - 1, 'group', exchangeTitle(events.slice(i, i + exchange)), 0, routine)
        i += exchange
        continue
      }
      if (quiet(i, b)) {
        let j = i
        while (quiet(j + 1, b) && sameStage(i, j + 1)) j++
        if (j > i) {
          push(i, j, 'group', quietGroupTitle(events.slice(i, j + 1), requestNoun(events, i)))
          i = j + 1
          continue
        }
        // A lone routine check leads into the next ordinary event of its stage: one step.
        const next = i + 1
        if (foldable(next, b) && sameStage(i, next) && !isQuiet(events[next]!) && !exchangeAt(next, b)) {
          push(i, next, 'group', exchangeTitle(events.slice(i, next + 1)))
          i = next + 1
          continue
        }
      }
      // A lone routine check with nothing after it in its stage joins the ordinary event before it.
      const prev = steps[steps.length - 1]
      if (quiet(i, b) && prev && prev.kind === 'event' && prev.last === i - 1 && i - 1 >= a) {
        if (sameStage(i - 1, i) && foldable(i - 1, b) && !isQuiet(events[i - 1]!)) {
          steps.pop()
          push(i - 1, i, 'group', exchangeTitle(events.slice(i - 1, i + 1)))
          i++
          continue
        }
      }
      push(i, i, 'event', null)
      i++
    }
  }

  let cursor = 0
  for (const span of findRepeats(internAll(events.map(eventSignature)))) {
    const middleStart = span.start + span.period
    const middleEnd = span.start + (span.cycles - 1) * span.period - 1
    groupRange(cursor, middleStart - 1)
    const collapsed = events.slice(middleStart, middleEnd + 1)
    const cycle = events.slice(middleStart, middleStart + span.period)
    push(middleStart, middleEnd, 'repeat', repeatTitle(cycle, collapsed, span.cycles - 2), span.cycles - 2)
    cursor = middleEnd + 1
  }
  groupRange(cursor, n - 1)

  return storyFromSteps(steps, n)
}

/**
 * The story of `steps` over `n` events: what buildStory returns, made again from its steps (the page
 * receives the steps from the engine's worker, where the story was built; functions do not travel).
 */
export function storyFromSteps(steps: readonly StoryStep[], n: number): Story {
  const index = new Int32Array(n)
  steps.forEach((s, k) => index.fill(k, s.first, s.last + 1))
  return {
    steps,
    stepOf: (eventIndex) => (eventIndex < 0 || n === 0 ? -1 : index[Math.min(eventIndex, n - 1)]!),
  }
}
