import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { makeCluster, makeNode, manifestOf } from '../testing/builders'
import type { KubeObject } from '../model/objects'
import { describeNodeView } from './node-view'

const worker = makeNode('worker-1', {
  capacity: { cpu: '8', memory: '16Gi', pods: '110' },
  podCIDR: '10.244.1.0/24',
})
const kubelet = {
  apiVersion: 'podlife.dev/v1alpha1',
  kind: 'Kubelet',
  metadata: { name: 'worker-1' },
  config: { cpuManagerPolicy: 'static', kubeReserved: { cpu: '500m' }, systemReserved: { cpu: '500m' } },
  machine: { sockets: 1, coresPerSocket: 4, threadsPerCore: 2 },
}
const limits = { cpu: '4', memory: '1Gi' }
const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'pinned' },
  spec: {
    nodeName: 'worker-1',
    containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: limits, limits } }],
  },
}

// pkg/kubelet/cm/cpumanager/policy_static.go: reserved ceil(kube + system) = 1 CPU from the lowest core
// ({0}); 4 CPUs are two whole cores, {1,5} and {2,6}; the shared pool is what is left, reserved included.
describe('node view: the CPU manager allocation', () => {
  const t = simulate(
    {
      manifest: manifestOf(pod),
      cluster: makeCluster({ nodes: [worker], objects: [kubelet] as unknown as KubeObject[] }),
    },
    { seed: 1, until: 20_000 },
  )
  const view = describeNodeView(t, t.events.length - 1)!

  it('draws which CPUs are reserved, exclusive to the container, or shared', () => {
    expect(view.cpus!.cells.map((c) => [c.cpu, c.core, c.use, c.container ?? ''])).toEqual([
      [0, 0, 'reserved', ''],
      [1, 1, 'exclusive', 'app'],
      [2, 2, 'exclusive', 'app'],
      [3, 3, 'shared', ''],
      [4, 0, 'shared', ''],
      [5, 1, 'exclusive', 'app'],
      [6, 2, 'exclusive', 'app'],
      [7, 3, 'shared', ''],
    ])
    expect(view.cpus!.cells.filter((c) => c.use === 'exclusive').every((c) => c.mine)).toBe(true)
  })

  it('says it in words', () => {
    expect(view.caption.at(-1)).toBe(
      'CPU manager: static policy, 8 CPUs. Reserved for the system: 0. Exclusive: app of pinned on 1-2,5-6. Shared pool: 0,3-4,7 (the reserved CPUs included).',
    )
  })

  it('shows the state before admission too: every CPU shared', () => {
    const before = describeNodeView(t, t.events.findIndex((e) => e.kind === 'kubelet.sync') - 1)
    expect(before!.cpus!.assignments).toEqual([])
    expect(before!.cpus!.shared).toBe('0-7')
  })
})
