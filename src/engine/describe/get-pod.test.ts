import { describe, expect, it } from 'vitest'
import { podDeletions } from '../etcd/objects'
import { simulate } from '../simulate'
import { DEFAULT_MANIFEST } from '../scenario/default-scenario'
import { SCENARIOS } from '../scenario/scenarios'
import { makeContainer, makePod } from '../testing/builders'
import type { ContainerStatus, Pod, PodCondition } from '../model/objects'
import {
  getPodRow,
  getPodsTable,
  getPodTable,
  getPodWatchLines,
  getPodWideRow,
  getPodWideTable,
} from './get-pod'

const T0 = Date.UTC(2025, 8, 1, 9, 0, 0)
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

const running = (name: string, o: Partial<ContainerStatus> = {}): ContainerStatus => ({
  name,
  image: 'nginx:1.27',
  imageID: '',
  ready: true,
  started: true,
  restartCount: 0,
  state: { running: { startedAt: iso(T0) } },
  lastState: {},
  ...o,
})

const withStatus = (statuses: readonly ContainerStatus[], phase = 'Running'): Pod => {
  const base = makePod({
    name: 'web',
    containers: statuses.map((s) => makeContainer({ name: s.name, image: 'nginx:1.27' })),
  })
  return {
    ...base,
    metadata: { ...base.metadata, creationTimestamp: iso(T0) },
    status: { phase, containerStatuses: statuses },
  }
}

describe('kubectl get pod row (printPod)', () => {
  it.each<[string, Pod, number, Partial<ReturnType<typeof getPodRow>>]>([
    [
      'one ready container',
      withStatus([running('a')]),
      5_000,
      { ready: '1/1', status: 'Running', restarts: '0', age: '5s' },
    ],
    [
      'one of two containers ready',
      withStatus([running('a'), running('b', { ready: false })]),
      150_000,
      { ready: '1/2', age: '2m30s' },
    ],
    [
      'restarts say how long ago the last container terminated',
      withStatus([
        running('a', {
          restartCount: 3,
          lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: iso(T0 + 48_000) } },
        }),
      ]),
      60_000,
      { restarts: '3 (12s ago)', age: '60s' },
    ],
    [
      'a waiting container shows its reason',
      withStatus([running('a', { ready: false, state: { waiting: { reason: 'CrashLoopBackOff' } } })]),
      1_000,
      { ready: '0/1', status: 'CrashLoopBackOff' },
    ],
  ])('%s', (_name, pod, after, want) => {
    expect(getPodRow(pod, T0 + after)).toMatchObject(want)
  })

  it('the table: header and row with minwidth 6 and padding 3', () => {
    expect(getPodTable(withStatus([running('a')]), T0 + 3_000)).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          3s\n',
    )
  })
})

describe('kubectl get pod -w over a timeline', () => {
  it('one line per write of the pod; columns grow and never shrink', () => {
    const timeline = simulate({ manifest: DEFAULT_MANIFEST }, { seed: 1 })
    expect(getPodWatchLines(timeline)).toEqual([
      'NAME    READY   STATUS    RESTARTS   AGE',
      'nginx   0/1     Pending   0          0s',
      'nginx   0/1     Pending   0          0s',
      'nginx   0/1     ContainerCreating   0          0s',
      'nginx   1/1     Running             0          3s',
    ])
  })
})

const cond = (type: string, status: 'True' | 'False'): PodCondition => ({
  type,
  status,
  lastProbeTime: null,
  lastTransitionTime: iso(T0),
})

const scheduled = (
  o: { ip?: string; nominated?: string; gates?: string[]; conditions?: Pod['status'] } = {},
): Pod => {
  const base = withStatus([running('a')])
  return {
    ...base,
    spec: {
      ...base.spec,
      nodeName: 'worker-1',
      ...(o.gates ? { readinessGates: o.gates.map((conditionType) => ({ conditionType })) } : {}),
    },
    status: {
      ...base.status,
      ...(o.ip ? { podIP: o.ip, podIPs: [{ ip: o.ip }] } : {}),
      ...(o.nominated ? { nominatedNodeName: o.nominated } : {}),
      ...o.conditions,
    },
  }
}

// Upstream: kubernetes/kubernetes pkg/printers/internalversion/printers.go printPod, `if options.Wide`.
describe('kubectl get pod -o wide row (printPod, options.Wide)', () => {
  it.each<[string, Pod, Partial<ReturnType<typeof getPodWideRow>>]>([
    [
      'a pod not yet scheduled shows <none> for every wide column',
      withStatus([], 'Pending'),
      { ip: '<none>', node: '<none>', nominatedNode: '<none>', readinessGates: '<none>' },
    ],
    [
      'a running pod shows the first of status.podIPs and its node',
      scheduled({ ip: '10.244.1.3' }),
      { ip: '10.244.1.3', node: 'worker-1', nominatedNode: '<none>' },
    ],
    [
      'status.podIP without podIPs prints <none>: printPod reads podIPs only',
      { ...scheduled(), status: { ...scheduled().status, podIP: '10.244.1.9' } },
      { ip: '<none>' },
    ],
    [
      'preemption leaves status.nominatedNodeName, printed as NOMINATED NODE',
      scheduled({ nominated: 'worker-2' }),
      { nominatedNode: 'worker-2' },
    ],
    [
      'readiness gates count the gates whose condition is True; a missing condition is not',
      scheduled({
        gates: ['example.com/lb', 'example.com/feature'],
        conditions: {
          conditions: [cond('example.com/lb', 'True'), cond('Ready', 'True')],
        },
      }),
      { readinessGates: '1/2' },
    ],
    [
      'a gate whose condition is False counts as not ready',
      scheduled({
        gates: ['example.com/lb'],
        conditions: { conditions: [cond('example.com/lb', 'False')] },
      }),
      { readinessGates: '0/1' },
    ],
  ])('%s', (_name, pod, want) => {
    expect(getPodWideRow(pod, T0 + 1_000)).toMatchObject(want)
  })

  it('the wide table: nine columns, NOMINATED NODE and READINESS GATES as two-word headers', () => {
    expect(getPodWideTable(scheduled({ ip: '10.244.1.3' }), T0 + 3_000)).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE   IP           NODE       NOMINATED NODE   READINESS GATES\n' +
        'web    1/1     Running   0          3s    10.244.1.3   worker-1   <none>           <none>\n',
    )
  })

  it('several pods share one header and one set of column widths, in the order given', () => {
    const other: Pod = {
      ...withStatus([], 'Pending'),
      metadata: { name: 'a-much-longer-name', creationTimestamp: iso(T0) },
    }
    expect(getPodsTable([withStatus([running('a')]), other], T0 + 3_000)).toBe(
      'NAME                 READY   STATUS    RESTARTS   AGE\n' +
        'web                  1/1     Running   0          3s\n' +
        'a-much-longer-name   0/0     Pending   0          3s\n',
    )
    expect(getPodsTable([], T0)).toBe('')
  })
})

// Upstream: printers.go printPod: `if pod.DeletionTimestamp != nil && pod.Status.Reason == node.NodeUnreachablePodReason
// { reason = "Unknown" } else if pod.DeletionTimestamp != nil && !IsPodPhaseTerminal(phase) { reason = "Terminating" }`;
// pkg/util/node/node.go NodeUnreachablePodReason = "NodeLost".
describe('STATUS of a pod on a lost node', () => {
  const deleting = (phase: string, reason?: string): Pod => {
    const p = withStatus([running('a')], phase)
    return {
      ...p,
      metadata: { ...p.metadata, deletionTimestamp: iso(T0 + 30_000) },
      status: { ...p.status, ...(reason ? { reason } : {}) },
    }
  }
  it.each<[string, Pod, string]>([
    ['deleted while its node is unreachable (NodeLost): Unknown', deleting('Running', 'NodeLost'), 'Unknown'],
    ['Unknown even when the phase is terminal', deleting('Failed', 'NodeLost'), 'Unknown'],
    ['deleted for any other reason: Terminating', deleting('Running'), 'Terminating'],
    ['deleted with another status.reason: Terminating', deleting('Running', 'Evicted'), 'Terminating'],
    [
      'NodeLost without a deletionTimestamp shows the reason itself',
      { ...withStatus([], 'Running'), status: { phase: 'Running', reason: 'NodeLost' } },
      'NodeLost',
    ],
  ])('%s', (_name, pod, status) => {
    expect(getPodRow(pod, T0 + 1_000).status).toBe(status)
  })
})

describe('kubectl get pod <victim> -w over a preemption', () => {
  // get.go watch: the object is printed first, then every watch event's object, DELETED included, whose
  // object is the pod's last stored state, so the last row repeats it.
  it('the victim: its row at Enter, its status patch, Terminating, then the DELETED row', () => {
    const s = SCENARIOS.find((x) => x.id === 'preemption')!
    const timeline = simulate({ manifest: s.manifest, cluster: s.cluster! }, { seed: 1 })
    // The pod preemption deleted, as the last frame's etcd shows it (`namespace/name`).
    const [key = ''] = Object.keys(podDeletions(timeline.frames.at(-1)!.etcd) ?? {})
    expect(key).toMatch(/^default\//)
    const name = key.slice('default/'.length)
    const lines = getPodWatchLines(timeline, undefined, { namespace: 'default', name })
    expect(lines[0]).toMatch(/^NAME {2,}READY {3}STATUS {4}RESTARTS {3}AGE$/)
    expect(lines.slice(1).map((l) => l.split(/ {3,}/)[2])).toEqual([
      'Running',
      'Running',
      'Terminating',
      'Terminating',
    ])
    expect(lines.at(-1)).toBe(lines.at(-2))
  })
  it('a pod that is never stored prints nothing', () => {
    const timeline = simulate({ manifest: DEFAULT_MANIFEST }, { seed: 1 })
    expect(getPodWatchLines(timeline, undefined, { namespace: 'default', name: 'absent' })).toEqual([])
  })
})
