import { describe, expect, it } from 'vitest'
import { simulate, DEFAULT_START_TIME } from '../simulate'
import { makeContainer } from '../testing/builders'
import { makeDeployment, makeReplicaSet } from '../testing/workloads'
import type { Deployment, ReplicaSet } from '../controllers/apps-types'
import { describeDeploymentAt, describeDeploymentText, replicaSetsOfDeployment } from './describe-deployment'
import type { EventRecord } from './event-records'

const MIN = 60_000
const NOW = Date.UTC(2025, 8, 1, 9, 30, 0)
const labels = { 'k8s-app': 'bar' }
const UID = '00000000-0000-0000-0000-000000000001'

/** A Deployment or ReplicaSet of kubectl's describe_test.go TestDescribeDeployment: two emptyDir volumes mounted. */
function withVolumes<T extends Deployment | ReplicaSet>(o: T, image: string): T {
  return {
    ...o,
    spec: {
      ...o.spec,
      template: {
        metadata: { name: 'bar', namespace: 'foo', labels },
        spec: {
          containers: [
            {
              ...makeContainer({ name: '', image }),
              volumeMounts: [
                { name: 'vol-foo', mountPath: '/tmp/vol-foo' },
                { name: 'vol-bar', mountPath: '/tmp/vol-bar' },
              ],
            },
          ],
          volumes: [
            { name: 'vol-foo', emptyDir: {} },
            { name: 'vol-bar', emptyDir: {} },
          ],
        },
      },
    },
  }
}

const common = { namespace: 'foo', labels, selector: { matchLabels: labels } }
const deployment = (replicas: number, image: string, status?: Deployment['status']): Deployment =>
  withVolumes(
    makeDeployment({
      ...common,
      name: 'bar',
      uid: UID,
      creationTimestamp: '2021-01-01T00:00:00Z',
      replicas,
      ...(status ? { status } : {}),
    }),
    image,
  )
const replicaSet = (
  name: string,
  replicas: number,
  image: string,
  status: ReplicaSet['status'],
): ReplicaSet =>
  withVolumes(makeReplicaSet({ ...common, name, replicas, owner: { name: 'bar', uid: UID }, status }), image)

const coreEvent = (message: string, first: number): EventRecord => ({
  type: 'Normal',
  reason: 'ScalingReplicaSet',
  message,
  from: 'deployment-controller',
  count: 0,
  firstTimestamp: first,
  lastTimestamp: null,
  eventTime: null,
  series: null,
})
const newEvent = (message: string, at: number, series?: EventRecord['series']): EventRecord => ({
  ...coreEvent(message, 0),
  firstTimestamp: null,
  eventTime: at,
  series: series ?? null,
})

describe('kubectl describe deployment (kubectl pkg/describe/describe_test.go TestDescribeDeployment)', () => {
  it('deployment with two mounted volumes', () => {
    const d = deployment(1, 'mytest-image:latest')
    const rs = replicaSet('bar-001', 1, 'mytest-image:latest', {
      replicas: 1,
      readyReplicas: 1,
      availableReplicas: 1,
    })
    const out = describeDeploymentText(d, replicaSetsOfDeployment(d, [rs]), [], NOW)
    for (const expected of [
      'Name:               bar\nNamespace:          foo',
      'CreationTimestamp:  Fri, 01 Jan 2021 00:00:00 +0000',
      'Labels:             k8s-app=bar',
      'Selector:           k8s-app=bar',
      'Replicas:           1 desired | 0 updated | 0 total | 0 available | 0 unavailable',
      'Image:        mytest-image:latest',
      'Mounts:\n      /tmp/vol-bar from vol-bar (rw)\n      /tmp/vol-foo from vol-foo (rw)',
      'OldReplicaSets:    <none>',
      'NewReplicaSet:     bar-001 (1/1 replicas created)',
      'Events:            <none>',
      'Node-Selectors:  <none>',
      'Tolerations:     <none>',
    ])
      expect(out).toContain(expected)
  })

  it('deployment during the process of rolling out', () => {
    const d = deployment(2, 'mytest-image:v2.0', {
      replicas: 3,
      updatedReplicas: 1,
      availableReplicas: 2,
      unavailableReplicas: 1,
    })
    const old = replicaSet('bar-001', 2, 'mytest-image:v1.0', {
      replicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
    })
    const current = replicaSet('bar-002', 1, 'mytest-image:v2.0', {
      replicas: 1,
      readyReplicas: 0,
      availableReplicas: 1,
    })
    const events = [
      newEvent('Scaled up replica set bar-002 from 0 to 1', NOW - 20 * MIN, {
        count: 3,
        lastObservedTime: NOW - 12 * MIN,
      }),
      coreEvent('Scaled up replica set bar-001 from 0 to 2', NOW - 10 * MIN),
      coreEvent('Scaled up replica set bar-002 from 0 to 1', NOW - 2 * MIN),
      newEvent('Scaled down replica set bar-002 from 2 to 1', NOW - MIN),
    ]
    const out = describeDeploymentText(d, replicaSetsOfDeployment(d, [current, old]), events, NOW)
    for (const expected of [
      'Replicas:           2 desired | 1 updated | 3 total | 2 available | 1 unavailable',
      'Image:        mytest-image:v2.0',
      'OldReplicaSets:    bar-001 (2/2 replicas created)',
      'NewReplicaSet:     bar-002 (1/1 replicas created)',
      'Events:\n',
      'Normal  ScalingReplicaSet  12m (x3 over 20m)  deployment-controller  Scaled up replica set bar-002 from 0 to 1',
      'Normal  ScalingReplicaSet  10m                deployment-controller  Scaled up replica set bar-001 from 0 to 2',
      'Normal  ScalingReplicaSet  2m                 deployment-controller  Scaled up replica set bar-002 from 0 to 1',
      'Normal  ScalingReplicaSet  60s                deployment-controller  Scaled down replica set bar-002 from 2 to 1',
    ])
      expect(out).toContain(expected)
  })

  it('deployment after successful rollout: an old set scaled to 0 is still listed', () => {
    const d = deployment(2, 'mytest-image:v2.0', { replicas: 2, updatedReplicas: 2, availableReplicas: 2 })
    const old = replicaSet('bar-001', 0, 'mytest-image:v1.0', { replicas: 0 })
    const current = replicaSet('bar-002', 2, 'mytest-image:v2.0', {
      replicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
    })
    const out = describeDeploymentText(d, replicaSetsOfDeployment(d, [old, current]), null, NOW)
    expect(out).toContain('Replicas:           2 desired | 2 updated | 2 total | 2 available | 0 unavailable')
    expect(out).toContain('OldReplicaSets:    bar-001 (0/0 replicas created)')
    expect(out).toContain('NewReplicaSet:     bar-002 (2/2 replicas created)')
    // ShowEvents false: no Events section at all.
    expect(out).not.toContain('Events:')
  })

  it('a set the Deployment does not control (another uid) is neither old nor new', () => {
    const d = deployment(1, 'mytest-image:latest')
    const foreign = withVolumes(
      makeReplicaSet({ ...common, name: 'bar-999', replicas: 1, owner: { name: 'other', uid: 'x' } }),
      'mytest-image:latest',
    )
    expect(replicaSetsOfDeployment(d, [foreign])).toEqual({ old: [], new: null })
    expect(describeDeploymentText(d, { old: [], new: null }, [], NOW)).not.toContain('NewReplicaSet:')
  })
})

// kubectl 1.32 (whose describeDeployment and DescribePodTemplate are the same as 1.34's) describing this
// run's stored Deployment and ReplicaSet from a mock apiserver printed the same texts, byte for byte.
describe('kubectl describe deployment during a run', () => {
  const manifest = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    'spec:',
    '  replicas: 3',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec: {containers: [{name: nginx, image: "nginx:1.27"}]}',
  ].join('\n')
  const t = simulate({ manifest }, { seed: 1, until: 10_000 })
  const last = t.events.length - 1

  it('is NotFound (null) before the apiserver stores the Deployment', () => {
    expect(describeDeploymentAt(t, -1, 'web')).toBeNull()
  })

  it('shows the defaulted strategy, the new ReplicaSet and the ScalingReplicaSet event', () => {
    const out = describeDeploymentAt(t, last, 'web', { startTime: DEFAULT_START_TIME }) ?? ''
    expect(out).toMatch(/^Name: {19}web\nNamespace: {14}default\n/)
    expect(out).toContain('StrategyType:           RollingUpdate\n')
    expect(out).toContain('RollingUpdateStrategy:  25% max unavailable, 25% max surge\n')
    expect(out).toContain(
      'Pod Template:\n  Labels:  app=web\n  Containers:\n   nginx:\n    Image:         nginx:1.27\n',
    )
    expect(out).toMatch(/\nNewReplicaSet: {3}web-[a-z0-9]+ \(\d\/3 replicas created\)\n/)
    expect(out).toMatch(
      /Normal {2}ScalingReplicaSet {2}\S+ +deployment-controller {2}Scaled up replica set web-[a-z0-9]+ to 3\n$/,
    )
  })
})
