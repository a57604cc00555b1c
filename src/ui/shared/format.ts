/** Formatting helpers for virtual time. */
export function formatVirtualTime(ms: number): string {
  if (ms < 1000) return `${ms.toFixed(1)} ms`
  return `${(ms / 1000).toFixed(3)} s`
}
