/**
 * How far apart two words are, for "did you mean": the optimal string alignment distance (Levenshtein
 * with adjacent transpositions, so `ngnix` is one edit from `nginx`), and the closest of a list.
 */

/** Insertions, deletions, substitutions and swaps of two adjacent characters needed to turn a into b. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const cols = b.length + 1
  const d: number[] = new Array<number>(rows * cols).fill(0)
  for (let i = 0; i < rows; i++) d[i * cols] = i
  for (let j = 0; j < cols; j++) d[j] = j
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1)
      d[i * cols + j] = best
    }
  }
  return d[rows * cols - 1]!
}

/**
 * The option closest to `word` within `maxDistance` edits: an exact case-insensitive match first,
 * then the smallest distance, ties going to the earlier option. null when none is close enough.
 */
export function closest(word: string, options: readonly string[], maxDistance: number): string | null {
  const lower = word.toLowerCase()
  const same = options.find((o) => o.toLowerCase() === lower)
  if (same !== undefined) return same
  let best: string | null = null
  let bestDistance = maxDistance + 1
  for (const o of options) {
    const dist = editDistance(lower, o.toLowerCase())
    if (dist < bestDistance) {
      best = o
      bestDistance = dist
    }
  }
  return best
}
