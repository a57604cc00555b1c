/**
 * Finding, in a timeline, the events an ending links to: the first Warning of a reason, the first
 * container exit of a container, the first scheduling cycle of a result. Decided from payloads.
 */
import type { KubeEvent, SimEvent } from '../protocol/events'
import type { Timeline } from '../protocol/timeline'

/** Index of the first event matching `test`, or -1. */
export function findEvent(timeline: Timeline, test: (e: SimEvent, i: number) => boolean): number {
  return timeline.events.findIndex(test)
}

/** Index of the last event matching `test`, or -1. */
export function findLastEvent(timeline: Timeline, test: (e: SimEvent, i: number) => boolean): number {
  for (let i = timeline.events.length - 1; i >= 0; i--) if (test(timeline.events[i]!, i)) return i
  return -1
}

/** The Kubernetes Event an event records, if it records one. */
export const kubeEventOf = (e: SimEvent | undefined): KubeEvent | null =>
  e?.kind === 'k8s.event' ? e.payload : null

/** Index of the first recorded Kubernetes Event of `type` and `reason` whose message passes `test`. */
export function findKubeEvent(
  timeline: Timeline,
  type: KubeEvent['type'],
  reason: string,
  test: (message: string) => boolean = () => true,
): number {
  return findEvent(timeline, (e) => {
    const k = kubeEventOf(e)
    return !!k && k.type === type && k.reason === reason && test(k.message)
  })
}

/** The container an exit event (runtime.step 'container exited') is about, from the runtime state after it. */
export function exitedContainer(timeline: Timeline, i: number): string | null {
  const e = timeline.events[i]
  if (e?.kind !== 'runtime.step' || e.payload.action !== 'container exited') return null
  const detail = e.payload.detail as { readonly containerId?: string } | null
  const runtime = timeline.frames[i]?.nodes[e.payload.node]
  return runtime?.containers.find((c) => c.id === detail?.containerId)?.name ?? null
}

/** Index of the first exit of container `name` (with `reason`, when given), or -1. */
export function findContainerExit(timeline: Timeline, name: string, reason?: string): number {
  return findEvent(timeline, (e, i) => {
    if (e.kind !== 'runtime.step' || exitedContainer(timeline, i) !== name) return false
    return !reason || (e.payload.detail as { readonly reason?: string } | null)?.reason === reason
  })
}

/** The (single) 'k8s.event' payload at index i; throws when i is not one (an engine bug). */
export function kubeEventAt(timeline: Timeline, i: number): KubeEvent {
  const k = kubeEventOf(timeline.events[i])
  if (!k) throw new Error(`event ${i} records no Kubernetes Event`)
  return k
}
