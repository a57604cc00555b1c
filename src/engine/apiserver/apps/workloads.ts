/**
 * Requests for apps/v1 Deployments and ReplicaSets: create (kubectl), get, client-side apply's patch,
 * and the controllers' updates of the object and of its status subresource.
 * Upstream: pkg/registry/apps/deployment/strategy.go and pkg/registry/apps/replicaset/strategy.go
 * (PrepareForCreate: status cleared, generation 1; PrepareForUpdate: generation bumped on a spec change;
 * the status strategy keeps spec and labels), staging apiserver registry/generic/registry/store.go
 * (Update's resourceVersion precondition and its Conflict), endpoints/handlers (create, patch, update).
 */
import type { StepWriter } from '../../protocol/step'
import type { SimContext } from '../../protocol/context'
import { timestamp } from '../../protocol/context'
import type { HttpRequest, ResponseAudit } from '../../protocol/http'
import type { Json, JsonObject, KubeObject } from '../../model/objects'
import type { CoreResource } from '../../model/core-resources'
import { findObject } from '../../model/cluster'
import { storageKey } from '../../model/core-resources'
import { applyStrategicMergePatch } from '../../model/strategic-merge'
import { uuidV4 } from '../../model/uuid'
import { failure } from '../status'
import { respond } from '../respond'
import { refusedByNamespaceLifecycle, storeObject } from '../objects'
import { decodeAs } from '../decode'
import {
  defaulted,
  groupResource,
  invalid,
  notifyControllers,
  validateCreate,
  type Workload,
} from './workload-common'
import { updateStatus, updateWorkload } from './workload-update'
import { podTemplateWarnings } from './pod-template-security'

export function workloadRequest(
  w: StepWriter,
  ctx: SimContext,
  request: HttpRequest,
  resource: CoreResource,
  namespace: string,
  name: string,
  subresource: string,
  audit: ResponseAudit,
): void {
  const live = name
    ? (findObject(ctx.cluster, resource.kind, name, namespace) as Workload | undefined)
    : undefined
  const gr = groupResource(resource)
  const reply = (
    code: number,
    body: Json,
    summary: string,
    narration: string,
    stage: 'kubectl' | 'admission' | 'storage' = 'storage',
  ) => respond(w, { request, code, body, audit, stage, summary, narration })
  if (request.method === 'POST' && !name) return createWorkload(w, ctx, request, resource, namespace, audit)
  if (!live) {
    return reply(
      404,
      failure(404, 'NotFound', `${gr} "${name}" not found`, {
        name,
        group: resource.group ?? '',
        kind: resource.resource,
      }),
      `404 NotFound ${gr} "${name}"`,
      request.method === 'GET'
        ? `No ${resource.kind} named ${name} exists yet, so the apiserver answers 404 Not Found.`
        : `There is no ${resource.kind} named ${name} to change.`,
      'kubectl',
    )
  }
  if (request.method === 'GET' && !subresource)
    return reply(
      200,
      live as unknown as Json,
      `200 OK ${gr}/${name}`,
      `The ${resource.kind} exists; the apiserver returns it.`,
      'kubectl',
    )
  if (request.method === 'PATCH' && !subresource) {
    const patched = applyStrategicMergePatch(
      live as unknown as JsonObject,
      (request.body ?? {}) as JsonObject,
    )
    return updateWorkload(w, ctx, request, resource, live, patched as unknown as Workload, audit, false)
  }
  if (request.method === 'PUT') {
    const body = (request.body ?? {}) as unknown as Workload
    const rv = body.metadata?.resourceVersion
    if (rv !== undefined && rv !== live.metadata.resourceVersion) {
      // registry/generic/registry/store.go Update: the precondition on resourceVersion.
      const message = `Operation cannot be fulfilled on ${gr} "${name}": the object has been modified; please apply your changes to the latest version and try again`
      return reply(
        409,
        failure(409, 'Conflict', message, { name, group: resource.group ?? '', kind: resource.resource }),
        '409 Conflict',
        `The request carries resourceVersion ${rv} but etcd holds ${live.metadata.resourceVersion ?? '?'}: someone wrote the ${resource.kind} since the client read it, so the apiserver refuses with 409 Conflict and the client must read it again.`,
      )
    }
    if (subresource === 'status') return updateStatus(w, request, resource, live, body, audit)
    if (!subresource) return updateWorkload(w, ctx, request, resource, live, body, audit, true)
  }
  reply(405, failure(405, 'MethodNotAllowed', 'method not allowed'), '405', '', 'kubectl')
}

function createWorkload(
  w: StepWriter,
  ctx: SimContext,
  request: HttpRequest,
  resource: CoreResource,
  namespace: string,
  audit: ResponseAudit,
): void {
  const kind = resource.kind
  const fieldValidation = request.query['fieldValidation'] ?? 'Strict'
  const decoded = decodeAs((request.body ?? {}) as Json, kind)
  const unknown = fieldValidation === 'Ignore' ? [] : decoded.unknownFields
  const bad = (message: string) =>
    respond(w, {
      request,
      code: 400,
      body: failure(400, 'BadRequest', message),
      audit,
      stage: 'admission',
      summary: '400 BadRequest',
      narration: `The apiserver could not decode the body into a ${kind}: ${message}`,
    })
  const gv = `${resource.group}/v1`
  if (decoded.error) return bad(`${kind} in version "v1" cannot be handled as a ${kind}: ${decoded.error}`)
  if (fieldValidation === 'Strict' && unknown.length > 0)
    return bad(
      `${kind} in version "v1" cannot be handled as a ${kind}: strict decoding error: ${unknown.join(', ')}`,
    )
  const object0 = decoded.object as unknown as Workload
  const metadata = object0.metadata ?? {}
  if (metadata.namespace && metadata.namespace !== namespace)
    return bad('the namespace of the provided object does not match the namespace sent on the request')
  const name = metadata.name ?? ''
  // PrepareForCreate: the status is the controller's, the generation starts at 1.
  const { status: _status, ...withoutStatus } = object0
  const object = defaulted({
    ...withoutStatus,
    metadata: { ...metadata, namespace, generation: 1 },
  } as Workload)
  w.emit({
    kind: 'apiserver.decode',
    component: 'kube-apiserver',
    stage: 'admission',
    summary: `decoded ${kind} ${gv} (fieldValidation=${fieldValidation})`,
    narration: `The apiserver decodes the body into a ${kind}, checking every field (the pod template's too) against the API schema, and fills in the defaults: ${
      kind === 'Deployment'
        ? 'one replica if none is asked for, the RollingUpdate strategy with maxSurge and maxUnavailable of 25 %, a revision history of 10 and a progress deadline of 600 s'
        : 'one replica if none is asked for'
    }, and the pod template's own defaults.`,
    payload: { defaults: [], unknownFields: unknown, fieldValidation },
  })
  if (refusedByNamespaceLifecycle(w, ctx, request, resource, namespace, name, audit)) return
  const errors = validateCreate(object)
  if (errors.length > 0) return invalid(w, request, audit, resource, name, errors, unknown)
  // PodSecurity's validating admission on a workload: its pod template is checked, but only warn
  // (and audit) apply — the pods themselves are what enforce refuses, when the controller makes them.
  const podSecurity = podTemplateWarnings(ctx, object)
  const warnings = [...unknown, ...podSecurity]
  if (findObject(ctx.cluster, kind, name, namespace)) {
    return respond(w, {
      request,
      code: 409,
      body: failure(409, 'AlreadyExists', `${groupResource(resource)} "${name}" already exists`, {
        name,
        group: resource.group ?? '',
        kind: resource.resource,
      }),
      audit,
      stage: 'storage',
      summary: '409 AlreadyExists',
      narration: `etcd already holds ${storageKey(kind, namespace, name)}; the create fails with 409 Conflict (AlreadyExists).`,
    })
  }
  const [uid, rng] = uuidV4(w.world.rng)
  w.update({ ...w.world, rng })
  const full = { ...object, metadata: { ...object.metadata, uid, creationTimestamp: timestamp(ctx) } }
  if (request.query['dryRun'] === 'All') {
    return respond(w, {
      request,
      code: 201,
      body: full as unknown as Json,
      audit,
      warnings,
      stage: 'storage',
      summary: '201 Created (dry run: nothing stored)',
      narration: 'With dryRun=All the apiserver runs every step but does not write to etcd.',
    })
  }
  const stored = storeObject(
    w,
    full as unknown as KubeObject,
    `The apiserver writes the ${kind} to etcd under ${storageKey(kind, namespace, name)}. Nothing else happens in the apiserver: ${
      kind === 'Deployment'
        ? 'the deployment controller in kube-controller-manager is watching Deployments and will make a ReplicaSet for it'
        : 'the replicaset controller in kube-controller-manager is watching ReplicaSets and will make its pods'
    }.`,
  )
  respond(w, {
    request,
    code: 201,
    body: stored as unknown as Json,
    audit,
    warnings,
    stage: 'storage',
    summary: `201 Created ${groupResource(resource)}/${name}`,
    narration: `The apiserver answers 201 Created with the stored ${kind}.`,
  })
  notifyControllers(w, stored, 'ADDED')
}
