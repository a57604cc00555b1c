/**
 * client-go's flowcontrol.Backoff as the kubelet uses it for container
 * restarts (CrashLoopBackOff) and image pulls (ImagePullBackOff): 10 s
 * initial, doubling, capped at 300 s; an entry untouched for 2 × max (10
 * minutes) starts over. State is a plain value; times are virtual ms.
 * Upstream: staging/src/k8s.io/client-go/util/flowcontrol/backoff.go;
 * pkg/kubelet/kubelet.go (backOffPeriod = 10s, MaxContainerBackOff = 300s).
 */
export const INITIAL_BACKOFF_MS = 10_000
export const MAX_BACKOFF_MS = 300_000

export interface BackoffEntry {
  /** The current back-off window. */
  readonly backoffMs: number
  /** When the entry was last moved on (Next). */
  readonly lastUpdate: number
}

function hasExpired(eventTime: number, lastUpdate: number): boolean {
  return eventTime - lastUpdate > MAX_BACKOFF_MS * 2
}

/** Backoff.Next: start at the initial window, or double the current one (capped). */
export function nextBackoff(entry: BackoffEntry | undefined, eventTime: number): BackoffEntry {
  if (!entry || hasExpired(eventTime, entry.lastUpdate))
    return { backoffMs: INITIAL_BACKOFF_MS, lastUpdate: eventTime }
  return { backoffMs: Math.min(entry.backoffMs * 2, MAX_BACKOFF_MS), lastUpdate: eventTime }
}

/** Backoff.IsInBackOffSince: `now` is within the window that started at `eventTime`. */
export function isInBackOffSince(entry: BackoffEntry | undefined, eventTime: number, now: number): boolean {
  if (!entry || hasExpired(eventTime, entry.lastUpdate)) return false
  return now - eventTime < entry.backoffMs
}

/** Backoff.IsInBackOffSinceUpdate: `now` is within the window that started at the last update. */
export function isInBackOffSinceUpdate(entry: BackoffEntry | undefined, now: number): boolean {
  if (!entry || hasExpired(now, entry.lastUpdate)) return false
  return now - entry.lastUpdate < entry.backoffMs
}

/** Go's time.Duration.String() for whole seconds and minutes, as `back-off 5m0s` prints. */
export function formatBackoff(ms: number): string {
  const s = Math.round(ms / 1000)
  return s >= 60 ? `${Math.floor(s / 60)}m${s % 60}s` : `${s}s`
}
