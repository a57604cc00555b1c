import { describe, expect, it } from 'vitest'
import { NodeResourcesFit } from './node-resources-fit'
import type { Container, Pod } from '../../model/objects'
import { makeContainer, makeNode, makeNodeInfos, makePod, scoreNodes } from '../../testing/builders'

// Cases from kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources/fit_test.go
// (TestEnoughRequests, TestNotEnoughRequests) and least_allocated_test.go
// (TestLeastAllocatedScoringStrategy).
const req = (cpu: string, memory: string, name = 'c') =>
  makeContainer({ name, image: 'busybox', requests: { cpu, memory } })
const podWith = (containers: Container[], o: { initContainers?: Container[]; nodeName?: string } = {}) =>
  makePod({ containers, ...o })

function filter(pod: Pod, existing: Pod[], capacity: Record<string, string>) {
  const node = makeNodeInfos(
    [makeNode('node1', { capacity })],
    existing.map((p) => ({ ...p, spec: { ...p.spec, nodeName: 'node1' } })),
  )[0]!
  const state = NodeResourcesFit.preFilter!(pod, [node]).state
  return NodeResourcesFit.filter(pod, node, state)
}

describe('NodeResourcesFit Filter (TestEnoughRequests)', () => {
  // makeAllocatableResources(10, 20, 32, …): 10 milli-CPU, 20 bytes of memory, 32 pods.
  const node = { cpu: '10m', memory: '20', pods: '32' }
  const ok = { code: 'Success', reasons: [] }
  const insufficient = (...r: string[]) => ({
    code: 'Unschedulable',
    reasons: r.map((x) => `Insufficient ${x}`),
  })
  const cases: { name: string; pod: Pod; existing: Pod[]; want: object }[] = [
    {
      name: 'no resources requested always fits',
      pod: podWith([]),
      existing: [podWith([req('10m', '20')])],
      want: ok,
    },
    {
      name: 'too many resources fails',
      pod: podWith([req('1m', '1')]),
      existing: [podWith([req('10m', '20')])],
      want: insufficient('cpu', 'memory'),
    },
    {
      name: 'too many resources fails due to init container cpu',
      pod: podWith([req('1m', '1')], { initContainers: [req('3m', '1', 'init')] }),
      existing: [podWith([req('8m', '19')])],
      want: insufficient('cpu'),
    },
    {
      name: 'too many resources fails due to highest init container cpu',
      pod: podWith([req('1m', '1')], { initContainers: [req('3m', '1', 'i1'), req('2m', '1', 'i2')] }),
      existing: [podWith([req('8m', '19')])],
      want: insufficient('cpu'),
    },
    {
      name: 'too many resources fails due to init container memory',
      pod: podWith([req('1m', '1')], { initContainers: [req('1m', '3', 'init')] }),
      existing: [podWith([req('9m', '19')])],
      want: insufficient('memory'),
    },
    {
      name: "init container fits because it's the max, not sum, of containers and init containers",
      pod: podWith([req('1m', '1')], { initContainers: [req('1m', '1', 'init')] }),
      existing: [podWith([req('9m', '19')])],
      want: ok,
    },
    {
      name: 'both resources fit',
      pod: podWith([req('1m', '1')]),
      existing: [podWith([req('5m', '5')])],
      want: ok,
    },
    {
      name: 'one resource memory fits',
      pod: podWith([req('2m', '1')]),
      existing: [podWith([req('9m', '5')])],
      want: insufficient('cpu'),
    },
    {
      name: 'one resource cpu fits',
      pod: podWith([req('1m', '2')]),
      existing: [podWith([req('5m', '19')])],
      want: insufficient('memory'),
    },
    {
      name: 'equal edge case',
      pod: podWith([req('5m', '1')]),
      existing: [podWith([req('5m', '19')])],
      want: ok,
    },
  ]
  it.each(cases)('$name', ({ pod, existing, want }) => {
    expect(filter(pod, existing, node)).toEqual(want)
  })

  it("even for equal edge case predicate fails when there's no space for additional pod (TestNotEnoughRequests)", () => {
    expect(
      filter(podWith([req('1m', '1')]), [podWith([req('10m', '20')])], {
        cpu: '10m',
        memory: '20',
        pods: '1',
      }),
    ).toEqual({
      code: 'Unschedulable',
      reasons: ['Too many pods', 'Insufficient cpu', 'Insufficient memory'],
    })
  })
})

describe('NodeResourcesFit Score: LeastAllocated (TestLeastAllocatedScoringStrategy)', () => {
  // st.MakePod().Req(cpu 1000, memory 2000).Req(cpu 2000, memory 3000): whole CPUs and bytes.
  const cpuAndMemory = () => podWith([req('1000', '2000', 'a'), req('2000', '3000', 'b')])
  const onNode = (name: string, cpu: string, memory: string) =>
    makePod({ name: `p-${name}-${cpu}-${memory}`, nodeName: name, containers: [req(cpu, memory)] })
  const cases: {
    name: string
    pod: Pod
    nodes: [string, string, string][]
    existing: Pod[]
    want: [string, number][]
  }[] = [
    {
      name: 'nothing scheduled, nothing requested',
      pod: podWith([]),
      nodes: [
        ['node1', '4000', '10000'],
        ['node2', '4000', '10000'],
      ],
      existing: [],
      want: [
        ['node1', 100],
        ['node2', 100],
      ],
    },
    {
      name: 'nothing scheduled, resources requested, differently sized nodes',
      pod: cpuAndMemory(),
      nodes: [
        ['node1', '4000', '10000'],
        ['node2', '6000', '10000'],
      ],
      existing: [],
      want: [
        ['node1', 37],
        ['node2', 50],
      ],
    },
    {
      name: 'no resources requested, pods scheduled with resources',
      pod: podWith([]),
      nodes: [
        ['node1', '10000', '20000'],
        ['node2', '10000', '20000'],
      ],
      existing: [
        onNode('node1', '3000', '0'),
        onNode('node1', '3000', '0'),
        onNode('node2', '3000', '0'),
        onNode('node2', '3000', '5000'),
      ],
      want: [
        ['node1', 70],
        ['node2', 57],
      ],
    },
    {
      name: 'resources requested, pods scheduled with resources',
      pod: cpuAndMemory(),
      nodes: [
        ['node1', '10000', '20000'],
        ['node2', '10000', '20000'],
      ],
      existing: [onNode('node1', '3000', '0'), onNode('node2', '3000', '5000')],
      want: [
        ['node1', 57],
        ['node2', 45],
      ],
    },
    {
      name: 'resources requested, pods scheduled with resources, differently sized nodes',
      pod: cpuAndMemory(),
      nodes: [
        ['node1', '10000', '20000'],
        ['node2', '10000', '50000'],
      ],
      existing: [onNode('node1', '3000', '0'), onNode('node2', '3000', '5000')],
      want: [
        ['node1', 57],
        ['node2', 60],
      ],
    },
    {
      name: 'requested resources exceed node capacity',
      pod: podWith([req('3000', '0')]),
      nodes: [
        ['node1', '4000', '10000'],
        ['node2', '4000', '10000'],
      ],
      existing: [onNode('node1', '3000', '0'), onNode('node2', '3000', '5000')],
      want: [
        ['node1', 50],
        ['node2', 25],
      ],
    },
  ]
  it.each(cases)('$name', ({ pod, nodes, existing, want }) => {
    const infos = makeNodeInfos(
      nodes.map(([name, cpu, memory]) => makeNode(name, { capacity: { cpu, memory, pods: '110' } })),
      existing,
    )
    expect(scoreNodes(NodeResourcesFit, pod, infos)).toEqual(want.map(([name, score]) => ({ name, score })))
  })

  it('a container without requests is scored as 100m CPU and 200Mi memory', () => {
    const infos = makeNodeInfos([makeNode('node1', { capacity: { cpu: '1', memory: '400Mi', pods: '110' } })])
    // cpu (1000-100)*100/1000 = 90, memory (400-200)*100/400 = 50 → (90+50)/2 = 70
    expect(
      scoreNodes(NodeResourcesFit, podWith([makeContainer({ name: 'c', image: 'busybox' })]), infos),
    ).toEqual([{ name: 'node1', score: 70 }])
  })

  // resource_allocation.go skips a resource whose allocatable is 0 and
  // leastResourceScorer divides by the weights it used; the engine always divides by 2.
  it('a node that reports no memory is scored on cpu alone', () => {
    const infos = makeNodeInfos([makeNode('node1', { capacity: { cpu: '4000', pods: '110' } })])
    // cpu ((4000 - 3000) * 100) / 4000 = 25, memory skipped → 25
    expect(scoreNodes(NodeResourcesFit, podWith([req('3000', '0')]), infos)).toEqual([
      { name: 'node1', score: 25 },
    ])
  })
})

// v1.34 fitsRequest marks a shortage Unresolvable when the request exceeds the node's allocatable
// itself, and Filter then answers UnschedulableAndUnresolvable (fit.go Filter; fit_test.go
// TestEnoughRequests "extended resource capacity enforced" and its cpu/memory siblings, PR #131345).
describe('NodeResourcesFit Filter: requests larger than the node (v1.34 Unresolvable)', () => {
  const node = { cpu: '10m', memory: '20', pods: '32' }
  const cases: {
    name: string
    pod: Pod
    existing: Pod[]
    capacity?: Record<string, string>
    want: object
  }[] = [
    {
      name: 'cpu request above allocatable on an empty node is unresolvable',
      pod: podWith([req('11m', '1')]),
      existing: [],
      want: { code: 'UnschedulableAndUnresolvable', reasons: ['Insufficient cpu'] },
    },
    {
      name: 'memory request above allocatable, cpu merely short: one unresolvable shortage decides',
      pod: podWith([req('6m', '21')]),
      existing: [podWith([req('5m', '0')])],
      want: { code: 'UnschedulableAndUnresolvable', reasons: ['Insufficient cpu', 'Insufficient memory'] },
    },
    {
      name: 'a request equal to allocatable but short because of other pods stays resolvable',
      pod: podWith([req('10m', '1')]),
      existing: [podWith([req('1m', '1')])],
      want: { code: 'Unschedulable', reasons: ['Insufficient cpu'] },
    },
    {
      name: 'too many pods alone is resolvable (preemption frees a slot)',
      pod: podWith([req('1m', '1')]),
      existing: [podWith([req('1m', '1')])],
      capacity: { cpu: '10m', memory: '20', pods: '1' },
      want: { code: 'Unschedulable', reasons: ['Too many pods'] },
    },
    {
      name: 'too many pods and cpu above allocatable is unresolvable',
      pod: podWith([req('20m', '1')]),
      existing: [podWith([req('1m', '1')])],
      capacity: { cpu: '10m', memory: '20', pods: '1' },
      want: { code: 'UnschedulableAndUnresolvable', reasons: ['Too many pods', 'Insufficient cpu'] },
    },
  ]
  it.each(cases)('$name', ({ pod, existing, capacity, want }) => {
    expect(filter(pod, existing, capacity ?? node)).toEqual(want)
  })

  it('extended resource capacity enforced: 10 of a resource the node has 5 of', () => {
    const pod = podWith([
      makeContainer({ name: 'c', image: 'busybox', requests: { cpu: '1m', 'example.com/aaa': '10' } }),
    ])
    expect(filter(pod, [], { ...node, 'example.com/aaa': '5' })).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ['Insufficient example.com/aaa'],
    })
  })
})
