/**
 * One sync of a ReplicaSet by the replicaset controller: as many pods as asked for, created in
 * slow-start batches or deleted least-useful first, then the status.
 * Upstream: pkg/controller/replicaset/replica_set.go (syncReplicaSet, manageReplicas, slowStartBatch,
 * getPodsToDelete), replica_set_utils.go (calculateStatus, updateReplicaSetStatus) and
 * pkg/controller/controller_utils.go (ControllerExpectations, FilterActivePods).
 * Not modelled: adopting orphan pods that match the selector (ClaimPods) and releasing pods that
 * no longer match it.
 */
import type { ReplicaSet } from '../apps-types'
import type { Json, Pod } from '../../model/objects'
import type { PlannedCall, SyncPlan } from '../plan'
import { BURST_REPLICAS, slowStartBatches } from './slow-start'
import { podFromTemplate } from './pod-from-template'
import { isActivePod, podsToDelete } from './pods-to-delete'
import { replicaSetStatus, statusChanged } from './replica-set-status'
import { controllerRefOf } from '../../model/owner-references'

export interface ReplicaSetView {
  readonly replicaSet: ReplicaSet
  /** The active pods the set controls (controller ownerReference), as the informer holds them. */
  readonly pods: readonly Pod[]
  /** Pods of every set of the same Deployment (getIndirectlyRelatedPods), for the deletion rank. */
  readonly relatedPods: readonly Pod[]
  /** Whether the creations and deletions the last sync asked for have all been seen (SatisfiedExpectations). */
  readonly expectationsSatisfied: boolean
  readonly nowMs: number
}

/** The pods a set controls: its controller ownerReference names the set's uid, and they are active. */
export function ownedActivePods(rs: ReplicaSet, pods: readonly Pod[]): Pod[] {
  return pods.filter((p) => controllerRefOf(p)?.uid === rs.metadata.uid && isActivePod(p))
}

export function planReplicaSetSync(view: ReplicaSetView): SyncPlan {
  const rs = view.replicaSet
  const ns = rs.metadata.namespace ?? 'default'
  const name = rs.metadata.name ?? ''
  const key = `${ns}/${name}`
  const want = rs.spec.replicas ?? 1
  const have = view.pods.length
  const batches: PlannedCall[][] = []
  const about = { kind: 'ReplicaSet' as const, namespace: ns, name }
  let decision: string
  let expectCreations: number | undefined
  let expectDeletions: string[] | undefined
  if (!view.expectationsSatisfied) {
    decision = `Asked for ${want}, sees ${have}; the pods it created or deleted last time have not all been seen yet (expectations), so it does not create or delete any now.`
  } else if (have < want) {
    const n = Math.min(want - have, BURST_REPLICAS)
    const sizes = slowStartBatches(n)
    const body = podFromTemplate(rs) as unknown as Json
    for (const size of sizes)
      batches.push(
        Array.from({ length: size }, () => ({
          method: 'POST' as const,
          path: `/api/v1/namespaces/${ns}/pods`,
          body,
          why: `create a pod of ${name} (generateName ${name}-)`,
          onSuccess: { type: 'pod-created' as const, replicaSet: about },
        })),
      )
    expectCreations = n
    decision = `Asked for ${want}, has ${have}: create ${n} pod${n === 1 ? '' : 's'} in slow-start batches of ${sizes.join(', ')} (a batch waits for the one before, so a template that cannot make pods fails after one request, not ${n}).`
  } else if (have > want) {
    const n = Math.min(have - want, BURST_REPLICAS)
    const victims = podsToDelete(view.pods, view.relatedPods, n, view.nowMs)
    batches.push(
      victims.map((p) => ({
        method: 'DELETE' as const,
        path: `/api/v1/namespaces/${ns}/pods/${p.metadata.name ?? ''}`,
        body: null,
        why: `delete pod ${p.metadata.name ?? ''}`,
        onSuccess: { type: 'pod-deleted' as const, replicaSet: about, pod: p.metadata.name ?? '' },
      })),
    )
    expectDeletions = victims.map((p) => `${ns}/${p.metadata.name ?? ''}`)
    decision = `Asked for ${want}, has ${have}: delete ${n} (${victims.map((p) => p.metadata.name ?? '').join(', ')}) — unscheduled before scheduled, pending before running, not ready before ready, doubled-up on a node before alone, then the most restarted and the newest.`
  } else {
    decision = `Asked for ${want}, has ${have}: nothing to create or delete.`
  }
  const status = replicaSetStatus(rs, view.pods, view.nowMs)
  const statusPath = `/apis/apps/v1/namespaces/${ns}/replicasets/${name}/status`
  // calculateStatus with manageReplicasErr: the condition is added once (not when one is already set).
  const hadFailure = rs.status?.conditions?.some((c) => c['type'] === 'ReplicaFailure') ?? false
  const onFailure =
    batches.length > 0 && !hadFailure
      ? {
          path: statusPath,
          body: { ...rs, status: { ...status, conditions: rs.status?.conditions ?? [] } } as unknown as Json,
          reason: (have < want ? 'FailedCreate' : 'FailedDelete') as 'FailedCreate' | 'FailedDelete',
        }
      : undefined
  if (statusChanged(rs, status))
    batches.push([
      {
        method: 'PUT',
        path: statusPath,
        body: { ...rs, status } as unknown as Json,
        why: `update the status of replica set ${name}`,
      },
    ])
  // A set whose pods are ready but not yet available for minReadySeconds is looked at again then.
  const min = rs.spec.minReadySeconds ?? 0
  const requeue =
    min > 0 && status.readyReplicas === want && status.availableReplicas !== want ? min * 1000 : undefined
  return {
    controller: 'replicaset',
    key,
    batches,
    decision,
    ...(requeue !== undefined ? { requeueAfter: requeue } : {}),
    ...(expectCreations !== undefined ? { expectCreations } : {}),
    ...(expectDeletions !== undefined ? { expectDeletions } : {}),
    ...(onFailure ? { onFailure } : {}),
  }
}
