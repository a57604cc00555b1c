/**
 * Go's time.Duration.String() for a duration already truncated to milliseconds,
 * as the kubelet prints pull times: "806ms", "2.21s", "1m5.123s".
 */
export function goDuration(ms: number): string {
  const total = Math.trunc(ms)
  if (total === 0) return '0s'
  if (total < 1000) return `${total}ms`
  const hours = Math.floor(total / 3_600_000)
  const minutes = Math.floor((total % 3_600_000) / 60_000)
  const secMs = total % 60_000
  const whole = Math.floor(secMs / 1000)
  const frac = String(secMs % 1000)
    .padStart(3, '0')
    .replace(/0{1,3}$/, '') // at most 3 digits: a bounded quantifier (regex-linearity.test.ts)
  const seconds = `${whole}${frac ? `.${frac}` : ''}s`
  if (hours) return `${hours}h${minutes}m${seconds}`
  if (minutes) return `${minutes}m${seconds}`
  return seconds
}
