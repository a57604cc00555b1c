import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { DEFAULT_START_TIME } from '../simulate'
import type { Pod } from '../model/objects'
import { makeContainer, makePod } from '../testing/builders'
import { makeDeployment, makeReplicaSet } from '../testing/workloads'
import { getDeploymentRow, getReplicaSetRow, getWorkloadsAt, getWorkloadsText } from './get-workloads'
import type { WorkloadObjects } from './workload-objects'

const T0 = Date.UTC(2025, 8, 1, 9, 0, 0)
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
const twoContainers = [
  makeContainer({ name: 'fake-container1', image: 'fake-image1' }),
  makeContainer({ name: 'fake-container2', image: 'fake-image2' }),
]

describe('kubectl get deploy: the printDeployment row', () => {
  // kubernetes/kubernetes pkg/printers/internalversion/printers_test.go TestPrintDeployment: created 1.9 s
  // in the future (ages up to 2 s ahead print 0s), 5 desired, no ready replica.
  const d = makeDeployment({
    name: 'test1',
    creationTimestamp: iso(T0 + 1900),
    replicas: 5,
    selector: { matchLabels: { foo: 'bar' } },
    containers: twoContainers,
    status: { replicas: 10, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 4 },
  })
  it('READY is ready/desired, then UP-TO-DATE, AVAILABLE and AGE', () => {
    expect(getDeploymentRow(d, T0)).toEqual(['test1', '0/5', '2', '1', '0s'])
  })
  it('-o wide adds the containers, the images and the selector', () => {
    expect(getDeploymentRow(d, T0, true)).toEqual([
      'test1',
      '0/5',
      '2',
      '1',
      '0s',
      'fake-container1,fake-container2',
      'fake-image1,fake-image2',
      'foo=bar',
    ])
  })
  it('spec.replicas defaults to 1 (apps/v1 SetDefaults_Deployment) and a missing creation time is <unknown>', () => {
    expect(getDeploymentRow(makeDeployment({ status: { readyReplicas: 1 } }), T0)).toEqual([
      'web',
      '1/1',
      '0',
      '0',
      '<unknown>',
    ])
  })
})

describe('kubectl get rs: the printReplicaSet row', () => {
  // printers_test.go TestPrintReplicaSet.
  const rs = makeReplicaSet({
    name: 'test1',
    creationTimestamp: iso(T0 + 1900),
    replicas: 5,
    selector: { matchLabels: { foo: 'bar' } },
    containers: twoContainers,
    status: { replicas: 5, readyReplicas: 2 },
  })
  it('DESIRED, CURRENT, READY and AGE', () => {
    expect(getReplicaSetRow(rs, T0)).toEqual(['test1', '5', '5', '2', '0s'])
  })
  it('-o wide adds the containers, the images and the selector (FormatLabelSelector)', () => {
    expect(getReplicaSetRow(rs, T0, true)).toEqual([
      'test1',
      '5',
      '5',
      '2',
      '0s',
      'fake-container1,fake-container2',
      'fake-image1,fake-image2',
      'foo=bar',
    ])
  })
})

const pending = (name: string): Pod => {
  const p = makePod({ name, labels: { app: 'web', 'pod-template-hash': '7d4b9c6f5' } })
  return { ...p, metadata: { ...p.metadata, creationTimestamp: iso(T0) }, status: { phase: 'Pending' } }
}
const objects: WorkloadObjects = {
  deployments: [
    makeDeployment({
      creationTimestamp: iso(T0),
      replicas: 3,
      status: { replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2 },
    }),
  ],
  replicaSets: [
    makeReplicaSet({ creationTimestamp: iso(T0), replicas: 3, status: { replicas: 3, readyReplicas: 2 } }),
  ],
  pods: [pending('web-7d4b9c6f5-abcde'), pending('web-7d4b9c6f5-fghij')],
}
const now = T0 + 75_000

// The layout below is what kubectl 1.32 prints against a mock apiserver answering these Tables
// (get.go's multi-type printing is unchanged in 1.34), an empty Deployment table included.
describe('kubectl get deploy,rs,pods (pkg/cmd/get/get.go Run)', () => {
  it('prints kind.group/name, one table per type with its own columns, a blank line between tables', () => {
    expect(getWorkloadsText(objects, ['deployments', 'replicasets', 'pods'], now)).toEqual({
      stdout: [
        'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE',
        'deployment.apps/web   2/3     3            2           75s',
        '',
        'NAME                            DESIRED   CURRENT   READY   AGE',
        'replicaset.apps/web-7d4b9c6f5   3         3         2       75s',
        '',
        'NAME                      READY   STATUS    RESTARTS   AGE',
        'pod/web-7d4b9c6f5-abcde   0/1     Pending   0          75s',
        'pod/web-7d4b9c6f5-fghij   0/1     Pending   0          75s',
        '',
      ].join('\n'),
      stderr: '',
    })
  })

  it('one type alone prints bare names', () => {
    expect(getWorkloadsText(objects, ['deployments'], now).stdout).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    2/3     3            2           75s\n',
    )
  })

  it('a type with no rows prints nothing, not even a blank line, and the others keep their kind', () => {
    const { stdout } = getWorkloadsText(
      { ...objects, deployments: [], replicaSets: [] },
      ['deployments', 'replicasets', 'pods'],
      now,
    )
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      'NAME                      READY   STATUS    RESTARTS   AGE',
      'pod/web-7d4b9c6f5-abcde   0/1     Pending   0          75s',
    ])
  })

  it('nothing at all: "No resources found in <namespace> namespace." on stderr', () => {
    const empty = { deployments: [], replicaSets: [], pods: [] }
    expect(
      getWorkloadsText(empty, ['deployments', 'replicasets', 'pods'], now, { namespace: 'shop' }),
    ).toEqual({
      stdout: '',
      stderr: 'No resources found in shop namespace.\n',
    })
  })
})

describe('kubectl get deploy,rs,pods during a run', () => {
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

  it('lists the Deployment and the ReplicaSet the deployment controller made for it', () => {
    const i = t.frames.length - 1
    const { stdout } = getWorkloadsAt(t.frames[i]!, t.cluster, DEFAULT_START_TIME + t.events[i]!.at)
    const lines = stdout.split('\n')
    expect(lines[0]).toMatch(/^NAME {18}READY {3}UP-TO-DATE {3}AVAILABLE {3}AGE$/)
    expect(lines[1]).toMatch(/^deployment\.apps\/web {3}\d\/3 /)
    expect(stdout).toMatch(/\nreplicaset\.apps\/web-[a-z0-9]+ {3}3 {9}\d/)
  })

  it('before Enter only the cluster file’s pods exist, still printed as pod/<name>', () => {
    const { stdout } = getWorkloadsAt(t.initial, t.cluster, DEFAULT_START_TIME)
    expect(stdout.startsWith('NAME ')).toBe(true)
    expect(stdout).not.toContain('deployment.apps/')
    for (const line of stdout.trim().split('\n').slice(1)) expect(line).toMatch(/^pod\//)
  })
})
