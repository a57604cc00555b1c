import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { DEFAULT_MANIFEST } from '../scenario/default-scenario'
import { makeContainer, makePod } from '../testing/builders'
import type { ContainerStatus, Pod } from '../model/objects'
import { getPodRow, getPodTable, getPodWatchLines } from './get-pod'

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
