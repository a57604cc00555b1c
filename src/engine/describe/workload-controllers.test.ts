import { describe, expect, it } from 'vitest'
import type { World } from '../protocol/world'
import type { ControllerManagerState } from '../controllers/state'
import { EMPTY_QUEUE } from '../controllers/work-queue'
import { createEtcdState, etcdPut } from '../etcd/store'
import { makeDeployment } from '../testing/workloads'
import { controllerManagerView } from './workload-controllers'
import { controllerManagerDetail } from './workload-card'

const state = (o: Partial<ControllerManagerState>): ControllerManagerState => ({
  queues: { deployment: EMPTY_QUEUE, replicaset: EMPTY_QUEUE },
  syncs: {},
  expectations: {},
  requests: {},
  decisions: {},
  ...o,
})
const EMPTY_ETCD = createEtcdState(0, {})
const world = (o: Partial<World>): World => ({ etcd: EMPTY_ETCD, ...o }) as World
/** A world whose etcd holds `objects`, as the apiserver stored them. */
const storing = (objects: readonly { kind: string; metadata: { name?: string; namespace?: string } }[]) => ({
  etcd: objects.reduce(
    (etcd, o) =>
      etcdPut(
        etcd,
        `/registry/deployments/${o.metadata.namespace ?? 'default'}/${o.metadata.name}`,
        o.kind,
        o,
      ),
    EMPTY_ETCD,
  ),
})

describe("kube-controller-manager's view", () => {
  it('is null before the controller manager has any state', () => {
    expect(controllerManagerView(world({}))).toBeNull()
  })

  it('names the controller of each decision from the object kind', () => {
    const view = controllerManagerView(
      world({
        controllerManager: state({
          decisions: {
            'Deployment/default/web': 'scale web-1 up to 3',
            'ReplicaSet/default/web-1': 'create 3 pods',
          },
        }),
      }),
    )
    expect(view?.decisions).toEqual([
      {
        controller: 'deployment-controller',
        kind: 'Deployment',
        object: 'default/web',
        decision: 'scale web-1 up to 3',
      },
      {
        controller: 'replicaset-controller',
        kind: 'ReplicaSet',
        object: 'default/web-1',
        decision: 'create 3 pods',
      },
    ])
  })

  it('lists only queues that hold something, with the keys that failed', () => {
    const view = controllerManagerView(
      world({
        controllerManager: state({
          queues: {
            deployment: EMPTY_QUEUE,
            replicaset: { dirty: ['default/web-1'], processing: [], failures: { 'default/web-1': 2 } },
          },
        }),
      }),
    )
    expect(view?.queues).toEqual([
      {
        controller: 'replicaset-controller',
        waiting: ['default/web-1'],
        processing: [],
        failures: [{ key: 'default/web-1', count: 2 }],
      },
    ])
  })

  // pkg/controller/controller_utils.go ControlleeExpectations.Fulfilled: add <= 0 && del <= 0.
  it.each([
    [{ add: 2, del: [] }, false],
    [{ add: 0, del: ['default/web-1-abcde'] }, false],
    [{ add: 0, del: [] }, true],
    [{ add: -1, del: [] }, true],
  ])('expectations %j are satisfied: %s', (e, satisfied) => {
    const view = controllerManagerView(
      world({ controllerManager: state({ expectations: { 'default/web-1': e } }) }),
    )
    expect(view?.expectations[0]?.satisfied).toBe(satisfied)
  })
})

describe("kube-controller-manager's card", () => {
  it('says what it runs before any Deployment is stored', () => {
    expect(controllerManagerDetail(world({}))).toBe('watching Deployments')
  })
  it('shows the first Deployment as READY counts it, and how many more there are', () => {
    const web = makeDeployment({ replicas: 3, status: { readyReplicas: 2 } })
    const api = makeDeployment({ name: 'api', status: { readyReplicas: 1 } })
    expect(controllerManagerDetail(world(storing([web])))).toBe('deploy/web 2/3 ready')
    expect(controllerManagerDetail(world(storing([web, api])))).toBe('deploy/api 1/1 ready (+1 more)')
  })
})
