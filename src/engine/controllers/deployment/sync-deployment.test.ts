/**
 * One deployment-controller sync, against kubernetes pkg/controller/deployment/sync_test.go,
 * rolling_test.go and progress_test.go: what it creates, scales and writes, with upstream's texts.
 */
import { describe, expect, it } from 'vitest'
import type { Deployment, ReplicaSet } from '../apps-types'
import { applyDeploymentDefaults } from '../../apiserver/apps/deployment-defaults'
import { planDeploymentSync } from './sync-deployment'
import { podTemplateHash } from './new-replica-set'

const NOW = '2025-09-01T09:00:10Z'
const NOW_MS = Date.parse(NOW)

function deployment(
  replicas: number,
  image = 'nginx:1.27',
  extra: Partial<Deployment['spec']> = {},
): Deployment {
  return applyDeploymentDefaults({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'd-uid', generation: 1, resourceVersion: '10' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] } },
      ...extra,
    },
  })
}

function replicaSetOf(
  d: Deployment,
  replicas: number,
  status: { ready?: number; available?: number } = {},
): ReplicaSet {
  const plan = planDeploymentSync({ deployment: d, replicaSets: [], now: NOW, nowMs: NOW_MS })
  const created = plan.batches[0]![0]!.body as unknown as ReplicaSet
  return {
    ...created,
    metadata: {
      ...created.metadata,
      uid: `rs-${created.metadata.name}`,
      creationTimestamp: '2025-09-01T08:00:00Z',
    },
    spec: { ...created.spec, replicas },
    status: {
      replicas,
      readyReplicas: status.ready ?? replicas,
      availableReplicas: status.available ?? replicas,
    },
  }
}

describe('a new Deployment', () => {
  const d = deployment(3)
  const plan = planDeploymentSync({ deployment: d, replicaSets: [], now: NOW, nowMs: NOW_MS })
  const rs = plan.batches[0]![0]!

  it('creates "<name>-<pod-template-hash>" with the hash in its labels, selector and template, owned by the Deployment', () => {
    const hash = podTemplateHash(d)
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/)
    expect(rs.method).toBe('POST')
    expect(rs.path).toBe('/apis/apps/v1/namespaces/default/replicasets')
    const body = rs.body as unknown as ReplicaSet
    expect(body.metadata.name).toBe(`web-${hash}`)
    expect(body.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash })
    expect(body.spec.selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } })
    expect(body.spec.template.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash })
    expect(body.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
        uid: 'd-uid',
        controller: true,
        blockOwnerDeletion: true,
      },
    ])
  })

  it('asks for all 3 replicas at once (maxSurge 25% rounds up to 1, nothing old to keep) and annotates revision 1', () => {
    const body = rs.body as unknown as ReplicaSet
    expect(body.spec.replicas).toBe(3)
    expect(body.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
    })
    expect(rs.onSuccess).toEqual({
      type: 'event',
      about: { kind: 'Deployment', namespace: 'default', name: 'web' },
      eventType: 'Normal',
      reason: 'ScalingReplicaSet',
      message: `Scaled up replica set ${body.metadata.name} to 3`,
    })
  })

  it('then writes the revision and Progressing NewReplicaSetCreated, then the computed status from the same stale copy', () => {
    const name = (rs.body as unknown as ReplicaSet).metadata.name
    const first = plan.batches[1]![0]!
    expect(first.method).toBe('PUT')
    expect(first.path).toBe('/apis/apps/v1/namespaces/default/deployments/web/status')
    const firstBody = first.body as unknown as Deployment
    expect(firstBody.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1')
    expect(firstBody.status?.conditions).toEqual([
      {
        type: 'Progressing',
        status: 'True',
        lastUpdateTime: NOW,
        lastTransitionTime: NOW,
        reason: 'NewReplicaSetCreated',
        message: `Created new replica set "${name}"`,
      },
    ])
    // The second status write carries the resourceVersion the sync started with (upstream discards the
    // first update's answer), which is why a real controller's log shows a Conflict right after a create.
    const second = plan.batches[2]![0]!.body as unknown as Deployment
    expect(second.metadata.resourceVersion).toBe('10')
    expect(second.status).toMatchObject({
      observedGeneration: 1,
      replicas: 0,
      updatedReplicas: 0,
      availableReplicas: 0,
      unavailableReplicas: 3,
    })
    expect(second.status?.conditions?.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['Progressing', 'True', 'NewReplicaSetCreated'],
      ['Available', 'False', 'MinimumReplicasUnavailable'],
    ])
  })
})

describe('a Deployment whose ReplicaSet is up', () => {
  it('reports NewReplicaSetAvailable and MinimumReplicasAvailable once all replicas are available', () => {
    const d0 = deployment(3)
    const rs = replicaSetOf(d0, 3)
    const d: Deployment = {
      ...d0,
      status: {
        observedGeneration: 1,
        replicas: 3,
        updatedReplicas: 3,
        readyReplicas: 2,
        availableReplicas: 2,
        unavailableReplicas: 1,
        conditions: [
          {
            type: 'Available',
            status: 'True',
            lastUpdateTime: NOW,
            lastTransitionTime: NOW,
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
          },
          {
            type: 'Progressing',
            status: 'True',
            lastUpdateTime: NOW,
            lastTransitionTime: NOW,
            reason: 'ReplicaSetUpdated',
            message: `ReplicaSet "${rs.metadata.name}" is progressing.`,
          },
        ],
      },
    }
    const plan = planDeploymentSync({ deployment: d, replicaSets: [rs], now: NOW, nowMs: NOW_MS })
    expect(plan.batches).toHaveLength(1)
    const status = (plan.batches[0]![0]!.body as unknown as Deployment).status!
    expect(status).toMatchObject({
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      unavailableReplicas: 0,
    })
    expect(status.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "${rs.metadata.name}" has successfully progressed.`,
    })
  })

  it('scales the set on a change of replicas: "Scaled up replica set web-… from 3 to 5"', () => {
    const d = deployment(5)
    const rs = replicaSetOf(deployment(3), 3)
    const plan = planDeploymentSync({ deployment: d, replicaSets: [rs], now: NOW, nowMs: NOW_MS })
    const scale = plan.batches[0]![0]!
    expect(scale.method).toBe('PUT')
    expect((scale.body as unknown as ReplicaSet).spec.replicas).toBe(5)
    expect(scale.onSuccess).toMatchObject({
      reason: 'ScalingReplicaSet',
      message: `Scaled up replica set ${rs.metadata.name} from 3 to 5`,
    })
  })

  it('scales down: "Scaled down replica set web-… from 3 to 1"', () => {
    const rs = replicaSetOf(deployment(3), 3)
    const plan = planDeploymentSync({ deployment: deployment(1), replicaSets: [rs], now: NOW, nowMs: NOW_MS })
    expect(plan.batches[0]![0]!.onSuccess).toMatchObject({
      message: `Scaled down replica set ${rs.metadata.name} from 3 to 1`,
    })
  })
})

describe('a rolling update (template changed)', () => {
  it('creates the new set at 1 (3 + 25% surge = 4 pods at most) and scales nothing old while none of it is available', () => {
    const old = replicaSetOf(deployment(3), 3)
    const d = deployment(3, 'nginx:1.28')
    const plan = planDeploymentSync({ deployment: d, replicaSets: [old], now: NOW, nowMs: NOW_MS })
    const created = plan.batches[0]![0]!.body as unknown as ReplicaSet
    expect(created.metadata.name).not.toBe(old.metadata.name)
    expect(created.spec.replicas).toBe(1)
    expect(created.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2')
    expect(plan.batches.flat().filter((c) => c.method === 'PUT' && c.path.includes('/replicasets/'))).toEqual(
      [],
    )
  })

  it('once the new pod is available, scales the old set down by one (maxUnavailable 25% of 3 is 0)', () => {
    const old = {
      ...replicaSetOf(deployment(3), 3),
      metadata: { ...replicaSetOf(deployment(3), 3).metadata, creationTimestamp: '2025-09-01T07:00:00Z' },
    }
    const d = deployment(3, 'nginx:1.28')
    const fresh = replicaSetOf(d, 1)
    const plan = planDeploymentSync({ deployment: d, replicaSets: [old, fresh], now: NOW, nowMs: NOW_MS })
    const scale = plan.batches[0]![0]!
    expect(scale.onSuccess).toMatchObject({
      message: `Scaled down replica set ${old.metadata.name} from 3 to 2`,
    })
  })
})

describe('the progress deadline (progress.go, DeploymentTimedOut)', () => {
  it('a rollout without progress for progressDeadlineSeconds turns Progressing False ProgressDeadlineExceeded', () => {
    const d0 = deployment(1, 'nginx:1.27', { progressDeadlineSeconds: 60 })
    const rs = replicaSetOf(d0, 1, { ready: 0, available: 0 })
    const long = '2025-09-01T08:58:00Z'
    const d: Deployment = {
      ...d0,
      status: {
        observedGeneration: 1,
        replicas: 1,
        updatedReplicas: 1,
        readyReplicas: 0,
        availableReplicas: 0,
        unavailableReplicas: 1,
        conditions: [
          {
            type: 'Available',
            status: 'False',
            lastUpdateTime: long,
            lastTransitionTime: long,
            reason: 'MinimumReplicasUnavailable',
            message: 'Deployment does not have minimum availability.',
          },
          {
            type: 'Progressing',
            status: 'True',
            lastUpdateTime: long,
            lastTransitionTime: long,
            reason: 'ReplicaSetUpdated',
            message: `ReplicaSet "${rs.metadata.name}" is progressing.`,
          },
        ],
      },
    }
    const plan = planDeploymentSync({ deployment: d, replicaSets: [rs], now: NOW, nowMs: NOW_MS })
    const status = (plan.batches[0]![0]!.body as unknown as Deployment).status!
    expect(status.conditions?.find((c) => c.type === 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${rs.metadata.name}" has timed out progressing.`,
    })
  })
})
