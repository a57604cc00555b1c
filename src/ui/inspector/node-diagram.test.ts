import { describe, expect, it } from 'vitest'
import { simulate, DEFAULT_MANIFEST } from '../../engine/index'
import { describeNodeView } from '../../engine/views'
import { DIAGRAM_WIDTH, diagramTones, layoutNodeDiagram, restartsText, type Box } from './node-diagram'

const t = simulate({ manifest: DEFAULT_MANIFEST }, { seed: 1 })
const bottom = (b: Box) => b.y + b.h

describe('node drawing layout', () => {
  it.each([0, 1, 3])(
    'stacks pod, veth, bridge and node eth0 top to bottom inside the node (%i containers)',
    (n) => {
      const L = layoutNodeDiagram(n, true)
      expect(L.containers).toHaveLength(n)
      for (const c of L.containers) {
        expect(c.y).toBeGreaterThan(L.namespacesY)
        expect(bottom(c)).toBeLessThan(L.podEth0.y)
      }
      expect(bottom(L.podEth0)).toBeLessThan(bottom(L.pod))
      expect(bottom(L.pod)).toBeLessThan(L.veth.y)
      expect(bottom(L.veth)).toBeLessThan(L.bridge.y)
      expect(bottom(L.bridge)).toBeLessThan(L.nodeEth0.y)
      expect(bottom(L.nodeEth0)).toBeLessThan(bottom(L.node))
      expect(L.outsideY).toBeLessThanOrEqual(L.height)
      // A neighbour pod sits beside the veth, not on it.
      expect(L.neighbour!.x).toBeGreaterThan(L.veth.x + L.veth.w)
      for (const b of [L.node, L.pod, L.bridge, L.neighbour!])
        expect(b.x + b.w).toBeLessThanOrEqual(DIAGRAM_WIDTH)
    },
  )
})

describe('node drawing tones', () => {
  const at = (pred: (i: number) => boolean) => t.events.findIndex((_, i) => pred(i))
  it('paints the part the current step works on as in flight', () => {
    const add = at((i) => t.events[i]!.kind === 'cni.add')
    expect(diagramTones(describeNodeView(t, add)!).network).toBe('active')
    const start = at((i) => {
      const e = t.events[i]!
      return e.kind === 'cri.call' && e.payload.call === 'StartContainer'
    })
    expect(diagramTones(describeNodeView(t, start)!).containers).toEqual(['active'])
  })

  it('paints a running pod green and a waiting container amber', () => {
    const end = diagramTones(describeNodeView(t, t.events.length - 1)!)
    expect(end).toEqual({ sandbox: 'accepted', network: 'accepted', containers: ['accepted'] })
    const run = at((i) => {
      const e = t.events[i]!
      return e.kind === 'cri.call' && e.payload.call === 'RunPodSandbox'
    })
    const early = diagramTones(describeNodeView(t, run - 1)!)
    expect(early).toEqual({ sandbox: 'idle', network: 'idle', containers: ['waiting'] })
  })

  it('counts restarts in words', () => {
    const v = describeNodeView(t, t.events.length - 1)!
    expect(restartsText(v.containers[0]!)).toBe('0 restarts')
    expect(restartsText({ ...v.containers[0]!, restartCount: 1 })).toBe('1 restart')
  })
})
