/** The pods the run has created so far, whichever component created them (the seam to the world's pod store). */
import type { World } from '../protocol/world'
import type { Pod } from '../model/objects'
import { allPods } from '../protocol/pods'

export function allRunPods(world: World): Pod[] {
  return allPods(world)
}
