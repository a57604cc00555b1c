import { describe, expect, it } from 'vitest'
import { formatBackoff, isInBackOffSince, nextBackoff, type BackoffEntry } from './backoff'

// Upstream: client-go util/flowcontrol/backoff.go and backoff_test.go; pkg/kubelet/kubelet.go.
describe('CrashLoopBackOff windows (flowcontrol.Backoff, 10s doubling to 300s)', () => {
  it('successive exits give 10s, 20s, 40s, 80s, 160s, 300s, 300s', () => {
    let e: BackoffEntry | undefined
    const windows: string[] = []
    let t = 0
    for (let i = 0; i < 7; i++) {
      e = nextBackoff(e, t)
      windows.push(formatBackoff(e.backoffMs))
      t += e.backoffMs + 1000
    }
    expect(windows).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s', '5m0s'])
  })

  const cases: {
    name: string
    entry: BackoffEntry | undefined
    finished: number
    now: number
    want: boolean
  }[] = [
    {
      name: 'first exit: no entry yet, restart at once',
      entry: undefined,
      finished: 0,
      now: 100,
      want: false,
    },
    {
      name: 'second exit 2s later: inside the 10s window',
      entry: { backoffMs: 10_000, lastUpdate: 0 },
      finished: 2000,
      now: 3000,
      want: true,
    },
    {
      name: 'window elapsed since the last exit',
      entry: { backoffMs: 10_000, lastUpdate: 0 },
      finished: 2000,
      now: 12_000,
      want: false,
    },
    {
      name: 'ran healthy for more than 10 minutes: back-off forgotten',
      entry: { backoffMs: 300_000, lastUpdate: 0 },
      finished: 600_001,
      now: 600_002,
      want: false,
    },
  ]
  it.each(cases)('$name', ({ entry, finished, now, want }) => {
    expect(isInBackOffSince(entry, finished, now)).toBe(want)
  })

  it('resets to 10s after 10 minutes without an exit', () => {
    expect(nextBackoff({ backoffMs: 300_000, lastUpdate: 0 }, 600_001).backoffMs).toBe(10_000)
  })
})
