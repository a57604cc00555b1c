/**
 * One sync of a Deployment by the deployment controller: find its new ReplicaSet (or plan to create
 * it), scale the sets toward the strategy's next step, and write the status.
 * Upstream: pkg/controller/deployment/deployment_controller.go (syncDeployment),
 * rolling.go (rolloutRolling), recreate.go (rolloutRecreate), sync.go (sync, isScalingEvent, scale,
 * scaleReplicaSet, getNewReplicaSet), progress.go (syncRolloutStatus).
 * Not modelled: adopting orphan ReplicaSets that match the selector (ClaimReplicaSets), rollbacks,
 * proportional scaling of several active sets during a rollout, cleanupDeployment's deletion of old
 * sets beyond revisionHistoryLimit.
 */
import type { Deployment, ReplicaSet } from '../apps-types'
import { DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, REVISION_ANNOTATION } from '../apps-types'
import type { Json } from '../../model/objects'
import type { PlannedCall, SyncPlan } from '../plan'
import { MESSAGE, newCondition, REASON, setCondition } from './conditions'
import { findNewReplicaSet, maxRevision, newReplicaSet } from './new-replica-set'
import { activeSets } from './replica-counts'
import {
  maxReplicasAnnotation,
  newRSNewReplicas,
  reconcileNewReplicaSet,
  reconcileOldReplicaSets,
} from './rolling'
import { hasProgressDeadline, rolloutStatus, stuckRequeueAfter } from './status'

export interface DeploymentView {
  readonly deployment: Deployment
  /** The ReplicaSets the Deployment controls (ownerReferences), as the informer holds them. */
  readonly replicaSets: readonly ReplicaSet[]
  readonly now: string
  readonly nowMs: number
}

const rsPath = (ns: string, name?: string) =>
  `/apis/apps/v1/namespaces/${ns}/replicasets${name ? `/${name}` : ''}`
const statusPath = (d: Deployment) =>
  `/apis/apps/v1/namespaces/${d.metadata.namespace ?? 'default'}/deployments/${d.metadata.name ?? ''}/status`

function ref(d: Deployment) {
  return {
    kind: 'Deployment' as const,
    namespace: d.metadata.namespace ?? 'default',
    name: d.metadata.name ?? '',
  }
}

/** scaleReplicaSet: the PUT that sets a set's replicas (and its replica annotations), and its event. */
function scaleCall(d: Deployment, rs: ReplicaSet, to: number): PlannedCall | null {
  const from = rs.spec.replicas ?? 1
  const desired = String(d.spec.replicas ?? 1)
  const max = String(maxReplicasAnnotation(d))
  const a = rs.metadata.annotations ?? {}
  const annotationsChange = a[DESIRED_REPLICAS_ANNOTATION] !== desired || a[MAX_REPLICAS_ANNOTATION] !== max
  if (from === to && !annotationsChange) return null
  const body: ReplicaSet = {
    ...rs,
    metadata: {
      ...rs.metadata,
      annotations: { ...a, [DESIRED_REPLICAS_ANNOTATION]: desired, [MAX_REPLICAS_ANNOTATION]: max },
    },
    spec: { ...rs.spec, replicas: to },
  }
  const name = rs.metadata.name ?? ''
  const up = to > from
  return {
    method: 'PUT',
    path: rsPath(rs.metadata.namespace ?? 'default', name),
    body: body as unknown as Json,
    why: from === to ? `update ${name}'s replica annotations` : `scale ${name} from ${from} to ${to}`,
    ...(from !== to
      ? {
          onSuccess: {
            type: 'event' as const,
            about: ref(d),
            eventType: 'Normal' as const,
            reason: 'ScalingReplicaSet',
            message: `Scaled ${up ? 'up' : 'down'} replica set ${name} from ${from} to ${to}`,
          },
        }
      : {}),
  }
}

function statusCall(
  d: Deployment,
  status: NonNullable<Deployment['status']>,
  annotations?: Record<string, string>,
): PlannedCall {
  return {
    method: 'PUT',
    path: statusPath(d),
    body: {
      ...d,
      metadata: { ...d.metadata, ...(annotations ? { annotations } : {}) },
      status,
    } as unknown as Json,
    why: `update the status of deployment ${d.metadata.name ?? ''}`,
  }
}

export function planDeploymentSync(view: DeploymentView): SyncPlan {
  const d = view.deployment
  const key = `${d.metadata.namespace ?? 'default'}/${d.metadata.name ?? ''}`
  const desired = d.spec.replicas ?? 1
  const sets = view.replicaSets
  const existing = findNewReplicaSet(d, sets)
  const old = sets.filter((rs) => rs !== existing)
  const batches: PlannedCall[][] = []
  const decisions: string[] = []
  let newRS = existing
  let all: ReplicaSet[] = [...old, ...(existing ? [existing] : [])]
  let statusBase: Deployment = d
  if (!existing) {
    // getNewReplicaSet(createIfNotExisted): the set for the current template, at NewRSNewReplicas.
    const revision = maxRevision(old) + 1
    const draft = newReplicaSet(d, 0, revision)
    const replicas = newRSNewReplicas(d, [...old, draft], draft)
    const created = newReplicaSet(d, replicas, revision)
    const name = created.metadata.name ?? ''
    decisions.push(
      `No ReplicaSet has the Deployment's pod template: create ${name} (pod-template-hash ${name.slice((d.metadata.name ?? '').length + 1)}, revision ${revision}) with ${replicas} of ${desired} replicas.`,
    )
    batches.push([
      {
        method: 'POST',
        path: rsPath(d.metadata.namespace ?? 'default'),
        body: created as unknown as Json,
        why: `create replica set ${name}`,
        ...(replicas > 0
          ? {
              onSuccess: {
                type: 'event' as const,
                about: ref(d),
                eventType: 'Normal' as const,
                reason: 'ScalingReplicaSet',
                message: `Scaled up replica set ${name} to ${replicas}`,
              },
            }
          : {}),
      },
    ])
    // The revision annotation and the Progressing condition go out at once, in their own status update.
    const annotations = { ...(d.metadata.annotations ?? {}), [REVISION_ANNOTATION]: String(revision) }
    let status = d.status ?? {}
    if (hasProgressDeadline(d))
      status = setCondition(
        status,
        newCondition('Progressing', 'True', REASON.NewReplicaSetCreated, MESSAGE.created(name), view.now),
      )
    batches.push([statusCall(d, status, annotations)])
    // The controller goes on with its own copy: annotations and conditions set, resourceVersion not updated.
    statusBase = { ...d, metadata: { ...d.metadata, annotations }, status }
    newRS = { ...created, status: { replicas: 0 } }
    all = [...old, newRS]
  }
  const rs = newRS!
  const recreate = d.spec.strategy?.type === 'Recreate'
  let scaled = false
  if (recreate) {
    // rolloutRecreate: every old pod goes first; the new set is scaled up once none is left running.
    const active = activeSets(old)
    for (const o of active) {
      const c = scaleCall(statusBase, o, 0)
      if (c) batches.push([c])
    }
    if (active.length > 0) {
      decisions.push(`Recreate: scale the old sets to 0 before the new one grows.`)
      scaled = true
    } else if ((rs.spec.replicas ?? 1) !== desired) {
      const c = scaleCall(statusBase, rs, desired)
      if (c) {
        batches.push([c])
        decisions.push(`Recreate: no old pod left; scale ${rs.metadata.name ?? ''} to ${desired}.`)
        scaled = true
      }
    }
  } else {
    const up = reconcileNewReplicaSet(statusBase, all, rs)
    if (up && existing) {
      const c = scaleCall(statusBase, rs, up.to)
      if (c) batches.push([c])
      decisions.push(
        `The new set ${up.name} has ${up.from} of ${desired}; maxSurge allows ${maxReplicasAnnotation(statusBase)} pods in all: scale it to ${up.to}.`,
      )
      scaled = true
    } else {
      const down = reconcileOldReplicaSets(statusBase, all, activeSets(old), rs)
      for (const s of down) {
        const target = all.find((x) => x.metadata.name === s.name)
        const c = target
          ? scaleCall(statusBase, { ...target, spec: { ...target.spec, replicas: s.from } }, s.to)
          : null
        if (c) batches.push([c])
      }
      if (down.length > 0) {
        decisions.push(
          `Enough pods are available (at least replicas − maxUnavailable): scale down ${down.map((s) => `${s.name} to ${s.to}`).join(', ')}.`,
        )
        scaled = true
      }
    }
  }
  const status = rolloutStatus(statusBase, all, rs, view.now, view.nowMs)
  if (status) batches.push([statusCall(d, status)])
  if (decisions.length === 0)
    decisions.push(
      `${rs.metadata.name ?? ''} is asked for ${rs.spec.replicas ?? 1} of ${desired} replicas; nothing to scale${status ? ', only the status to update' : ''}.`,
    )
  const requeue = !status && !scaled ? stuckRequeueAfter(d, d.status ?? {}, view.nowMs) : null
  return {
    controller: 'deployment',
    key,
    batches,
    decision: decisions.join(' '),
    ...(requeue !== null ? { requeueAfter: requeue } : {}),
  }
}
