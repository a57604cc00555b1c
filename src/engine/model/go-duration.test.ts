import { describe, expect, it } from 'vitest'
import { goDuration } from './go-duration'

// Go's time.Duration.String() (src/time/time.go), as the kubelet prints image pull times.
describe('goDuration prints like Go’s time.Duration', () => {
  it.each([
    [0, '0s'],
    [1, '1ms'],
    [806, '806ms'],
    [999, '999ms'],
    [1000, '1s'],
    [1462, '1.462s'],
    [2000, '2s'],
    [2230, '2.23s'],
    [30_680, '30.68s'],
    [60_000, '1m0s'],
    [65_123, '1m5.123s'],
    [3_600_000, '1h0m0s'],
    [3_723_004, '1h2m3.004s'],
  ])('%d ms is %s', (ms, text) => {
    expect(goDuration(ms)).toBe(text)
  })

  it('fractions of a millisecond are truncated', () => {
    expect(goDuration(2235.9)).toBe('2.235s')
  })
})
