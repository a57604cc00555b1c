/**
 * Server-side apply of an object that does not exist yet: the apply patch creates it (the patch
 * handler's create-on-update), through the same decode, admission, validation and storage as a POST,
 * answered 201. Field validation is structured-merge-diff's: with fieldValidation=Strict an unknown field
 * fails to build the typed patch, a 500 whose message names the field by its SMD path
 * (`.spec.containers[name="web"].imagePullPolice: field not declared in schema`).
 * Upstream: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go (applyPatcher, createOnUpdate),
 * staging/src/k8s.io/apiserver/pkg/endpoints/handlers/fieldmanager (typed patch object),
 * sigs.k8s.io/structured-merge-diff typed/validate.go (ValidationErrors.Error).
 */
import type { StepWriter } from '../protocol/step'
import type { HttpRequest, ResponseAudit, UserInfo } from '../protocol/http'
import type { Json } from '../protocol/events'
import type { JsonObject } from '../model/objects'
import { failure } from './status'
import { respond } from './respond'
import { decodePod } from './decode'

export const APPLY_PATCH = 'application/apply-patch+yaml'

/** List fields whose items SMD keys by these fields (the Pod's strategic/associative list keys). */
const LIST_KEYS: Readonly<Record<string, readonly string[]>> = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  volumes: ['name'],
  env: ['name'],
  imagePullSecrets: ['name'],
  volumeMounts: ['mountPath'],
  ports: ['containerPort', 'protocol'],
}

/**
 * `containers[0][1]` → [`containers`, [`0`, `1`]]: what `/^(.*?)((?:\[\d+\])*)$/` splits, read from the
 * end (the lazy expression rescans the rest from every position, quadratic on `[1][1]…x`).
 */
function splitIndexes(part: string): [string, string[]] {
  const indexes: string[] = []
  let end = part.length
  for (;;) {
    if (part[end - 1] !== ']') break
    let i = end - 2
    while (i >= 0 && part[i]! >= '0' && part[i]! <= '9') i--
    if (i === end - 2 || i < 0 || part[i] !== '[') break
    indexes.unshift(part.slice(i + 1, end - 1))
    end = i
  }
  return [part.slice(0, end), indexes]
}

/** `spec.containers[0].imagePullPolice` → `.spec.containers[name="web"].imagePullPolice`, using the body for keys. */
export function smdPath(path: string, body: Json): string {
  let node: unknown = body
  let out = ''
  for (const part of path.split('.')) {
    const [field, indexes] = splitIndexes(part)
    out += `.${field}`
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[field] : undefined
    for (const idx of indexes) {
      const item = Array.isArray(node) ? node[Number(idx)] : undefined
      const keys = LIST_KEYS[field]
      if (keys && item && typeof item === 'object') {
        const o = item as Record<string, unknown>
        const values = keys.map((k) => {
          const v = o[k] ?? (k === 'protocol' ? 'TCP' : undefined)
          return `${k}=${typeof v === 'number' ? v : JSON.stringify(v ?? '')}`
        })
        out += `[${values.join(',')}]`
      } else out += `[${idx}]`
      node = item
    }
  }
  return out
}

/**
 * The strict check of an apply patch for a new Pod; true when it answered (refused), false to go on.
 */
export function refuseUnknownApplyFields(
  w: StepWriter,
  request: HttpRequest,
  audit: ResponseAudit,
  kind: string,
  unknown: readonly string[],
): boolean {
  if ((request.query['fieldValidation'] ?? 'Strict') !== 'Strict' || unknown.length === 0) return false
  const [, , , , ns = '', , name = ''] = request.path.split('/')
  const where = kind === 'Namespace' ? `/${request.path.split('/')[4] ?? ''}` : `${ns}/${name}`
  const errors = unknown.map(
    (u) =>
      `${smdPath(/^unknown field "(.*)"$/.exec(u)?.[1] ?? u, request.body as Json)}: field not declared in schema`,
  )
  const detail = errors.length === 1 ? errors[0]! : ['errors:', ...errors.map((e) => `  ${e}`)].join('\n')
  const message = `failed to create typed patch object (${where}; /v1, Kind=${kind}): ${detail}`
  respond(w, {
    request,
    code: 500,
    body: failure(500, '', message),
    audit,
    stage: 'admission',
    summary: '500 (typed patch)',
    narration: `Server-side apply builds a typed patch from the object against the ${kind} schema; an unknown field makes that fail: ${message}`,
  })
  return true
}

/** A new Pod by server-side apply: the URL's name must be the object's, then the create path runs. */
export function applyCreatePod(
  w: StepWriter,
  request: HttpRequest,
  user: UserInfo,
  audit: ResponseAudit,
): void {
  const body = (request.body ?? {}) as JsonObject
  const urlName = request.path.split('/')[6] ?? ''
  const name = String(((body['metadata'] ?? {}) as JsonObject)['name'] ?? '')
  if (name !== urlName) {
    respond(w, {
      request,
      code: 400,
      body: failure(
        400,
        'BadRequest',
        `the name of the object (${name}) does not match the name on the URL (${urlName})`,
      ),
      audit,
      stage: 'admission',
      summary: '400 BadRequest',
      narration: 'The object names a different pod than the URL.',
    })
    return
  }
  if (refuseUnknownApplyFields(w, request, audit, 'Pod', decodePod(body as Json).unknownFields)) return
  w.send(0.4, { to: 'kube-apiserver', type: 'continue', step: { phase: 'decode', request, user, audit } })
}
