/**
 * A controller's work queue, as client-go's: a key waits at most once (dirty), is never processed by
 * two workers at once (processing), and a key that changed while it was processed runs again after.
 * Failed syncs come back after a per-item exponential delay.
 * Upstream: client-go util/workqueue/queue.go (Add, Get, Done) and default_rate_limiters.go
 * (DefaultControllerRateLimiter: 5 ms doubling per failure, at most 1000 s; the overall 10 qps bucket
 * is not modelled, a run never comes near it).
 */

export interface WorkQueue {
  /** Keys waiting to be processed (each once). */
  readonly dirty: readonly string[]
  /** Keys a worker is syncing now. */
  readonly processing: readonly string[]
  /** Failures in a row, per key, for the rate limiter. */
  readonly failures: Readonly<Record<string, number>>
}

export const EMPTY_QUEUE: WorkQueue = { dirty: [], processing: [], failures: {} }

/** Add: `start` says whether a worker should pick the key up now (it was neither waiting nor being processed). */
export function enqueue(q: WorkQueue, key: string): { readonly queue: WorkQueue; readonly start: boolean } {
  if (q.dirty.includes(key)) return { queue: q, start: false }
  const queue = { ...q, dirty: [...q.dirty, key] }
  return { queue, start: !q.processing.includes(key) }
}

/** Get: the worker takes the key (it stops waiting and is being processed). */
export function take(q: WorkQueue, key: string): WorkQueue | null {
  if (!q.dirty.includes(key) || q.processing.includes(key)) return null
  return { ...q, dirty: q.dirty.filter((k) => k !== key), processing: [...q.processing, key] }
}

/** Done: `again` when the key was added while it was being processed. */
export function finish(q: WorkQueue, key: string): { readonly queue: WorkQueue; readonly again: boolean } {
  return { queue: { ...q, processing: q.processing.filter((k) => k !== key) }, again: q.dirty.includes(key) }
}

const BASE_DELAY_MS = 5
const MAX_DELAY_MS = 1_000_000

/** AddRateLimited: the delay before the key's next try, and the queue with its failure counted. */
export function rateLimited(
  q: WorkQueue,
  key: string,
): { readonly queue: WorkQueue; readonly delay: number } {
  const n = q.failures[key] ?? 0
  const delay = Math.min(BASE_DELAY_MS * 2 ** n, MAX_DELAY_MS)
  return { queue: { ...q, failures: { ...q.failures, [key]: n + 1 } }, delay }
}

/** Forget: a successful sync resets the key's back-off. */
export function forget(q: WorkQueue, key: string): WorkQueue {
  if (!(key in q.failures)) return q
  const { [key]: _gone, ...failures } = q.failures
  return { ...q, failures }
}
