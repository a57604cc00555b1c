/**
 * PodDisruptionBudgets and preemption. Upstream: pkg/scheduler/framework/plugins/defaultpreemption/
 * default_preemption.go (SelectVictimsOnNode reprieves PDB-violating victims first, filterPodsWithPDBViolation),
 * framework/preemption/preemption.go (pickOneNodeForPreemption: fewest PDB violations first),
 * pkg/controller/disruption/disruption.go (disruptionsAllowed = healthy − desired healthy).
 */
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { toContractReport } from '../report/contract'
import { loadCluster } from './cluster'
import { disruptionBudgets, splitByViolation } from './disruption-budget'
import type { KubeObject, Pod } from './objects'
import { makeCluster, makeContainer, makeNode, makePod, manifestOf } from '../testing/builders'

const running = (name: string, labels: Record<string, string>, ready = true): Pod => ({
  ...makePod({ name, labels }),
  metadata: { name, namespace: 'default', labels },
  status: {
    phase: 'Running',
    conditions: [
      {
        type: 'Ready',
        status: ready ? 'True' : 'False',
        lastProbeTime: null,
        lastTransitionTime: '2025-08-01T00:00:00Z',
      },
    ],
  },
})
const pdb = (name: string, spec: Record<string, unknown>, status?: Record<string, unknown>): KubeObject => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name, namespace: 'default' },
  spec: { selector: { matchLabels: { app: 'db' } }, ...spec },
  ...(status ? { status } : {}),
})

describe('disruptionsAllowed (disruption controller, for bare pods)', () => {
  const pods = [running('a', { app: 'db' }), running('b', { app: 'db' }), running('c', { app: 'db' }, false)]
  it.each([
    ['minAvailable 1 of 2 healthy', { minAvailable: 1 }, 1],
    ['minAvailable 2', { minAvailable: 2 }, 0],
    ['minAvailable 50% of 3 rounds up to 2', { minAvailable: '50%' }, 0],
    ['maxUnavailable 1 of 3: desired 2', { maxUnavailable: 1 }, 0],
    ['maxUnavailable 2 of 3: desired 1', { maxUnavailable: 2 }, 1],
    ['status given: taken as stored', { minAvailable: 3 }, 4, { disruptionsAllowed: 4 }],
  ])('%s', (_t, spec, allowed, status?: Record<string, unknown>) => {
    const cluster = loadCluster([...pods, pdb('p', spec, status)] as unknown as KubeObject[])
    expect(disruptionBudgets(cluster)[0]!.disruptionsAllowed).toBe(allowed)
  })

  it('walking the victims uses up the allowance; pods without labels or outside the namespace never violate', () => {
    const cluster = loadCluster([pdb('p', {}, { disruptionsAllowed: 1 })] as unknown as KubeObject[])
    const budgets = disruptionBudgets(cluster)
    const other = {
      ...running('x', { app: 'db' }),
      metadata: { name: 'x', namespace: 'prod', labels: { app: 'db' } },
    }
    const { violating, nonViolating } = splitByViolation(
      [running('a', { app: 'db' }), running('b', { app: 'db' }), running('n', {}), other],
      budgets,
    )
    expect(violating.map((p) => p.metadata.name)).toEqual(['b'])
    expect(nonViolating.map((p) => p.metadata.name)).toEqual(['a', 'n', 'x'])
  })
})

describe('preemption avoids breaking a PodDisruptionBudget', () => {
  const small = (name: string) => makeNode(name, { capacity: { cpu: '1', memory: '2Gi', pods: '110' } })
  const victim = (name: string, node: string, labels: Record<string, string>): Pod => {
    const p = makePod({
      name,
      containers: [makeContainer({ name: 'c', image: 'nginx:1.27', requests: { cpu: '800m' } })],
    })
    return {
      ...p,
      metadata: { name, namespace: 'default', uid: `uid-${name}`, labels },
      spec: { ...p.spec, nodeName: node, priority: 0 },
      status: { phase: 'Running', startTime: '2025-08-01T00:00:00Z' },
    }
  }
  const high: KubeObject = {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'high' },
    value: 1000,
  }
  const preemptor = (() => {
    const p = makePod({
      name: 'big',
      containers: [makeContainer({ name: 'c', image: 'nginx:1.27', requests: { cpu: '500m' } })],
    })
    return { ...p, spec: { ...p.spec, priorityClassName: 'high' } }
  })()

  it.each([
    ['the protected victim is on n1', 'n1', 'n2'],
    ['the protected victim is on n2', 'n2', 'n1'],
  ])('%s: the other node is nominated', (_t, protectedNode, expected) => {
    const other = protectedNode === 'n1' ? 'n2' : 'n1'
    const cluster = makeCluster({
      nodes: [small('n1'), small('n2')],
      pods: [victim('db-0', protectedNode, { app: 'db' }), victim('web-0', other, { app: 'web' })],
      objects: [high, pdb('db', { minAvailable: 1 })],
    })
    const r = toContractReport(
      simulate({ manifest: manifestOf(preemptor), cluster }, { seed: 1, until: 30_000 }),
      {
        command: 'kubectl apply -f pod.yaml',
      },
    )
    expect(r.pod?.status?.['nominatedNodeName']).toBe(expected)
    // The victim is the unprotected pod, which lives on the nominated node.
    expect(r.events.find((e) => e.reason === 'Preempted')?.object).toBe('Pod/web-0')
    expect(r.pod?.spec.nodeName).toBe(expected)
  })
})
