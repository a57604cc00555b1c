import { describe, expect, it } from 'vitest'
import { formatRFC1123Z, formatTimeField, humanDuration } from './time-format'

const s = 1000
const m = 60 * s
const h = 60 * m
const d = 24 * h

describe('humanDuration, as apimachinery HumanDuration', () => {
  it.each([
    ['a second in the future is now', -1500, '0s'],
    ['more than two seconds in the future is invalid', -2500, '<invalid>'],
    ['under a second', 999, '0s'],
    ['seconds are truncated', 5900, '5s'],
    ['up to two minutes in seconds', 119 * s, '119s'],
    ['two minutes', 2 * m, '2m'],
    ['minutes and seconds under ten minutes', 2 * m + 3 * s, '2m3s'],
    ['whole minutes from ten minutes', 12 * m + 59 * s, '12m'],
    ['minutes up to three hours', 179 * m, '179m'],
    ['hours and minutes under eight hours', 3 * h + 4 * m, '3h4m'],
    ['whole hours', 5 * h, '5h'],
    ['hours up to two days', 47 * h, '47h'],
    ['days and hours under eight days', 3 * d + 2 * h, '3d2h'],
    ['days up to two years', 400 * d, '400d'],
    ['years and days', 3 * 365 * d + 10 * d, '3y10d'],
    ['years', 9 * 365 * d, '9y'],
  ])('%s: %d ms → %s', (_name, ms, want) => {
    expect(humanDuration(ms)).toBe(want)
  })
})

describe('RFC1123Z, as Go formats metav1.Time in kubectl describe', () => {
  it('prints day, date, time and zone', () => {
    expect(formatRFC1123Z(Date.UTC(2025, 8, 1, 9, 0, 2))).toBe('Mon, 01 Sep 2025 09:00:02 +0000')
  })
  it('prints the zero time for an absent field', () => {
    expect(formatTimeField(undefined)).toBe('Mon, 01 Jan 0001 00:00:00 +0000')
  })
})
