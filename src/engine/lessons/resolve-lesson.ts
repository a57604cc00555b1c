/**
 * resolveLesson(lesson, timeline): where each stop lands in this run. An anchor names an event; the
 * stop lands on the `last` event of the story step holding it, where the app's cursor lands, so the
 * learner sees the whole step. Stops never go backwards (two stops may share a step when they look
 * at different parts of one event, such as the scheduler's per-node table). A stop that asks a
 * question gets its prediction, worked out from this run.
 */
import { buildStory } from '../story/build-story'
import type { Story } from '../story/types'
import type { Timeline } from '../protocol/timeline'
import { describeAnchor, findAnchor } from './anchor'
import { predictionAt } from './predictions'
import type { Lesson, LessonResolution, LessonStop, ResolvedStop } from './types'

/**
 * Resolves every stop of `lesson` against `timeline`, in order. Returns the first failure as a value
 * naming the stop: an anchor with no matching event, a stop that lands before the previous one, or a
 * question whose answer the run does not reveal after the stop. A user's edited manifest can cause
 * any of these, so they are not thrown.
 *
 * @example
 * const t = simulate(lessonInput(lesson), { seed: 1 })
 * const r = resolveLesson(lesson, t)
 * if (r.ok) r.stops[0].eventIndex // where the cursor goes for the first stop
 */
export function resolveLesson(
  lesson: Lesson,
  timeline: Timeline,
  story: Story = buildStory(timeline),
): LessonResolution {
  const stops: ResolvedStop[] = []
  const ids = new Set<string>()
  for (const stop of lesson.stops) {
    if (ids.has(stop.id)) return fail(stop, `stop id "${stop.id}" is used twice in lesson ${lesson.id}`)
    ids.add(stop.id)
    const anchorIndex = anchorIndexOf(stop, timeline)
    if (anchorIndex === null)
      return fail(
        stop,
        `stop "${stop.id}" found no event: ${typeof stop.at === 'string' ? `'${stop.at}' of an empty timeline` : describeAnchor(stop.at)}`,
      )
    const step = story.stepOf(anchorIndex)
    const eventIndex = step < 0 ? -1 : story.steps[step]!.last
    const previous = stops[stops.length - 1]
    if (previous && eventIndex < previous.eventIndex) {
      return fail(
        stop,
        `stop "${stop.id}" lands on event ${eventIndex}, before stop "${previous.stop.id}" (event ${previous.eventIndex})`,
      )
    }
    let prediction
    if (stop.predict) {
      const p = predictionAt(stop.predict, timeline, eventIndex)
      if (!p.ok) return fail(stop, `stop "${stop.id}" cannot ask ${stop.predict}: ${p.error}`)
      prediction = p.prediction
    }
    stops.push({ stop, anchorIndex, eventIndex, step, ...(prediction ? { prediction } : {}) })
  }
  return { ok: true, stops }
}

function fail(stop: LessonStop, error: string): LessonResolution {
  return { ok: false, stopId: stop.id, error }
}

/** -1 for 'start', the last event for 'end', else the anchored event; null when nothing matches. */
function anchorIndexOf(stop: LessonStop, timeline: Timeline): number | null {
  const n = timeline.events.length
  if (stop.at === 'start') return -1
  if (stop.at === 'end') return n > 0 ? n - 1 : null
  const i = findAnchor(timeline.events, stop.at)
  return i < 0 ? null : i
}
