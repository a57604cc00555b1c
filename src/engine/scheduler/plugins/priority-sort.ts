/**
 * PrioritySort (QueueSort): higher spec.priority first, then the earlier
 * enqueue time. Podlife schedules one new pod at a time, so the order only
 * matters for the narration; the comparison is upstream's.
 * Upstream: pkg/scheduler/framework/plugins/queuesort/priority_sort.go
 */
import type { Pod } from '../../model/objects'

export const PRIORITY_SORT = 'PrioritySort'

export interface QueuedPod {
  readonly pod: Pod
  /** When the pod entered the queue (virtual ms). */
  readonly timestamp: number
}

/** Less: does `a` go before `b`? */
export function prioritySortLess(a: QueuedPod, b: QueuedPod): boolean {
  const pa = a.pod.spec.priority ?? 0
  const pb = b.pod.spec.priority ?? 0
  return pa > pb || (pa === pb && a.timestamp < b.timestamp)
}
