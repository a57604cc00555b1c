/**
 * What kubectl asks before it can send an object: the OpenAPI documents its validator reads (unless
 * --validate=false) and, with an empty discovery cache, aggregated discovery for the REST mapping.
 * That is the order of cli-runtime's StreamVisitor for each document: ValidateSchema first, then
 * infoForData (the mapping). create walks the documents one by one, so an object's questions come just
 * before its own request; apply reads every document before sending any (apply.go GetObjects), so all
 * of them come first. The answers are kept for the rest of the run (memory-cached clients).
 * Upstream: cli-runtime pkg/resource/visitor.go (StreamVisitor.Visit), kubectl pkg/cmd/apply/apply.go,
 * pkg/cmd/create/create.go; client-go discovery/aggregated_discovery.go, discovery_client.go.
 */
import type { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import type { HttpRequest, HttpResponse } from '../protocol/http'
import type { World } from '../protocol/world'
import type { PlanItem } from './plan'
import { getRequest } from './request'
import {
  cachedDocumentResponse,
  documentRequest,
  downloadError,
  indexPaths,
  indexRequest,
  legacyRequest,
  nextOpenAPIRequest,
  validationFailure,
} from './openapi'

type Memory = NonNullable<World['kubectlMemory']>
export type Send = (w: StepWriter, request: HttpRequest, narration: string, slot?: number) => void

/**
 * With an empty discovery cache kubectl first asks which APIs exist: aggregated discovery, GET /api then
 * GET /apis (client-go discovery/aggregated_discovery.go, discovery_client.go).
 */
export const AGGREGATED_DISCOVERY_ACCEPT =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json'

/** How long kubectl's HTTP cache takes to answer from disk, in virtual ms. */
const CACHE_MS = 0.2

function takeId(w: StepWriter): number {
  const id = w.world.nextRequestId
  w.update({ ...w.world, nextRequestId: id + 1 })
  return id
}

const memoryOf = (w: StepWriter): Memory => w.world.kubectlMemory!
const setMemory = (w: StepWriter, m: Memory) => w.update({ ...w.world, kubectlMemory: m })

/**
 * Sends the next question the object of item `index` waits on and answers 'waiting', or 'ready' when
 * the object can be sent. An object whose validation can no longer succeed has already become a
 * failure item (failValidation).
 */
export function preflight(w: StepWriter, ctx: SimContext, index: number, send: Send): 'ready' | 'waiting' {
  const memory = memoryOf(w)
  const item = (memory.items ?? [])[index]
  if (!item || item.type !== 'object') return 'ready'
  const { command } = ctx.input
  const session = memory.session ?? ''
  if (command.validate !== 'Ignore') {
    const next = nextOpenAPIRequest(memory.openapi, item.object)
    if (next?.kind === 'index') {
      const warm = !ctx.input.coldCache
      setMemory(w, { ...memory, index })
      send(
        w,
        indexRequest(takeId(w), command, memory.config, session, warm),
        warm
          ? `Before it sends anything, kubectl checks that the server validates fields itself (--validate=${command.validate.toLowerCase()}): it reads the OpenAPI v3 index. Its HTTP cache holds the index from an earlier run, so it asks with If-None-Match.`
          : `Before it sends anything, kubectl checks that the server validates fields itself (--validate=${command.validate.toLowerCase()}): GET /openapi/v3, the index of the OpenAPI v3 documents.`,
        index,
      )
      return 'waiting'
    }
    if (next) {
      setMemory(w, { ...memory, index })
      const request = documentRequest(takeId(w), command, memory.config, session, next.url)
      if (ctx.input.coldCache) {
        send(
          w,
          request,
          `Then the document of ${next.path} at the URL the index gave, hash included; kubectl looks for the fieldValidation parameter on the PATCH of ${String(item.object['kind'])}.`,
          index,
        )
      } else answerFromCache(w, request, next.path, index)
      return 'waiting'
    }
  }
  if (ctx.input.coldCache && !memory.discovered) {
    setMemory(w, { ...memory, index })
    sendDiscovery(w, ctx, '/api', send, index)
    return 'waiting'
  }
  return 'ready'
}

/**
 * The document's URL carries its hash and the stored answer is immutable, so kubectl's HTTP cache
 * answers it at once: -v=9 logs a GET with 200, yet nothing reaches the apiserver.
 */
function answerFromCache(w: StepWriter, request: HttpRequest, gvPath: string, slot: number): void {
  w.emit({
    kind: 'http.request',
    component: 'kubectl',
    from: 'kubectl',
    to: 'kubectl',
    stage: 'kubectl',
    summary: `GET ${request.path}?hash=…&timeout=32s (kubectl's HTTP cache)`,
    narration: `Then the document of ${gvPath}, at the URL the index gave. The URL carries the document's hash and kubectl's HTTP cache (~/.kube/cache/http) holds it as immutable, so the cache answers: kubectl -v=9 shows the GET, but it never reaches the apiserver.`,
    payload: request,
  })
  const response = cachedDocumentResponse(request)
  w.emit({
    kind: 'http.response',
    component: 'kubectl',
    from: 'kubectl',
    to: 'kubectl',
    stage: 'kubectl',
    summary: `200 OK ${request.path} (from kubectl's HTTP cache)`,
    narration:
      'The cached document (X-From-Cache: 1) has the PATCH operation with the fieldValidation parameter, so kubectl leaves field validation to the server.',
    payload: { ...response, to: 'kubectl' },
  })
  w.send(CACHE_MS, { to: 'kubectl', type: 'response', request, response }, { doc: slot })
}

export function sendDiscovery(
  w: StepWriter,
  ctx: SimContext,
  path: '/api' | '/apis',
  send: Send,
  slot?: number,
): void {
  const memory = memoryOf(w)
  const base = getRequest(
    takeId(w),
    ctx.input.command,
    memory.config,
    memory.session ?? '',
    memory.namespace ?? 'default',
    '',
  )
  const request: HttpRequest = {
    ...base,
    path,
    // The discovery client's http.Client has a 32 s timeout (discovery_client.go defaultTimeout), which
    // client-go's rest.Request also sends as the `timeout` query parameter.
    query: { timeout: '32s' },
    headers: { ...base.headers, Accept: AGGREGATED_DISCOVERY_ACCEPT },
  }
  send(
    w,
    request,
    path === '/api'
      ? 'kubectl has no discovery cache yet (~/.kube/cache/discovery), so it asks the apiserver which APIs it serves to map the kind to a URL: GET /api (the core group).'
      : 'Then GET /apis for every other API group. With the answers cached, later commands skip these requests.',
    slot,
  )
}

/**
 * An answer to one of the validator's requests. Returns true when kubectl can go on with the objects
 * (the caller resumes), false when it sent the next request itself.
 */
export function onOpenAPIResponse(
  w: StepWriter,
  ctx: SimContext,
  request: HttpRequest,
  response: HttpResponse,
  send: Send,
): boolean {
  const memory = memoryOf(w)
  const state = memory.openapi ?? { fetched: [] }
  const ok = response.code === 200 || (request.path === '/openapi/v3' && response.code === 304)
  if (ok && request.path === '/openapi/v2') {
    setMemory(w, { ...memory, openapi: { ...state, legacy: true } })
    return true
  }
  if (ok && request.path === '/openapi/v3') {
    setMemory(w, { ...memory, openapi: { ...state, index: indexPaths(response) } })
    return true
  }
  if (ok) {
    const gv = request.path.slice('/openapi/v3/'.length)
    setMemory(w, { ...memory, openapi: { ...state, fetched: [...state.fetched, gv] } })
    return true
  }
  if (request.path !== '/openapi/v2') {
    // fallbackQueryParamVerifier: any v3 error but "unsupported" sends kubectl to the v2 document.
    send(
      w,
      legacyRequest(takeId(w), ctx.input.command, memory.config, memory.session ?? ''),
      `The OpenAPI v3 request failed (${response.code}), so kubectl falls back to the legacy OpenAPI v2 document: GET /openapi/v2.`,
      memory.index,
    )
    return false
  }
  failValidation(w, ctx, downloadError(response))
  return true
}

/**
 * Neither document could be had: every object not yet handled fails validation with the same error
 * (the verifier caches it), and apply's failures, gathered before anything is sent, include them.
 */
function failValidation(w: StepWriter, ctx: SimContext, error: string): void {
  const memory = memoryOf(w)
  const { command } = ctx.input
  const from = command.verb === 'apply' ? 0 : (memory.index ?? 0)
  const items: PlanItem[] = (memory.items ?? []).map((item, i) =>
    i >= from && item.type === 'object'
      ? { type: 'failure', failure: { type: 'client', text: validationFailure(command.file, error) } }
      : item,
  )
  const failures =
    command.verb === 'apply'
      ? items.flatMap((i) => (i.type === 'failure' ? [i.failure] : []))
      : (memory.failures ?? [])
  setMemory(w, { ...memory, items, failures, openapi: { ...(memory.openapi ?? { fetched: [] }), error } })
}
