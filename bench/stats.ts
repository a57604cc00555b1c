/** Order statistics and the printed result rows shared by the benchmark's parts. */

export type Reporter = (figure: string, value: string, budget: string, ok: boolean | null) => void

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? NaN
}

export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))] ?? NaN
}

export const ms = (x: number): string => `${x.toFixed(0)} ms`
