import { describe, expect, it } from 'vitest'
import { simulate, DEFAULT_MANIFEST, COMPONENT_IDS } from '../../engine/index'
import { projectEdges, projectNodes } from './project'

const t = simulate({ manifest: DEFAULT_MANIFEST }, { seed: 1 })

describe('graph projection', () => {
  it('draws one node per component with the labels an operator uses', () => {
    const nodes = projectNodes(t.initial, null, null)
    expect(nodes.map((n) => n.id)).toEqual([...COMPONENT_IDS])
    expect(nodes.map((n) => n.data.label)).toContain('containerd (CRI)')
  })

  it('animates the binding POST from the scheduler to the apiserver on their edge, in reverse', () => {
    const i = t.events.findIndex((e) => e.kind === 'http.request' && e.component === 'kube-scheduler')
    const edges = projectEdges(t.events[i]!, i)
    const moving = edges.filter((e) => e.data?.travelling)
    expect(moving).toHaveLength(1)
    expect(moving[0]!.id).toBe('kube-apiserver->kube-scheduler')
    expect(moving[0]!.data?.reverse).toBe(true)
  })

  it('marks a rejected request in the rejection colour', () => {
    const bad = simulate(
      { manifest: DEFAULT_MANIFEST.replace('image: nginx:1.27', 'imagePullPolice: Always') },
      { seed: 1 },
    )
    const i = bad.events.findIndex((e) => e.kind === 'http.response' && e.payload.code === 400)
    const nodes = projectNodes(bad.frames[i]!, bad.events[i]!, null)
    expect(nodes.find((n) => n.id === 'kube-apiserver')!.data.tone).toBe('rejected')
  })

  it('shows the pod IP on the CNI node once the pod reports it', () => {
    const last = t.frames[t.frames.length - 1]!
    const cni = projectNodes(last, null, null).find((n) => n.id === 'cni')!
    expect(cni.data.detail).toMatch(/^pod IP 10\.244\.\d+\.\d+$/)
  })
})
