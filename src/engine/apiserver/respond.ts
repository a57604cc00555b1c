/** Sending an HTTP response back to whichever component asked. */
import type { StepWriter } from '../protocol/step'
import type { HttpRequest, ResponseAudit } from '../protocol/http'
import type { Json } from '../protocol/events'
import type { StageId } from '../protocol/stages'
import type { Pod } from '../model/objects'

/** Network latency back to the client, in virtual ms. */
const RETURN_MS: Readonly<Record<HttpRequest['from'], number>> = {
  kubectl: 2,
  'kube-scheduler': 1,
  kubelet: 1.5,
  'kube-controller-manager': 1,
}

export interface Reply {
  readonly request: HttpRequest
  readonly code: number
  readonly body: Json
  readonly audit: ResponseAudit
  readonly stage: StageId
  readonly summary: string
  readonly narration: string
  /** For the scheduler's binding: the pod and node it asked for. */
  readonly binding?: { readonly pod: Pod; readonly node: string }
  /** For a kubelet: which node's kubelet asked. */
  readonly node?: string
  /** Warning headers gathered while handling the request (field validation, admission). */
  readonly warnings?: readonly string[]
  /** Other response headers the client acts on (OpenAPI caching: Etag, Cache-Control, Expires). */
  readonly headers?: Readonly<Record<string, string>>
}

export function respond(w: StepWriter, r: Reply): void {
  const response = {
    requestId: r.request.id,
    code: r.code,
    body: r.body,
    authn: r.audit.authn,
    authz: r.audit.authz,
    ...(r.warnings && r.warnings.length ? { warnings: r.warnings } : {}),
    ...(r.headers ? { headers: r.headers } : {}),
  }
  w.emit({
    kind: 'http.response',
    component: 'kube-apiserver',
    from: 'kube-apiserver',
    to: r.request.from,
    stage: r.stage,
    summary: r.summary,
    narration: r.narration,
    payload: { ...response, to: r.request.from },
  })
  const delay = RETURN_MS[r.request.from]
  if (r.request.from === 'kubectl') {
    w.send(delay, { to: 'kubectl', type: 'response', request: r.request, response })
  } else if (r.request.from === 'kube-scheduler' && r.binding) {
    w.send(delay, {
      to: 'kube-scheduler',
      type: 'response',
      request: r.request,
      response,
      pod: r.binding.pod,
      node: r.binding.node,
    })
  } else if (r.request.from === 'kube-controller-manager') {
    w.send(delay, { to: 'kube-controller-manager', type: 'response', request: r.request, response })
  } else if (r.request.from === 'kubelet' && r.node) {
    w.send(delay, { to: 'kubelet', type: 'response', node: r.node, request: r.request, response })
  }
}
