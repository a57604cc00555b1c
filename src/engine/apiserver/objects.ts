/**
 * The other core objects a manifest may carry beside its Pods: ConfigMap, Secret, ServiceAccount and
 * Namespace. They take a shorter path than a Pod: decode (strict field validation), defaulting,
 * NamespaceLifecycle, validation, etcd write, 201; no admission plugin of the default set changes or
 * refuses them. Stored objects are in etcd (etcd/objects.ts createdObjects), so later documents see them (a pod in
 * a namespace created just before, a pod that mounts a ConfigMap).
 * Upstream: pkg/apis/core/validation/validation.go (ValidateConfigMap, ValidateSecret,
 * ValidateServiceAccount, ValidateNamespace), pkg/registry/core/namespace/strategy.go (PrepareForCreate),
 * pkg/apis/core/v1/defaults.go (SetDefaults_Secret, SetDefaults_NamespaceStatus), staging apiserver
 * endpoints/handlers/create.go and registry/generic/registry/store.go.
 */
import type { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import { timestamp } from '../protocol/context'
import type { HttpRequest, ResponseAudit } from '../protocol/http'
import type { Json, JsonObject, KubeObject } from '../model/objects'
import { findObject } from '../model/cluster'
import { storageKey, type CoreResource } from '../model/core-resources'
import { applyStrategicMergePatch } from '../model/strategic-merge'
import { etcdStore } from '../etcd/store'
import { uuidV4 } from '../model/uuid'
import { randomSuffix } from './admission/plugins/service-account'
import { namespaceNotFoundMessage, terminatingMessage } from './admission/plugins/namespace-lifecycle'
import { alreadyExists, failure, fieldCauses, notFound } from './status'
import { respond } from './respond'
import { validateObject } from './object-validation'
import { APPLY_PATCH, refuseUnknownApplyFields } from './server-side-apply'
import { invalidMessage } from '../model/field-errors'
import { encodeBase64, utf8Bytes } from '../model/base64'

const OBJECT_META_FIELDS = new Set([
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
])

/** Top-level fields of each kind's v1 schema (core/v1/types.go). */
const FIELDS: Readonly<Record<string, readonly string[]>> = {
  ConfigMap: ['data', 'binaryData', 'immutable'],
  Secret: ['data', 'stringData', 'type', 'immutable'],
  ServiceAccount: ['secrets', 'imagePullSecrets', 'automountServiceAccountToken'],
  Namespace: ['spec', 'status'],
}

/** A request for one of the non-Pod kinds, after authorization. */
export function objectRequest(
  w: StepWriter,
  ctx: SimContext,
  request: HttpRequest,
  resource: CoreResource,
  namespace: string,
  name: string,
  audit: ResponseAudit,
): void {
  const live = name
    ? findObject(ctx.cluster, resource.kind, name, resource.namespaced ? namespace : undefined)
    : undefined
  if (request.method === 'POST' && !name) return createObject(w, ctx, request, resource, namespace, audit)
  if (request.method === 'GET' && name) {
    respond(w, {
      request,
      code: live ? 200 : 404,
      body: live ? (live as unknown as Json) : notFound(resource.resource, name),
      audit,
      stage: 'kubectl',
      summary: live ? `200 OK ${resource.resource}/${name}` : `404 NotFound ${resource.resource} "${name}"`,
      narration: live
        ? `The ${resource.kind} exists; the apiserver returns it so kubectl can compute a patch.`
        : `No ${resource.kind} named ${name} exists yet, so the apiserver answers 404 Not Found.`,
    })
    return
  }
  if (request.method === 'PATCH' && name && live) return patchObject(w, request, resource, live, audit)
  // Server-side apply of an object that does not exist creates it (checked as an apply patch).
  if (request.method === 'PATCH' && name && !live && request.headers['Content-Type'] === APPLY_PATCH) {
    const body = (request.body ?? {}) as JsonObject
    if (refuseUnknownApplyFields(w, request, audit, resource.kind, unknownFields(resource.kind, body))) return
    return createObject(
      w,
      ctx,
      { ...request, query: { ...request.query, fieldValidation: 'Ignore' } },
      resource,
      namespace,
      audit,
    )
  }
  respond(w, {
    request,
    code: name && !live ? 404 : 405,
    body:
      name && !live
        ? notFound(resource.resource, name)
        : failure(405, 'MethodNotAllowed', 'method not allowed'),
    audit,
    stage: 'kubectl',
    summary: name && !live ? '404 NotFound' : '405',
    narration: '',
  })
}

function createObject(
  w: StepWriter,
  ctx: SimContext,
  request: HttpRequest,
  resource: CoreResource,
  namespace: string,
  audit: ResponseAudit,
): void {
  const kind = resource.kind
  const fieldValidation = request.query['fieldValidation'] ?? 'Strict'
  const body = (request.body ?? {}) as JsonObject
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
  const unknown = fieldValidation === 'Ignore' ? [] : unknownFields(kind, body)
  if (fieldValidation === 'Strict' && unknown.length > 0)
    return bad(
      `${kind} in version "v1" cannot be handled as a ${kind}: strict decoding error: ${unknown.join(', ')}`,
    )
  const decoded = decodeBytes(kind, body)
  if (typeof decoded === 'string')
    return bad(`${kind} in version "v1" cannot be handled as a ${kind}: ${decoded}`)
  const metadata = (decoded['metadata'] ?? {}) as JsonObject
  if (resource.namespaced && metadata['namespace'] && metadata['namespace'] !== namespace)
    return bad('the namespace of the provided object does not match the namespace sent on the request')
  let name = typeof metadata['name'] === 'string' ? metadata['name'] : ''
  let rng = w.world.rng
  const generateName = typeof metadata['generateName'] === 'string' ? metadata['generateName'] : ''
  if (!name && generateName) {
    const [suffix, r] = randomSuffix(rng)
    name = generateName + suffix
    rng = r
  }
  const object = withDefaults({
    ...decoded,
    metadata: { ...metadata, ...(name ? { name } : {}), ...(resource.namespaced ? { namespace } : {}) },
  } as KubeObject)
  w.emit({
    kind: 'apiserver.decode',
    component: 'kube-apiserver',
    stage: 'admission',
    summary: `decoded ${kind} (fieldValidation=${fieldValidation})`,
    narration: `The apiserver decodes the JSON body into a ${kind}, checking its fields against the API schema, and fills in its defaults.`,
    payload: { defaults: [], unknownFields: unknown, fieldValidation },
  })
  // NamespaceLifecycle is the only default admission plugin with a say on these kinds.
  if (resource.namespaced && refusedByNamespaceLifecycle(w, ctx, request, resource, namespace, name, audit))
    return
  const errors = validateObject(object)
  if (errors.length > 0) {
    const message = invalidMessage(kind, name, errors)
    const causes = fieldCauses(errors)
    respond(w, {
      request,
      code: 422,
      body: failure(422, 'Invalid', message, { name, kind, causes }),
      audit,
      warnings: unknown,
      stage: 'admission',
      summary: '422 Invalid',
      narration: `The apiserver answers 422 Unprocessable Entity: ${message}`,
    })
    return
  }
  const key = storageKey(kind, namespace, name)
  if (
    w.world.etcd.keys[key] ||
    findObject(ctx.cluster, kind, name, resource.namespaced ? namespace : undefined)
  ) {
    respond(w, {
      request,
      code: 409,
      body: alreadyExists(resource.resource, name),
      audit,
      stage: 'storage',
      summary: '409 AlreadyExists',
      narration: `etcd already holds ${key}; the create fails with 409 Conflict (AlreadyExists).`,
    })
    return
  }
  const [uid, rng2] = uuidV4(rng)
  const full: KubeObject = {
    ...object,
    metadata: { ...object.metadata, uid, creationTimestamp: timestamp(ctx) },
  }
  w.update({ ...w.world, rng: rng2 })
  if (request.query['dryRun'] === 'All') {
    respond(w, {
      request,
      code: 201,
      body: full as unknown as Json,
      audit,
      warnings: unknown,
      stage: 'storage',
      summary: '201 Created (dry run: nothing stored)',
      narration: 'With dryRun=All the apiserver runs every step but does not write to etcd.',
    })
    return
  }
  const stored = storeObject(w, full, `The apiserver writes the ${kind} to etcd under ${key}.`)
  respond(w, {
    request,
    code: 201,
    body: stored as unknown as Json,
    audit,
    warnings: unknown,
    stage: 'storage',
    summary: `201 Created ${resource.resource}/${name}`,
    narration: `The apiserver answers 201 Created with the stored ${kind}.`,
  })
  if (kind === 'Namespace') namespaceControllers(w, ctx, name)
}

/**
 * A new namespace gets its `default` ServiceAccount from the serviceaccounts controller and the
 * `kube-root-ca.crt` ConfigMap from the root-ca-cert-publisher, within moments (kube-controller-manager).
 * The ServiceAccount admission plugin waits for the default account, so a pod sent right after works.
 */
function namespaceControllers(w: StepWriter, ctx: SimContext, namespace: string): void {
  const made: KubeObject[] = [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'kube-root-ca.crt',
        namespace,
        annotations: { 'kubernetes.io/description': ROOT_CA_DESCRIPTION },
      },
      data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----\n' },
    },
  ]
  for (const o of made) {
    const [uid, rng] = uuidV4(w.world.rng)
    w.update({ ...w.world, rng })
    storeObject(
      w,
      { ...o, metadata: { ...o.metadata, uid, creationTimestamp: timestamp(ctx) } },
      o.kind === 'ServiceAccount'
        ? `kube-controller-manager's serviceaccounts controller sees the new namespace ${namespace} and creates its default ServiceAccount.`
        : `kube-controller-manager's root-ca-cert-publisher puts the cluster CA into every namespace as the kube-root-ca.crt ConfigMap (pods' service-account volumes project it).`,
    )
  }
}

/** root-ca-cert-publisher's description annotation (pkg/controller/certificates/rootcacertpublisher). */
const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.'

/**
 * NamespaceLifecycle on a create: a namespace that does not exist is a 404, one being deleted a 403
 * naming the object (`deployments.apps "web" is forbidden: …` for a group's resource). True when it
 * answered.
 */
export function refusedByNamespaceLifecycle(
  w: StepWriter,
  ctx: SimContext,
  request: HttpRequest,
  resource: CoreResource,
  namespace: string,
  name: string,
  audit: ResponseAudit,
): boolean {
  const ns = findObject(ctx.cluster, 'Namespace', namespace)
  const phase = (ns?.['status'] as { phase?: string } | undefined)?.phase
  if (ns && phase !== 'Terminating') return false
  const message = ns ? terminatingMessage(namespace) : namespaceNotFoundMessage(namespace)
  const qualified = resource.group ? `${resource.resource}.${resource.group}` : resource.resource
  respond(w, {
    request,
    code: ns ? 403 : 404,
    body: ns
      ? failure(403, 'Forbidden', `${qualified} "${name}" is forbidden: ${message}`, {
          name,
          group: resource.group ?? '',
          kind: resource.resource,
        })
      : failure(404, 'NotFound', message, { name: namespace, kind: 'namespaces' }),
    audit,
    stage: 'admission',
    summary: ns ? '403 Forbidden' : '404 NotFound',
    narration: `NamespaceLifecycle admission refuses the ${resource.kind}: ${message}.`,
  })
  return true
}

/** Writes the object to etcd and to the world's created objects (one place for the kinds beside Pods). */
export function storeObject(w: StepWriter, object: KubeObject, narration: string): KubeObject {
  const ns = object.metadata.namespace ?? ''
  const name = object.metadata.name ?? ''
  const key = storageKey(object.kind, ns, name)
  const { etcd, stored } = etcdStore(
    w.world.etcd,
    key,
    `${object.kind} ${ns ? `${ns}/` : ''}${name} (protobuf)`,
    object,
  )
  w.emit(
    {
      kind: 'etcd.put',
      component: 'etcd',
      from: 'kube-apiserver',
      to: 'etcd',
      stage: 'storage',
      summary: `PUT ${key} → revision ${etcd.revision}`,
      narration,
      payload: {
        key,
        revision: etcd.revision,
        createRevision: etcd.keys[key]!.createRevision,
        what: 'create',
      },
    },
    { ...w.world, etcd },
  )
  return stored
}

/** Client-side apply's strategic merge patch on an existing ConfigMap, Secret, … (no field of theirs merges by key). */
function patchObject(
  w: StepWriter,
  request: HttpRequest,
  resource: CoreResource,
  live: KubeObject,
  audit: ResponseAudit,
): void {
  const patched = applyStrategicMergePatch(live as unknown as JsonObject, (request.body ?? {}) as JsonObject)
  const decoded = decodeBytes(resource.kind, patched)
  const object = (typeof decoded === 'string' ? patched : decoded) as unknown as KubeObject
  const errors = validateObject(object)
  const name = live.metadata.name ?? ''
  if (errors.length > 0) {
    const message = invalidMessage(resource.kind, name, errors)
    respond(w, {
      request,
      code: 422,
      body: failure(422, 'Invalid', message, { name, kind: resource.kind }),
      audit,
      stage: 'admission',
      summary: '422 Invalid',
      narration: `The apiserver answers 422 Unprocessable Entity: ${message}`,
    })
    return
  }
  const stored = storeObject(w, object, `The apiserver writes the patched ${resource.kind} to etcd.`)
  respond(w, {
    request,
    code: 200,
    body: stored as unknown as Json,
    audit,
    stage: 'storage',
    summary: `200 OK ${resource.resource}/${name}`,
    narration: `The apiserver applies the patch and answers 200 OK with the updated ${resource.kind}.`,
  })
}

function unknownFields(kind: string, body: JsonObject): string[] {
  const known = new Set(['apiVersion', 'kind', 'metadata', ...(FIELDS[kind] ?? [])])
  const out: string[] = []
  for (const k of Object.keys(body)) if (!known.has(k)) out.push(`unknown field "${k}"`)
  const metadata = body['metadata']
  if (metadata && typeof metadata === 'object' && !Array.isArray(metadata))
    for (const k of Object.keys(metadata))
      if (!OBJECT_META_FIELDS.has(k)) out.push(`unknown field "metadata.${k}"`)
  return out
}

/**
 * `data` of a Secret and `binaryData` of a ConfigMap are []byte: base64 in JSON (encoding/json's error
 * when it is not). A Secret's write-only `stringData` is merged into `data` (v1 conversion).
 */
function decodeBytes(kind: string, body: JsonObject): JsonObject | string {
  const field = kind === 'Secret' ? 'data' : kind === 'ConfigMap' ? 'binaryData' : null
  if (!field) return body
  const bytes = (body[field] ?? {}) as Record<string, Json>
  for (const v of Object.values(bytes)) {
    if (typeof v !== 'string') continue
    const bad = base64Error(v)
    if (bad !== null) return `illegal base64 data at input byte ${bad}`
  }
  if (kind !== 'Secret' || !body['stringData'] || typeof body['stringData'] !== 'object') return body
  const data: Record<string, Json> = { ...bytes }
  for (const [k, v] of Object.entries(body['stringData'] as Record<string, Json>))
    data[k] = encodeBase64(utf8Bytes(typeof v === 'string' ? v : String(v)))
  const { stringData: _s, ...rest } = body
  return { ...rest, data }
}

/**
 * The byte offset where standard base64 decoding fails, or null: an invalid character, bad or missing
 * padding, trailing data, or an incomplete last quantum (encoding/base64 decodeQuantum's CorruptInputError).
 */
export function base64Error(s: string): number | null {
  const alphabet = /[A-Za-z0-9+/]/
  let j = 0
  for (let si = 0; si < s.length; si++) {
    const c = s[si]!
    if (alphabet.test(c)) {
      j = (j + 1) % 4
      continue
    }
    if (c !== '=' || j < 2) return si
    if (j === 2) {
      if (si + 1 >= s.length) return s.length
      if (s[si + 1] !== '=') return si
      return si + 2 < s.length ? si + 2 : null
    }
    return si + 1 < s.length ? si + 1 : null
  }
  return j === 0 ? null : s.length - j
}

/** The defaults the apiserver writes (SetDefaults_Secret, namespace strategy PrepareForCreate). */
function withDefaults(object: KubeObject): KubeObject {
  if (object.kind === 'Secret') return { ...object, type: (object['type'] as string | undefined) || 'Opaque' }
  if (object.kind === 'Namespace') {
    const name = object.metadata.name ?? ''
    return {
      ...object,
      metadata: {
        ...object.metadata,
        labels: { ...(object.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name },
      },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    }
  }
  return object
}
