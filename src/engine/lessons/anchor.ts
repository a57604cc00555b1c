/**
 * Finds the event a stop's anchor names: the nth event of a kind whose payload satisfies every
 * predicate given. Reads kinds and payloads only, never summaries or narration, so wording changes
 * do not move a lesson.
 */
import type { SimEvent } from '../protocol/events'
import type { EventAnchor, EventMatchers } from './types'

/** True when `e` is of the anchor's kind and satisfies each of its predicates. */
export function matchesAnchor(e: SimEvent, anchor: EventAnchor): boolean {
  if (e.kind !== anchor.event) return false
  const m = anchor.match
  if (!m) return true
  return matchesPayload(e, m)
}

const is = <T>(want: T | undefined, got: T): boolean => want === undefined || want === got

function matchesPayload(e: SimEvent, m: EventMatchers[keyof EventMatchers]): boolean {
  switch (e.kind) {
    case 'http.request': {
      const x = m as EventMatchers['http.request']
      return is(x.from, e.payload.from) && is(x.method, e.payload.method)
    }
    case 'http.response': {
      const x = m as EventMatchers['http.response']
      return is(x.code, e.payload.code) && is(x.to, e.payload.to)
    }
    case 'authn.verdict':
      return is((m as EventMatchers['authn.verdict']).authenticated, e.payload.user !== null)
    case 'authz.verdict':
      return is((m as EventMatchers['authz.verdict']).allowed, e.payload.allowed)
    case 'admission.verdict': {
      const x = m as EventMatchers['admission.verdict']
      return (
        is(x.plugin, e.payload.plugin) &&
        is(x.phase, e.payload.phase) &&
        is<string>(x.verdict, e.payload.verdict) &&
        is(x.mutates, e.payload.patch.length > 0)
      )
    }
    case 'etcd.put':
      return is((m as EventMatchers['etcd.put']).what, e.payload.what)
    case 'watch.event': {
      const want = (m as EventMatchers['watch.event']).watcher
      const got = e.payload.watcher
      return want === undefined || got === want || got.startsWith(`${want}/`)
    }
    case 'scheduler.cycle': {
      const x = m as EventMatchers['scheduler.cycle']
      const p = e.payload
      const plugin =
        x.plugin === undefined ||
        p.nodes.some((n) => !n.filter.passed && n.filter.plugin === x.plugin) ||
        (p.postFilter ?? []).some((v) => v.plugin === x.plugin)
      return is(x.result, p.result) && plugin
    }
    case 'kubelet.sync':
      return is((m as EventMatchers['kubelet.sync']).action, e.payload.action)
    case 'runtime.step':
      return is((m as EventMatchers['runtime.step']).action, e.payload.action)
    case 'cri.call':
      return is((m as EventMatchers['cri.call']).callName, e.payload.call)
    case 'k8s.event': {
      const x = m as EventMatchers['k8s.event']
      return is(x.reason, e.payload.reason) && is(x.type, e.payload.type)
    }
    case 'kubectl.output':
      return is((m as EventMatchers['kubectl.output']).exitCode, e.payload.exitCode)
    case 'kubectl.parse':
    case 'kubectl.kubeconfig':
    case 'apiserver.decode':
    case 'apiserver.validation':
    case 'scheduler.queue':
    case 'cluster.node-added':
    case 'cni.add':
    case 'registry.pull':
    case 'pod.running':
    case 'controller.sync':
      // These kinds take no predicates (EventMatch is never for them).
      return true
    default:
      return e satisfies never
  }
}

/** The index of the event the anchor names, or -1 when the timeline has no such event. */
export function findAnchor(events: readonly SimEvent[], anchor: EventAnchor): number {
  const nth = anchor.nth ?? 1
  let seen = 0
  let last = -1
  for (let i = 0; i < events.length; i++) {
    if (!matchesAnchor(events[i]!, anchor)) continue
    seen++
    last = i
    if (nth !== 'last' && seen === nth) return i
  }
  return nth === 'last' ? last : -1
}

/** The anchor in words, for error messages: `the 2nd authz.verdict with {"allowed":false}`. */
export function describeAnchor(anchor: EventAnchor): string {
  const nth = anchor.nth ?? 1
  const which = nth === 'last' ? 'the last' : `the ${ordinal(nth)}`
  const match = anchor.match ? ` with ${JSON.stringify(anchor.match)}` : ''
  return `${which} ${anchor.event} event${match}`
}

function ordinal(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`
}
