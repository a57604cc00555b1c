/**
 * How a timeline's story ends (engine/views storyEnding), worked out once per timeline: the
 * narration's last step and the what-if's two endings read the same cache.
 */
import { storyEnding, type Ending } from '../../engine/views'
import type { Timeline } from '../../engine/index'

const cache = new WeakMap<Timeline, Ending>()

export function endingOf(t: Timeline): Ending {
  let e = cache.get(t)
  if (!e) {
    e = storyEnding(t)
    cache.set(t, e)
  }
  return e
}
