/**
 * Virtual time (ms after Enter) in plain words for story titles: "850 ms", "12 s", "2 min 10 s".
 * Not kubectl's format (describe/time-format.ts prints "2m10s"); this one is read aloud in a class.
 */
export function formatVirtualTime(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  const seconds = ms / 1000
  if (seconds < 10) return `${Number(seconds.toFixed(1))} s`
  if (seconds < 60) return `${Math.round(seconds)} s`
  const whole = Math.round(seconds)
  const minutes = Math.floor(whole / 60)
  const rest = whole % 60
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`
}
