import { describe, expect, it } from 'vitest'
import { simulate, DEFAULT_MANIFEST, COMPONENT_IDS, travels } from '../../engine/index'
import { projectEdges, projectNodes } from './project'

const t = simulate({ manifest: DEFAULT_MANIFEST }, { seed: 1 })

describe('graph projection', () => {
  it('draws one node per component with the labels an operator uses', () => {
    const nodes = projectNodes(t.initial, null, null)
    expect(nodes.map((n) => n.id)).toEqual([...COMPONENT_IDS])
    expect(nodes.map((n) => n.data.label)).toContain('containerd (CRI)')
  })

  it('animates the binding POST on the scheduler → apiserver wire, labelled with what it carries', () => {
    const i = t.events.findIndex((e) => e.kind === 'http.request' && e.component === 'kube-scheduler')
    const edges = projectEdges([t.events[i]!], i)
    const moving = edges.filter((e) => e.data?.travelling)
    expect(moving).toHaveLength(1)
    expect(moving[0]!.id).toBe('kube-scheduler->kube-apiserver')
    expect(moving[0]!.data?.reverse).toBe(false)
    expect(moving[0]!.data?.messages.map((x) => x.label)).toEqual(['POST pods/nginx/binding'])
  })

  it('sends the watch event the other way on the same wire: apiserver → scheduler', () => {
    const i = t.events.findIndex((e) => e.kind === 'watch.event' && e.to === 'kube-scheduler')
    const moving = projectEdges([t.events[i]!], i).filter((e) => e.data?.travelling)
    expect(moving.map((e) => [e.id, e.data?.reverse])).toEqual([['kube-scheduler->kube-apiserver', true]])
  })

  it('gives every pair that talks in the default story its own wire', () => {
    const pairs = new Set(t.events.filter(travels).map((e) => [e.from, e.to].sort().join('|')))
    const wires = new Set(projectEdges([], -1).map((e) => [e.source, e.target].sort().join('|')))
    for (const p of pairs) expect(wires.has(p), p).toBe(true)
  })

  it('plays an exchange hop by hop: the binding POST, the etcd write, the reply, in that order', () => {
    const i = t.events.findIndex((e) => e.kind === 'http.request' && e.component === 'kube-scheduler')
    const edges = projectEdges(t.events.slice(i, i + 3), i + 2)
    const hops = edges
      .flatMap((e) => e.data!.messages.map((x) => [x.order, e.id, x.label] as const))
      .sort((a, b) => a[0] - b[0])
    expect(hops.map(([, id]) => id)).toEqual([
      'kube-scheduler->kube-apiserver',
      'kube-apiserver->etcd',
      'kube-scheduler->kube-apiserver',
    ])
    expect(hops[2]![2]).toBe('201 Created')
  })

  it('keeps every card text short enough for two lines at any step', () => {
    for (const f of t.frames)
      for (const n of projectNodes(f, null, null)) expect(n.data.detail.length).toBeLessThanOrEqual(44)
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

describe("kube-controller-manager's card", () => {
  it('names its controllers until a Deployment exists, then how ready the Deployment is', () => {
    const card = (frame: typeof t.initial) =>
      projectNodes(frame, null, null).find((n) => n.id === 'kube-controller-manager')?.data.detail
    expect(card(t.initial)).toBe('watching Deployments')
    const manifest = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: {name: web}',
      'spec:',
      '  replicas: 3',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata: {labels: {app: web}}',
      '    spec: {containers: [{name: nginx, image: "nginx:1.27"}]}',
    ].join('\n')
    const run = simulate({ manifest }, { seed: 1, until: 10_000 })
    expect(card(run.frames.at(-1)!)).toMatch(/^deploy\/web \d\/3 ready$/)
  })
})
