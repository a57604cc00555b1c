/**
 * Finding repeated cycles in a timeline: runs where the same block of event signatures
 * (event-signature.ts) comes back at least three times in a row, as probe failures, back-off
 * restarts and pull retries do. The story keeps the first and the last cycle and collapses the ones
 * in between, so at least three cycles are needed.
 */

export interface RepeatSpan {
  /** Index of the first event of the first cycle. */
  readonly start: number
  /** Events per cycle. */
  readonly period: number
  /** Cycles in a row (at least 3). */
  readonly cycles: number
}

/** Longest cycle looked for: a crash-loop restart with its status writes is about 16 events. */
export const MAX_PERIOD = 48
const MIN_CYCLES = 3

/**
 * Repeated cycles in `ids` (one interned signature per event), left to right, not overlapping.
 * At each position the period covering the most events wins; on a tie the shorter period.
 */
export function findRepeats(ids: readonly number[], maxPeriod = MAX_PERIOD): RepeatSpan[] {
  const spans: RepeatSpan[] = []
  const n = ids.length
  let i = 0
  while (i < n) {
    let best: RepeatSpan | null = null
    for (let p = 1; p <= maxPeriod && i + MIN_CYCLES * p <= n; p++) {
      let j = i
      while (j + p < n && ids[j] === ids[j + p]) j++
      const cycles = Math.floor((j - i) / p) + 1
      if (cycles >= MIN_CYCLES && (!best || cycles * p > best.cycles * best.period)) {
        best = { start: i, period: p, cycles }
      }
    }
    if (best) {
      spans.push(best)
      i += best.cycles * best.period
    } else i++
  }
  return spans
}

/** Interns strings to small integers, in order of first appearance. */
export function internAll(values: readonly string[]): number[] {
  const table = new Map<string, number>()
  return values.map((v) => {
    let id = table.get(v)
    if (id === undefined) {
      id = table.size
      table.set(v, id)
    }
    return id
  })
}
