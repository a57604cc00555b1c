/** Formatting helpers for virtual time. */
export function formatVirtualTime(ms: number): string {
  if (ms < 1000) return `${ms.toFixed(1)} ms`
  return `${(ms / 1000).toFixed(3)} s`
}

/** `1 step`, `34 steps`: a count with its noun, never `1 STEPS`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}
