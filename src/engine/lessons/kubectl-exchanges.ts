/**
 * kubectl's requests in a run, each with the apiserver's answer: what the kubectl-output and
 * apiserver-accepts questions are about. Discovery requests (GET /api, /apis) and the validator's
 * OpenAPI requests (GET /openapi/v3, …) are left out; they say nothing about the pod.
 */
import { requestInfo } from '../apiserver/routes'
import type { HttpRequest, HttpResponse } from '../protocol/http'
import type { SimEvent } from '../protocol/events'
import type { Timeline } from '../protocol/timeline'
import { isAboutPrimaryPod } from './primary-pod'

export interface KubectlExchange {
  readonly requestIndex: number
  readonly request: HttpRequest
  /** -1 when the run ends before the apiserver answers. */
  readonly responseIndex: number
  readonly response: HttpResponse | null
}

const DISCOVERY = new Set(['/api', '/apis'])

export function kubectlExchanges(events: readonly SimEvent[]): KubectlExchange[] {
  const out: KubectlExchange[] = []
  events.forEach((e, i) => {
    if (e.kind !== 'http.request' || e.payload.from !== 'kubectl' || DISCOVERY.has(e.payload.path)) return
    if (e.payload.path.startsWith('/openapi/')) return
    const id = e.payload.id
    const responseIndex = events.findIndex(
      (r, j) => j > i && r.kind === 'http.response' && r.payload.requestId === id,
    )
    const r = events[responseIndex]
    out.push({
      requestIndex: i,
      request: e.payload,
      responseIndex,
      response: r?.kind === 'http.response' ? r.payload : null,
    })
  })
  return out
}

/** kubectl's requests about the pod the story follows (not the Namespace or ConfigMap beside it). */
export function podExchanges(t: Timeline): KubectlExchange[] {
  return kubectlExchanges(t.events).filter(
    (x) => requestInfo(x.request).resource === 'pods' && isAboutPrimaryPod(t, t.events[x.requestIndex]!),
  )
}

/**
 * True when the answer decides whether the pod is stored: a write's answer, or a refusal of any
 * request. Client-side apply's GET answered 404 ("not there yet, create it") or 200 (it exists, so
 * a PATCH follows) decides nothing yet (kubectl pkg/cmd/apply/apply.go).
 */
export function isDecisive(x: KubectlExchange): boolean {
  if (!x.response) return false
  if (x.request.method !== 'GET') return true
  return x.response.code >= 400 && x.response.code !== 404
}

/** The write kubectl sends for the object (POST or PATCH), if it sends one. */
export function writeExchange(exchanges: readonly KubectlExchange[]): KubectlExchange | undefined {
  return exchanges.find((x) => x.request.method === 'POST' || x.request.method === 'PATCH')
}

/** Server-side apply sends the object as an apply patch (kubectl pkg/cmd/apply/apply.go). */
export const isServerSideApply = (r: HttpRequest): boolean =>
  r.headers['Content-Type'] === 'application/apply-patch+yaml'
