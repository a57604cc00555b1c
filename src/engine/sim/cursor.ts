/**
 * Time travel is an index into the timeline: -1 is "before Enter", then one
 * position per event. Scrubbing never re-runs the simulation.
 */
import type { TimedEvent, TimelineOf } from './timeline'

/** Any recorded run; the cursor reads only its events' times and its frames. */
type AnyTimeline = TimelineOf<TimedEvent, unknown>

export interface Cursor {
  readonly index: number
}

export const START: Cursor = { index: -1 }

export function clampCursor(t: AnyTimeline, index: number): Cursor {
  return { index: Math.max(-1, Math.min(t.events.length - 1, index)) }
}

export function stepForward(t: AnyTimeline, c: Cursor): Cursor {
  return clampCursor(t, c.index + 1)
}

export function stepBack(t: AnyTimeline, c: Cursor): Cursor {
  return clampCursor(t, c.index - 1)
}

export function frameAt<W>(t: TimelineOf<TimedEvent, W>, c: Cursor): W {
  return c.index < 0 ? t.initial : t.frames[c.index]!
}

/** The last event at or before `ms` (binary search over the sorted events). */
export function seekToTime(t: AnyTimeline, ms: number): Cursor {
  let lo = 0
  let hi = t.events.length - 1
  let ans = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (t.events[mid]!.at <= ms) {
      ans = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return { index: ans }
}

export function timeAt(t: AnyTimeline, c: Cursor): number {
  return c.index < 0 ? 0 : t.events[c.index]!.at
}
