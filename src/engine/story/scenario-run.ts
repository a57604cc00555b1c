/**
 * For the story's tests: a built-in scenario simulated with seed 1, frozen so a test that mutates a
 * frame fails loudly.
 */
import { SCENARIOS } from '../scenario/scenarios'
import { simulate } from '../simulate'
import type { Timeline } from '../protocol/timeline'
import { deepFreeze } from '../testing/builders'

export function runScenario(id: string): Timeline {
  const s = SCENARIOS.find((x) => x.id === id)
  if (!s) throw new Error(`no scenario ${id}`)
  return deepFreeze(
    simulate({ manifest: s.manifest, ...(s.cluster ? { cluster: s.cluster } : {}) }, { seed: 1 }),
  )
}
