/**
 * kube-apiserver as a component: every request passes the authentication
 * and authorization filters, then the handler for its resource. The create of
 * a Pod continues in create.ts; bindings and status updates are here.
 */
import type { Step } from '../protocol/step'
import { objectRequest } from './objects'
import { APPLY_PATCH, applyCreatePod } from './server-side-apply'
import { resourceByName } from '../model/core-resources'
import { workloadRequest } from './apps/workloads'
import { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import { timestamp } from '../protocol/context'
import type { World } from '../protocol/world'
import type { HttpRequest, ResponseAudit, UserInfo } from '../protocol/http'
import type { Json } from '../protocol/events'
import type { Message } from '../protocol/messages'
import type { Pod, PodCondition, PodStatus } from '../model/objects'
import { authenticate } from './authn/chain'
import { authorize, forbiddenMessage } from './authz/chain'
import { requestInfo } from './routes'
import { failure, notFound, unauthorized } from './status'
import { respond } from './respond'
import { admitStep, decodeStep, storeStep, validateStep } from './create'
import { discoveryDocument } from './discovery'
import { isOpenAPIPath, serveOpenAPI } from './openapi'
import { podKey } from '../etcd/store'
import { writePod } from '../etcd/write-pod'
import { podDeletions } from '../etcd/objects'
import { podOf } from '../protocol/pods'
import { deleteExistingPod, patchExistingPodStatus, findExistingPod, podDeletionStep } from './delete'
import { patchPod } from './patch'

type ApiserverMessage = Extract<Message, { to: 'kube-apiserver' }>

export function apiserverStep(world: World, msg: ApiserverMessage, ctx: SimContext): Step {
  const w = new StepWriter(world, ctx.about)
  if (msg.type === 'request') receive(w, ctx, msg.request)
  else {
    const s = msg.step
    switch (s.phase) {
      case 'authorize':
        authorizeAndRoute(w, ctx, s.request, s.user, s.audit)
        break
      case 'decode':
        decodeStep(w, ctx, s.request, s.user, s.audit)
        break
      case 'admit':
        admitStep(w, ctx, s.create, s.stage, s.index)
        break
      case 'route':
        route(w, ctx, s.request, s.user, requestInfo(s.request), s.audit)
        break
      case 'validate':
        validateStep(w, ctx, s.create)
        break
      case 'store':
        storeStep(w, ctx, s.create)
        break
      case 'pod-deletion':
        podDeletionStep(w, ctx, s.stage, s.pod, s.chapter)
        break
      default:
        s satisfies never
    }
  }
  return w.done()
}

/** kubectl's requests are shown filter by filter; in-cluster components' requests in one step. */
function isLearnerRequest(request: HttpRequest): boolean {
  return request.from === 'kubectl'
}

function receive(w: StepWriter, ctx: SimContext, request: HttpRequest): void {
  const authn = authenticate(request, ctx.cluster, (ctx.startTime + ctx.at) / 1000)
  const audit: ResponseAudit = { authn: { authenticator: authn.authenticator, user: authn.user }, authz: [] }
  if (isLearnerRequest(request)) {
    w.emit({
      kind: 'authn.verdict',
      component: 'kube-apiserver',
      stage: 'authn',
      summary: authn.user
        ? `authenticated as ${authn.user.name} (${authn.authenticator})`
        : 'authentication failed',
      narration: authn.user
        ? `Authentication: the apiserver asks each authenticator in turn; ${authn.authenticator} recognises the caller as user "${authn.user.name}" in groups ${authn.user.groups.join(', ')}.`
        : 'Authentication: no authenticator recognised the credentials and anonymous access is off, so the request is refused with 401.',
      payload: { authenticator: authn.authenticator, user: authn.user, attempts: authn.attempts },
    })
  }
  if (!authn.user) {
    respond(w, {
      request,
      code: 401,
      body: unauthorized(),
      audit,
      stage: 'authn',
      summary: '401 Unauthorized',
      narration: 'The apiserver answers 401 Unauthorized.',
    })
    return
  }
  if (isLearnerRequest(request)) {
    w.send(0.3, {
      to: 'kube-apiserver',
      type: 'continue',
      step: { phase: 'authorize', request, user: authn.user, audit },
    })
  } else {
    authorizeAndRoute(w, ctx, request, authn.user, audit)
  }
}

function authorizeAndRoute(
  w: StepWriter,
  ctx: SimContext,
  request: HttpRequest,
  user: UserInfo,
  authnAudit: ResponseAudit,
): void {
  const info = requestInfo(request)
  const attrs = { user, ...info }
  const verdict = authorize(attrs, ctx.cluster)
  const audit: ResponseAudit = { ...authnAudit, authz: verdict.decisions }
  const decisive = verdict.decisions[verdict.decisions.length - 1]
  if (isLearnerRequest(request)) {
    w.emit({
      kind: 'authz.verdict',
      component: 'kube-apiserver',
      stage: 'authz',
      summary: verdict.allowed
        ? `${info.verb} ${info.resource || info.path}: allowed by ${decisive?.authorizer}`
        : `${info.verb} ${info.resource || info.path}: forbidden`,
      narration: verdict.allowed
        ? `Authorization: may "${user.name}" ${info.verb} ${info.isResourceRequest ? `${info.resource} in namespace ${info.namespace}` : `the path ${info.path}`}? ${verdict.decisions.map((d) => `${d.authorizer} says ${d.decision}`).join('; ')}. ${decisive?.reason ?? ''}`
        : `Authorization: no authorizer allowed "${user.name}" to ${info.verb} ${info.isResourceRequest ? info.resource : `the path ${info.path}`}; the request is forbidden.`,
      payload: verdict,
    })
  }
  if (!verdict.allowed) {
    const message = forbiddenMessage(attrs, verdict.reason)
    respond(w, {
      request,
      code: 403,
      body: failure(
        403,
        'Forbidden',
        message,
        info.isResourceRequest
          ? {
              ...(info.name ? { name: info.name } : {}),
              ...(info.apiGroup ? { group: info.apiGroup } : {}),
              kind: info.resource,
            }
          : {},
      ),
      audit,
      stage: 'authz',
      summary: '403 Forbidden',
      narration: `The apiserver answers 403 Forbidden: ${message}`,
    })
    return
  }
  route(w, ctx, request, user, info, audit)
}

function route(
  w: StepWriter,
  ctx: SimContext,
  request: HttpRequest,
  user: UserInfo,
  info: ReturnType<typeof requestInfo>,
  audit: ResponseAudit,
): void {
  if (
    !info.isResourceRequest &&
    request.method === 'GET' &&
    (info.path === '/api' || info.path === '/apis')
  ) {
    respond(w, {
      request,
      code: 200,
      body: discoveryDocument(info.path),
      audit,
      stage: 'kubectl',
      summary: `200 OK ${info.path} (aggregated discovery)`,
      narration:
        info.path === '/api'
          ? 'The apiserver answers with the core group: version v1 and its resources (pods, services, …), each with its verbs, kind and whether it is namespaced.'
          : 'The apiserver lists every other API group (apps, batch, rbac.authorization.k8s.io, …) with their versions and resources. kubectl caches both answers for later commands.',
    })
    return
  }
  if (!info.isResourceRequest && request.method === 'GET' && isOpenAPIPath(info.path))
    return serveOpenAPI(w, ctx, request, audit)
  const other = resourceByName(info.resource, info.apiGroup)
  if (other?.group === 'apps')
    return workloadRequest(w, ctx, request, other, info.namespace, info.name, info.subresource, audit)
  if (other && other.kind !== 'Pod' && !info.subresource)
    return objectRequest(w, ctx, request, other, info.namespace, info.name, audit)
  if (info.resource !== 'pods') {
    respond(w, {
      request,
      code: 404,
      body: failure(404, 'NotFound', 'the server could not find the requested resource'),
      audit,
      stage: 'kubectl',
      summary: '404 NotFound',
      narration: 'The simulated apiserver serves pods only.',
    })
    return
  }
  if (request.method === 'POST' && !info.name) {
    w.send(0.4, { to: 'kube-apiserver', type: 'continue', step: { phase: 'decode', request, user, audit } })
    return
  }
  const key = podKey(info.namespace, info.name)
  const recordKey = `${info.namespace}/${info.name}`
  const record = w.world.etcd.keys[key] ? w.world.pods[recordKey] : undefined
  // A pod another document of the manifest created (a name used twice): the request goes on about that
  // pod, so what follows (its events, the kubelet's sync) belongs to it.
  if (record && w.podKey !== recordKey) {
    w.send(
      0,
      { to: 'kube-apiserver', type: 'continue', step: { phase: 'route', request, user, audit } },
      { ...(record.doc !== undefined ? { doc: record.doc } : {}), pod: recordKey },
    )
    return
  }
  const stored = record ? podOf(w.world, recordKey) : null
  // Preemption deletes existing pods of the cluster file (graceful deletion, delete.ts).
  if (
    request.method === 'DELETE' &&
    stored?.metadata.name !== info.name &&
    deleteExistingPod(w, ctx, request, info.namespace, info.name, audit)
  )
    return
  // GET and PATCH also reach the pods of the cluster file (kubectl apply on an existing pod).
  const target =
    stored?.metadata.name === info.name ? stored : liveExistingPod(w, ctx, info.namespace, info.name)
  if (request.method === 'PATCH' && !info.subresource && target) return patchPod(w, request, target, audit)
  // Server-side apply of a pod that does not exist creates it.
  if (
    request.method === 'PATCH' &&
    !info.subresource &&
    !target &&
    request.headers['Content-Type'] === APPLY_PATCH
  )
    return applyCreatePod(w, request, user, audit)
  if (request.method === 'GET') {
    respond(w, {
      request,
      code: target ? 200 : 404,
      body: target ? (target as unknown as Json) : notFound('pods', info.name),
      audit,
      stage: 'kubectl',
      summary: target ? `200 OK pods/${info.name}` : `404 NotFound pods "${info.name}"`,
      narration: target
        ? `The pod already exists; the apiserver returns it so kubectl can compute a patch.`
        : `No pod named ${info.name} exists yet, so the apiserver answers 404 Not Found. kubectl apply will create it.`,
    })
    return
  }
  if (
    request.method === 'PATCH' &&
    info.subresource === 'status' &&
    stored?.metadata.name !== info.name &&
    patchExistingPodStatus(w, ctx, request, info.namespace, info.name, audit)
  )
    return
  if (!stored) {
    respond(w, {
      request,
      code: 404,
      body: notFound('pods', info.name),
      audit,
      stage: 'scheduling',
      summary: '404 NotFound',
      narration: 'The pod is gone.',
    })
    return
  }
  if (request.method === 'POST' && info.subresource === 'binding') return bind(w, ctx, request, stored, audit)
  if (request.method === 'PATCH' && info.subresource === 'status')
    return patchStatus(w, ctx, request, stored, audit)
  respond(w, {
    request,
    code: 405,
    body: failure(405, 'MethodNotAllowed', 'method not allowed'),
    audit,
    stage: 'status',
    summary: '405',
    narration: '',
  })
}

/** A pod of the cluster file, unless it has been deleted during the simulation. */
function liveExistingPod(w: StepWriter, ctx: SimContext, ns: string, name: string): Pod | null {
  if (podDeletions(w.world.etcd)?.[`${ns}/${name}`]?.state === 'Deleted') return null
  const pod = findExistingPod(ctx, ns, name)
  return pod ? { ...pod, metadata: { ...pod.metadata, namespace: ns } } : null
}

/** The binding subresource sets spec.nodeName and PodScheduled=True (registry/core/pod/storage/storage.go). */
function bind(w: StepWriter, ctx: SimContext, request: HttpRequest, pod: Pod, audit: ResponseAudit): void {
  const target = ((request.body as { target?: { name?: string } } | null)?.target?.name ?? '') as string
  const name = pod.metadata.name ?? ''
  if (pod.spec.nodeName) {
    respond(w, {
      request,
      code: 409,
      body: failure(
        409,
        'Conflict',
        `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is already assigned to node "${pod.spec.nodeName}"`,
      ),
      audit,
      stage: 'scheduling',
      summary: '409 Conflict',
      narration: 'The pod is already bound.',
      binding: { pod, node: target },
    })
    return
  }
  const condition: PodCondition = {
    type: 'PodScheduled',
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: timestamp(ctx),
  }
  const bound = writePod(
    w,
    {
      ...pod,
      spec: { ...pod.spec, nodeName: target },
      status: { ...pod.status, conditions: upsertCondition(pod.status?.conditions ?? [], condition) },
    },
    {
      what: 'binding',
      stage: 'scheduling',
      summary: (k, rev) => `PUT ${k} (nodeName=${target}) → revision ${rev}`,
      narration: (_k, rev) =>
        `The binding is stored: the apiserver sets spec.nodeName=${target} and the PodScheduled condition, and writes the Pod to etcd again (revision ${rev}).`,
    },
  )
  respond(w, {
    request,
    code: 201,
    body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 },
    audit,
    stage: 'scheduling',
    summary: '201 Created pods/binding',
    narration: 'The apiserver confirms the binding to the scheduler.',
    binding: { pod: bound, node: target },
  })
  w.emit({
    kind: 'watch.event',
    component: 'kube-apiserver',
    from: 'kube-apiserver',
    to: 'kubelet',
    stage: 'kubelet',
    summary: `watch ADDED pods/${name} → kubelet on ${target}`,
    narration: `The kubelet on ${target} watches pods with fieldSelector spec.nodeName=${target}. The pod now matches, so the apiserver pushes it to that kubelet immediately (no 20-second polling, whatever old tutorials say).`,
    payload: {
      type: 'ADDED',
      watcher: `kubelet/${target}`,
      resourceVersion: bound.metadata.resourceVersion ?? '',
    },
  })
  w.send(2, { to: 'kubelet', type: 'watch', node: target, pod: bound })
}

export function upsertCondition(list: readonly PodCondition[], c: PodCondition): PodCondition[] {
  const i = list.findIndex((x) => x.type === c.type)
  if (i < 0) return [...list, c]
  const prev = list[i]!
  const keepTime = prev.status === c.status ? prev.lastTransitionTime : c.lastTransitionTime
  return list.map((x, j) => (j === i ? { ...c, lastTransitionTime: keepTime } : x))
}

/** The kubelet's status manager PATCHes pods/<name>/status (strategic merge on status). */
function patchStatus(
  w: StepWriter,
  _ctx: SimContext,
  request: HttpRequest,
  pod: Pod,
  audit: ResponseAudit,
): void {
  const name = pod.metadata.name ?? ''
  // Strategic-merge directives ($setElementOrder/…) steer the merge; they are never stored.
  const patch = Object.fromEntries(
    Object.entries((request.body as { status?: PodStatus } | null)?.status ?? {}).filter(
      ([k]) => !k.startsWith('$'),
    ),
  ) as PodStatus
  // The kubelet's first report belongs to its pickup of the pod; the Running one to the final status.
  const stage =
    request.from === 'kube-scheduler' ? 'scheduling' : patch.phase === 'Running' ? 'status' : 'kubelet'
  const merged: Pod = { ...pod, status: { ...pod.status, ...patch } }
  const phase = merged.status?.phase
  const nominated = merged.status?.['nominatedNodeName']
  const updated = writePod(w, merged, {
    what: 'status',
    stage,
    summary: (k, rev) => `PUT ${k} (status: ${phase}) → revision ${rev}`,
    narration: (_k, rev) =>
      request.from === 'kube-scheduler'
        ? `The scheduler's status update is stored: PodScheduled=False (Unschedulable)${nominated ? `, nominatedNodeName ${String(nominated)}` : ''}, revision ${rev}.`
        : `The kubelet's status update is stored: phase ${phase}, revision ${rev}. Anyone watching the pod (kubectl get -w, controllers) sees it now.`,
  })
  respond(w, {
    request,
    code: 200,
    body: updated as unknown as Json,
    audit,
    stage,
    summary: `200 OK pods/${name}/status`,
    narration: 'The apiserver returns the updated Pod to the kubelet.',
    node: pod.spec.nodeName ?? '',
  })
}
