/**
 * kube-controller-manager: the deployment and replicaset controllers, each with its informers and
 * work queue. A watch event queues the objects it concerns; a worker syncs a key (plan, then the
 * plan's API calls, batch by batch); the answers record events and expectations; a failed sync comes
 * back with back-off.
 * Upstream: cmd/kube-controller-manager, pkg/controller/deployment/deployment_controller.go
 * (addDeployment, updateReplicaSet, … handlers; processNextWorkItem, handleErr) and
 * pkg/controller/replicaset/replica_set.go (addPod, updatePod, deletePod; expectations).
 */
import type { Message } from '../protocol/messages'
import type { World } from '../protocol/world'
import type { SimContext } from '../protocol/context'
import { StepWriter, type Step } from '../protocol/step'
import { timestamp } from '../protocol/context'
import type { ControllerName, SyncPlan } from './plan'
import { CONTROLLER_SOURCE } from './plan'
import { take } from './work-queue'
import { controllerRefOf } from '../model/owner-references'
import { put, queueKey, stateOf } from './cm-state'
import { done, onResponse, sendBatch } from './sync-runner'
import { getDeployment, getPod, getReplicaSet, podsControlledBy, replicaSetsOf } from './informers'
import { planDeploymentSync } from './deployment/sync-deployment'
import { ownedActivePods, planReplicaSetSync } from './replicaset/sync-replica-set'

type CmMessage = Extract<Message, { to: 'kube-controller-manager' }>

export function controllerManagerStep(world: World, msg: CmMessage, ctx: SimContext): Step {
  // The controllers' own messages are about no pod; a pod they create gets its record when stored.
  const w = new StepWriter(world, {})
  if (msg.type === 'watch') onWatch(w, ctx, msg)
  else if (msg.type === 'sync') startSync(w, ctx, msg.controller, msg.key)
  else if (msg.type === 'requeue') queueKey(w, msg.controller, msg.key)
  else onResponse(w, ctx, msg.request, msg.response)
  return w.done()
}

/** The event handlers each controller registers on its informers. */
function onWatch(w: StepWriter, ctx: SimContext, msg: Extract<CmMessage, { type: 'watch' }>): void {
  const key = `${msg.namespace}/${msg.name}`
  const watchers: string[] = []
  if (msg.kind === 'Deployment') {
    queueKey(w, 'deployment', key)
    watchers.push('deployment controller')
  } else if (msg.kind === 'ReplicaSet') {
    queueKey(w, 'replicaset', key)
    watchers.push('replicaset controller')
    const rs = getReplicaSet(ctx, msg.namespace, msg.name)
    const owner = rs ? controllerRefOf(rs) : undefined
    if (owner?.kind === 'Deployment') {
      queueKey(w, 'deployment', `${msg.namespace}/${owner.name}`)
      watchers.push(`deployment controller (owner ${owner.name})`)
    }
  } else if (msg.kind === 'Pod') {
    const pod = getPod(ctx, w.world, msg.namespace, msg.name)
    const owner = msg.controller ?? (pod ? controllerRefOf(pod) : undefined)
    if (owner?.kind !== 'ReplicaSet') return
    const rsKey = `${msg.namespace}/${owner.name}`
    const s = stateOf(w.world)
    const e = s.expectations[rsKey]
    if (e) {
      // CreationObserved / DeletionObserved: the set's next sync may act once all are seen.
      const gone = msg.event === 'DELETED' || pod?.metadata['deletionTimestamp'] !== undefined
      const next =
        msg.event === 'ADDED'
          ? { ...e, add: Math.max(0, e.add - 1) }
          : gone
            ? { ...e, del: e.del.filter((k) => k !== key) }
            : e
      if (next !== e) put(w, { ...s, expectations: { ...s.expectations, [rsKey]: next } })
    }
    queueKey(w, 'replicaset', rsKey)
    watchers.push(`replicaset controller (owner ${owner.name})`)
  }
  if (watchers.length === 0) return
  w.emit({
    kind: 'watch.event',
    component: 'kube-controller-manager',
    from: 'kube-apiserver',
    to: 'kube-controller-manager',
    stage: 'controllers',
    summary: `watch ${msg.event} ${msg.kind.toLowerCase()}s/${msg.name} → ${watchers.join(', ')}`,
    narration: `kube-controller-manager's informers keep a watch open on ${msg.kind}s; the apiserver pushes the ${msg.event} event and the ${watchers.join(' and the ')} put${watchers.length === 1 ? 's' : ''} the object's key on ${watchers.length === 1 ? 'its' : 'their'} work queue.`,
    payload: { type: msg.event, watcher: `kube-controller-manager/${watchers[0]}`, resourceVersion: '' },
  })
}

function planFor(w: StepWriter, ctx: SimContext, controller: ControllerName, key: string): SyncPlan | null {
  const [namespace = '', name = ''] = key.split('/')
  const now = timestamp(ctx)
  const nowMs = ctx.startTime + ctx.at
  if (controller === 'deployment') {
    const d = getDeployment(ctx, namespace, name)
    if (!d) return null
    return planDeploymentSync({ deployment: d, replicaSets: replicaSetsOf(ctx, d), now, nowMs })
  }
  const rs = getReplicaSet(ctx, namespace, name)
  if (!rs) return null
  const e = stateOf(w.world).expectations[key]
  const owner = controllerRefOf(rs)
  const siblings =
    owner?.kind === 'Deployment'
      ? (ctx.cluster.objects['ReplicaSet'] ?? []).filter((o) => controllerRefOf(o)?.uid === owner.uid)
      : [rs]
  const owned = (uid: string | undefined) => (uid ? podsControlledBy(ctx, w.world, uid) : [])
  const related = siblings.flatMap((o) => ownedActivePods(o as unknown as typeof rs, owned(o.metadata.uid)))
  return planReplicaSetSync({
    replicaSet: rs,
    pods: ownedActivePods(rs, owned(rs.metadata.uid)),
    relatedPods: related,
    expectationsSatisfied: !e || (e.add <= 0 && e.del.length === 0),
    nowMs,
  })
}

function startSync(w: StepWriter, ctx: SimContext, controller: ControllerName, key: string): void {
  const s = stateOf(w.world)
  const queue = take(s.queues[controller], key)
  if (!queue) return
  put(w, { ...s, queues: { ...s.queues, [controller]: queue } })
  const plan = planFor(w, ctx, controller, key)
  if (!plan) return done(w, controller, key, null)
  const kind = controller === 'deployment' ? 'Deployment' : 'ReplicaSet'
  const s2 = stateOf(w.world)
  const expectations =
    plan.expectCreations !== undefined || plan.expectDeletions !== undefined
      ? {
          ...s2.expectations,
          [key]: { add: plan.expectCreations ?? 0, del: plan.expectDeletions ?? [] },
        }
      : s2.expectations
  put(w, { ...s2, expectations, decisions: { ...s2.decisions, [`${kind}/${key}`]: plan.decision } })
  w.emit({
    kind: 'controller.sync',
    component: 'kube-controller-manager',
    stage: 'controllers',
    summary: `${CONTROLLER_SOURCE[controller]} syncs ${kind.toLowerCase()} ${key}`,
    narration: `The ${controller} controller takes ${key} off its work queue and compares what the ${kind} asks for with what exists. ${plan.decision}`,
    payload: {
      controller,
      key,
      decision: plan.decision,
      calls: plan.batches.reduce((n, b) => n + b.length, 0),
    },
  })
  if (plan.batches.length === 0) return done(w, controller, key, plan)
  sendBatch(w, ctx, `${controller}/${key}`, { plan, batch: 0, pending: 0 })
}
