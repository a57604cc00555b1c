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
import type { HttpRequest, HttpResponse } from '../protocol/http'
import type { KubeEvent } from '../protocol/events'
import type { Json } from '../model/objects'
import { StepWriter, type Step } from '../protocol/step'
import { timestamp } from '../protocol/context'
import type { ControllerManagerState, RunningSync } from './state'
import type { ControllerName, Effect, PlannedCall, SyncPlan } from './plan'
import { CONTROLLER_SOURCE } from './plan'
import { EMPTY_QUEUE, enqueue, finish, forget, rateLimited, take } from './work-queue'
import { controllerHeaders } from './credentials'
import {
  controllerOf,
  getDeployment,
  getPod,
  getReplicaSet,
  podsControlledBy,
  replicaSetsOf,
} from './informers'
import { planDeploymentSync } from './deployment/sync-deployment'
import { ownedActivePods, planReplicaSetSync } from './replicaset/sync-replica-set'

type CmMessage = Extract<Message, { to: 'kube-controller-manager' }>

/** From a key entering the queue to a worker starting on it, in virtual ms. */
const PICKUP_MS = 0.5
/** To the apiserver over the loopback or the cluster network, in virtual ms. */
const REQUEST_MS = 1
/** The rate limiter's first delay (workqueue DefaultControllerRateLimiter: 5 ms). */
const RATE_LIMITER_BASE_MS = 5

const EMPTY: ControllerManagerState = {
  queues: { deployment: EMPTY_QUEUE, replicaset: EMPTY_QUEUE },
  syncs: {},
  expectations: {},
  requests: {},
  decisions: {},
}

function stateOf(world: World): ControllerManagerState {
  return world.controllerManager ?? EMPTY
}

function put(w: StepWriter, state: ControllerManagerState): void {
  w.update({ ...w.world, controllerManager: state })
}

export function controllerManagerStep(world: World, msg: CmMessage, ctx: SimContext): Step {
  // The controllers' own messages are about no pod; a pod they create gets its record when stored.
  const w = new StepWriter(world, {})
  if (msg.type === 'watch') onWatch(w, ctx, msg)
  else if (msg.type === 'sync') startSync(w, ctx, msg.controller, msg.key)
  else if (msg.type === 'requeue') queueKey(w, msg.controller, msg.key)
  else onResponse(w, ctx, msg.request, msg.response)
  return w.done()
}

function queueKey(w: StepWriter, controller: ControllerName, key: string): void {
  const delay = PICKUP_MS
  const s = stateOf(w.world)
  const { queue, start } = enqueue(s.queues[controller], key)
  put(w, { ...s, queues: { ...s.queues, [controller]: queue } })
  if (start) w.send(delay, { to: 'kube-controller-manager', type: 'sync', controller, key })
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
    const owner = rs ? controllerOf(rs) : undefined
    if (owner?.kind === 'Deployment') {
      queueKey(w, 'deployment', `${msg.namespace}/${owner.name}`)
      watchers.push(`deployment controller (owner ${owner.name})`)
    }
  } else if (msg.kind === 'Pod') {
    const pod = getPod(ctx, w.world, msg.namespace, msg.name)
    const owner = msg.controller ?? (pod ? controllerOf(pod) : undefined)
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
  const owner = controllerOf(rs)
  const siblings =
    owner?.kind === 'Deployment'
      ? (ctx.cluster.objects['ReplicaSet'] ?? []).filter((o) => controllerOf(o)?.uid === owner.uid)
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

function sendBatch(w: StepWriter, ctx: SimContext, syncId: string, sync: RunningSync): void {
  const calls = sync.plan.batches[sync.batch] ?? []
  let s = stateOf(w.world)
  const requests: Record<number, string> = { ...s.requests }
  for (const call of calls) {
    const req = buildRequest(w, ctx, sync.plan.controller, call)
    requests[req.id] = syncId
    w.emit({
      kind: 'http.request',
      component: 'kube-controller-manager',
      from: 'kube-controller-manager',
      to: 'kube-apiserver',
      stage: 'controllers',
      summary: `${req.method} ${req.path}`,
      narration: `The ${sync.plan.controller} controller asks the apiserver to ${call.why}. Controllers never write to etcd or to other components: everything goes through the API.`,
      payload: req,
    })
    w.send(REQUEST_MS, { to: 'kube-apiserver', type: 'request', request: req })
  }
  s = stateOf(w.world)
  put(w, { ...s, requests, syncs: { ...s.syncs, [syncId]: { ...sync, pending: calls.length } } })
}

/** The planned call as an HTTP request; its effect rides in the sync, looked up by request id. */
function buildRequest(
  w: StepWriter,
  ctx: SimContext,
  controller: ControllerName,
  call: PlannedCall,
): HttpRequest {
  const req: HttpRequest = {
    id: w.world.nextRequestId,
    from: 'kube-controller-manager',
    method: call.method,
    path: call.path,
    query: {},
    headers: controllerHeaders(controller, Math.floor((ctx.startTime + ctx.at) / 1000)),
    body: call.body,
  }
  w.update({ ...w.world, nextRequestId: req.id + 1 })
  return req
}

function onResponse(w: StepWriter, ctx: SimContext, request: HttpRequest, response: HttpResponse): void {
  const s = stateOf(w.world)
  const syncId = s.requests[request.id]
  if (syncId === undefined) return
  const sync = s.syncs[syncId]
  if (!sync) return
  const { [request.id]: _answered, ...requests } = s.requests
  put(w, { ...s, requests })
  const call = findCall(sync, request)
  const ok = response.code >= 200 && response.code < 300
  const error = ok ? undefined : messageOf(response.body)
  if (call?.onSuccess) applyEffect(w, ctx, call.onSuccess, ok, response.body, error)
  const pending = sync.pending - 1
  const next: RunningSync = { ...sync, pending, ...(error && !sync.error ? { error } : {}) }
  const [controller, ...rest] = syncId.split('/')
  const key = rest.join('/')
  if (pending > 0) {
    const s2 = stateOf(w.world)
    put(w, { ...s2, syncs: { ...s2.syncs, [syncId]: next } })
    return
  }
  if (next.error && next.plan.onFailure && !next.finishing)
    return sendFailureStatus(w, ctx, syncId, next, next.error)
  if (next.error) return failed(w, controller as ControllerName, key, next)
  if (next.finishing)
    return failed(w, controller as ControllerName, key, { ...next, error: 'ReplicaFailure written' })
  if (next.batch + 1 < next.plan.batches.length)
    return sendBatch(w, ctx, syncId, { ...next, batch: next.batch + 1 })
  done(w, controller as ControllerName, key, next.plan)
}

/**
 * manageReplicas failed: the replicaset controller still updates the set's status, now with
 * ReplicaFailure True (FailedCreate or FailedDelete) and the error, then returns the error so the key
 * is retried (replica_set.go syncReplicaSet, replica_set_utils.go calculateStatus).
 */
function sendFailureStatus(
  w: StepWriter,
  ctx: SimContext,
  syncId: string,
  sync: RunningSync,
  error: string,
): void {
  const f = sync.plan.onFailure!
  const body = f.body as { status?: { conditions?: readonly Json[] } }
  const condition = {
    type: 'ReplicaFailure',
    status: 'True',
    lastTransitionTime: timestamp(ctx),
    reason: f.reason,
    message: error,
  }
  const call: PlannedCall = {
    method: 'PUT',
    path: f.path,
    body: {
      ...body,
      status: { ...body.status, conditions: [...(body.status?.conditions ?? []), condition] },
    } as unknown as Json,
    why: `record ${f.reason} in the status of the replica set (ReplicaFailure)`,
  }
  const req = buildRequest(w, ctx, sync.plan.controller, call)
  w.emit({
    kind: 'http.request',
    component: 'kube-controller-manager',
    from: 'kube-controller-manager',
    to: 'kube-apiserver',
    stage: 'controllers',
    summary: `${req.method} ${req.path}`,
    narration: `The create was refused, so the replicaset controller records it in the ReplicaSet's status: a ReplicaFailure condition (${f.reason}) with the apiserver's message, which the deployment controller copies to the Deployment.`,
    payload: req,
  })
  w.send(REQUEST_MS, { to: 'kube-apiserver', type: 'request', request: req })
  const s = stateOf(w.world)
  put(w, {
    ...s,
    requests: { ...s.requests, [req.id]: syncId },
    syncs: { ...s.syncs, [syncId]: { ...sync, pending: 1, finishing: true } },
  })
}

function findCall(sync: RunningSync, request: HttpRequest): PlannedCall | undefined {
  return (sync.plan.batches[sync.batch] ?? []).find(
    (c) => c.method === request.method && c.path === request.path,
  )
}

function messageOf(body: Json): string {
  const message = (body as { message?: unknown } | null)?.message
  return typeof message === 'string' ? message : 'unknown error'
}

function recordEvent(
  w: StepWriter,
  controller: ControllerName,
  about: { kind: string; name: string },
  type: KubeEvent['type'],
  reason: string,
  message: string,
): void {
  const event: KubeEvent = {
    type,
    reason,
    message,
    source: CONTROLLER_SOURCE[controller],
    object: `${about.kind}/${about.name}`,
  }
  w.emit(
    {
      kind: 'k8s.event',
      component: 'kube-controller-manager',
      from: 'kube-controller-manager',
      to: 'kube-apiserver',
      stage: 'controllers',
      summary: `${type} ${reason}: ${message}`,
      narration: `The ${controller} controller records an Event on ${about.kind} ${about.name}: ${message}.`,
      payload: event,
    },
    { ...w.world, events: w.world.events.append(event) },
  )
}

function applyEffect(
  w: StepWriter,
  ctx: SimContext,
  effect: Effect,
  ok: boolean,
  body: Json,
  error: string | undefined,
): void {
  void ctx
  if (effect.type === 'event') {
    if (ok)
      recordEvent(
        w,
        effect.about.kind === 'Deployment' ? 'deployment' : 'replicaset',
        effect.about,
        effect.eventType,
        effect.reason,
        effect.message,
      )
    return
  }
  const rsKey = `${effect.replicaSet.namespace}/${effect.replicaSet.name}`
  if (effect.type === 'pod-created') {
    if (ok) {
      const name = ((body as { metadata?: { name?: string } }).metadata?.name ?? '') as string
      recordEvent(w, 'replicaset', effect.replicaSet, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`)
    } else {
      recordEvent(
        w,
        'replicaset',
        effect.replicaSet,
        'Warning',
        'FailedCreate',
        `Error creating: ${error ?? ''}`,
      )
      observe(w, rsKey, (e) => ({ ...e, add: Math.max(0, e.add - 1) }))
    }
    return
  }
  if (ok)
    recordEvent(
      w,
      'replicaset',
      effect.replicaSet,
      'Normal',
      'SuccessfulDelete',
      `Deleted pod: ${effect.pod}`,
    )
  else {
    recordEvent(
      w,
      'replicaset',
      effect.replicaSet,
      'Warning',
      'FailedDelete',
      `Error deleting: ${error ?? ''}`,
    )
    observe(w, rsKey, (e) => ({
      ...e,
      del: e.del.filter((k) => k !== `${effect.replicaSet.namespace}/${effect.pod}`),
    }))
  }
}

function observe(
  w: StepWriter,
  rsKey: string,
  f: (e: { add: number; del: readonly string[] }) => { add: number; del: readonly string[] },
): void {
  const s = stateOf(w.world)
  const e = s.expectations[rsKey]
  if (e) put(w, { ...s, expectations: { ...s.expectations, [rsKey]: f(e) } })
}

/** handleErr: the key comes back after the rate limiter's delay. */
function failed(w: StepWriter, controller: ControllerName, key: string, sync: RunningSync): void {
  const s = stateOf(w.world)
  // Creations never sent after a failed batch will never be observed (slowStartBatch's skipped pods).
  let expectations = s.expectations
  if (controller === 'replicaset') {
    const unsent = sync.plan.batches
      .slice(sync.batch + 1)
      .reduce((n, b) => n + b.filter((c) => c.method === 'POST').length, 0)
    const e = expectations[key]
    if (e && unsent > 0) expectations = { ...expectations, [key]: { ...e, add: Math.max(0, e.add - unsent) } }
  }
  const { [`${controller}/${key}`]: _gone, ...syncs } = s.syncs
  const limited = rateLimited(s.queues[controller], key)
  const fin = finish(limited.queue, key)
  put(w, { ...s, syncs, expectations, queues: { ...s.queues, [controller]: fin.queue } })
  // Done: a key that changed meanwhile is taken again at once; AddRateLimited brings it back after the back-off anyway.
  if (fin.again) w.send(PICKUP_MS, { to: 'kube-controller-manager', type: 'sync', controller, key })
  w.send(limited.delay, { to: 'kube-controller-manager', type: 'requeue', controller, key })
}

function done(w: StepWriter, controller: ControllerName, key: string, plan: SyncPlan | null): void {
  const s = stateOf(w.world)
  const { [`${controller}/${key}`]: _gone, ...syncs } = s.syncs
  const fin = finish(forget(s.queues[controller], key), key)
  put(w, { ...s, syncs, queues: { ...s.queues, [controller]: fin.queue } })
  if (fin.again) w.send(PICKUP_MS, { to: 'kube-controller-manager', type: 'sync', controller, key })
  // A requeue "now" goes through the rate limiter (enqueueRateLimited); the sync's success then
  // Forgets the key, so it is 5 ms every time (deployment_controller.go processNextWorkItem, handleErr).
  if (plan?.requeueAfter !== undefined)
    w.send(plan.requeueAfter === 0 ? RATE_LIMITER_BASE_MS : plan.requeueAfter, {
      to: 'kube-controller-manager',
      type: 'requeue',
      controller,
      key,
    })
}
