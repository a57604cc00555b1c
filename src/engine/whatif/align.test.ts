import { describe, expect, it } from 'vitest'
import { storyPod } from '../protocol/pods'
import { simulate, type SimInput } from '../simulate'
import { SCENARIOS } from '../scenario/scenarios'
import { DEFAULT_MANIFEST } from '../scenario/default-scenario'
import { IDENTITIES } from '../scenario/identities'
import { buildStory } from '../story/build-story'
import { deepFreeze } from '../testing/builders'
import { alignRuns } from './align'
import { proposeFixes } from './proposals'

const scenarioInput = (id: string): SimInput => {
  const s = SCENARIOS.find((x) => x.id === id)!
  return { manifest: s.manifest, ...(s.cluster ? { cluster: s.cluster } : {}) }
}
const run = (input: SimInput, seed = 1) => deepFreeze(simulate(input, { seed }))

describe('alignRuns', () => {
  it('identical runs do not diverge, and every stage spans the same steps in both', () => {
    const t = run({ manifest: DEFAULT_MANIFEST })
    const { stages, divergence } = alignRuns(t, run({ manifest: DEFAULT_MANIFEST }))
    expect(divergence).toBeNull()
    for (const s of stages) expect(s.a).toEqual(s.b)
    const steps = buildStory(t).steps
    expect(stages.find((s) => s.stage === 'scheduling')?.a).toEqual({
      first: steps.findIndex((s) => s.stage === 'scheduling'),
      last: steps.length - 1 - [...steps].reverse().findIndex((s) => s.stage === 'scheduling'),
    })
  })

  it('insufficient-cpu and its CPU fix diverge at the scheduling cycle: no node fits vs worker-1 picked', () => {
    const input = scenarioInput('insufficient-cpu')
    const failed = run(input)
    const fix = proposeFixes(input, failed).find((p) => p.title.includes('CPU'))!
    const { divergence } = alignRuns(failed, fix.timeline)
    expect(divergence?.stage).toBe('scheduling')
    expect(divergence?.a).toBe(divergence?.b)
    const step = buildStory(failed).steps[divergence!.a]!
    expect(failed.events[step.first]?.kind).toBe('scheduler.cycle')
    expect(divergence?.reason).toBe(
      'In this run, no node fits ("0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu."); with the change, the scheduler picks worker-1.',
    )
  })

  it('another identity diverges where kubectl reads the kubeconfig', () => {
    const jane = IDENTITIES.find((i) => i.id === 'jane')!.kubeconfig
    const { divergence } = alignRuns(
      run({ manifest: DEFAULT_MANIFEST, kubeconfig: jane }),
      run({ manifest: DEFAULT_MANIFEST }),
    )
    expect(divergence?.stage).toBe('kubectl')
    expect(divergence?.reason).toContain('as jane')
  })

  it('a 403 against an allowed request diverges at authorization', () => {
    const input = {
      manifest: DEFAULT_MANIFEST,
      kubeconfig: IDENTITIES.find((i) => i.id === 'jane')!.kubeconfig,
    }
    const forbidden = run(input)
    const bound = proposeFixes(input, forbidden).find((p) => p.title.startsWith('Bind jane'))!
    const { divergence } = alignRuns(forbidden, bound.timeline)
    expect(divergence?.stage).toBe('authz')
    expect(divergence?.reason).toBe(
      'In this run, "get pods: forbidden"; with the change, "get pods: allowed by RBAC".',
    )
    // The same event, in steps the stories group differently: its own step when refused, the GET's exchange when not.
    const stepA = buildStory(forbidden).steps[divergence!.a]!
    const stepB = buildStory(bound.timeline).steps[divergence!.b]!
    expect(forbidden.events[stepA.first]?.kind).toBe('authz.verdict')
    expect(bound.timeline.events.slice(stepB.first, stepB.last + 1).map((e) => e.kind)).toContain(
      'authz.verdict',
    )
  })

  it('a different filter verdict counts even when the same node is picked', () => {
    const { divergence } = alignRuns(
      run({ manifest: DEFAULT_MANIFEST }),
      run(scenarioInput('prefer-no-schedule')),
    )
    expect(divergence?.stage).toBe('scheduling')
  })

  it('different seeds with the same behaviour do not diverge on uids, IPs, MACs or container ids', () => {
    const a = run({ manifest: DEFAULT_MANIFEST }, 1)
    const seeds = [2, 3, 4, 5, 6, 7, 8, 9]
    const same = seeds
      .map((s) => run({ manifest: DEFAULT_MANIFEST }, s))
      .filter((b) => {
        const pa = storyPod(a.frames[a.frames.length - 1]!)!
        const pb = storyPod(b.frames[b.frames.length - 1]!)!
        return pa.spec.nodeName === pb.spec.nodeName
      })
    expect(same.length).toBeGreaterThan(0)
    for (const b of same) {
      // The seeds really do change the varying parts...
      expect(storyPod(b.frames[b.frames.length - 1]!)!.metadata.uid).not.toBe(
        storyPod(a.frames[a.frames.length - 1]!)!.metadata.uid,
      )
      // ...and the story still reads the same.
      expect(alignRuns(a, b).divergence).toBeNull()
    }
  })

  it('a run that stops early diverges where the other goes on', () => {
    const a = run({ manifest: DEFAULT_MANIFEST })
    const b = deepFreeze(simulate({ manifest: DEFAULT_MANIFEST }, { seed: 1, until: 1000 }))
    const stepsB = buildStory(b).steps.length
    const { divergence } = alignRuns(a, b)
    expect(divergence).not.toBeNull()
    expect(divergence!.a).toBeLessThanOrEqual(stepsB)
  })
})
