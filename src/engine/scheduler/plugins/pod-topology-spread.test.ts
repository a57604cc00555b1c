import { describe, expect, it } from 'vitest'
import {
  ERR_REASON_CONSTRAINTS_NOT_MATCH,
  ERR_REASON_NODE_LABEL_NOT_MATCH,
  PodTopologySpread,
  type TopologySpreadConstraintSpec,
} from './pod-topology-spread'
import type { Node, Pod } from '../../model/objects'
import { makeNode, makeNodeInfos, makePod, pluginContextOf, scoreNodes } from '../../testing/builders'
import type { Status } from '../framework/types'

// Cases from kubernetes/kubernetes
// pkg/scheduler/framework/plugins/podtopologyspread/filtering_test.go (TestSingleConstraint,
// TestMultipleConstraints) and scoring_test.go (TestPodTopologySpreadScore).

const zoned = (name: string, zone: string | null): Node => makeNode(name, zone ? { labels: { zone } } : {})
const existing = (name: string, node: string, labels: Record<string, string> = { foo: '' }): Pod => ({
  ...makePod({ name, nodeName: node, labels }),
  metadata: { name, namespace: 'default', labels },
})
const spread = (
  whenUnsatisfiable: TopologySpreadConstraintSpec['whenUnsatisfiable'],
  topologyKey: string,
  maxSkew = 1,
  extra: Partial<TopologySpreadConstraintSpec> = {},
): TopologySpreadConstraintSpec => ({
  maxSkew,
  topologyKey,
  whenUnsatisfiable,
  labelSelector: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] },
  ...extra,
})
const incoming = (constraints: TopologySpreadConstraintSpec[]): Pod => {
  const p = makePod({ name: 'p', labels: { foo: '' } })
  return {
    ...p,
    metadata: { ...p.metadata, namespace: 'default' },
    spec: { ...p.spec, topologySpreadConstraints: constraints },
  }
}

function filterAll(pod: Pod, nodes: Node[], pods: Pod[]): Record<string, Status> {
  const infos = makeNodeInfos(nodes, pods)
  const pre = PodTopologySpread.preFilter!(pod, infos, pluginContextOf(infos))
  const out: Record<string, Status> = {}
  for (const n of infos) out[n.name] = PodTopologySpread.filter(pod, n, pre.state)
  return out
}

const fourNodes = [
  zoned('node-a', 'zone1'),
  zoned('node-b', 'zone1'),
  zoned('node-x', 'zone2'),
  zoned('node-y', 'zone2'),
]

describe('PodTopologySpread Filter', () => {
  it('no existing pods: every node fits', () => {
    const r = filterAll(incoming([spread('DoNotSchedule', 'zone')]), fourNodes, [])
    expect(Object.values(r).every((s) => s.code === 'Success')).toBe(true)
  })

  it('normal case: zone1 holds 3 matching pods and zone2 one, so only zone2 nodes fit (maxSkew 1)', () => {
    const pods = [
      existing('p-a1', 'node-a'),
      existing('p-a2', 'node-a'),
      existing('p-b1', 'node-b'),
      existing('p-y1', 'node-y'),
    ]
    const r = filterAll(incoming([spread('DoNotSchedule', 'zone')]), fourNodes, pods)
    expect(r['node-a']).toEqual({ code: 'Unschedulable', reasons: [ERR_REASON_CONSTRAINTS_NOT_MATCH] })
    expect(r['node-b']!.code).toBe('Unschedulable')
    expect(r['node-x']!.code).toBe('Success')
    expect(r['node-y']!.code).toBe('Success')
  })

  it('a node without the topology key is UnschedulableAndUnresolvable (missing required label)', () => {
    const nodes = [zoned('node-a', 'zone1'), zoned('node-x', null)]
    const r = filterAll(incoming([spread('DoNotSchedule', 'zone')]), nodes, [])
    expect(r['node-x']).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: [ERR_REASON_NODE_LABEL_NOT_MATCH],
    })
    expect(ERR_REASON_NODE_LABEL_NOT_MATCH).toBe(
      "node(s) didn't match pod topology spread constraints (missing required label)",
    )
  })

  it('pods of another namespace and pods not matching the selector do not count', () => {
    const other: Pod = {
      ...existing('p-a1', 'node-a'),
      metadata: { name: 'p-a1', namespace: 'ns1', labels: { foo: '' } },
    }
    const pods = [other, existing('p-a2', 'node-a', { bar: '' })]
    const r = filterAll(incoming([spread('DoNotSchedule', 'zone')]), fourNodes, pods)
    expect(Object.values(r).every((s) => s.code === 'Success')).toBe(true)
  })

  it('minDomains 3 with 2 domains: the global minimum counts as 0', () => {
    const pods = [existing('p-x1', 'node-x')]
    const c = spread('DoNotSchedule', 'zone', 1, { minDomains: 3 })
    const r = filterAll(incoming([c]), fourNodes, pods)
    expect(r['node-a']!.code).toBe('Success')
    expect(r['node-x']!.code).toBe('Unschedulable')
  })

  it('a pod without DoNotSchedule constraints skips PreFilter (no Service/ReplicaSet: no default constraints)', () => {
    const infos = makeNodeInfos(fourNodes)
    expect(PodTopologySpread.preFilter!(makePod(), infos, pluginContextOf(infos)).status.code).toBe('Skip')
  })
})

describe('PodTopologySpread Score', () => {
  it('one constraint on node, all 4 nodes are candidates', () => {
    const nodes = ['node-a', 'node-b', 'node-c', 'node-d'].map((n) => makeNode(n))
    const pods = [
      existing('p-a1', 'node-a'),
      existing('p-a2', 'node-a'),
      existing('p-b1', 'node-b'),
      existing('p-d1', 'node-d'),
      existing('p-d2', 'node-d'),
      existing('p-d3', 'node-d'),
    ]
    const scores = scoreNodes(
      PodTopologySpread,
      incoming([spread('ScheduleAnyway', 'kubernetes.io/hostname')]),
      makeNodeInfos(nodes, pods),
    )
    expect(scores).toEqual([
      { name: 'node-a', score: 20 },
      { name: 'node-b', score: 60 },
      { name: 'node-c', score: 100 },
      { name: 'node-d', score: 0 },
    ])
  })

  it('one constraint on node, no existing pods: every node gets 100', () => {
    const nodes = ['node-a', 'node-b'].map((n) => makeNode(n))
    const scores = scoreNodes(
      PodTopologySpread,
      incoming([spread('ScheduleAnyway', 'kubernetes.io/hostname')]),
      makeNodeInfos(nodes),
    )
    expect(scores).toEqual([
      { name: 'node-a', score: 100 },
      { name: 'node-b', score: 100 },
    ])
  })

  it('a node missing the topology key scores 0', () => {
    const nodes = [zoned('node-a', 'zone1'), zoned('node-x', null)]
    const scores = scoreNodes(
      PodTopologySpread,
      incoming([spread('ScheduleAnyway', 'zone')]),
      makeNodeInfos(nodes),
    )
    expect(scores).toEqual([
      { name: 'node-a', score: 100 },
      { name: 'node-x', score: 0 },
    ])
  })

  it('a pod without ScheduleAnyway constraints skips PreScore', () => {
    expect(scoreNodes(PodTopologySpread, makePod(), makeNodeInfos([makeNode('a')]))).toBeNull()
  })
})
