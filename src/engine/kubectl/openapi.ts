/**
 * kubectl's check that the server validates fields itself, before a create or apply whose --validate
 * is strict or warn: cli-runtime's queryParamVerifierV3 reads GET /openapi/v3 (the index) and then the
 * group-version's document at the URL the index gives, hash included, and looks for the
 * `fieldValidation` parameter on the kind's PATCH. When the v3 documents cannot be had it falls back
 * to GET /openapi/v2; when that fails too, validation fails and nothing is sent.
 * With --validate=false (ignore) kubectl builds no validator at all, so none of this is sent.
 *
 * The documents go through kubectl's HTTP cache (~/.kube/cache/http): on a machine that ran kubectl
 * against this cluster before, the index is revalidated (If-None-Match, answered 304) and the
 * hashed, immutable document is answered by the cache without reaching the apiserver; -v=9 logs
 * both as 200 (the cache marks its answers X-From-Cache: 1).
 * Upstream: kubectl pkg/cmd/util/factory_client_access.go (Validator), caching_verifier.go,
 * pkg/validation/schema.go (paramVerifyingSchema), cli-runtime pkg/resource/query_param_verifier_v3.go,
 * fallback_query_param_verifier.go, query_param_verifier.go ("failed to download openapi"),
 * visitor.go (ValidateSchema), client-go openapi/client.go, openapi/groupversion.go, openapi3/root.go,
 * discovery/cached/disk (httpcache round tripper).
 */
import type { HttpRequest, HttpResponse } from '../protocol/http'
import type { JsonObject } from '../model/objects'
import type { KubectlCommand } from './command'
import type { ResolvedKubeconfig } from './kubeconfig'
import { getRequest } from './request'
import { gvPathOf, OPENAPI_V3_INDEX, OPENAPI_V3_INDEX_ETAG, openapiV3Document } from '../model/openapi-v3'

/** What kubectl has learnt from the OpenAPI documents in this run (the cached client keeps it in memory). */
export interface OpenAPIState {
  /** The index's paths once read (from the apiserver or, after a 304, from the HTTP cache). */
  readonly index?: Readonly<Record<string, { readonly serverRelativeURL?: string }>>
  /** The group-version documents read so far (`api/v1`, `apis/apps/v1`). */
  readonly fetched: readonly string[]
  /** The v2 fallback answered, so support is settled without the v3 documents. */
  readonly legacy?: boolean
  /** Why the documents could not be had; every object then fails validation. */
  readonly error?: string
}

/** The discovery client's 32 s timeout, sent as client-go's `timeout` parameter (discovery_client.go). */
const TIMEOUT = { timeout: '32s' }
export const OPENAPI_V2_ACCEPT = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf'

/** The group-version document path kubectl needs for an object, from its apiVersion (gvToAPIPath). */
export function documentPathOf(object: JsonObject): string {
  return gvPathOf(String(object['apiVersion'] ?? 'v1'))
}

/** Whether the validator still needs a request before this object can be validated; the request if so. */
export function nextOpenAPIRequest(
  state: OpenAPIState | undefined,
  object: JsonObject,
):
  | { readonly kind: 'index' }
  | { readonly kind: 'document'; readonly path: string; readonly url: string }
  | null {
  if (state?.legacy || state?.error) return null
  if (!state?.index) return { kind: 'index' }
  const gv = documentPathOf(object)
  if (state.fetched.includes(gv)) return null
  const url = state.index[gv]?.serverRelativeURL
  // A group-version the index does not list is GroupVersionNotFoundError; for a kind kubectl can map
  // that cannot happen with the groups Podlife serves, so it is settled without a request.
  if (!url) return null
  return { kind: 'document', path: gv, url }
}

function base(
  id: number,
  cmd: KubectlCommand,
  cfg: ResolvedKubeconfig,
  session: string,
  path: string,
  query: Readonly<Record<string, string>>,
  accept: string,
  extra: Readonly<Record<string, string>> = {},
): HttpRequest {
  const r = getRequest(id, cmd, cfg, session, '', '')
  return { ...r, path, query, headers: { ...r.headers, Accept: accept, ...extra } }
}

/**
 * GET /openapi/v3 with the discovery client's default Accept. From a warm cache the HTTP cache adds
 * If-None-Match with the Etag it stored.
 */
export function indexRequest(
  id: number,
  cmd: KubectlCommand,
  cfg: ResolvedKubeconfig,
  session: string,
  warm: boolean,
): HttpRequest {
  return base(id, cmd, cfg, session, '/openapi/v3', TIMEOUT, 'application/json, */*', {
    ...(warm ? { 'If-None-Match': `"${OPENAPI_V3_INDEX_ETAG}"` } : {}),
  })
}

/** GET of the server-relative URL the index gave, hash and all, asking for JSON (openapi3 root GVSpec). */
export function documentRequest(
  id: number,
  cmd: KubectlCommand,
  cfg: ResolvedKubeconfig,
  session: string,
  url: string,
): HttpRequest {
  // The index's URLs come from url.Values.Encode (hash=<hex>): plain key=value pairs.
  const [path, search = ''] = url.split('?')
  const query = Object.fromEntries(
    search
      .split('&')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  )
  return base(id, cmd, cfg, session, path!, { ...query, ...TIMEOUT }, 'application/json')
}

/** The legacy verifier's GET /openapi/v2, asked for as protobuf (discovery_client.go OpenAPISchema). */
export function legacyRequest(
  id: number,
  cmd: KubectlCommand,
  cfg: ResolvedKubeconfig,
  session: string,
): HttpRequest {
  return base(id, cmd, cfg, session, '/openapi/v2', TIMEOUT, OPENAPI_V2_ACCEPT)
}

/**
 * The HTTP cache's answer to a hashed document it already holds: the stored 200, marked as its own
 * (X-From-Cache, and X-Varied-Accept for the Vary: Accept it honours). The stored Date and Expires are
 * those of the run that first fetched it, which Podlife does not know, so they are left out.
 */
export function cachedDocumentResponse(request: HttpRequest): HttpResponse {
  const gvPath = request.path.slice('/openapi/v3/'.length)
  return {
    requestId: request.id,
    code: 200,
    body: openapiV3Document(gvPath),
    authn: { authenticator: null, user: null },
    authz: [],
    headers: {
      'Cache-Control': 'public, immutable',
      'Content-Type': 'application/json',
      Etag: `"${request.query['hash'] ?? ''}"`,
      Vary: 'Accept',
      'X-From-Cache': '1',
      'X-Varied-Accept': 'application/json',
    },
    fromCache: true,
  }
}

/** The paths of an index body (the cached copy after a 304). */
export function indexPaths(response: HttpResponse): NonNullable<OpenAPIState['index']> {
  const body = response.code === 304 ? OPENAPI_V3_INDEX : response.body
  const paths = (body as { paths?: unknown } | null)?.paths
  return paths && typeof paths === 'object' ? (paths as NonNullable<OpenAPIState['index']>) : {}
}

/**
 * The error client-go makes of a refused OpenAPI request. Its discovery REST client cannot decode a
 * JSON Status, so the body is lost: NewGenericServerResponse with the message "unknown", which for a
 * 401 is replaced by the fixed text (apimachinery api/errors NewGenericServerResponse).
 */
export function downloadError(response: HttpResponse): string {
  switch (response.code) {
    case 401:
      return 'the server has asked for the client to provide credentials'
    case 404:
      return 'the server could not find the requested resource'
    default:
      return response.code >= 500
        ? `an error on the server ("unknown") has prevented the request from succeeding`
        : 'unknown'
  }
}

/**
 * The failure every object then meets (QueryParamVerifier.HasSupport "failed to download openapi: %v",
 * visitor.go ValidateSchema "error validating data: %v; %s", AddSourceToErr `error validating "<file>"`).
 */
export const validationFailure = (file: string, error: string): string =>
  `error validating "${file}": error validating data: failed to download openapi: ${error}; if you choose to ignore these errors, turn validation off with --validate=false`

export const isOpenAPIRequest = (request: HttpRequest): boolean => request.path.startsWith('/openapi/')
