/**
 * Sets of logical CPU ids, as k8s.io/utils/cpuset keeps them: sorted, without duplicates, printed
 * in the Linux list format the kernel's cpuset.cpus file uses ("0-2,4,6-7"). A CPUSet here is a
 * sorted readonly array, so frames can hold it and tests can compare it with toEqual.
 * Upstream: k8s.io/utils/cpuset/cpuset.go (New, Parse, String, Union, Difference, Intersection)
 */

export type CPUSet = readonly number[]

export const EMPTY_CPUSET: CPUSet = []

export function cpuSetOf(...cpus: readonly number[]): CPUSet {
  return [...new Set(cpus)].sort((a, b) => a - b)
}

export function union(a: CPUSet, b: CPUSet): CPUSet {
  return cpuSetOf(...a, ...b)
}

export function difference(a: CPUSet, b: CPUSet): CPUSet {
  const drop = new Set(b)
  return a.filter((c) => !drop.has(c))
}

export function intersection(a: CPUSet, b: CPUSet): CPUSet {
  const keep = new Set(b)
  return a.filter((c) => keep.has(c))
}

export function isSubsetOf(a: CPUSet, b: CPUSet): boolean {
  const all = new Set(b)
  return a.every((c) => all.has(c))
}

/** CPUSet.String(): runs of consecutive ids as "a-b", single ids alone, joined by commas. */
export function formatCPUSet(set: CPUSet): string {
  const parts: string[] = []
  let i = 0
  while (i < set.length) {
    let j = i
    while (j + 1 < set.length && set[j + 1] === set[j]! + 1) j++
    parts.push(i === j ? `${set[i]}` : `${set[i]}-${set[j]}`)
    i = j + 1
  }
  return parts.join(',')
}

export type CPUSetParse =
  { readonly ok: true; readonly set: CPUSet } | { readonly ok: false; readonly error: string }

/** strconv.Atoi's syntax: an optional sign and decimal digits. */
const INT = /^[+-]?\d+$/

/** Podlife's own bound (no machine it models has more), so "0-999999999" cannot fill memory. */
export const MAX_CPU_ID = 4095

const atoi = (t: string): number | string =>
  INT.test(t) ? Number(t) : `strconv.Atoi: parsing ${JSON.stringify(t)}: invalid syntax`

/**
 * cpuset.Parse: comma-separated ids and ranges ("0-5,34,46-48"); "" is the empty set. Each range is
 * split at its first "-" (so "1--3" is the range 1 to -3), errors are strconv's and Parse's own.
 */
export function parseCPUSet(text: string): CPUSetParse {
  if (text === '') return { ok: true, set: EMPTY_CPUSET }
  const out: number[] = []
  for (const r of text.split(',')) {
    const dash = r.indexOf('-')
    const bounds = dash < 0 ? [r] : [r.slice(0, dash), r.slice(dash + 1)]
    const nums = bounds.map(atoi)
    const bad = nums.find((n) => typeof n === 'string')
    if (bad !== undefined) return { ok: false, error: bad as string }
    const [start, end] = [nums[0] as number, nums[nums.length - 1] as number]
    if (start > end) return { ok: false, error: `invalid range ${JSON.stringify(r)} (${start} > ${end})` }
    if (start < 0 || end > MAX_CPU_ID)
      return { ok: false, error: `CPU ids go from 0 to ${MAX_CPU_ID} in Podlife: ${r}` }
    for (let c = start; c <= end; c++) out.push(c)
  }
  return { ok: true, set: cpuSetOf(...out) }
}
