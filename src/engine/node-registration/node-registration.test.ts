/**
 * A node joins while the pod is Pending. Upstream: pkg/kubelet/kubelet_node_status.go
 * (registerWithAPIServer), pkg/scheduler/backend/queue/scheduling_queue.go (a NodeAdd event moves
 * unschedulable pods to the backoff queue: podInitialBackoffDuration 1 s, doubling per attempt).
 */
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { toContractReport } from '../report/contract'
import type { KubeObject } from '../model/objects'
import { makeCluster, makeContainer, makeNode, makePod, manifestOf } from '../testing/builders'

const big = makePod({
  name: 'big',
  containers: [makeContainer({ name: 'c', image: 'nginx:1.27', requests: { cpu: '6' } })],
})
const small = (name: string, cidr: string) =>
  makeNode(name, { capacity: { cpu: '2', memory: '4Gi', pods: '110' }, podCIDR: cidr })
const join = (at: number): KubeObject =>
  ({
    apiVersion: 'podlife.dev/v1alpha1',
    kind: 'ClusterChange',
    metadata: { name: 'scale-up' },
    at,
    addNodes: [
      makeNode('large', { capacity: { cpu: '16', memory: '64Gi', pods: '110' }, podCIDR: '10.244.9.0/24' }),
    ],
  }) as unknown as KubeObject

function run(objects: KubeObject[]) {
  const cluster = makeCluster({
    nodes: [small('n1', '10.244.1.0/24'), small('n2', '10.244.2.0/24')],
    objects,
  })
  return toContractReport(simulate({ manifest: manifestOf(big), cluster }, { seed: 1, until: 120_000 }), {
    command: 'kubectl apply -f pod.yaml',
  })
}

describe('a node joins the cluster while the pod is Pending', () => {
  it('without it the pod stays Pending', () => {
    const r = run([])
    expect(r.pod?.status?.phase).toBe('Pending')
    expect(r.scheduling.every((s) => s.result === 'Unschedulable')).toBe(true)
  })

  it('the scheduler hears of the new node and retries: the pod lands on it and runs', () => {
    const r = run([join(30)])
    const joined = r.timeline.find((e) => e.kind === 'cluster.node-added')!
    expect(joined.t).toBe(30)
    expect(r.etcd.some((e) => e.key === '/registry/minions/large' && e.t === 30)).toBe(true)
    const requeued = r.timeline.find((e) => e.kind === 'scheduler.queue' && e.t >= 30)!
    expect(requeued.summary).toMatch(/^requeued: node large was added/)
    const last = r.scheduling.at(-1)!
    expect(last.t).toBeGreaterThanOrEqual(30)
    expect(last.t).toBeLessThan(32)
    expect(last.selected).toBe('large')
    expect(last.nodes.map((n) => n.name)).toEqual(['n1', 'n2', 'large'])
    expect(r.events.filter((e) => e.reason === 'Scheduled').map((e) => e.message)).toEqual([
      'Successfully assigned default/big to large',
    ])
    expect(r.pod?.status?.phase).toBe('Running')
    expect(r.pod?.status?.podIP).toMatch(/^10\.244\.9\./)
  })
})
