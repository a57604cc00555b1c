import { describe, expect, it } from 'vitest'
import { DEFAULT_CLUSTER, DEFAULT_MANIFEST } from '../engine/index'
import { createAppStore } from './create-app-store'
import { isLargeCluster, parseCluster } from './cluster-text'

const ONE_NODE = `apiVersion: v1
kind: Node
metadata:
  name: solo
status:
  allocatable: {cpu: "8", memory: 16Gi, pods: "110"}
`
const nodeNames = (s: ReturnType<typeof createAppStore>) =>
  s.getState().timeline.cluster.nodes.map((n) => n.metadata.name)

function setup() {
  const saved = { manifest: [] as string[], cluster: [] as string[] }
  const painted: (() => void)[] = []
  const store = createAppStore(DEFAULT_MANIFEST, {
    saveManifest: (t) => void saved.manifest.push(t),
    saveCluster: (t) => saved.cluster.push(t),
    afterPaint: (fn) => painted.push(fn),
    debounceMs: 0,
  })
  const paint = () => {
    while (painted.length) painted.shift()!()
  }
  return { store, saved, paint }
}

describe('the cluster file in the store', () => {
  it('saves only the file that changed: typing in the manifest never rewrites a large cluster', () => {
    const { store, saved } = setup()
    store.getState().setManifest(DEFAULT_MANIFEST + '\n')
    expect(saved.manifest).toHaveLength(1)
    expect(saved.cluster).toHaveLength(0)
    store.getState().setCluster(ONE_NODE)
    expect(saved.cluster).toEqual([ONE_NODE])
  })

  it('a replaced cluster shows a notice first, then loads after the next paints', () => {
    const { store, saved, paint } = setup()
    store.getState().replaceCluster(ONE_NODE)
    expect(store.getState().clusterLoading).toMatch(/^Loading the cluster file \(1 kB\)/)
    expect(nodeNames(store)).toEqual(['control-plane', 'worker-1', 'worker-2'])
    expect(saved.cluster).toEqual([ONE_NODE])
    paint()
    expect(store.getState().clusterLoading).toBeNull()
    expect(nodeNames(store)).toEqual(['solo'])
  })

  it('a cluster restored from storage is announced at once, then loads the same way, without being saved again', async () => {
    const { store, saved, paint } = setup()
    store.getState().restoreCluster(Promise.resolve(ONE_NODE))
    expect(store.getState().clusterLoading).toBe('Loading the saved cluster…')
    await Promise.resolve()
    paint()
    expect(nodeNames(store)).toEqual(['solo'])
    expect(store.getState().clusterLoading).toBeNull()
    expect(saved.cluster).toHaveLength(0)
  })

  it('a restored cluster that arrives after the user changed the cluster is dropped', async () => {
    const { store, paint } = setup()
    let arrive: (text: string) => void = () => {}
    store.getState().restoreCluster(new Promise((resolve) => (arrive = resolve)))
    store.getState().replaceCluster(DEFAULT_CLUSTER)
    paint()
    arrive(ONE_NODE)
    await Promise.resolve()
    paint()
    expect(nodeNames(store)).toEqual(['control-plane', 'worker-1', 'worker-2'])
  })

  it('a newer cluster file overtakes a load in flight', () => {
    const { store, paint } = setup()
    store.getState().replaceCluster(ONE_NODE)
    store.getState().replaceCluster(DEFAULT_CLUSTER)
    paint()
    expect(nodeNames(store)).toEqual(['control-plane', 'worker-1', 'worker-2'])
    expect(store.getState().cluster).toBe(DEFAULT_CLUSTER)
  })

  it('an edit from the node panel rewrites a large file after its notice is painted, then reloads it', () => {
    const { store, saved, paint } = setup()
    const nodes = Array.from({ length: 3000 }, (_, i) => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: `node-${i}`, labels: { 'kubernetes.io/hostname': `node-${i}` } },
      spec: { podCIDR: `10.${i >> 8}.${i & 255}.0/24` },
      status: { allocatable: { cpu: '8', memory: '16Gi', pods: '110' } },
    }))
    const large = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: nodes }, null, 2)
    expect(isLargeCluster(large)).toBe(true)
    store.getState().replaceCluster(large)
    paint()
    store.getState().editCluster((t) => t.replace('"node-0"', '"renamed"'))
    expect(store.getState().clusterLoading).toBe('Changing the cluster file…')
    paint()
    expect(store.getState().clusterLoading).toBeNull()
    expect(nodeNames(store)[0]).toBe('renamed')
    expect(saved.cluster).toHaveLength(2)
  })

  it('parses a cluster text once: the store, the node panel and re-runs share the result', () => {
    expect(parseCluster(ONE_NODE)).toBe(parseCluster(ONE_NODE))
  })
})
