import { describe, expect, it } from 'vitest'
import { storyPod } from '../../engine/protocol/pods'
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
    expect(storyPod(t.frames.at(-1)!)?.spec.nodeName).toBe('worker-1')
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

describe('clusters pasted as a List or as JSON (kubectl get nodes,pods -o yaml / -o json)', () => {
  const node = (name: string, cpu: string) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name },
    spec: { podCIDR: `10.244.${name.at(-1)}.0/24` },
    status: { allocatable: { cpu, memory: '8Gi', pods: '110' } },
  })
  const pod = (name: string, nodeName: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { nodeName, containers: [{ name: 'c', image: 'nginx:1.27' }] },
  })
  const list = { apiVersion: 'v1', kind: 'List', items: [node('n1', '4'), node('n2', '2'), pod('p1', 'n1')] }
  const json = JSON.stringify(list, null, 4) + '\n'

  it('lists the nodes of a JSON List, with the pods bound to them', () => {
    expect(listNodes(json)!.map((r) => [r.name, r.cpu, r.pods])).toEqual([
      ['n1', '4', 1],
      ['n2', '2', 0],
    ])
  })

  it('edits a JSON List and keeps it JSON, in the same shape and indentation', () => {
    const text = setAllocatable(setCordoned(json, 'n2', true), 'n1', 'cpu', '8')
    expect(text.startsWith('{\n    "apiVersion": "v1",')).toBe(true)
    expect(text.endsWith('}\n')).toBe(true)
    const rows = listNodes(text)!
    expect(rows.map((r) => [r.name, r.cpu, r.cordoned])).toEqual([
      ['n1', '8', false],
      ['n2', '2', true],
    ])
    expect(setCordoned(text, 'n2', false)).not.toContain('unschedulable')
  })

  it('removes a node and its pods from a JSON List, and adds one after the last node', () => {
    expect(listNodes(removeNode(json, 'n1'))!.map((r) => r.name)).toEqual(['n2'])
    expect(removeNode(json, 'n1')).not.toContain('p1')
    const added = JSON.parse(addNode(JSON.stringify(list))) as typeof list
    expect(added.items.map((o) => o.metadata.name)).toEqual(['n1', 'n2', 'worker-1', 'p1'])
  })

  it('edits the nodes inside a YAML List, as kubectl get nodes -o yaml prints them', () => {
    const yaml = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Node
  metadata:
    name: n1
  status:
    allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
- apiVersion: v1
  kind: Node
  metadata:
    name: n2
  status:
    allocatable: {cpu: "2", memory: 4Gi, pods: "110"}
`
    expect(listNodes(yaml)!.map((r) => r.name)).toEqual(['n1', 'n2'])
    const cordoned = setCordoned(yaml, 'n2', true)
    expect(listNodes(cordoned)!.map((r) => r.cordoned)).toEqual([false, true])
    expect(listNodes(removeNode(yaml, 'n1'))!.map((r) => r.name)).toEqual(['n2'])
    expect(listNodes(addNode(yaml))!.map((r) => r.name)).toEqual(['n1', 'n2', 'worker-1'])
  })
})
