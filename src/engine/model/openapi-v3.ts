/**
 * The OpenAPI v3 documents a v1.34 kube-apiserver publishes, as far as kubectl reads them: the index
 * at /openapi/v3 (one server-relative URL per group-version, carrying the document's hash) and, per
 * group-version, the PATCH operations with their `fieldValidation` parameter, which is all that
 * cli-runtime's queryParamVerifierV3 looks at.
 *
 * The real api/v1 document is about a megabyte; the bodies here are its summary (the PATCH operation
 * of every kind Podlife serves). The hashes stand for kube-openapi's computeETag, the upper-case hex
 * SHA-512 of the JSON document: fixed strings of that shape, the same on every run, because the served
 * API does not change while kubectl runs.
 * Upstream: kube-openapi pkg/handler3/handler.go (OpenAPIV3Discovery, computeETag,
 * constructServerRelativeURL, HandleDiscovery, HandleGroupVersion),
 * client-go openapi3/root.go (gvToAPIPath)
 */
import type { Json } from './objects'
import { CORE_RESOURCES, groupVersion } from './core-resources'

/** The kube-apiserver's version, as its OpenAPI documents' info.version gives it. */
export const OPENAPI_SERVER_VERSION = 'v1.34.0'

/** The index's paths of a kubeadm v1.34 cluster with the default API groups, sorted as Go's JSON encoder sorts map keys. */
const GROUP_VERSIONS: readonly string[] = [
  '.well-known/openid-configuration',
  'api',
  'api/v1',
  'apis',
  ...[
    'admissionregistration.k8s.io/v1',
    'apiextensions.k8s.io/v1',
    'apiregistration.k8s.io/v1',
    'apps/v1',
    'authentication.k8s.io/v1',
    'authorization.k8s.io/v1',
    'autoscaling/v1',
    'autoscaling/v2',
    'batch/v1',
    'certificates.k8s.io/v1',
    'coordination.k8s.io/v1',
    'discovery.k8s.io/v1',
    'events.k8s.io/v1',
    'flowcontrol.apiserver.k8s.io/v1',
    'networking.k8s.io/v1',
    'node.k8s.io/v1',
    'policy/v1',
    'rbac.authorization.k8s.io/v1',
    'resource.k8s.io/v1',
    'scheduling.k8s.io/v1',
    'storage.k8s.io/v1',
  ].flatMap((gv) => {
    const group = gv.slice(0, gv.indexOf('/'))
    return [`apis/${group}`, `apis/${gv}`]
  }),
  'logs',
  'openid/v1/jwks',
  'version',
].sort()

/**
 * 128 upper-case hex digits derived from `seed`: the shape of computeETag's SHA-512. Deterministic,
 * so the index and the documents agree on every run.
 */
export function openapiHash(seed: string): string {
  let h1 = 0x811c9dc5
  for (let i = 0; i < seed.length; i++) h1 = Math.imul(h1 ^ seed.charCodeAt(i), 0x01000193) >>> 0
  let hex = ''
  let x = h1
  for (let i = 0; i < 16; i++) {
    x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) >>> 0
    x = Math.imul(x ^ (x >>> 12), 0x297a2d39) >>> 0
    x = (x ^ (x >>> 15) ^ (i * 0x9e3779b9)) >>> 0
    hex += x.toString(16).padStart(8, '0')
  }
  return hex.toUpperCase()
}

/** constructServerRelativeURL: `/openapi/v3/<gv>?hash=<etag>`. */
export function serverRelativeURL(gvPath: string): string {
  return `/openapi/v3/${gvPath}?hash=${openapiHash(`${OPENAPI_SERVER_VERSION}/${gvPath}`)}`
}

/** The body of GET /openapi/v3 (OpenAPIV3Discovery). */
export const OPENAPI_V3_INDEX: Json = {
  paths: Object.fromEntries(GROUP_VERSIONS.map((gv) => [gv, { serverRelativeURL: serverRelativeURL(gv) }])),
}

/** HandleDiscovery's Etag: the hash of the index document itself. */
export const OPENAPI_V3_INDEX_ETAG = openapiHash(
  `${OPENAPI_SERVER_VERSION} index ${GROUP_VERSIONS.join(',')}`,
)

/** gvToAPIPath: `v1` → `api/v1`, `apps/v1` → `apis/apps/v1`. */
export function gvPathOf(apiVersion: string): string {
  return apiVersion.includes('/') ? `apis/${apiVersion}` : `api/${apiVersion}`
}

/** The query parameter kubectl looks for on each PATCH operation (cli-runtime QueryParamFieldValidation). */
const FIELD_VALIDATION_PARAMETER: Json = {
  name: 'fieldValidation',
  in: 'query',
  description:
    'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore: This will ignore any unknown fields that are silently dropped from the object, and will ignore all but the last duplicate field that the decoder encounters. This is the default behavior prior to v1.23. - Warn: This will send a warning via the standard warning response header for each unknown field that is dropped from the object, and for each duplicate field that is encountered. The request will still succeed if there are no other errors, and will only persist the last of any duplicate fields. This is the default in v1.23+ - Strict: This will fail the request with a BadRequest error if any unknown fields would be dropped from the object, or if any duplicate fields are present. The error returned from the server will contain all unknown and duplicate fields encountered.',
  schema: { type: 'string', uniqueItems: true },
}

const queryParameter = (name: string): Json => ({
  name,
  in: 'query',
  schema: name === 'force' ? { type: 'boolean', uniqueItems: true } : { type: 'string', uniqueItems: true },
})

/** The PATCH operation of one kind, as the generated spec names and describes it. */
function patchPath(kind: string, group: string, resource: string, namespaced: boolean): [string, Json] {
  const root = group ? `/apis/${group}/v1` : '/api/v1'
  const path = namespaced ? `${root}/namespaces/{namespace}/${resource}/{name}` : `${root}/${resource}/{name}`
  const groupWord = group ? group.split('.')[0]!.replace(/^./, (c) => c.toUpperCase()) : 'Core'
  return [
    path,
    {
      patch: {
        description: `partially update the specified ${kind}`,
        operationId: `patch${groupWord}V1${namespaced ? 'Namespaced' : ''}${kind}`,
        parameters: [
          queryParameter('dryRun'),
          queryParameter('fieldManager'),
          FIELD_VALIDATION_PARAMETER,
          queryParameter('force'),
        ],
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group, kind, version: 'v1' },
      },
    },
  ]
}

/**
 * The body of GET /openapi/v3/<gvPath>?hash=…, summarised to the PATCH operations of the kinds Podlife
 * serves in that group-version (an empty `paths` for the others).
 */
export function openapiV3Document(gvPath: string): Json {
  const paths = Object.values(CORE_RESOURCES)
    .filter((r) => gvPathOf(groupVersion(r)) === gvPath)
    .map((r) => patchPath(r.kind, r.group ?? '', r.resource, r.namespaced))
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: OPENAPI_SERVER_VERSION },
    paths: Object.fromEntries(paths),
  }
}

/** Whether the index lists the group-version (GroupVersionNotFoundError otherwise). */
export function isServedGroupVersion(gvPath: string): boolean {
  return GROUP_VERSIONS.includes(gvPath)
}
