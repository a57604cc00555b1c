import { describe, expect, it } from 'vitest'
import { createdObjects } from '../etcd/objects'
import { simulate } from '../simulate'
import type { Pod } from '../model/objects'
import { makePod } from '../testing/builders'
import { makeReplicaSet } from '../testing/workloads'
import { describeReplicaSetAt, describeReplicaSetText, podStatusForController } from './describe-replicaset'
import type { EventRecord } from './event-records'

const NOW = Date.UTC(2025, 8, 1, 9, 30, 0)

const pod = (name: string, phase: string, owner?: { name: string; uid: string }): Pod => {
  const p = makePod({ name, namespace: 'foo', labels: { abc: 'xyz' } })
  return {
    ...p,
    metadata: {
      ...p.metadata,
      ...(owner ? { ownerReferences: [{ name: owner.name, uid: owner.uid, controller: true }] } : {}),
    },
    status: { phase },
  }
}

describe('Pods Status: getPodStatusForController', () => {
  // kubectl pkg/describe/describe_test.go TestControllerRef: of three pods matching the selector, only
  // the one whose controller reference is the set counts; an orphan and another controller's do not.
  const rs = makeReplicaSet({
    name: 'bar',
    namespace: 'foo',
    uid: '123456',
    selector: { matchLabels: { abc: 'xyz' } },
  })
  it('counts only the pods the set controls', () => {
    const pods = [
      pod('barpod', 'Running', { name: 'bar', uid: '123456' }),
      pod('orphan', 'Running'),
      pod('buzpod', 'Running', { name: 'buz', uid: '654321' }),
    ]
    expect(podStatusForController(rs, pods)).toEqual({ running: 1, waiting: 0, succeeded: 0, failed: 0 })
  })
  it('Pending counts as Waiting; Succeeded and Failed by phase; other phases nowhere', () => {
    const owner = { name: 'bar', uid: '123456' }
    const pods = ['Pending', 'Pending', 'Succeeded', 'Failed', 'Unknown'].map((phase, i) =>
      pod(`p${i}`, phase, owner),
    )
    expect(podStatusForController(rs, pods)).toEqual({ running: 0, waiting: 2, succeeded: 1, failed: 1 })
  })
})

describe('kubectl describe replicaset (describe.go describeReplicaSet)', () => {
  it('prints the whole text: selector, controller, replicas, pods by phase, template and events', () => {
    const rs = makeReplicaSet({
      name: 'web-7d4b9c6f5',
      labels: { app: 'web', 'pod-template-hash': '7d4b9c6f5' },
      selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c6f5' } },
      replicas: 3,
      owner: { name: 'web', uid: 'u1' },
      status: { replicas: 2 },
    })
    const created: EventRecord = {
      type: 'Normal',
      reason: 'SuccessfulCreate',
      message: 'Created pod: web-7d4b9c6f5-abcde',
      from: 'replicaset-controller',
      count: 1,
      firstTimestamp: NOW - 5000,
      lastTimestamp: NOW - 5000,
      eventTime: null,
      series: null,
    }
    const counts = { running: 1, waiting: 1, succeeded: 0, failed: 0 }
    expect(describeReplicaSetText(rs, counts, [created], NOW)).toBe(
      [
        'Name:           web-7d4b9c6f5',
        'Namespace:      default',
        'Selector:       app=web,pod-template-hash=7d4b9c6f5',
        'Labels:         app=web',
        '                pod-template-hash=7d4b9c6f5',
        'Annotations:    <none>',
        'Controlled By:  Deployment/web',
        'Replicas:       2 current / 3 desired',
        'Pods Status:    1 Running / 1 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=web',
        '           pod-template-hash=7d4b9c6f5',
        '  Containers:',
        '   nginx:',
        '    Image:         nginx:1.27',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:',
        '  Type    Reason            Age   From                   Message',
        '  ----    ------            ----  ----                   -------',
        '  Normal  SuccessfulCreate  5s    replicaset-controller  Created pod: web-7d4b9c6f5-abcde',
        '',
      ].join('\n'),
    )
  })

  it('a ReplicaFailure condition is listed with its reason', () => {
    const rs = makeReplicaSet({
      status: {
        replicas: 0,
        conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' }],
      },
    })
    const out = describeReplicaSetText(rs, { running: 0, waiting: 0, succeeded: 0, failed: 0 }, null, NOW)
    // Each type is written `%v \t`: its trailing space widens the column by one.
    expect(out).toContain(
      [
        'Conditions:',
        '  Type             Status  Reason',
        '  ----             ------  ------',
        '  ReplicaFailure   True    FailedCreate',
        '',
      ].join('\n'),
    )
    expect(out).not.toContain('Events:')
  })
})

describe('kubectl describe replicaset during a run', () => {
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
  const name = createdObjects(t.frames[last]!.etcd).find((o) => o.kind === 'ReplicaSet')?.metadata.name ?? ''

  it('names its Deployment as controller and lists the SuccessfulCreate events', () => {
    const out = describeReplicaSetAt(t, last, name) ?? ''
    expect(out).toContain('Controlled By:  Deployment/web\n')
    expect(out).toMatch(/\nReplicas: {7}\d current \/ 3 desired\n/)
    expect(out.match(/replicaset-controller {2}Created pod: web-/g)?.length).toBe(3)
  })
  it('is null for a set that does not exist', () => {
    expect(describeReplicaSetAt(t, last, 'nope')).toBeNull()
  })
})
