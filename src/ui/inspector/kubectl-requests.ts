/**
 * The kubectl inspector's list of every request kubectl has sent up to the cursor (as `kubectl -v=6`
 * lists them: method, URL, status) and the answer to the latest one with its headers. Read from the
 * engine's http.request / http.response events, which pair by request id; nothing is worked out here.
 */
import type { SimEvent } from '../../engine/index'
import type { Section } from './sections'

type RequestEvent = Extract<SimEvent, { kind: 'http.request' }>
type ResponseEvent = Extract<SimEvent, { kind: 'http.response' }>

const url = (r: RequestEvent['payload']): string => {
  const q = Object.entries(r.query)
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  return `${r.path}${q ? `?${q}` : ''}`
}

/** Go's http.StatusText for the codes the simulated apiserver answers with. */
const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
}
const status = (code: number) => `${code} ${STATUS_TEXT[code] ?? ''}`.trim()

export function kubectlRequestSections(events: readonly SimEvent[]): Section[] {
  const requests: RequestEvent[] = []
  const responses = new Map<number, ResponseEvent>()
  for (const e of events) {
    if (e.kind === 'http.request' && e.payload.from === 'kubectl') requests.push(e)
    else if (e.kind === 'http.response' && e.payload.to === 'kubectl') responses.set(e.payload.requestId, e)
  }
  if (requests.length === 0) return []
  const out: Section[] = [
    {
      kind: 'table',
      title: `Requests kubectl sent (${requests.length})`,
      columns: ['request', 'answer', 'answered by'],
      rows: requests.map((q) => {
        const r = responses.get(q.payload.id)?.payload
        return [
          `${q.payload.method} ${url(q.payload)}`,
          r ? status(r.code) : '…',
          r ? (r.fromCache ? "kubectl's HTTP cache" : 'kube-apiserver') : '',
        ]
      }),
    },
  ]
  const latest = responses.get(requests[requests.length - 1]!.payload.id)?.payload
  if (latest?.headers) {
    const lines = Object.entries(latest.headers)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}: ${v}`)
    out.push({ kind: 'text', title: 'HTTP response', text: [status(latest.code), ...lines].join('\n') })
    if (latest.body !== '') out.push({ kind: 'json', title: 'Response body', value: latest.body })
  }
  return out
}
