/**
 * How kubectl prints instants and ages. Times are epoch milliseconds; the
 * engine's clock is UTC, so printed zones are +0000.
 */

/**
 * apimachinery pkg/util/duration HumanDuration: "5s", "2m3s", "12m", "3h4m".
 * Up to 2 s in the future counts as now ("0s"); further is "<invalid>".
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 120) return `${seconds}s`
  const minutes = Math.trunc(ms / 60_000)
  if (minutes < 10) {
    const s = seconds % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 180) return `${minutes}m`
  const hours = Math.trunc(ms / 3_600_000)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365
    const y = Math.trunc(hours / 24 / 365)
    return dy === 0 ? `${y}y` : `${y}y${dy}d`
  }
  return `${Math.trunc(hours / 24 / 365)}y`
}

/** kubectl's translateTimestampSince: the age of `at` at `now`, or `<unknown>` for a zero time. */
export function timestampSince(at: number | null, now: number): string {
  return at === null ? '<unknown>' : humanDuration(now - at)
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const two = (n: number): string => String(n).padStart(2, '0')

/** Go's time.RFC1123Z layout, `Mon, 02 Jan 2006 15:04:05 -0700`, in UTC. */
export function formatRFC1123Z(epochMs: number): string {
  const d = new Date(epochMs)
  return (
    `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
  )
}

/** Go's zero time.Time in RFC1123Z: what kubectl prints for a missing metav1.Time. */
export const ZERO_TIME_RFC1123Z = 'Mon, 01 Jan 0001 00:00:00 +0000'

/** A metav1.Time (RFC 3339) as epoch ms, or null when absent or unparsable. */
export function parseTime(value: unknown): number | null {
  if (typeof value !== 'string' || value === '') return null
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : ms
}

/** A metav1.Time field printed in RFC1123Z; the zero time when it is absent. */
export function formatTimeField(value: unknown): string {
  const ms = parseTime(value)
  return ms === null ? ZERO_TIME_RFC1123Z : formatRFC1123Z(ms)
}
