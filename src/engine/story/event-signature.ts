/**
 * An event's signature for spotting repeated cycles: its kind, component, route and the payload
 * fields that say what happened, with the parts that differ from one cycle to the next (times,
 * counts, revisions, container ids, uids) blanked out. Two probe failures five seconds apart, or two
 * back-off restarts, have the same signature.
 */
import type { SimEvent } from '../protocol/events'

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g
const HEX_ID = /\b[0-9a-f]{12,}\b/g
// Go durations as kubelet messages print them: 10s, 1m20s, 5m0s, 2.235s.
const DURATION = /\b(\d+(\.\d+)?(ms|h|m|s))+\b/g
const NUMBER = /\d+(\.\d+)?/g

/** Blanks out ids and numbers, so only the words remain. */
export function normalizeVarying(text: string): string {
  return text
    .replace(UUID, '<uid>')
    .replace(HEX_ID, '<id>')
    .replace(DURATION, '<duration>')
    .replace(NUMBER, '#')
}

function payloadWords(e: SimEvent): string {
  switch (e.kind) {
    case 'k8s.event':
      return `${e.payload.type} ${e.payload.reason} ${e.payload.message}`
    case 'http.request':
      return `${e.payload.method} ${e.payload.path} ${JSON.stringify(e.payload.body)}`
    case 'http.response':
      return `${e.payload.code}`
    case 'etcd.put':
      return `${e.payload.key} ${e.payload.what}`
    case 'watch.event':
      return `${e.payload.type} ${e.payload.watcher}`
    case 'kubelet.sync':
      return `${e.payload.node} ${e.payload.action}`
    case 'runtime.step':
      return `${e.payload.node} ${e.payload.action} ${JSON.stringify(e.payload.detail)}`
    case 'cri.call':
      return `${e.payload.node} ${e.payload.call}`
    case 'registry.pull':
      return e.payload.image
    case 'scheduler.cycle':
      return `${e.payload.result} ${e.payload.message}`
    case 'scheduler.queue':
      return e.payload.action
    default:
      return JSON.stringify(e.payload)
  }
}

/** The signature: equal for events that differ only in times, counts and ids. */
export function eventSignature(e: SimEvent): string {
  const route = `${e.component}|${e.from ?? ''}|${e.to ?? ''}|${e.stage}|${e.slot ?? ''}`
  return `${e.kind}|${route}|${normalizeVarying(payloadWords(e))}`
}
