import { describe, expect, it } from 'vitest'
import { simulate, DEFAULT_MANIFEST, POD_STAGES } from '../../engine/index'
import { storyOf } from '../../store/story'
import { stageSegments } from './stage-segments'

describe('the chapters of the timeline bar', () => {
  const t = simulate({ manifest: DEFAULT_MANIFEST }, { seed: 1 })
  const story = storyOf(t)
  const segments = stageSegments(story)

  it('lists every chapter of the happy path, in the order the pod reaches them', () => {
    expect(segments.map((s) => s.stage)).toEqual(POD_STAGES.map((s) => s.id))
  })

  it("starts Authentication at the POST's verdict: apply's GET before it is one kubectl step", () => {
    const authn = segments.find((s) => s.stage === 'authn')!
    const post = t.events.findIndex((e) => e.kind === 'http.request' && e.payload.method === 'POST')
    const landing = story.steps[authn.step]!.last
    expect(landing).toBeGreaterThan(post)
    expect(t.events[landing]!.kind).toBe('authn.verdict')
  })
})
