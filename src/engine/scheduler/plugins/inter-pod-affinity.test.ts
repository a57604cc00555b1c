import { describe, expect, it } from 'vitest'
import {
  ERR_REASON_AFFINITY_RULES_NOT_MATCH,
  ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH,
  ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH,
  InterPodAffinity,
} from './inter-pod-affinity'
import type { Node, Pod } from '../../model/objects'
import { makeNode, makeNodeInfos, makePod, pluginContextOf, scoreNodes } from '../../testing/builders'
import type { Status } from '../framework/types'

// Cases from kubernetes/kubernetes
// pkg/scheduler/framework/plugins/interpodaffinity/filtering_test.go (TestRequiredAffinitySingleNode,
// TestRequiredAffinityMultipleNodes) and scoring_test.go (TestPreferredAffinity).

const podWith = (
  name: string,
  o: {
    labels?: Record<string, string>
    namespace?: string
    nodeName?: string
    affinity?: { readonly [key: string]: unknown }
  },
): Pod => {
  const p = makePod({ name, ...(o.nodeName ? { nodeName: o.nodeName } : {}) })
  return {
    ...p,
    metadata: { name, namespace: o.namespace ?? 'default', ...(o.labels ? { labels: o.labels } : {}) },
    spec: { ...p.spec, ...(o.affinity ? { affinity: o.affinity } : {}) },
  }
}
const term = (key: string, op: string, values: string[], topologyKey: string, extra: object = {}) => ({
  labelSelector: { matchExpressions: [{ key, operator: op, values }] },
  topologyKey,
  ...extra,
})
const machine1 = makeNode('machine1', { labels: { region: 'r1', zone: 'z11' } })

function filterOn(pod: Pod, nodes: Node[], pods: Pod[]): { pre: Status; byNode: Record<string, Status> } {
  const infos = makeNodeInfos(nodes, pods)
  const r = InterPodAffinity.preFilter!(pod, infos, pluginContextOf(infos))
  const byNode: Record<string, Status> = {}
  for (const n of infos) byNode[n.name] = InterPodAffinity.filter(pod, n, r.state)
  return { pre: r.status, byNode }
}

describe('InterPodAffinity Filter', () => {
  it('A pod that has no required pod affinity scheduling rules can schedule onto a node with no existing pods (PreFilter Skip)', () => {
    expect(filterOn(podWith('p', {}), [machine1], []).pre.code).toBe('Skip')
  })

  it('satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod', () => {
    const pod = podWith('p', {
      affinity: {
        podAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            term('service', 'In', ['securityscan', 'value2'], 'region'),
          ],
        },
      },
    })
    const r = filterOn(
      pod,
      [machine1],
      [podWith('e', { nodeName: 'machine1', labels: { service: 'securityscan' } })],
    )
    expect(r.byNode['machine1']!.code).toBe('Success')
  })

  it('Does not satisfy the PodAffinity with labelSelector because of diff Namespace', () => {
    const pod = podWith('p', {
      affinity: {
        podAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            term('service', 'In', ['securityscan'], 'region', { namespaces: ['DiffNameSpace'] }),
          ],
        },
      },
    })
    const r = filterOn(
      pod,
      [machine1],
      [podWith('e', { nodeName: 'machine1', labels: { service: 'securityscan' }, namespace: 'ns' })],
    )
    expect(r.byNode['machine1']).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: [ERR_REASON_AFFINITY_RULES_NOT_MATCH],
    })
  })

  it("Doesn't satisfy the PodAffinity because of unmatching labelSelector with the existing pod", () => {
    const pod = podWith('p', {
      labels: { foo: 'bar' },
      affinity: {
        podAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            term('service', 'In', ['antivirusscan', 'value2'], 'region'),
          ],
        },
      },
    })
    const r = filterOn(
      pod,
      [machine1],
      [podWith('e', { nodeName: 'machine1', labels: { service: 'securityscan' } })],
    )
    expect(r.byNode['machine1']!.code).toBe('UnschedulableAndUnresolvable')
  })

  it('satisfies the PodAffinity of itself when no pod matches yet (the first pod of a group)', () => {
    const pod = podWith('p', {
      labels: { service: 'securityscan' },
      affinity: {
        podAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [term('service', 'In', ['securityscan'], 'region')],
        },
      },
    })
    expect(filterOn(pod, [machine1], []).byNode['machine1']!.code).toBe('Success')
  })

  it('satisfies the PodAffinity but does not satisfy the PodAntiAffinity with the existing pod', () => {
    const pod = podWith('p', {
      affinity: {
        podAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [term('service', 'In', ['securityscan'], 'region')],
        },
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [term('service', 'In', ['securityscan'], 'zone')],
        },
      },
    })
    const r = filterOn(
      pod,
      [machine1],
      [podWith('e', { nodeName: 'machine1', labels: { service: 'securityscan' } })],
    )
    expect(r.byNode['machine1']).toEqual({
      code: 'Unschedulable',
      reasons: [ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH],
    })
  })

  it("the existing pod's required anti-affinity matches the incoming pod", () => {
    const existingPod = podWith('e', {
      nodeName: 'machine1',
      labels: { service: 'securityscan' },
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [term('service', 'In', ['web'], 'zone')],
        },
      },
    })
    const r = filterOn(
      podWith('p', { labels: { service: 'web' } }),
      [machine1, makeNode('machine2', { labels: { zone: 'z2' } })],
      [existingPod],
    )
    expect(r.pre.code).toBe('Success')
    expect(r.byNode['machine1']).toEqual({
      code: 'Unschedulable',
      reasons: [ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH],
    })
    expect(r.byNode['machine2']!.code).toBe('Success')
  })

  it('anti-affinity across a topology: every node of the zone is rejected, other zones are not', () => {
    const nodes = [
      makeNode('machine1', { labels: { zone: 'z1' } }),
      makeNode('machine2', { labels: { zone: 'z1' } }),
      makeNode('machine3', { labels: { zone: 'z2' } }),
    ]
    const pod = podWith('p', {
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [term('foo', 'In', ['bar'], 'zone')],
        },
      },
    })
    const r = filterOn(pod, nodes, [podWith('e', { nodeName: 'machine1', labels: { foo: 'bar' } })])
    expect([r.byNode['machine1']!.code, r.byNode['machine2']!.code, r.byNode['machine3']!.code]).toEqual([
      'Unschedulable',
      'Unschedulable',
      'Success',
    ])
  })
})

describe('InterPodAffinity Score', () => {
  const nodes = [
    makeNode('machine1', { labels: { region: 'China' } }),
    makeNode('machine2', { labels: { region: 'India' } }),
    makeNode('machine3', { labels: { az: 'az1' } }),
  ]
  const preferred = (weight: number, t: object) => ({ weight, podAffinityTerm: t })

  it('all nodes score 0 when no pod has affinity (PreScore Skip)', () => {
    expect(scoreNodes(InterPodAffinity, podWith('p', {}), makeNodeInfos(nodes))).toBeNull()
  })

  it('Affinity: pod that matches topology key & pods in nodes will get high score comparing to others which doesnt match', () => {
    const pod = podWith('p', {
      affinity: {
        podAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            preferred(5, term('security', 'In', ['S1'], 'region')),
          ],
        },
      },
    })
    const pods = [
      podWith('e1', { nodeName: 'machine1', labels: { security: 'S1' } }),
      podWith('e2', { nodeName: 'machine2', labels: { security: 'S2' } }),
    ]
    expect(scoreNodes(InterPodAffinity, pod, makeNodeInfos(nodes, pods))).toEqual([
      { name: 'machine1', score: 100 },
      { name: 'machine2', score: 0 },
      { name: 'machine3', score: 0 },
    ])
  })

  it('Anti Affinity: pod that does not match existing pods in node will get high score', () => {
    const pod = podWith('p', {
      affinity: {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            preferred(5, term('security', 'In', ['S1'], 'region')),
          ],
        },
      },
    })
    const pods = [
      podWith('e1', { nodeName: 'machine1', labels: { security: 'S1' } }),
      podWith('e2', { nodeName: 'machine2', labels: { security: 'S2' } }),
    ]
    expect(scoreNodes(InterPodAffinity, pod, makeNodeInfos(nodes, pods))).toEqual([
      { name: 'machine1', score: 0 },
      { name: 'machine2', score: 100 },
      { name: 'machine3', score: 100 },
    ])
  })

  it("an existing pod's required affinity (hardPodAffinityWeight 1) draws the incoming pod to its topology", () => {
    const e = podWith('e1', {
      nodeName: 'machine1',
      affinity: {
        podAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [term('app', 'In', ['web'], 'region')],
        },
      },
    })
    expect(
      scoreNodes(InterPodAffinity, podWith('p', { labels: { app: 'web' } }), makeNodeInfos(nodes, [e])),
    ).toEqual([
      { name: 'machine1', score: 100 },
      { name: 'machine2', score: 0 },
      { name: 'machine3', score: 0 },
    ])
  })
})
