/**
 * PATCH pods/<name> with a strategic merge patch, as client-side
 * `kubectl apply` sends it for a pod that exists: apply the patch to the
 * stored object, validate the update (ValidatePodUpdate: the spec is mostly
 * immutable), store it and answer 200 with the new object.
 * Upstream: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go,
 * pkg/registry/core/pod/strategy.go (ValidateUpdate).
 *
 * Admission (UPDATE) is not run for the patch; the simulation does not follow
 * the updated pod further (the kubelet would restart a container whose image changed).
 */
import type { StepWriter } from '../protocol/step'
import type { HttpRequest, ResponseAudit } from '../protocol/http'
import type { Json } from '../protocol/events'
import type { JsonObject, Pod } from '../model/objects'
import { applyStrategicMergePatch } from '../model/strategic-merge'
import { writePod } from '../etcd/write-pod'
import { invalidMessage } from '../model/field-errors'
import { respond } from './respond'
import { failure } from './status'
import { validatePodSpecUpdate } from './pod-update-validation'

export const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json'

/** Content types the pods endpoint accepts for PATCH (handlers/patch.go). */
const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  STRATEGIC_MERGE_PATCH,
  'application/apply-patch+yaml',
  'application/apply-patch+cbor',
]

export function patchPod(w: StepWriter, request: HttpRequest, stored: Pod, audit: ResponseAudit): void {
  const name = stored.metadata.name ?? ''
  const ns = stored.metadata.namespace ?? 'default'
  const contentType = request.headers['Content-Type'] ?? ''
  // An apply patch to an existing pod is merged like a strategic merge patch of the applied fields (field
  // ownership, and removing fields kubectl applied before, are not modelled).
  if (contentType !== STRATEGIC_MERGE_PATCH && contentType !== 'application/apply-patch+yaml') {
    const message = PATCH_TYPES.includes(contentType)
      ? `the simulation applies only ${STRATEGIC_MERGE_PATCH} patches to pods`
      : `the body of the request was in an unknown format - accepted media types include: ${PATCH_TYPES.join(', ')}`
    respond(w, {
      request,
      code: 415,
      body: failure(415, 'UnsupportedMediaType', message),
      audit,
      stage: 'kubectl',
      summary: '415 UnsupportedMediaType',
      narration: message,
    })
    return
  }
  const patch = withoutTypeMeta((request.body ?? {}) as JsonObject)
  const patched = applyStrategicMergePatch(stored as unknown as JsonObject, patch) as unknown as Pod
  const errors = validatePodSpecUpdate(patched, stored)
  if (errors.length) {
    const causes: Json[] = errors.map((e) => {
      const [field = '', ...rest] = e.split(': ')
      return { reason: 'FieldValueForbidden', message: rest.join(': '), field }
    })
    const message = invalidMessage('Pod', name, errors)
    respond(w, {
      request,
      code: 422,
      body: failure(422, 'Invalid', message, { name, kind: 'Pod', causes }),
      audit,
      stage: 'admission',
      summary: '422 Invalid',
      narration: `A Pod's spec is almost immutable: only images, activeDeadlineSeconds, added tolerations and terminationGracePeriodSeconds may change. The apiserver answers 422: ${message}`,
    })
    return
  }
  const updated = writePod(
    w,
    { ...patched, metadata: { ...patched.metadata, namespace: ns, name } },
    {
      what: 'update',
      stage: 'storage',
      summary: (k, rev) => `PUT ${k} (patched) → revision ${rev}`,
      narration: (_k, rev) =>
        `The apiserver applies kubectl's strategic merge patch to the stored Pod, validates the update and writes it back to etcd (revision ${rev}).`,
    },
  )
  respond(w, {
    request,
    code: 200,
    body: updated as unknown as Json,
    audit,
    stage: 'storage',
    summary: `200 OK pods/${name}`,
    narration: 'The apiserver answers 200 OK with the updated Pod.',
  })
}

/** An apply patch carries apiVersion and kind; they are not fields to merge. */
function withoutTypeMeta(body: JsonObject): JsonObject {
  const { apiVersion: _v, kind: _k, ...rest } = body
  return rest
}
