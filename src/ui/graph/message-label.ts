/**
 * What a travelling message carries, in a few words that fit on the wire:
 * `POST pods`, `201 Created`, `PUT revision 1228`, `PullImage nginx`. The full
 * line (the event's summary) is in the narration; this only names the parcel.
 */
import type { SimEvent } from '../../engine/index'

const MAX = 30

/** `/api/v1/namespaces/default/pods/nginx/status` → `pods/nginx/status` (the resource part). */
function resourceOf(path: string): string {
  const parts = path.split('?')[0]!.split('/').filter(Boolean)
  const ns = parts.indexOf('namespaces')
  const rest = ns >= 0 && parts.length > ns + 2 ? parts.slice(ns + 2) : parts.slice(-2)
  return rest.join('/')
}

function fit(text: string): string {
  return text.length <= MAX ? text : `${text.slice(0, MAX - 1)}…`
}

export function messageLabel(e: SimEvent): string {
  switch (e.kind) {
    case 'http.request':
      return fit(`${e.payload.method} ${resourceOf(e.payload.path)}`)
    case 'http.response': {
      const reason = /^\d{3} (\S+)/.exec(e.summary)?.[1]
      return fit(reason ? `${e.payload.code} ${reason}` : String(e.payload.code))
    }
    case 'etcd.put':
      return `PUT revision ${e.payload.revision}`
    case 'watch.event':
      return `watch ${e.payload.type}`
    case 'cri.call':
      return fit(e.payload.call)
    case 'cni.add':
      return `CNI ${e.payload.command}`
    case 'registry.pull':
      // The repository's last part names the image well enough on a wire (`pull nginx:1.27`).
      return fit(`pull ${e.payload.image.split('/').pop() ?? e.payload.image}`)
    case 'k8s.event':
      return fit(`event ${e.payload.reason}`)
    default:
      return fit(e.summary)
  }
}
