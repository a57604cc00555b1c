import { describe, expect, it } from 'vitest'
import { simulate, DEFAULT_MANIFEST, STAGES, travels } from '../../engine/index'
import { SCENARIOS } from '../../engine/views'
import { shownEvents, storyOf } from '../../store/story'
import { dwellMs } from './usePlayback'
import { travelSeconds } from '../graph/travel'

/** How long Play takes at 1× from Enter to the ending: the sum of every step's dwell. */
function playMs(t: ReturnType<typeof simulate>): number {
  const story = storyOf(t)
  return story.steps.reduce((sum, s) => sum + dwellMs({ timeline: t, cursor: { index: s.last } }), 0)
}

describe('the pace of the story at 1×', () => {
  const t = simulate({ manifest: DEFAULT_MANIFEST }, { seed: 1 })

  it('plays the happy path in well under half a minute', () => {
    // 26 s since kubectl's OpenAPI check (GET /openapi/v3, answered 304) became an exchange of its own.
    expect(playMs(t)).toBeLessThan(26_000)
    expect(playMs(t)).toBeGreaterThan(12_000)
  })

  it('still shows every stage of the happy path as a step of its own', () => {
    const stages = new Set(storyOf(t).steps.map((s) => s.stage))
    for (const s of STAGES) expect(stages.has(s.id), s.id).toBe(true)
  })

  it('gives a travelling message time to arrive, one hop after another in an exchange', () => {
    const story = storyOf(t)
    for (const s of story.steps) {
      const hops = shownEvents(t, s.last).filter(travels).length
      expect(dwellMs({ timeline: t, cursor: { index: s.last } })).toBeGreaterThanOrEqual(
        hops * travelSeconds(1, hops) * 1000,
      )
    }
  })

  it('keeps a long failure story (readiness probe failing for minutes) short enough to watch', () => {
    const s = SCENARIOS.find((x) => x.id === 'readiness')!
    const r = simulate({ manifest: s.manifest, ...(s.cluster ? { cluster: s.cluster } : {}) }, { seed: 1 })
    expect(playMs(r)).toBeLessThan(60_000)
  })
})
