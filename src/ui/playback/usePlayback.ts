/**
 * The one animation loop: while playing, it moves the cursor one story step
 * at a time (engine/story: a group of steps that change nothing visible is
 * one), holding each long enough to read: its weight times the base dwell,
 * and never less than a travelling message needs to reach its destination.
 * Nothing else in the app runs timers.
 */
import { useEffect } from 'react'
import { useAppStoreApi } from '../../store/context'
import { shownEvents, storyOf } from '../../store/story'
import { travelSeconds } from '../graph/travel'
import { travels } from '../../engine/index'
import type { AppState } from '../../store/create-app-store'

/** Real milliseconds a normal step stays on screen at 1×. */
export const DWELL_MS = 650
/** After a message arrives, a moment to see where it went. */
const AFTER_ARRIVAL_MS = 120

/** How long the step at the cursor stays on screen at 1× (pure, so it can be summed in tests). */
export function dwellMs(s: Pick<AppState, 'timeline' | 'cursor'>): number {
  const story = storyOf(s.timeline)
  const k = story.stepOf(s.cursor.index)
  if (k < 0) return DWELL_MS
  const step = story.steps[k]!
  // An exchange plays its messages one after another: the step lasts until the last has arrived.
  const moving = shownEvents(s.timeline, step.last).filter(travels).length
  return Math.max(
    DWELL_MS * step.weight,
    moving ? moving * travelSeconds(1, moving) * 1000 + AFTER_ARRIVAL_MS : 0,
  )
}

export function usePlayback(): void {
  const store = useAppStoreApi()
  useEffect(() => {
    let raf = 0
    let last = performance.now()
    let carried = 0
    const tick = (now: number) => {
      const s = store.getState()
      if (s.playing) {
        carried += (now - last) * s.speed
        if (carried >= dwellMs(s)) {
          carried = 0
          s.advance()
        }
      } else {
        carried = 0
      }
      last = now
      raf = requestAnimationFrame(tick)
    }
    raf = requestAnimationFrame(tick)
    return () => cancelAnimationFrame(raf)
  }, [store])
}
