import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_MANIFEST } from '../scenario/default-scenario'
import { IDENTITIES } from '../scenario/identities'
import { SCENARIOS } from '../scenario/scenarios'
import type { Timeline } from '../protocol/timeline'
import { simulate } from '../simulate'
import { buildStory } from '../story/build-story'
import { runScenario } from '../story/scenario-run'
import { deepFreeze } from '../testing/builders'
import { isAnswerVisible } from './answer-visibility'
import { choiceList } from './choice-list'
import { printedText } from './predict-kubectl-output'
import { cidrContains } from './predict-pod-ip-range'
import { visibleBackoff } from './predict-restart-backoff'
import { NO_NODE } from './predict-scheduler-node'
import { predictionAt } from './predictions'
import type { Prediction, PredictionKind } from './types'

const KINDS: readonly PredictionKind[] = [
  'scheduler-node',
  'kubectl-output',
  'apiserver-accepts',
  'pod-ip-range',
  'restart-backoff',
]

function runAs(identity: string, verb: string, scenario = 'default'): Timeline {
  const s = SCENARIOS.find((x) => x.id === scenario)!
  const kubeconfig = IDENTITIES.find((i) => i.id === identity)!.kubeconfig
  const cluster = s.cluster ? { cluster: s.cluster } : {}
  return deepFreeze(
    simulate(
      { manifest: s.manifest, ...cluster, command: `kubectl ${verb} -f pod.yaml`, kubeconfig },
      { seed: 1 },
    ),
  )
}

function ask(kind: PredictionKind, t: Timeline, at: number): Prediction {
  const r = predictionAt(kind, t, at)
  if (!r.ok) throw new Error(r.error)
  return r.prediction
}

const indexOf = (t: Timeline, kind: string, nth = 1): number => {
  let seen = 0
  return t.events.findIndex((e) => e.kind === kind && ++seen === nth)
}

describe('scheduler-node', () => {
  it('offers every node and "no node"; nginx goes to worker-2, the higher total score (schedule_one.go selectHost)', () => {
    const t = runScenario('default')
    const p = ask('scheduler-node', t, indexOf(t, 'etcd.put'))
    expect(p.choices).toEqual(['control-plane', 'worker-1', 'worker-2', NO_NODE])
    expect(p.answer).toBe('worker-2')
    expect(p.revealIndex).toBe(indexOf(t, 'scheduler.cycle'))
    expect(p.explanation).toContain('control-plane by TaintToleration')
  })

  it('answers "no node" when every node fails a filter (framework/types.go FitError)', () => {
    const t = runScenario('insufficient-cpu')
    expect(ask('scheduler-node', t, -1).answer).toBe(NO_NODE)
  })

  it('cannot be asked once the pod is bound', () => {
    const t = runScenario('default')
    const bound = t.events.findIndex((e) => e.kind === 'etcd.put' && e.payload.what === 'binding')
    const r = predictionAt('scheduler-node', t, bound)
    expect(r.ok ? '' : r.error).toBe('the pod is already bound to worker-2')
  })

  it('includes a node that joins before the cycle that binds the pod', () => {
    const t = runScenario('node-joins')
    const firstCycle = indexOf(t, 'scheduler.cycle')
    const p = ask('scheduler-node', t, firstCycle)
    expect(p.choices).toContain('worker-3')
    expect(p.answer).toBe('worker-3')
  })
})

describe('kubectl-output', () => {
  it("answers with kubectl's own line; apply's other outcomes are configured, unchanged and the refusals (apply.go)", () => {
    const t = runScenario('default')
    const p = ask('kubectl-output', t, -1)
    expect(p.answer).toBe('pod/nginx created')
    expect(p.choices).toEqual([
      'Error from server (Forbidden): error when creating "pod.yaml": pods is forbidden: User "kubernetes-admin" cannot create resource "pods" in API group "" in the namespace "default"',
      'error: You must be logged in to the server (error when creating "pod.yaml": Unauthorized)',
      'pod/nginx configured',
      'pod/nginx created',
      'pod/nginx unchanged',
    ])
  })

  it('for jane with create: the RBAC Forbidden line, beside created and AlreadyExists (create.go, helpers.go checkErr)', () => {
    const t = runAs('jane', 'create')
    const p = ask('kubectl-output', t, -1)
    expect(p.answer).toBe(
      'Error from server (Forbidden): error when creating "pod.yaml": pods is forbidden: User "jane" cannot create resource "pods" in API group "" in the namespace "default"',
    )
    expect(p.choices).toContain('pod/nginx created')
    expect(p.choices).toContain(
      'Error from server (AlreadyExists): error when creating "pod.yaml": pods "nginx" already exists',
    )
  })

  it('for server-side apply: serverside-applied, and the refusals without a context (apply.go applyOneObject)', () => {
    const t = runAs('admin', 'apply --server-side')
    const p = ask('kubectl-output', t, -1)
    expect(p.answer).toBe('pod/nginx serverside-applied')
    expect(p.choices).toContain('error: You must be logged in to the server (Unauthorized)')
  })

  it('cannot be asked after kubectl has printed', () => {
    const t = runScenario('default')
    const r = predictionAt('kubectl-output', t, indexOf(t, 'kubectl.output'))
    expect(r.ok).toBe(false)
  })
})

describe('apiserver-accepts', () => {
  it('accepts a pod no node can run: fit is the scheduler’s question, not the apiserver’s', () => {
    const t = runScenario('insufficient-cpu')
    const p = ask('apiserver-accepts', t, -1)
    expect(p.answer).toBe('Yes: 201 Created')
    expect(p.choices).toEqual([
      'No: 401 Unauthorized (authentication)',
      'No: 403 Forbidden (authorization)',
      'No: 422 Invalid (validation)',
      'No: 403 Forbidden (admission: PodSecurity)',
      'Yes: 201 Created',
    ])
  })

  it('names PodSecurity for the restricted namespace (pod-security-admission)', () => {
    const p = ask('apiserver-accepts', runScenario('restricted-namespace'), -1)
    expect(p.answer).toBe('No: 403 Forbidden (admission: PodSecurity)')
  })

  it('names authorization for jane (authorization/union/union.go)', () => {
    const p = ask('apiserver-accepts', runAs('jane', 'create'), -1)
    expect(p.answer).toBe('No: 403 Forbidden (authorization)')
    expect(p.choices).toEqual([
      'No: 401 Unauthorized (authentication)',
      'No: 403 Forbidden (authorization)',
      'Yes: 201 Created',
    ])
  })

  it('names validation for a 422 and decoding for an unknown field (strict field validation)', () => {
    expect(ask('apiserver-accepts', runScenario('invalid'), -1).answer).toBe('No: 422 Invalid (validation)')
    expect(ask('apiserver-accepts', runScenario('unknown-field'), -1).answer).toBe(
      'No: 400 BadRequest (decoding)',
    )
  })
})

describe('pod-ip-range', () => {
  it("offers each node's podCIDR and answers the one holding the address (host-local allocator)", () => {
    const t = runScenario('default')
    const p = ask('pod-ip-range', t, indexOf(t, 'scheduler.cycle'))
    expect(p.choices).toEqual(['10.244.0.0/24', '10.244.1.0/24', '10.244.2.0/24'])
    expect(p.answer).toBe('10.244.2.0/24')
    expect(p.revealIndex).toBe(indexOf(t, 'cni.add'))
  })

  it('cannot be asked once the CNI ADD has handed out the address', () => {
    const t = runScenario('default')
    expect(predictionAt('pod-ip-range', t, indexOf(t, 'cni.add')).ok).toBe(false)
  })

  it('cidrContains compares the network part only', () => {
    expect(cidrContains('10.244.2.0/24', '10.244.2.3')).toBe(true)
    expect(cidrContains('10.244.2.0/24', '10.244.20.3')).toBe(false)
    expect(cidrContains('10.244.0.0/16', '10.244.20.3')).toBe(true)
  })
})

describe('restart-backoff', () => {
  it('answers 10s after the first BackOff, then doubles (kubelet.go backOffPeriod, MaxContainerBackOff)', () => {
    const t = runScenario('crashloop')
    const backOff = t.events.findIndex((e) => e.kind === 'k8s.event' && e.payload.reason === 'BackOff')
    const p = ask('restart-backoff', t, backOff)
    expect(p.answer).toBe('10s')
    expect(p.choices).toEqual(['10s', '20s', '40s', '1m20s', '2m40s'])
    const later = ask('restart-backoff', t, p.revealIndex)
    expect(later.answer).toBe('20s')
  })

  it('reaches the 5m0s cap, and cannot be asked once it is shown', () => {
    const t = runScenario('crashloop')
    const last = t.events.length - 1
    expect(visibleBackoff(t.frames[last]!)).toBe('5m0s')
    expect(predictionAt('restart-backoff', t, last).ok).toBe(false)
  })

  it('cannot be asked of a pod that never crash-loops', () => {
    expect(predictionAt('restart-backoff', runScenario('default'), -1).ok).toBe(false)
  })
})

describe('predictionAt', () => {
  it('refuses an index outside the timeline', () => {
    const t = runScenario('default')
    expect(predictionAt('scheduler-node', t, t.events.length).ok).toBe(false)
    expect(predictionAt('scheduler-node', t, -2).ok).toBe(false)
  })

  it('choiceList keeps the answer and its neighbours when there are too many', () => {
    expect(choiceList(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 'f')).toEqual(['c', 'd', 'e', 'f', 'g'])
    expect(choiceList(['a', 'a', 'b'], 'b')).toEqual(['a', 'b'])
    expect(() => choiceList(['a'], 'z')).toThrow(/not among/)
  })
})

/** Every choice of a question comes from the run: its nodes, their CIDRs, kubectl's output, the kubelet's back-offs. */
function expectFromTheRun(p: Prediction, t: Timeline, at: number): void {
  expect(p.choices.length).toBeGreaterThanOrEqual(2)
  expect(p.choices.length).toBeLessThanOrEqual(5)
  expect(new Set(p.choices).size).toBe(p.choices.length)
  expect(p.choices).toContain(p.answer)
  expect(p.revealIndex).toBeGreaterThan(at)
  expect(isAnswerVisible(p, t, at)).toBe(false)
  expect(isAnswerVisible(p, t, p.revealIndex)).toBe(true)
  const nodes = Object.values(t.frames[t.frames.length - 1]!.nodes)
  switch (p.kind) {
    case 'scheduler-node':
      for (const c of p.choices) expect([...nodes.map((n) => n.name), NO_NODE]).toContain(c)
      break
    case 'pod-ip-range':
      for (const c of p.choices) expect(nodes.map((n) => n.podCIDR)).toContain(c)
      break
    case 'kubectl-output': {
      const out = t.events[p.revealIndex]!
      expect(out.kind === 'kubectl.output' && printedText(out.payload)).toBe(p.answer)
      break
    }
    case 'apiserver-accepts': {
      const answer = t.events[p.revealIndex]!
      expect(answer.kind === 'http.response' && p.answer.includes(` ${answer.payload.code} `)).toBe(true)
      break
    }
    case 'restart-backoff': {
      const shown = new Set(t.frames.map(visibleBackoff))
      for (const c of p.choices) expect(shown.has(c)).toBe(true)
      break
    }
    default:
      p.kind satisfies never
  }
}

describe('property: at every story step of every scenario, a question that can be asked is honest', () => {
  it.each(SCENARIOS.map((s) => [s.id]))('%s', (id) => {
    const t = runScenario(id)
    const positions = [-1, ...buildStory(t).steps.map((s) => s.last)]
    for (const at of positions)
      for (const kind of KINDS) {
        const r = predictionAt(kind, t, at)
        if (r.ok) expectFromTheRun(r.prediction, t, at)
        else expect(r.error.length).toBeGreaterThan(0)
      }
  })

  it('holds for any seed (ties between equal nodes are broken at random: schedule_one.go selectHost)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const t = deepFreeze(simulate({ manifest: DEFAULT_MANIFEST }, { seed }))
        for (const kind of KINDS) {
          const r = predictionAt(kind, t, -1)
          if (r.ok) expectFromTheRun(r.prediction, t, -1)
        }
      }),
      { numRuns: 15 },
    )
  })
})
