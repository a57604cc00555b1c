/**
 * The replicaset controller's pure parts, against kubernetes pkg/controller/replicaset/replica_set_test.go
 * (TestSlowStartBatch, TestGetPodsToDelete), pkg/controller/controller_utils_test.go
 * (TestSortingActivePodsWithRanks, TestGetPodFromTemplate) and replica_set_utils_test.go (TestCalculateStatus).
 */
import { describe, expect, it } from 'vitest'
import type { Pod } from '../../model/objects'
import type { ReplicaSet } from '../apps-types'
import { attemptedCreations, slowStartBatches } from './slow-start'
import { podFromTemplate, podsPrefix } from './pod-from-template'
import { podsToDelete } from './pods-to-delete'
import { replicaSetStatus, statusChanged } from './replica-set-status'

const NOW = Date.parse('2025-09-01T10:00:00Z')

function pod(
  name: string,
  opts: {
    node?: string
    phase?: string
    ready?: string
    restarts?: number
    created?: string
    uid?: string
    labels?: Record<string, string>
  } = {},
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      uid: opts.uid ?? name,
      creationTimestamp: opts.created ?? '2025-09-01T09:00:00Z',
      labels: opts.labels ?? { app: 'web' },
    },
    spec: { containers: [{ name: 'c' }], ...(opts.node ? { nodeName: opts.node } : {}) },
    status: {
      phase: opts.phase ?? 'Running',
      conditions: opts.ready
        ? [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: opts.ready }]
        : [
            {
              type: 'Ready',
              status: 'False',
              lastProbeTime: null,
              lastTransitionTime: '2025-09-01T09:00:00Z',
            },
          ],
      containerStatuses: [
        {
          name: 'c',
          image: 'i',
          imageID: '',
          ready: !!opts.ready,
          started: true,
          restartCount: opts.restarts ?? 0,
          state: {},
          lastState: {},
        },
      ],
    },
  }
}

const set: ReplicaSet = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web-7d4b9c6f5', namespace: 'default', uid: 'rs-uid', generation: 1 },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c6f5' } },
    template: {
      metadata: { labels: { app: 'web', 'pod-template-hash': '7d4b9c6f5' }, annotations: { a: 'b' } },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    },
  },
}

describe('slowStartBatch', () => {
  it('doubles from 1: 3 pods in batches of 1 and 2; 10 in 1, 2, 4, 3', () => {
    expect(slowStartBatches(3)).toEqual([1, 2])
    expect(slowStartBatches(10)).toEqual([1, 2, 4, 3])
    expect(slowStartBatches(0)).toEqual([])
  })

  it('stops after the batch where a call fails (TestSlowStartBatch: fails after 5 calls → 7 calls)', () => {
    expect(attemptedCreations(10, () => false)).toBe(10)
    expect(attemptedCreations(10, () => true)).toBe(1)
    expect(attemptedCreations(10, (i) => i >= 5)).toBe(7)
  })
})

describe('GetPodFromTemplate', () => {
  it('copies labels and annotations, names by generateName and points at the ReplicaSet as controller', () => {
    const p = podFromTemplate(set)
    expect(p.metadata.generateName).toBe('web-7d4b9c6f5-')
    expect(p.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': '7d4b9c6f5' })
    expect(p.metadata.annotations).toEqual({ a: 'b' })
    expect(p.metadata['ownerReferences']).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'web-7d4b9c6f5',
        uid: 'rs-uid',
        controller: true,
        blockOwnerDeletion: true,
      },
    ])
    expect(p.metadata.name).toBeUndefined()
  })

  it('uses the name without a dash when "<name>-" is not a valid prefix', () => {
    expect(podsPrefix('web')).toBe('web-')
    expect(podsPrefix('Web')).toBe('Web')
  })
})

describe('getPodsToDelete and ActivePodsWithRanks', () => {
  it('deletes unassigned before assigned, pending before running, not-ready before ready', () => {
    const unassigned = pod('a', { phase: 'Pending' })
    const pending = pod('b', { node: 'n1', phase: 'Pending' })
    const notReady = pod('c', { node: 'n1' })
    const ready = pod('d', { node: 'n1', ready: '2025-09-01T09:01:00Z' })
    const all = [ready, notReady, pending, unassigned]
    expect(podsToDelete(all, all, 3, NOW).map((p) => p.metadata.name)).toEqual(['a', 'b', 'c'])
  })

  it('deletes the pod doubled up on a node before one alone on its node', () => {
    const alone = pod('alone', { node: 'n1', ready: '2025-09-01T09:01:00Z' })
    const twinA = pod('twin-a', { node: 'n2', ready: '2025-09-01T09:01:00Z' })
    const twinB = pod('twin-b', { node: 'n2', ready: '2025-09-01T09:01:00Z' })
    const own = [alone, twinA, twinB]
    expect(podsToDelete(own, own, 1, NOW)[0]!.spec.nodeName).toBe('n2')
  })

  it('deletes more restarts first, then the newer pod when ready times tie', () => {
    const a = pod('a', { node: 'n1', ready: '2025-09-01T09:01:00Z', restarts: 0 })
    const b = pod('b', { node: 'n2', ready: '2025-09-01T09:01:00Z', restarts: 4 })
    expect(podsToDelete([a, b], [a, b], 1, NOW)[0]!.metadata.name).toBe('b')
    const old = pod('old', { node: 'n1', ready: '2025-09-01T09:01:00Z', created: '2025-08-01T09:00:00Z' })
    const young = pod('young', { node: 'n2', ready: '2025-09-01T09:01:00Z', created: '2025-09-01T09:00:00Z' })
    expect(podsToDelete([old, young], [old, young], 1, NOW)[0]!.metadata.name).toBe('young')
  })

  it('returns every pod when asked to delete as many as there are', () => {
    const all = [pod('a'), pod('b')]
    expect(podsToDelete(all, all, 5, NOW)).toHaveLength(2)
  })
})

describe('ReplicaSet calculateStatus', () => {
  it('counts replicas, fully labeled, ready and available pods', () => {
    const pods = [
      pod('a', { ready: '2025-09-01T09:01:00Z', labels: { app: 'web', 'pod-template-hash': '7d4b9c6f5' } }),
      pod('b', { labels: { app: 'web', 'pod-template-hash': '7d4b9c6f5' } }),
      pod('c', { ready: '2025-09-01T09:01:00Z', labels: { app: 'web' } }),
    ]
    const s = replicaSetStatus(set, pods, NOW)
    expect(s).toMatchObject({
      replicas: 3,
      fullyLabeledReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      observedGeneration: 1,
    })
    expect(statusChanged({ ...set, status: s }, s)).toBe(false)
    expect(statusChanged(set, s)).toBe(true)
  })

  it('a ready pod is not available until minReadySeconds have passed', () => {
    const slow = { ...set, spec: { ...set.spec, minReadySeconds: 30 } }
    const justReady = pod('a', { ready: '2025-09-01T09:59:50Z' })
    expect(replicaSetStatus(slow, [justReady], NOW).availableReplicas).toBe(0)
    expect(replicaSetStatus(slow, [justReady], NOW + 30_000).availableReplicas).toBe(1)
  })
})
