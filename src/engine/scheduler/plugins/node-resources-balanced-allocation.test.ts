import { describe, expect, it } from 'vitest'
import { NodeResourcesBalancedAllocation } from './node-resources-balanced-allocation'
import type { Pod } from '../../model/objects'
import { makeContainer, makeNode, makeNodeInfos, makePod, scoreNodes } from '../../testing/builders'

// Cases from kubernetes/kubernetes
// pkg/scheduler/framework/plugins/noderesources/balanced_allocation_test.go
// (TestNodeResourcesBalancedAllocation) as of v1.34, before PR #135573 (v1.36)
// changed the score to the change in balance.
const c = (name: string, cpu: string, memory: string) =>
  makeContainer({ name, image: 'busybox', requests: { cpu, memory } })
const cpuAndMemory = (nodeName?: string): Pod =>
  makePod({
    name: `cpu-mem-${nodeName ?? 'new'}`,
    ...(nodeName ? { nodeName } : {}),
    containers: [c('a', '1000m', '2000'), c('b', '2000m', '3000')],
  })
const cpuOnly = (nodeName?: string): Pod =>
  makePod({
    name: `cpu-${nodeName ?? 'new'}`,
    ...(nodeName ? { nodeName } : {}),
    containers: [c('a', '1000m', '0'), c('b', '2000m', '0')],
  })
// makeNode(name, milliCPU, memory)
const node = (name: string, milliCPU: number, memory: number) =>
  makeNode(name, { capacity: { cpu: `${milliCPU}m`, memory: String(memory), pods: '110' } })

describe('NodeResourcesBalancedAllocation Score', () => {
  it('nothing scheduled, nothing requested, skip in PreScore', () => {
    const infos = makeNodeInfos([node('node1', 4000, 10000), node('node2', 4000, 10000)])
    expect(scoreNodes(NodeResourcesBalancedAllocation, makePod({ containers: [] }), infos)).toBeNull()
  })

  const cases: {
    name: string
    pod: Pod
    nodes: [string, number, number][]
    existing: Pod[]
    want: [string, number][]
  }[] = [
    {
      // cpu 3000/4000 = 0.75, memory 5000/10000 = 0.5: std 0.125 → 87; node2 0.5/0.5 → 100
      name: 'nothing scheduled, resources requested, differently sized nodes',
      pod: cpuAndMemory(),
      nodes: [
        ['node1', 4000, 10000],
        ['node2', 6000, 10000],
      ],
      existing: [],
      want: [
        ['node1', 87],
        ['node2', 100],
      ],
    },
    {
      name: 'resources requested, pods scheduled with resources',
      pod: cpuAndMemory(),
      nodes: [
        ['node1', 10000, 20000],
        ['node2', 10000, 20000],
      ],
      existing: [cpuOnly('node1'), cpuAndMemory('node2')],
      want: [
        ['node1', 82],
        ['node2', 95],
      ],
    },
    {
      name: 'resources requested, pods scheduled with resources, differently sized nodes',
      pod: cpuAndMemory(),
      nodes: [
        ['node1', 10000, 20000],
        ['node2', 10000, 50000],
      ],
      existing: [cpuOnly('node1'), cpuAndMemory('node2')],
      want: [
        ['node1', 82],
        ['node2', 80],
      ],
    },
    {
      name: 'requested resources at node capacity',
      pod: cpuOnly(),
      nodes: [
        ['node1', 6000, 10000],
        ['node2', 6000, 10000],
      ],
      existing: [cpuOnly('node1'), cpuAndMemory('node2')],
      want: [
        ['node1', 50],
        ['node2', 75],
      ],
    },
  ]
  it.each(cases)('$name', ({ pod, nodes, existing, want }) => {
    const infos = makeNodeInfos(
      nodes.map(([name, cpu, memory]) => node(name, cpu, memory)),
      existing,
    )
    expect(scoreNodes(NodeResourcesBalancedAllocation, pod, infos)).toEqual(
      want.map(([name, score]) => ({ name, score })),
    )
  })
})
