/**
 * Endings where kubectl failed and no pod was stored: kubectl's own client-side errors (a YAML
 * error, a kind it cannot map) and the apiserver's refusals (401, 403 from authorization or an
 * admission plugin, 400 strict decoding, 422 validation). The cause is the event where the verdict
 * arose: the authn/authz verdict, the denying admission plugin, the decode or the validation.
 */
import type { SimEvent } from '../protocol/events'
import type { Timeline } from '../protocol/timeline'
import type { KubectlOutput } from '../protocol/world'
import { isRejection, resourceOfPath } from './event-classes'
import { findEvent, findLastEvent } from './ending-search'
import type { Ending, EndingCause } from './types'

interface StatusBody {
  readonly reason?: string
  readonly message?: string
  readonly details?: { readonly name?: string; readonly kind?: string; readonly causes?: readonly unknown[] }
}

/** The apiserver's refusal of kubectl's write (apply's GET of a missing object answers 404 by design). */
function isRefusal(e: SimEvent, requestMethods: ReadonlyMap<number, string>): boolean {
  if (e.kind !== 'http.response' || e.payload.to !== 'kubectl' || e.payload.code < 400) return false
  return !(e.payload.code === 404 && requestMethods.get(e.payload.requestId) === 'GET')
}

/** What the verdict event says, and who decided. */
function verdictOf(e: SimEvent): { label: string; who: string; why: string } {
  switch (e.kind) {
    case 'authn.verdict':
      return {
        label: 'authentication: no authenticator recognised the caller',
        who: 'the authentication chain',
        why: `No authenticator accepted the credentials (${e.payload.attempts.map((a) => `${a.authenticator}: ${a.detail}`).join('; ')}).`,
      }
    case 'authz.verdict': {
      const deny = e.payload.decisions.find((d) => d.decision === 'Deny')
      return {
        label: `authorization: ${deny ? `${deny.authorizer} denied` : 'no authorizer allowed'} the request`,
        who: 'the authorization chain',
        why: `Every authorizer was asked in turn (${e.payload.decisions.map((d) => `${d.authorizer}: ${d.decision}`).join(', ')}); none allowed it.`,
      }
    }
    case 'admission.verdict':
      return {
        label: `admission: ${e.payload.plugin} denied the pod`,
        who: `the ${e.payload.plugin} admission plugin`,
        why: `${e.payload.plugin} (${e.payload.phase}) denied it${e.payload.note ? `: ${e.payload.note}` : ''}.`,
      }
    case 'apiserver.validation':
      return {
        label: `validation: ${e.payload.errors.length} error${e.payload.errors.length === 1 ? '' : 's'}`,
        who: "the apiserver's validation",
        why: `Validation of the whole object found ${e.payload.errors.length === 1 ? 'one error' : `${e.payload.errors.length} errors`}: ${e.payload.errors.join('; ')}.`,
      }
    case 'apiserver.decode':
      return {
        label: `strict decoding: unknown field ${e.payload.unknownFields.map((f) => `"${f}"`).join(', ')}`,
        who: "the apiserver's decoder",
        why: `With fieldValidation=${e.payload.fieldValidation}, a field the API schema does not know is an error, not a warning.`,
      }
    default:
      return { label: e.summary, who: 'the apiserver', why: '' }
  }
}

function serverRefusal(timeline: Timeline, refusal: number, kubectl: KubectlOutput, out: number): Ending {
  const response = timeline.events[refusal]!
  if (response.kind !== 'http.response') throw new Error(`event ${refusal} is not a response`)
  const { code } = response.payload
  const body = response.payload.body as StatusBody
  const request = findEvent(
    timeline,
    (e) => e.kind === 'http.request' && e.payload.id === response.payload.requestId,
  )
  const verdict = findLastEvent(
    timeline,
    (e, i) => i > request && i < refusal && e.kind !== 'http.response' && isRejection(e),
  )
  const v = verdict >= 0 ? verdictOf(timeline.events[verdict]!) : null
  const requested = timeline.events[request]
  const kind =
    body.details?.kind?.replace(/s$/, '') ??
    (requested?.kind === 'http.request' ? resourceOfPath(requested.payload.path) : 'object')
  const what = body.details?.name ? `${kind} "${body.details.name}"` : `the ${kind}`
  const reason = body.reason ?? String(code)
  const causeCount = body.details?.causes?.length ?? 0
  const headline =
    code === 422
      ? `The apiserver rejected ${what} as invalid (422): ${causeCount} error${causeCount === 1 ? '' : 's'}, nothing was stored.`
      : `The apiserver refused ${what} (${code} ${reason})${v ? `: ${v.who} decided` : body.message ? `: ${body.message}` : ''}; nothing was stored.`
  const causes: EndingCause[] = []
  if (verdict >= 0 && v) causes.push({ label: v.label, eventIndex: verdict })
  causes.push({ label: `the ${code} ${reason} from the apiserver`, eventIndex: refusal })
  if (out >= 0) causes.push({ label: `kubectl exits ${kubectl.exitCode}`, eventIndex: out })
  return {
    tone: 'rejected',
    headline,
    explanation: [
      v?.why,
      `kube-apiserver answered ${code} ${reason} before anything reached etcd, so no scheduler or kubelet ever saw the pod.`,
      `kubectl printed the apiserver's message and exited ${kubectl.exitCode}.`,
    ]
      .filter(Boolean)
      .join(' '),
    message: kubectl.stderr,
    causes,
  }
}

/**
 * What kubectl's own error says it could not do. The texts are kubectl's: pkg/cmd/util/helpers.go
 * ("error parsing"), cli-runtime pkg/resource/mapper.go ("resource mapping not found").
 */
function clientFailure(stderr: string): string {
  if (stderr.includes('error parsing') || stderr.includes('error converting YAML to JSON'))
    return 'it could not parse the YAML'
  if (stderr.includes('resource mapping not found') || stderr.includes('no matches for kind'))
    return 'it does not know the kind (no API resource serves it)'
  return stderr.split('\n')[0]!.replace(/^error: /, '')
}

/** The ending when kubectl exited non-zero and no pod exists; null when kubectl succeeded. */
export function kubectlEnding(timeline: Timeline, kubectl: KubectlOutput | null): Ending | null {
  if (!kubectl || kubectl.exitCode === 0) return null
  const methods = new Map<number, string>()
  for (const e of timeline.events) if (e.kind === 'http.request') methods.set(e.payload.id, e.payload.method)
  const out = findLastEvent(timeline, (e) => e.kind === 'kubectl.output')
  const refusal = findEvent(timeline, (e) => isRefusal(e, methods))
  if (refusal >= 0) return serverRefusal(timeline, refusal, kubectl, out)
  // Nothing was refused by a server: kubectl stopped on its own (a YAML error, a kind it cannot map).
  const parse = findEvent(timeline, (e) => e.kind === 'kubectl.parse')
  const causes: EndingCause[] = []
  if (out >= 0) causes.push({ label: `kubectl: ${kubectl.stderr.split('\n')[0]}`, eventIndex: out })
  if (parse >= 0) causes.push({ label: 'kubectl reads the manifest', eventIndex: parse })
  return {
    tone: 'rejected',
    headline: `kubectl stopped before sending anything and exited ${kubectl.exitCode}: ${clientFailure(kubectl.stderr)}.`,
    explanation:
      'kubectl checks only that it can read the file and map each kind to an API resource; this one failed that check, so no request reached the apiserver.',
    message: kubectl.stderr,
    causes,
  }
}
