import { describe, expect, it } from 'vitest'
import { kubeletAdmit } from './admission'
import type { Node, Pod } from '../model/objects'

const node: Node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'worker-2', labels: { 'kubernetes.io/hostname': 'worker-2' } },
  spec: {},
  status: { allocatable: { cpu: '2', memory: '4Gi', pods: '110' } },
}
const pod = (requests: Record<string, string>, extra: Partial<Pod['spec']> = {}): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default' },
  spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests } }], ...extra },
})
const running = pod({ cpu: '500m', memory: '1Gi' }, { nodeName: 'worker-2' })

// pkg/kubelet/lifecycle/predicate_test.go (TestGeneralPredicates): reason OutOf<resource>, the first failure only.
describe('kubelet admission of a pod bound to its node', () => {
  it('admits a pod that fits', () => {
    expect(kubeletAdmit(pod({ cpu: '1' }), node, [running])).toEqual({ ok: true })
  })
  it('rejects a pod asking for more CPU than is left, with requested/used/capacity in milli-CPU', () => {
    expect(kubeletAdmit(pod({ cpu: '10' }), node, [running])).toEqual({
      ok: false,
      reason: 'OutOfcpu',
      message: "Node didn't have enough resource: cpu, requested: 10000, used: 500, capacity: 2000",
    })
  })
  it('reports memory in bytes', () => {
    const r = kubeletAdmit(pod({ memory: '4Gi' }), node, [running])
    expect(r).toEqual({
      ok: false,
      reason: 'OutOfmemory',
      message:
        "Node didn't have enough resource: memory, requested: 4294967296, used: 1073741824, capacity: 4294967296",
    })
  })
  it('checks the nodeSelector again', () => {
    expect(kubeletAdmit(pod({}, { nodeSelector: { disktype: 'ssd' } }), node, [])).toEqual({
      ok: false,
      reason: 'NodeAffinity',
      message: "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector",
    })
  })
})
