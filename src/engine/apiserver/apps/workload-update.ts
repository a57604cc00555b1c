/**
 * Writes to an existing Deployment or ReplicaSet: client-side apply's patch and a controller's PUT of
 * the object (PrepareForUpdate: a changed spec is a new generation; ValidateUpdate), and a PUT of its
 * status subresource (the status strategy keeps spec and labels).
 * Upstream: pkg/registry/apps/deployment/strategy.go, pkg/registry/apps/replicaset/strategy.go.
 */
import type { StepWriter } from '../../protocol/step'
import type { SimContext } from '../../protocol/context'
import type { HttpRequest, ResponseAudit } from '../../protocol/http'
import type { Json, KubeObject } from '../../model/objects'
import type { CoreResource } from '../../model/core-resources'
import { respond } from '../respond'
import { storeObject } from '../objects'
import {
  defaulted,
  groupResource,
  invalid,
  notifyControllers,
  validateUpdate,
  type Workload,
} from './workload-common'

/** Semantic equality of two JSON values, key order aside (apiequality.Semantic.DeepEqual on specs). */
function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null)
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  const o = v as Record<string, unknown>
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`
}

/** PATCH (client-side apply) or PUT of the object itself: PrepareForUpdate, ValidateUpdate, store. */
export function updateWorkload(
  w: StepWriter,
  ctx: SimContext,
  request: HttpRequest,
  resource: CoreResource,
  live: Workload,
  next0: Workload,
  audit: ResponseAudit,
  fromController: boolean,
): void {
  const name = live.metadata.name ?? ''
  const next1 = defaulted({ ...next0, status: live.status } as Workload)
  // PrepareForUpdate: a changed spec (for a Deployment, changed annotations too) is a new generation.
  const bump =
    !sameJson(next1.spec, live.spec) ||
    (live.kind === 'Deployment' &&
      !sameJson(next1.metadata.annotations ?? {}, live.metadata.annotations ?? {}))
  const next = {
    ...next1,
    metadata: {
      ...next1.metadata,
      uid: live.metadata.uid,
      creationTimestamp: live.metadata.creationTimestamp,
      generation: (live.metadata.generation ?? 1) + (bump ? 1 : 0),
    },
  } as Workload
  const errors = validateUpdate(next, live)
  if (errors.length > 0) return invalid(w, request, audit, resource, name, errors, [])
  const stored = storeObject(
    w,
    next as unknown as KubeObject,
    fromController
      ? `The apiserver writes the updated ${resource.kind} to etcd.`
      : `The apiserver writes the patched ${resource.kind} to etcd${bump ? `; its spec changed, so metadata.generation becomes ${next.metadata.generation}` : ''}.`,
  )
  respond(w, {
    request,
    code: 200,
    body: stored as unknown as Json,
    audit,
    stage: 'storage',
    summary: `200 OK ${groupResource(resource)}/${name}`,
    narration: `The apiserver answers 200 OK with the updated ${resource.kind}.`,
  })
  void ctx
  notifyControllers(w, stored, 'MODIFIED')
}

/** PUT …/status: the status strategy keeps the stored spec and labels and takes the new status. */
export function updateStatus(
  w: StepWriter,
  request: HttpRequest,
  resource: CoreResource,
  live: Workload,
  body: Workload,
  audit: ResponseAudit,
): void {
  const name = live.metadata.name ?? ''
  const next = {
    ...live,
    metadata: {
      ...live.metadata,
      // Only the status subresource's own writes: annotations come along (the deployment controller
      // records its revision this way), spec and labels do not.
      ...(body.metadata?.annotations ? { annotations: body.metadata.annotations } : {}),
    },
    status: body.status,
  } as Workload
  const stored = storeObject(w, next as unknown as KubeObject, statusNarration(next))
  respond(w, {
    request,
    code: 200,
    body: stored as unknown as Json,
    audit,
    stage: 'storage',
    summary: `200 OK ${groupResource(resource)}/${name}/status`,
    narration: `The apiserver answers 200 OK with the ${resource.kind}'s updated status.`,
  })
  notifyControllers(w, stored, 'MODIFIED')
}

/** What the status write says: the counts and, for a Deployment, its conditions with their reasons. */
function statusNarration(o: Workload): string {
  const s = (o.status ?? {}) as {
    replicas?: number
    readyReplicas?: number
    availableReplicas?: number
    updatedReplicas?: number
    conditions?: readonly { type: string; status: string; reason?: string }[]
  }
  const counts = `${s.replicas ?? 0} replicas, ${s.readyReplicas ?? 0} ready, ${s.availableReplicas ?? 0} available${o.kind === 'Deployment' ? `, ${s.updatedReplicas ?? 0} up to date` : ''}`
  const conditions = (s.conditions ?? []).map(
    (c) => `${c.type}=${c.status}${c.reason ? ` (${c.reason})` : ''}`,
  )
  return `The apiserver writes the ${o.kind}'s new status to etcd: ${counts}${conditions.length ? `; ${conditions.join(', ')}` : ''}.`
}
