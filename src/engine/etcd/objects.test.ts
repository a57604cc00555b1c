/**
 * etcd holds every object's value, and components read it as informers would. A write's value carries
 * resourceVersion = the revision of that write (staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go
 * GuaranteedUpdate → api_object_versioner.go UpdateObject); a delete removes the key from that revision on
 * (store.go Delete), so a get finds nothing and a list leaves the pod out.
 */
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { SCENARIOS } from '../scenario/scenarios'
import { createdObjects, getObject, listPods, podDeletions, registryKey } from './objects'
import { storyPod } from '../protocol/pods'
import { makeCluster, makePod } from '../testing/builders'

const run = (id: string) => {
  const s = SCENARIOS.find((x) => x.id === id)!
  return simulate({ manifest: s.manifest, ...(s.cluster ? { cluster: s.cluster } : {}) }, { seed: 1 })
}

describe('registry keys', () => {
  it.each([
    ['Pod', 'default', 'nginx', '/registry/pods/default/nginx'],
    // Nodes are still stored under their old name, minions (pkg/registry/core/node/storage).
    ['Node', undefined, 'worker-1', '/registry/minions/worker-1'],
    ['Namespace', undefined, 'shop', '/registry/namespaces/shop'],
    ['ConfigMap', 'shop', 'web-config', '/registry/configmaps/shop/web-config'],
    ['Deployment', 'default', 'web', '/registry/deployments/default/web'],
    // A kind this apiserver does not serve has no key.
    ['Service', 'default', 'web', null],
  ] as const)('%s %s/%s → %s', (kind, ns, name, key) => {
    expect(registryKey(kind, ns, name)).toBe(key)
  })
})

describe('getObject: the value as stored', () => {
  it('the manifest pod, with resourceVersion the revision of its last write', () => {
    const t = run('default')
    const frame = t.frames.at(-1)!
    const pod = storyPod(frame)!
    const key = `/registry/pods/${pod.metadata.namespace}/${pod.metadata.name}`
    const stored = getObject(frame.etcd, 'Pod', pod.metadata.namespace, pod.metadata.name!)
    expect(stored).toBe(pod)
    expect(stored?.metadata.resourceVersion).toBe(String(frame.etcd.keys[key]!.modRevision))
  })

  it("a cluster file's pod without a namespace is stored in default, as the apiserver stores it", () => {
    const cluster = makeCluster({ pods: [makePod({ name: 'old', nodeName: 'worker-1' })] })
    const t = simulate({ manifest: '', cluster }, { seed: 1 })
    expect(t.initial.etcd.keys['/registry/pods/default/old']).toBeDefined()
    expect(t.initial.etcd.keys['/registry/pods/old']).toBeUndefined()
    expect(getObject(t.initial.etcd, 'Pod', 'default', 'old')?.metadata.namespace).toBe('default')
  })

  it("the cluster file's objects as loaded, shared with the cluster (no copy)", () => {
    const t = run('default')
    const node = t.cluster.nodes[0]!
    expect(getObject(t.frames.at(-1)!.etcd, 'Node', undefined, node.metadata.name!)).toBe(node)
  })

  it('a deleted pod is gone: get finds nothing, the list leaves it out', () => {
    const t = run('preemption')
    const victim = 'api-7d9f8b6c5-x2x7k'
    const i = t.events.findIndex((e) => e.summary.startsWith(`DELETE /registry/pods/default/${victim}`))
    const before = t.frames[i - 1]!.etcd
    const after = t.frames[i]!.etcd
    expect(getObject(before, 'Pod', 'default', victim)?.metadata.deletionTimestamp).toBeTruthy()
    expect(getObject(after, 'Pod', 'default', victim)).toBeUndefined()
    expect(listPods(before).map((p) => p.metadata.name)).toContain(victim)
    expect(listPods(after).map((p) => p.metadata.name)).not.toContain(victim)
  })
})

describe('listPods: every stored pod in creation order', () => {
  it("the cluster file's pods first, then the run's, narrowed by node or namespace", () => {
    const t = run('namespace-and-configmap')
    const etcd = t.frames.at(-1)!.etcd
    expect(listPods(etcd).map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual([
      'default/api-7d9f8b6c5-x2x7k',
      'default/cache-0',
      'shop/web',
    ])
    expect(listPods(etcd, { nodeName: 'worker-2' }).map((p) => p.metadata.name)).toEqual(['cache-0', 'web'])
    expect(listPods(etcd, { namespace: 'shop' }).map((p) => p.metadata.name)).toEqual(['web'])
  })

  it('the same list for the same etcd state (worked out once per state)', () => {
    const etcd = run('default').frames.at(-1)!.etcd
    expect(listPods(etcd)).toBe(listPods(etcd))
  })
})

describe('createdObjects: what the run stored besides pods', () => {
  it('a Namespace, what the controllers made for it, then the ConfigMap, each as stored', () => {
    const t = run('namespace-and-configmap')
    const made = createdObjects(t.frames.at(-1)!.etcd)
    expect(made.map((o) => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`)).toEqual([
      'Namespace /shop',
      'ServiceAccount shop/default',
      'ConfigMap shop/kube-root-ca.crt',
      'ConfigMap shop/web-config',
    ])
    // Each as stored by its own write: resourceVersion is that write's revision, one after the other.
    const etcd = t.frames.at(-1)!.etcd
    const revisions = made.map((o) => Number(o.metadata.resourceVersion))
    expect(revisions).toEqual(
      made.map((o) => etcd.keys[registryKey(o.kind, o.metadata.namespace, o.metadata.name!)!]!.modRevision),
    )
    expect(revisions.map((r) => r - revisions[0]!)).toEqual([0, 1, 2, 3])
  })

  it('one array while only pods are written, so the cluster view built on it stays cached', () => {
    const t = run('namespace-and-configmap')
    const firstPodWrite = t.events.findIndex((e) => e.summary.startsWith('PUT /registry/pods/shop/web'))
    const lists = t.frames.slice(firstPodWrite).map((f) => createdObjects(f.etcd))
    expect(new Set(lists).size).toBe(1)
  })
})

describe('podDeletions: graceful deletion of a cluster pod, read from etcd', () => {
  // registry/generic/registry/store.go Delete with a grace period: the object is updated with
  // deletionTimestamp (Terminating) and removed once the kubelet confirms (grace period 0).
  it('none, then Terminating with the stored deletionTimestamp, then Deleted', () => {
    const t = run('preemption')
    const victim = 'default/api-7d9f8b6c5-x2x7k'
    const marked = t.events.findIndex((e) => e.summary.includes('(deletionTimestamp set)'))
    const removed = t.events.findIndex((e) => e.summary.startsWith('DELETE /registry/pods/'))
    expect(podDeletions(t.frames[marked - 1]!.etcd)).toBeUndefined()
    const stored = getObject(t.frames[marked]!.etcd, 'Pod', 'default', 'api-7d9f8b6c5-x2x7k')!
    expect(podDeletions(t.frames[marked]!.etcd)?.[victim]).toEqual({
      state: 'Terminating',
      deletionTimestamp: stored.metadata['deletionTimestamp'],
    })
    expect(podDeletions(t.frames[removed]!.etcd)?.[victim]).toEqual({ state: 'Deleted' })
  })

  it('one object while no cluster pod changes, so the scheduler snapshot stays cached', () => {
    const t = run('preemption')
    const removed = t.events.findIndex((e) => e.summary.startsWith('DELETE /registry/pods/'))
    const after = t.frames.slice(removed).map((f) => podDeletions(f.etcd))
    expect(new Set(after).size).toBe(1)
  })

  it('a status patch of a cluster pod (DisruptionTarget) is not a deletion', () => {
    const t = run('preemption')
    const patched = t.events.findIndex((e) => e.summary.includes('api-7d9f8b6c5-x2x7k (status)'))
    expect(patched).toBeGreaterThan(0)
    expect(podDeletions(t.frames[patched]!.etcd)).toBeUndefined()
  })
})
