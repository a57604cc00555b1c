import { describe, expect, it } from 'vitest'
import { cpuSetOf, formatCPUSet, parseCPUSet } from './cpuset'

// k8s.io/utils/cpuset/cpuset_test.go (TestCPUSetString, TestParse)
describe('cpusets in the kernel list format', () => {
  it.each([
    [[], ''],
    [[5], '5'],
    [[1, 2, 3, 4, 5], '1-5'],
    [[1, 2, 3, 5, 6, 8], '1-3,5-6,8'],
  ])('prints %j as "%s"', (cpus, text) => {
    expect(formatCPUSet(cpuSetOf(...cpus))).toBe(text)
    expect(parseCPUSet(text)).toEqual({ ok: true, set: cpuSetOf(...cpus) })
  })
  it('reads ids in any order and with overlaps', () => {
    expect(parseCPUSet('5,1-3,2')).toEqual({ ok: true, set: [1, 2, 3, 5] })
  })
  it.each([
    ['1--3', 'invalid range "1--3" (1 > -3)'],
    ['a', 'strconv.Atoi: parsing "a": invalid syntax'],
    ['0-a', 'strconv.Atoi: parsing "a": invalid syntax'],
    ['3-1', 'invalid range "3-1" (3 > 1)'],
  ])('refuses "%s"', (text, error) => {
    expect(parseCPUSet(text)).toEqual({ ok: false, error })
  })
})
