/**
 * "Will the apiserver accept this pod?" The answer is the apiserver's real answer to the request
 * that decides it; the other choices are the refusals of the checks this same request went through
 * in the run (authentication 401, authorization 403, validation 422, a validating admission plugin
 * 403), so every choice names a check that really ran.
 * Upstream: apiserver pkg/endpoints/filters (authentication, authorization), pkg/admission/chain.go,
 * pkg/registry/rest/create.go (BeforeCreate: validation).
 */
import type { Json, SimEvent } from '../protocol/events'
import type { Timeline } from '../protocol/timeline'
import { choiceList } from './choice-list'
import { isDecisive, podExchanges, type KubectlExchange } from './kubectl-exchanges'
import type { PredictionResult } from './types'

/** Validating admission plugins that refuse pods in a default cluster, each with 403 Forbidden. */
const REFUSING_PLUGINS: ReadonlySet<string> = new Set(['LimitRanger', 'PodSecurity', 'ResourceQuota'])

const STATUS_TEXT: Readonly<Record<number, string>> = { 200: 'OK', 201: 'Created' }

const yes = (code: number) => `Yes: ${code} ${STATUS_TEXT[code] ?? ''}`.trimEnd()
const no = (code: number, reason: string, by: string) => `No: ${code} ${reason} (${by})`

export function predictApiserverAccepts(t: Timeline, at: number): PredictionResult {
  const decisive = podExchanges(t).find((x) => x.responseIndex > at && isDecisive(x))
  if (!decisive?.response)
    return { ok: false, error: 'no request that decides the pod is answered after this point' }
  const code = decisive.response.code
  const accepted = code >= 200 && code < 300
  const span = t.events.slice(decisive.requestIndex, decisive.responseIndex + 1)
  const by = decidedBy(span)
  const answer = accepted ? yes(code) : no(code, reasonOf(decisive.response.body), by)
  const passed = checksPassed(span, !accepted && by.startsWith('admission'))
  const accept = accepted ? answer : yes(decisive.request.method === 'PATCH' ? 200 : 201)
  return {
    ok: true,
    prediction: {
      kind: 'apiserver-accepts',
      question: 'Will the apiserver accept this pod?',
      choices: choiceList([...passed, ...(accepted ? [] : [answer]), accept].sort(byPipeline), answer),
      answer,
      explanation: explain(decisive, accepted, span),
      revealIndex: decisive.responseIndex,
    },
  }
}

function reasonOf(body: Json): string {
  const reason = (body as { reason?: unknown }).reason
  return typeof reason === 'string' ? reason : 'Failure'
}

/** Which check refused the request: the rejecting event just before the answer. */
function decidedBy(span: readonly SimEvent[]): string {
  for (let i = span.length - 1; i >= 0; i--) {
    const e = span[i]!
    if (e.kind === 'authn.verdict' && !e.payload.user) return 'authentication'
    if (e.kind === 'authz.verdict' && !e.payload.allowed) return 'authorization'
    if (e.kind === 'admission.verdict' && e.payload.verdict === 'deny')
      return `admission: ${e.payload.plugin}`
    if (e.kind === 'apiserver.validation' && e.payload.errors.length > 0) return 'validation'
    if (e.kind === 'apiserver.decode' && e.payload.unknownFields.length > 0) return 'decoding'
  }
  // Strict decoding refuses the body before any check is recorded (handlers/rest.go transformDecodeError).
  const last = span[span.length - 1]
  return (last?.kind === 'http.response' && FALLBACK[last.payload.code]) || 'apiserver'
}

const FALLBACK: Readonly<Record<number, string>> = {
  400: 'decoding',
  401: 'authentication',
  422: 'validation',
}

/**
 * The refusal each check that let this request through would have answered with: authentication,
 * authorization, validation, and one validating admission plugin (PodSecurity when it ran) unless
 * admission is what refused it.
 */
function checksPassed(span: readonly SimEvent[], refusedByAdmission: boolean): string[] {
  const out: string[] = []
  const plugins: string[] = []
  for (const e of span) {
    if (e.kind === 'authn.verdict' && e.payload.user) out.push(no(401, 'Unauthorized', 'authentication'))
    if (e.kind === 'authz.verdict' && e.payload.allowed) out.push(no(403, 'Forbidden', 'authorization'))
    if (e.kind === 'apiserver.validation' && e.payload.errors.length === 0)
      out.push(no(422, 'Invalid', 'validation'))
    const refusing =
      e.kind === 'admission.verdict' &&
      e.payload.phase === 'validating' &&
      e.payload.verdict === 'admit' &&
      REFUSING_PLUGINS.has(e.payload.plugin)
    if (refusing) plugins.push(e.payload.plugin)
  }
  const plugin = plugins.includes('PodSecurity') ? 'PodSecurity' : plugins[0]
  if (plugin && !refusedByAdmission) out.push(no(403, 'Forbidden', `admission: ${plugin}`))
  return out
}

/** Refusals in the order the apiserver runs its checks, then acceptance. */
const PIPELINE = ['(authentication)', '(authorization)', '(decoding)', '(validation)', '(admission']
function byPipeline(a: string, b: string): number {
  return rank(a) - rank(b)
}
function rank(choice: string): number {
  if (choice.startsWith('Yes')) return PIPELINE.length
  const i = PIPELINE.findIndex((p) => choice.includes(p))
  return i < 0 ? PIPELINE.length - 1 : i
}

function explain(x: KubectlExchange, accepted: boolean, span: readonly SimEvent[]): string {
  const r = x.response!
  if (accepted) {
    const admitted = span.filter(
      (e) => e.kind === 'admission.verdict' && e.payload.verdict === 'admit',
    ).length
    return `Authentication, authorization, validation and ${admitted} admission plugin verdicts all let ${x.request.method} ${x.request.path} through, so the apiserver stored the pod and answered ${r.code}. Whether any node can run it is not the apiserver's question: the scheduler decides that later.`
  }
  const message = (r.body as { message?: unknown }).message
  const said = typeof message === 'string' ? `: ${message}` : ''
  return `Refused by ${decidedBy(span)}: the apiserver answered ${x.request.method} ${x.request.path} with ${r.code}${said}. Nothing was written to etcd.`
}
