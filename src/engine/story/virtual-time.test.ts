import { describe, expect, it } from 'vitest'
import { formatVirtualTime } from './virtual-time'

describe('formatVirtualTime', () => {
  it.each([
    ['a reply within a millisecond', 0.4, '0 ms'],
    ['an image pull in the sub-second range', 850, '850 ms'],
    ['the first PLEG relist', 1000, '1 s'],
    ['a pull of 2.2 s', 2230, '2.2 s'],
    ['the first probe failure', 12_016, '12 s'],
    ['a minute exactly', 60_000, '1 min'],
    ['the readiness probe two minutes in', 130_016, '2 min 10 s'],
  ])('%s', (_name, ms, text) => {
    expect(formatVirtualTime(ms)).toBe(text)
  })
})
