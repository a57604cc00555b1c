import { describe, expect, it } from 'vitest'
import { storyPod } from '../../engine/protocol/pods'
import { simulate, DEFAULT_MANIFEST } from '../../engine/index'
import { SCENARIOS } from '../../engine/views'
import { lastCycle, projectNodeChips } from './node-chips'
import { chipCapacity } from './layout'

const t = simulate({ manifest: DEFAULT_MANIFEST }, { seed: 1 })
const chipsAt = (i: number) => projectNodeChips(t, t.frames[i]!, t.events[i]!, lastCycle(t, i))

describe('node chips', () => {
  it('before scheduling, every node is idle and holds no pod', () => {
    expect(chipsAt(5).map((c) => [c.data.name, c.data.tone, c.data.pod])).toEqual([
      ['control-plane', 'idle', null],
      ['worker-1', 'idle', null],
      ['worker-2', 'idle', null],
    ])
  })

  it('at the scheduling cycle the tainted control plane is rejected and the feasible workers are in play', () => {
    const i = t.events.findIndex((e) => e.kind === 'scheduler.cycle')
    expect(chipsAt(i).map((c) => c.data.tone)).toEqual(['rejected', 'active', 'active'])
    expect(chipsAt(i)[0]!.data.detail).toBe('node(s) had untolerated taint(s)')
  })

  it('a reason too long for a chip gives the plugin that said it; the table has it whole', () => {
    const s = SCENARIOS.find((x) => x.id === 'node-selector')!
    const n = simulate({ manifest: s.manifest, ...(s.cluster ? { cluster: s.cluster } : {}) }, { seed: 1 })
    const i = n.events.findIndex((e) => e.kind === 'scheduler.cycle')
    const chips = projectNodeChips(n, n.frames[i]!, n.events[i]!, lastCycle(n, i))
    for (const c of chips) expect(c.data.detail.length).toBeLessThanOrEqual(44)
  })

  it("on the binding step the pod travels from the scheduler's card to its node's chip", () => {
    const i = t.events.findIndex(
      (e, k) => k > 0 && storyPod(t.frames[k]!)?.spec.nodeName && !storyPod(t.frames[k - 1]!)?.spec.nodeName,
    )
    const chips = projectNodeChips(t, t.frames[i]!, t.events[i]!, lastCycle(t, i), 'wide', t.frames[i - 1]!)
    const landing = chips.find((c) => c.data.pod === 'nginx')!
    expect(landing.data.arriving).not.toBeNull()
    const later = projectNodeChips(
      t,
      t.frames[i + 1]!,
      t.events[i + 1]!,
      lastCycle(t, i + 1),
      'wide',
      t.frames[i]!,
    )
    expect(later.find((c) => c.data.pod === 'nginx')!.data.arriving).toBeNull()
  })

  it('a crash-looping pod is drawn in the rejection colour on its node, not green', () => {
    const last = t.events.length - 1
    const chips = projectNodeChips(
      t,
      t.frames[last]!,
      t.events[last]!,
      lastCycle(t, last),
      'wide',
      null,
      'rejected',
    )
    expect(chips.find((c) => c.data.pod === 'nginx')!.data.tone).toBe('rejected')
  })

  it('once bound, the pod sits on the chosen node', () => {
    const last = t.events.length - 1
    const chosen = chipsAt(last).find((c) => c.data.pod === 'nginx')
    expect(chosen?.data.name).toBe(storyPod(t.frames[last]!)?.spec.nodeName)
    expect(chosen?.data.tone).toBe('accepted')
  })

  it('a large cluster shows a few nodes and how many more there are', () => {
    const s = SCENARIOS.find((x) => x.id === 'default')!
    const nodes = Array.from(
      { length: 12 },
      (_, i) =>
        `---\napiVersion: v1\nkind: Node\nmetadata:\n  name: n${i}\nspec: {podCIDR: 10.9.${i}.0/24}\nstatus:\n  allocatable: {cpu: "4", memory: 8Gi, pods: "110"}\n`,
    ).join('')
    const big = simulate({ manifest: s.manifest, cluster: nodes.slice(4) }, { seed: 1 })
    const i = big.events.length - 1
    const chips = projectNodeChips(big, big.frames[i]!, big.events[i]!, lastCycle(big, i), 'tall')
    expect(chips).toHaveLength(chipCapacity('tall'))
    expect(chips[0]!.data.pod).toBe('nginx')
    expect(chips.at(-1)!.data.name).toBe(`+${12 - (chipCapacity('tall') - 1)} more`)
  })

  it('a node that joins during the story gets its chip from then on, and can receive the pod', () => {
    const s = SCENARIOS.find((x) => x.id === 'node-joins')!
    const j = simulate({ manifest: s.manifest, cluster: s.cluster! }, { seed: 1 })
    const at = (i: number) =>
      projectNodeChips(j, j.frames[i]!, j.events[i]!, lastCycle(j, i), 'tall').map((c) => c.data.name)
    const joinedAt = j.events.findIndex((e) => e.kind === 'cluster.node-added')
    expect(at(joinedAt - 1)).toEqual(['control-plane', 'worker-1', 'worker-2'])
    expect(at(joinedAt)).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3'])
    const last = j.events.length - 1
    const chips = projectNodeChips(j, j.frames[last]!, j.events[last]!, lastCycle(j, last), 'tall')
    expect(chips.find((c) => c.data.name === 'worker-3')?.data.pod).toBe('big')
  })
})
