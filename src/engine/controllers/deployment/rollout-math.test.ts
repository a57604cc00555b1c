/**
 * The rolling-update arithmetic, against the cases of kubernetes
 * pkg/controller/deployment/util/deployment_util_test.go (TestResolveFenceposts, TestNewRSNewReplicas,
 * TestMaxUnavailable) and pkg/controller/deployment/rolling_test.go
 * (TestDeploymentController_reconcileNewReplicaSet, _reconcileOldReplicaSets).
 */
import { describe, expect, it } from 'vitest'
import type { Deployment, ReplicaSet } from '../apps-types'
import { maxSurgeOf, maxUnavailableOf, resolveFenceposts, scaledValue } from './fenceposts'
import { newRSNewReplicas, reconcileNewReplicaSet, reconcileOldReplicaSets } from './rolling'

function deployment(
  replicas: number,
  maxSurge: number | string,
  maxUnavailable: number | string,
  type: 'RollingUpdate' | 'Recreate' = 'RollingUpdate',
): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', generation: 1 },
    spec: {
      replicas,
      template: { spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      strategy: type === 'Recreate' ? { type } : { type, rollingUpdate: { maxSurge, maxUnavailable } },
    },
  }
}

function rs(
  name: string,
  replicas: number,
  available = replicas,
  created = '2025-09-01T09:00:00Z',
): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', creationTimestamp: created },
    spec: { replicas, template: { spec: { containers: [] } } },
    status: { replicas, availableReplicas: available, readyReplicas: available },
  }
}

describe('ResolveFenceposts (deployment_util.go)', () => {
  it.each([
    ['0%', '0%', 0, 0, 1],
    ['39%', '39%', 10, 4, 3],
    ['25%', '25%', 3, 1, 0],
    ['25%', '25%', 4, 1, 1],
    ['25%', '25%', 10, 3, 2],
    [0, 0, 5, 0, 1],
    [2, '50%', 3, 2, 1],
  ] as const)('surge %s, unavailable %s of %i → %i, %i', (s, u, desired, surge, unavailable) => {
    expect(resolveFenceposts(s, u, desired)).toEqual({ surge, unavailable })
  })

  it('refuses a string that is not a percentage with intstr’s text', () => {
    expect(() => scaledValue('5', 10, true)).toThrow(
      'invalid value for IntOrString: invalid type: string is not a percentage',
    )
    expect(() => scaledValue('oops%', 10, true)).toThrow('invalid value "oops%"')
  })

  it('MaxUnavailable is 0 for Recreate and never more than the replicas', () => {
    expect(maxUnavailableOf(deployment(3, 1, 1, 'Recreate'))).toBe(0)
    expect(maxSurgeOf(deployment(3, 1, 1, 'Recreate'))).toBe(0)
    expect(maxUnavailableOf(deployment(2, 0, 5))).toBe(2)
    expect(maxUnavailableOf(deployment(0, 0, 5))).toBe(0)
  })
})

describe('NewRSNewReplicas (deployment_util.go)', () => {
  it('a first rollout of 3 replicas with the default 25% surge creates all 3 at once', () => {
    const d = deployment(3, '25%', '25%')
    const n = rs('web-1', 0)
    expect(newRSNewReplicas(d, [n], n)).toBe(3)
  })

  it('cannot scale up past replicas + maxSurge while old pods remain', () => {
    const d = deployment(3, '25%', '25%')
    const n = rs('web-2', 0)
    expect(newRSNewReplicas(d, [rs('web-1', 3), n], n)).toBe(1)
    const grown = rs('web-2', 1, 0)
    expect(newRSNewReplicas(d, [rs('web-1', 3), grown], grown)).toBe(1)
  })

  it('scales up to the desired count when there is room (TestNewRSNewReplicas "scale up - to depReplicas")', () => {
    const d = deployment(6, 10, 0)
    const n = rs('web-2', 2)
    expect(newRSNewReplicas(d, [rs('web-1', 0), n], n)).toBe(6)
  })

  it('Recreate goes straight to the desired count', () => {
    const d = deployment(3, 0, 0, 'Recreate')
    const n = rs('web-2', 1)
    expect(newRSNewReplicas(d, [n], n)).toBe(3)
  })
})

describe('reconcileNewReplicaSet and reconcileOldReplicaSets (rolling.go)', () => {
  it('scales a new set that is over the desired count straight down', () => {
    const d = deployment(2, 1, 0)
    const n = rs('web-2', 4)
    expect(reconcileNewReplicaSet(d, [n], n)).toEqual({ name: 'web-2', from: 4, to: 2 })
  })

  it('does nothing when the new set already has the desired count', () => {
    const d = deployment(3, 1, 0)
    const n = rs('web-2', 3)
    expect(reconcileNewReplicaSet(d, [n], n)).toBeNull()
  })

  it('keeps replicas − maxUnavailable available: with 0 unavailable allowed an old pod goes only once a new one is available', () => {
    const d = deployment(3, 1, 0)
    const old = rs('web-1', 3, 3, '2025-09-01T08:00:00Z')
    const fresh = rs('web-2', 1, 0)
    expect(reconcileOldReplicaSets(d, [old, fresh], [old], fresh)).toEqual([])
    const ready = rs('web-2', 1, 1)
    expect(reconcileOldReplicaSets(d, [old, ready], [old], ready)).toEqual([
      { name: 'web-1', from: 3, to: 2 },
    ])
  })

  it('cleans up unhealthy old replicas first, oldest set first, then scales down available ones', () => {
    const d = deployment(4, 0, 2)
    const oldest = rs('web-1', 2, 1, '2025-09-01T07:00:00Z')
    const old = rs('web-2', 2, 2, '2025-09-01T08:00:00Z')
    const fresh = rs('web-3', 0, 0)
    // all 4, minAvailable 2, new unavailable 0 → may scale down 2: the unhealthy pod of web-1 first,
    // then available pods down to minAvailable (3 available − 2 = 1 more), again from the oldest set.
    expect(reconcileOldReplicaSets(d, [oldest, old, fresh], [oldest, old], fresh)).toEqual([
      { name: 'web-1', from: 2, to: 1 },
      { name: 'web-1', from: 1, to: 0 },
    ])
  })
})
