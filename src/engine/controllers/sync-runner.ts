/**
 * Running a sync's plan: its calls go out batch by batch as HTTP requests, each answer records its
 * effect, an error ends the sync (after the ReplicaFailure status write, for the replicaset
 * controller) and the key is retried with back-off; a finished sync releases its key.
 * Upstream: the controllers' syncHandler and client-go workqueue Done / Forget / AddRateLimited.
 */
import type { SimContext } from '../protocol/context'
import { timestamp } from '../protocol/context'
import type { HttpRequest, HttpResponse } from '../protocol/http'
import type { Json } from '../model/objects'
import type { StepWriter } from '../protocol/step'
import type { RunningSync } from './state'
import type { ControllerName, PlannedCall, SyncPlan } from './plan'
import { finish, forget, rateLimited } from './work-queue'
import { controllerHeaders } from './credentials'
import { PICKUP_MS, RATE_LIMITER_BASE_MS, REQUEST_MS, put, stateOf } from './cm-state'
import { applyEffect } from './controller-events'

export function sendBatch(w: StepWriter, ctx: SimContext, syncId: string, sync: RunningSync): void {
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

export function onResponse(
  w: StepWriter,
  ctx: SimContext,
  request: HttpRequest,
  response: HttpResponse,
): void {
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

export function done(w: StepWriter, controller: ControllerName, key: string, plan: SyncPlan | null): void {
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
