/**
 * The apiserver's OpenAPI endpoints, reached after authentication and authorization like any other
 * non-resource path (bootstrap system:discovery grants `/openapi/*` to every authenticated user):
 * the v3 index, one group-version's v3 document, and the v2 document kubectl falls back to.
 * Upstream: kube-openapi pkg/handler3/handler.go (HandleDiscovery, HandleGroupVersion) and
 * pkg/handler/handler.go (v2), Go net/http ServeContent (conditional requests, 304),
 * apiserver pkg/endpoints/filters/cachecontrol.go (WithCacheControl: "no-cache, private" unless set)
 */
import type { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import type { HttpRequest, ResponseAudit } from '../protocol/http'
import { respond } from './respond'
import { failure } from './status'
import {
  isServedGroupVersion,
  OPENAPI_V3_INDEX,
  OPENAPI_V3_INDEX_ETAG,
  openapiHash,
  OPENAPI_SERVER_VERSION,
  openapiV3Document,
} from '../model/openapi-v3'

export const isOpenAPIPath = (path: string): boolean =>
  path === '/openapi/v2' || path.startsWith('/openapi/v3')

/** Go's http.TimeFormat, as Last-Modified is written. */
export const httpDate = (ms: number): string => new Date(ms).toUTCString()
/** time.Now().AddDate(1, 0, 0).Format(time.RFC1123) in a kube-apiserver running in UTC. */
export function expiresInAYear(ms: number): string {
  const d = new Date(ms)
  d.setUTCFullYear(d.getUTCFullYear() + 1)
  return d.toUTCString().replace(/GMT$/, 'UTC')
}

const quote = (etag: string) => `"${etag}"`

export function serveOpenAPI(
  w: StepWriter,
  ctx: SimContext,
  request: HttpRequest,
  audit: ResponseAudit,
): void {
  const now = ctx.startTime + ctx.at
  const base = { request, audit, stage: 'kubectl' as const }
  if (request.path === '/openapi/v3') {
    const etag = quote(OPENAPI_V3_INDEX_ETAG)
    // ServeContent answers a matching If-None-Match with 304 and no body (checkIfNoneMatch).
    if (request.headers['If-None-Match'] === etag) {
      respond(w, {
        ...base,
        code: 304,
        body: '',
        headers: { 'Cache-Control': 'no-cache, private', Etag: etag },
        summary: '304 Not Modified /openapi/v3',
        narration:
          'kubectl already holds the index in its HTTP cache (~/.kube/cache/http) and asks with If-None-Match; the Etag still matches, so the apiserver answers 304 Not Modified without a body and kubectl reads its cached copy.',
      })
      return
    }
    respond(w, {
      ...base,
      code: 200,
      body: OPENAPI_V3_INDEX,
      headers: {
        'Cache-Control': 'no-cache, private',
        'Content-Type': 'application/json',
        Etag: etag,
        'Last-Modified': httpDate(now),
      },
      summary: '200 OK /openapi/v3 (index of OpenAPI v3 documents)',
      narration:
        'The apiserver answers with the OpenAPI v3 index: one URL per group-version (api/v1, apis/apps/v1, …), each carrying the hash of its document, so a client can cache a document for as long as its hash stays the same.',
    })
    return
  }
  if (request.path === '/openapi/v2') {
    respond(w, {
      ...base,
      code: 200,
      body: `(the OpenAPI v2 document of kube-apiserver ${OPENAPI_SERVER_VERSION}, protobuf)`,
      headers: {
        'Content-Type': 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf',
        'Cache-Control': 'no-cache, private',
      },
      summary: '200 OK /openapi/v2',
      narration: 'The apiserver returns its OpenAPI v2 document, the legacy one kubectl falls back to.',
    })
    return
  }
  const gvPath = request.path.slice('/openapi/v3/'.length)
  if (!isServedGroupVersion(gvPath)) {
    respond(w, {
      ...base,
      code: 404,
      body: failure(404, 'NotFound', 'the server could not find the requested resource'),
      summary: '404 NotFound',
      narration: `The apiserver publishes no OpenAPI document for ${gvPath}.`,
    })
    return
  }
  const etag = openapiHash(`${OPENAPI_SERVER_VERSION}/${gvPath}`)
  // With a hash in the URL the document is immutable: HandleGroupVersion lets clients cache it for a year.
  respond(w, {
    ...base,
    code: 200,
    body: openapiV3Document(gvPath),
    headers: {
      'Cache-Control': 'public, immutable',
      'Content-Type': 'application/json',
      Etag: quote(etag),
      Expires: expiresInAYear(now),
      Vary: 'Accept',
    },
    summary: `200 OK /openapi/v3/${gvPath} (OpenAPI v3 document)`,
    narration: `The apiserver returns the OpenAPI v3 document of ${gvPath}: every path of the group-version with its operations. kubectl looks for the PATCH of its kind and finds the fieldValidation parameter, so the server validates fields itself. The hash makes the answer immutable (Cache-Control: public, immutable; Expires a year on).`,
  })
}
