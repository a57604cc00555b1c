import { describe, expect, it } from 'vitest'
import { fitErrorMessage, numFeasibleNodesToFind, scheduleOne } from './run'
import { DEFAULT_PROFILE } from './profile'
import { createRng } from '../../sim/rng'
import type { Pod } from '../../model/objects'
import { makeContainer, makeNode, makeNodeInfos, makePod } from '../../testing/builders'
import { pickOneNode, type Candidate } from '../plugins/default-preemption'

// Upstream: pkg/scheduler/schedule_one_test.go (TestSchedulerSchedulePod, TestNumFeasibleNodesToFind),
// pkg/scheduler/framework/types_test.go (TestFitError_Error),
// pkg/scheduler/framework/preemption/preemption_test.go and
// plugins/defaultpreemption/default_preemption_test.go (TestSelectBestCandidate).

const withPriority = (p: Pod, priority: number, startTime?: string): Pod => ({
  ...p,
  metadata: { ...p.metadata, namespace: p.metadata.namespace ?? 'default', uid: `uid-${p.metadata.name}` },
  spec: { ...p.spec, priority },
  ...(startTime ? { status: { phase: 'Running', startTime } } : {}),
})
const cpuPod = (name: string, cpu: string, node?: string) =>
  makePod({
    name,
    ...(node ? { nodeName: node } : {}),
    containers: [makeContainer({ name: 'c', requests: { cpu } })],
  })

const run = (pod: Pod, nodes = [makeNode('node1'), makeNode('node2')], pods: Pod[] = []) =>
  scheduleOne({
    pod,
    nodes: makeNodeInfos(nodes, pods),
    profile: DEFAULT_PROFILE,
    rng: createRng(1),
    nextStartNodeIndex: 0,
  })

describe('the FailedScheduling message (FitError.Error)', () => {
  it('sorts the histogram as strings, then adds the DynamicResources and DefaultPreemption PostFilter messages', () => {
    const failures = new Map([
      ['a', { code: 'UnschedulableAndUnresolvable' as const, reasons: ['node(s) had untolerated taint(s)'] }],
      ['b', { code: 'Unschedulable' as const, reasons: ['Insufficient cpu'] }],
      ['c', { code: 'Unschedulable' as const, reasons: ['Insufficient cpu'] }],
    ])
    expect(fitErrorMessage(3, failures)).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    )
  })

  // 8 CPUs exceed each node's allocatable itself: v1.34 fit.go Filter answers UnschedulableAndUnresolvable
  // (InsufficientResource.Unresolvable), so preemption is not even tried there.
  it('a cycle where no node fits gives the same message as the per-node rows', () => {
    const out = run(cpuPod('big', '8'))
    expect(out.result.result).toBe('Unschedulable')
    expect(out.result.nodes.map((n) => [n.filter.plugin, n.filter.reasons, n.filter.code])).toEqual([
      ['NodeResourcesFit', ['Insufficient cpu'], 'UnschedulableAndUnresolvable'],
      ['NodeResourcesFit', ['Insufficient cpu'], 'UnschedulableAndUnresolvable'],
    ])
    expect(out.result.message).toBe(
      '0/2 nodes are available: 2 Insufficient cpu. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    )
    expect(out.result.postFilter?.map((v) => v.plugin)).toEqual(['DynamicResources', 'DefaultPreemption'])
  })

  it('a PreFilter rejection (a missing PersistentVolumeClaim) fails every node with its message', () => {
    const p = makePod({ name: 'p' })
    const pod: Pod = {
      ...p,
      spec: { ...p.spec, volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] },
    }
    const out = run(pod)
    expect(out.result.message).toBe(
      '0/2 nodes are available: persistentvolumeclaim "data" not found. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    )
    expect(out.result.preFilter?.find((v) => v.plugin === 'VolumeRestrictions')?.code).toBe(
      'UnschedulableAndUnresolvable',
    )
    expect(
      out.result.nodes.every((n) => n.filter.plugin === 'VolumeRestrictions' && !n.filter.examined),
    ).toBe(true)
  })

  it('records every PreFilter verdict; a plain pod skips the plugins with nothing to check', () => {
    const out = run(makePod())
    expect(out.result.preFilter).toEqual([
      { plugin: 'NodeName', code: 'Skip', reasons: [] },
      { plugin: 'NodeAffinity', code: 'Skip', reasons: [] },
      { plugin: 'NodePorts', code: 'Skip', reasons: [] },
      { plugin: 'NodeResourcesFit', code: 'Success', reasons: [] },
      { plugin: 'VolumeRestrictions', code: 'Skip', reasons: [] },
      { plugin: 'NodeVolumeLimits', code: 'Skip', reasons: [] },
      { plugin: 'VolumeBinding', code: 'Skip', reasons: [] },
      { plugin: 'VolumeZone', code: 'Skip', reasons: [] },
      { plugin: 'PodTopologySpread', code: 'Skip', reasons: [] },
      { plugin: 'InterPodAffinity', code: 'Skip', reasons: [] },
      { plugin: 'DynamicResources', code: 'Skip', reasons: [] },
    ])
  })
})

describe('which nodes a cycle examines', () => {
  it('numFeasibleNodesToFind: all below 100 nodes, then the adaptive percentage', () => {
    expect(numFeasibleNodesToFind(99)).toBe(99)
    expect(numFeasibleNodesToFind(1000)).toBe(420)
    expect(numFeasibleNodesToFind(5000)).toBe(500)
    expect(numFeasibleNodesToFind(6000)).toBe(300)
  })

  it('returns a row for every node; nodes beyond the feasible count are not examined', () => {
    const nodes = Array.from({ length: 1000 }, (_, i) => makeNode(`n${String(i).padStart(4, '0')}`))
    const out = run(makePod(), nodes)
    expect(out.result.nodes).toHaveLength(1000)
    expect(out.result.nodes.filter((n) => n.filter.examined)).toHaveLength(420)
    expect(out.nextStartNodeIndex).toBe(420)
    expect(out.result.nodes.filter((n) => n.total !== null)).toHaveLength(420)
  })

  it('a nominated node that fits is the only feasible node (no scoring)', () => {
    const p = makePod({ name: 'p' })
    const pod: Pod = { ...p, status: { nominatedNodeName: 'node2' } }
    const out = run(pod)
    expect(out.result.selected).toBe('node2')
    expect(out.result.tieBreak).toBe('only one feasible node: no scoring')
  })
})

describe('DefaultPreemption', () => {
  it('evicts the lower-priority pod that frees enough cpu and nominates its node', () => {
    const nodes = [
      makeNode('node1', { capacity: { cpu: '1', memory: '8Gi', pods: '110' } }),
      makeNode('node2', { capacity: { cpu: '1', memory: '8Gi', pods: '110' } }),
    ]
    const pods = [
      withPriority(cpuPod('low', '800m', 'node1'), 0),
      withPriority(cpuPod('high', '800m', 'node2'), 2000),
    ]
    const out = run(withPriority(cpuPod('p', '500m'), 1000), nodes, pods)
    expect(out.result.result).toBe('Unschedulable')
    expect(out.result.preemption).toEqual({
      nominatedNodeName: 'node1',
      victims: [{ name: 'low', namespace: 'default', uid: 'uid-low', priority: 0 }],
    })
    // Preemption found room, so the PostFilter adds nothing to the message.
    expect(out.result.message).toBe('0/2 nodes are available: 2 Insufficient cpu.')
  })

  it('reprieves the more important victims while the pod still fits', () => {
    const nodes = [makeNode('node1', { capacity: { cpu: '1', memory: '8Gi', pods: '110' } })]
    const pods = [
      withPriority(cpuPod('a', '300m', 'node1'), 10),
      withPriority(cpuPod('b', '300m', 'node1'), 5),
      withPriority(cpuPod('c', '300m', 'node1'), 1),
    ]
    const out = run(withPriority(cpuPod('p', '500m'), 100), nodes, pods)
    expect(out.result.preemption?.victims.map((v) => v.name)).toEqual(['b', 'c'])
  })

  it('a pod with preemptionPolicy Never is not eligible', () => {
    const nodes = [makeNode('node1', { capacity: { cpu: '1', memory: '8Gi', pods: '110' } })]
    const pod = withPriority(cpuPod('p', '500m'), 100)
    const out = run({ ...pod, spec: { ...pod.spec, preemptionPolicy: 'Never' } }, nodes, [
      withPriority(cpuPod('a', '800m', 'node1'), 0),
    ])
    expect(out.result.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.',
    )
  })

  // The request (800m) fits the node's allocatable (1 CPU), so the shortage is resolvable; but after
  // removing the lower-priority pod the higher-priority one still leaves too little (SelectVictimsOnNode).
  it('when evicting every lower-priority pod does not help, the node reports the filter reason', () => {
    const nodes = [makeNode('node1', { capacity: { cpu: '1', memory: '8Gi', pods: '110' } })]
    const out = run(withPriority(cpuPod('p', '800m'), 100), nodes, [
      withPriority(cpuPod('a', '500m', 'node1'), 0),
      withPriority(cpuPod('b', '400m', 'node1'), 200),
    ])
    expect(out.result.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Insufficient cpu.',
    )
  })

  it('a request above every node allocatable: preemption is not helpful, even with lower-priority pods to evict', () => {
    const nodes = ['n1', 'n2', 'n3'].map((n) =>
      makeNode(n, { capacity: { cpu: '2', memory: '8Gi', pods: '110' } }),
    )
    const out = run(withPriority(cpuPod('p', '3'), 100), nodes, [withPriority(cpuPod('a', '1', 'n1'), 0)])
    expect(out.result.nodes.map((n) => n.filter.code)).toEqual([
      'UnschedulableAndUnresolvable',
      'UnschedulableAndUnresolvable',
      'UnschedulableAndUnresolvable',
    ])
    expect(out.result.preemption).toBeUndefined()
    expect(out.result.message).toBe(
      '0/3 nodes are available: 3 Insufficient cpu. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    )
  })

  it('pickOneNodeForPreemption: lowest highest-victim priority, then lowest sum, then fewest victims, then latest start', () => {
    const v = (name: string, prio: number, start = '2025-01-01T00:00:00Z') =>
      withPriority(makePod({ name }), prio, start)
    const cands: Candidate[] = [
      { node: 'a', victims: [v('a1', 10)] },
      { node: 'b', victims: [v('b1', 5), v('b2', 5)] },
      { node: 'c', victims: [v('c1', 5)] },
    ]
    expect(pickOneNode(cands)?.node).toBe('c')
    expect(
      pickOneNode([
        { node: 'x', victims: [v('x1', 5, '2025-01-01T00:00:00Z')] },
        { node: 'y', victims: [v('y1', 5, '2025-02-01T00:00:00Z')] },
      ])?.node,
    ).toBe('y')
  })
})

describe('PreFilter node-name results (NodeAffinity matchFields)', () => {
  const byName = (...names: string[][]): Pod => {
    const p = makePod({ name: 'p' })
    return {
      ...p,
      spec: {
        ...p.spec,
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: names.map((values) => ({
                matchFields: [{ key: 'metadata.name', operator: 'In' as const, values }],
              })),
            },
          },
        },
      },
    }
  }
  const three = [makeNode('node1'), makeNode('node2'), makeNode('node3')]

  it('only the named nodes are examined; the others get the absent-node status', () => {
    const out = run(byName(['node2']), three)
    expect(out.result.selected).toBe('node2')
    expect(out.result.nodes.map((n) => [n.name, n.filter.examined, n.filter.reasons])).toEqual([
      ['node1', false, ["node(s) didn't satisfy plugin(s) [NodeAffinity]"]],
      ['node2', true, []],
      ['node3', false, ["node(s) didn't satisfy plugin(s) [NodeAffinity]"]],
    ])
  })

  it('a name that is no node leaves nothing to examine', () => {
    expect(run(byName(['gone']), three).result.message).toBe(
      "0/3 nodes are available: 3 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    )
  })
})
