/**
 * The story of a timeline (engine/story: events grouped into the steps a class
 * follows) and how the cursor moves through it. Derived from the timeline and
 * cached per timeline, so the store keeps only its sources.
 */
import {
  buildStory,
  storyFromSteps,
  type SimEvent,
  type Story,
  type StoryStep,
  type Timeline,
} from '../engine/index'

const cache = new WeakMap<Timeline, Story>()

export function storyOf(t: Timeline): Story {
  let s = cache.get(t)
  if (!s) {
    s = buildStory(t)
    cache.set(t, s)
  }
  return s
}

/** Keeps the story the engine's worker built with the run, so the page does not build it again. */
export function rememberStory(t: Timeline, steps: readonly StoryStep[] | undefined): Timeline {
  if (steps && !cache.has(t)) cache.set(t, storyFromSteps(steps, t.events.length))
  return t
}

/** The event index the cursor lands on for story step `k` (-1 before the first). */
function landing(story: Story, k: number): number {
  return k < 0 ? -1 : story.steps[Math.min(k, story.steps.length - 1)]!.last
}

/** One story step forward or back from the cursor (a collapsed group is one step). */
export function storyStep(story: Story, index: number, delta: 1 | -1): number {
  const k = story.stepOf(index)
  if (delta > 0) return landing(story, Math.min(k + 1, story.steps.length - 1))
  return landing(story, k - 1)
}

/** The next (or previous) step that shows something a learner can see. */
export function matteringStep(story: Story, index: number, delta: 1 | -1): number {
  let k = story.stepOf(index) + delta
  while (k >= 0 && k < story.steps.length && !story.steps[k]!.matters) k += delta
  if (k >= story.steps.length) return landing(story, story.steps.length - 1)
  return landing(story, k)
}

/** The story steps (inclusive) of the chapter run holding step k: the neighbours of k in its stage. */
export function chapterRun(story: Story, k: number): { first: number; last: number } {
  const stage = story.steps[k]!.stage
  let first = k
  let last = k
  while (first > 0 && story.steps[first - 1]!.stage === stage) first--
  while (last + 1 < story.steps.length && story.steps[last + 1]!.stage === stage) last++
  return { first, last }
}

/**
 * The next chapter's first step, or back to the start of this chapter (then the one before),
 * as presentation software treats PageUp.
 */
export function chapterStep(story: Story, index: number, delta: 1 | -1): number {
  const k = story.stepOf(index)
  if (delta > 0) {
    const next = k < 0 ? 0 : chapterRun(story, k).last + 1
    return landing(story, Math.min(next, story.steps.length - 1))
  }
  if (k < 0) return -1
  const { first } = chapterRun(story, k)
  if (first < k) return landing(story, first)
  if (first === 0) return -1
  return landing(story, chapterRun(story, first - 1).first)
}

/**
 * The events the graph plays at the cursor: an exchange (a 'group' step) plays every hop up to the
 * cursor, in order; a single event or a collapsed 'repeat' shows only the event at the cursor
 * (replaying forty probe failures would say nothing new).
 */
export function shownEvents(t: Timeline, index: number): readonly SimEvent[] {
  if (index < 0) return []
  const story = storyOf(t)
  const step = story.steps[story.stepOf(index)]!
  return step.kind === 'group' ? t.events.slice(step.first, index + 1) : [t.events[index]!]
}
