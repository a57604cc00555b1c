/**
 * The choices of a question: distinct, at most five, always holding the answer. When there are more
 * candidates than room, the ones nearest the answer in the run's own order are kept (the back-offs
 * either side of the answer, the nodes listed next to the chosen one), and that order is kept.
 */
export const MAX_CHOICES = 5

/** Distinct `candidates` in their order, cut to `max` around `answer`. Throws if `answer` is not one of them. */
export function choiceList(candidates: readonly string[], answer: string, max = MAX_CHOICES): string[] {
  const distinct = [...new Set(candidates)]
  const at = distinct.indexOf(answer)
  if (at < 0) throw new Error(`the answer "${answer}" is not among the choices ${JSON.stringify(distinct)}`)
  if (distinct.length <= max) return distinct
  const keep = new Set(
    distinct
      .map((_, i) => i)
      .sort((a, b) => Math.abs(a - at) - Math.abs(b - at) || a - b)
      .slice(0, max),
  )
  return distinct.filter((_, i) => keep.has(i))
}

/** Byte order, not the locale's, so the same run gives the same order everywhere. */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
