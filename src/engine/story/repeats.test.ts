import { describe, expect, it } from 'vitest'
import { findRepeats, internAll } from './repeats'

const ids = (s: string): number[] => internAll(s.split(''))

describe('findRepeats', () => {
  it.each([
    ['a readiness probe failing again and again', 'abcxxxxxx', [{ start: 3, period: 1, cycles: 6 }]],
    [
      'a crash loop: exit, back-off, restart, three times',
      'abXYZXYZXYZq',
      [{ start: 2, period: 3, cycles: 3 }],
    ],
    ['two cycles are not enough to collapse anything', 'aXYXYb', []],
    ['nothing repeats on the happy path', 'abcdefg', []],
    [
      'the longer cycle wins when it covers more',
      'XYXYXYZXYXYXYZXYXYXYZ',
      [{ start: 0, period: 7, cycles: 3 }],
    ],
    ['a trailing partial cycle is left alone', 'XYZXYZXYZXY', [{ start: 0, period: 3, cycles: 3 }]],
  ])('%s', (_name, seq, spans) => {
    expect(findRepeats(ids(seq))).toEqual(spans)
  })
})
