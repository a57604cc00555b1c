import { describe, expect, it } from 'vitest'
import { DEFAULT_CLUSTER, simulate, DEFAULT_MANIFEST } from '../../engine/index'
import { addNode, listNodes, removeNode, setAllocatable, setCordoned } from './cluster-edit'

describe('node panel edits to the cluster file', () => {
  it('lists the default cluster: the control plane (tainted) and two workers with their pods', () => {
    const rows = listNodes(DEFAULT_CLUSTER)!
    expect(rows.map((r) => [r.name, r.cpu, r.pods, r.cordoned])).toEqual([
      ['control-plane', '2', 0, false],
      ['worker-1', '4', 1, false],
      ['worker-2', '2', 1, false],
    ])
    expect(rows[0]!.taints).toEqual(['node-role.kubernetes.io/control-plane:NoSchedule'])
  })

  it('cordoning worker-2 sends the default pod to worker-1', () => {
    const cordoned = setCordoned(DEFAULT_CLUSTER, 'worker-2', true)
    expect(listNodes(cordoned)!.find((r) => r.name === 'worker-2')!.cordoned).toBe(true)
    const t = simulate({ manifest: DEFAULT_MANIFEST, cluster: cordoned }, { seed: 1 })
    expect(t.frames.at(-1)!.pod?.spec.nodeName).toBe('worker-1')
    expect(setCordoned(cordoned, 'worker-2', false)).not.toContain('unschedulable')
  })

  it('removing a node removes the pods bound to it', () => {
    const text = removeNode(DEFAULT_CLUSTER, 'worker-1')
    expect(listNodes(text)!.map((r) => r.name)).toEqual(['control-plane', 'worker-2'])
    expect(text).not.toContain('api-7d9f8b6c5-x2x7k')
  })

  it('adds a worker with the next free name and pod CIDR', () => {
    const text = addNode(DEFAULT_CLUSTER)
    const added = listNodes(text)!.at(-1)!
    expect(added.name).toBe('worker-3')
    expect(text).toContain('podCIDR: 10.244.3.0/24')
  })

  it('changes allocatable memory, keeping the quantity as typed', () => {
    const text = setAllocatable(DEFAULT_CLUSTER, 'worker-1', 'memory', '16Gi')
    expect(listNodes(text)!.find((r) => r.name === 'worker-1')!.memory).toBe('16Gi')
  })

  it('leaves a file that does not parse untouched', () => {
    expect(setCordoned('kind: [', 'x', true)).toBe('kind: [')
    expect(listNodes('kind: [')).toBeNull()
  })
})

describe('the file after an edit', () => {
  it('keeps one document separator between documents', () => {
    const text = setCordoned(DEFAULT_CLUSTER, 'worker-2', true)
    expect(text).not.toMatch(/---\s*---/)
    expect(text.split(/^---$/m)).toHaveLength(5)
  })
})
