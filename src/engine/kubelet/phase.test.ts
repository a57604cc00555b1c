import { describe, expect, it } from 'vitest'
import { getPhase, type PodPhase } from './phase'
import type { ContainerStatus, Pod } from '../model/objects'
import { makeContainer, makePod } from '../testing/builders'

// Upstream: pkg/kubelet/kubelet_pods.go getPhase; kubelet_pods_test.go TestPodPhaseWithRestart*.
const running = (name: string): ContainerStatus => ({
  name,
  image: '',
  imageID: '',
  ready: true,
  started: true,
  restartCount: 0,
  state: { running: {} },
  lastState: {},
})
const exited = (name: string, exitCode: number): ContainerStatus => ({
  name,
  image: '',
  imageID: '',
  ready: false,
  started: false,
  restartCount: 0,
  state: { terminated: { exitCode } },
  lastState: {},
})
const crashLooping = (name: string, exitCode: number): ContainerStatus => ({
  name,
  image: '',
  imageID: '',
  ready: false,
  started: false,
  restartCount: 1,
  state: { waiting: { reason: 'CrashLoopBackOff' } },
  lastState: { terminated: { exitCode } },
})
const waiting = (name: string): ContainerStatus => ({
  name,
  image: '',
  imageID: '',
  ready: false,
  started: false,
  restartCount: 0,
  state: { waiting: { reason: 'ContainerCreating' } },
  lastState: {},
})

const pod = (restartPolicy: string, init = false): Pod =>
  makePod({
    restartPolicy,
    containers: [makeContainer({ name: 'app', image: 'busybox' })],
    ...(init ? { initContainers: [makeContainer({ name: 'init-db', image: 'busybox' })] } : {}),
  })

const cases: {
  name: string
  pod: Pod
  init?: ContainerStatus[]
  statuses: ContainerStatus[]
  want: PodPhase
}[] = [
  {
    name: 'a container still being created: Pending',
    pod: pod('Always'),
    statuses: [waiting('app')],
    want: 'Pending',
  },
  { name: 'a running container: Running', pod: pod('Always'), statuses: [running('app')], want: 'Running' },
  {
    name: 'CrashLoopBackOff is not a phase: Running',
    pod: pod('Always'),
    statuses: [crashLooping('app', 1)],
    want: 'Running',
  },
  {
    name: 'exited 0 with restartPolicy Always: Running (it will be restarted)',
    pod: pod('Always'),
    statuses: [exited('app', 0)],
    want: 'Running',
  },
  {
    name: 'exited 0 with restartPolicy Never: Succeeded',
    pod: pod('Never'),
    statuses: [exited('app', 0)],
    want: 'Succeeded',
  },
  {
    name: 'exited 0 with restartPolicy OnFailure: Succeeded',
    pod: pod('OnFailure'),
    statuses: [exited('app', 0)],
    want: 'Succeeded',
  },
  {
    name: 'exited 3 with restartPolicy Never: Failed',
    pod: pod('Never'),
    statuses: [exited('app', 3)],
    want: 'Failed',
  },
  {
    name: 'exited 3 with restartPolicy OnFailure: Running (restarting)',
    pod: pod('OnFailure'),
    statuses: [exited('app', 3)],
    want: 'Running',
  },
  {
    name: 'an init container still running: Pending',
    pod: pod('Always', true),
    init: [running('init-db')],
    statuses: [waiting('app')],
    want: 'Pending',
  },
  {
    name: 'a failed init container with restartPolicy Never: Failed',
    pod: pod('Never', true),
    init: [exited('init-db', 1)],
    statuses: [waiting('app')],
    want: 'Failed',
  },
]

describe('getPhase', () => {
  it.each(cases)('$name', ({ pod, init, statuses, want }) => {
    expect(getPhase(pod, init ?? [], statuses, false, true)).toBe(want)
  })
})
