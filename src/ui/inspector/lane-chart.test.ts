import { describe, expect, it } from 'vitest'
import type { ContainerLane, ContainerNow, LaneSegment } from '../../engine/views'
import {
  CHART_LEFT,
  CHART_RIGHT,
  CHART_WIDTH,
  compactState,
  createLaneScale,
  describeLane,
  formatInstant,
  segmentLabel,
  segmentTone,
} from './lane-chart'

const seg = (o: Partial<LaneSegment>): LaneSegment => ({
  state: 'waiting',
  from: 0,
  to: 1000,
  reason: 'ContainerCreating',
  exitCode: null,
  restartCount: 0,
  ready: false,
  unready: false,
  ok: true,
  summary: 'waiting: ContainerCreating',
  ...o,
})

describe('the lane chart time axis', () => {
  it('runs from the left edge at 0 to the right edge at the end, always forward', () => {
    const s = createLaneScale(312_000)
    expect(s.x(0)).toBe(CHART_LEFT)
    expect(s.x(312_000)).toBeCloseTo(CHART_WIDTH - CHART_RIGHT)
    let prev = -1
    for (const ms of [0, 10, 500, 1000, 5000, 60_000, 312_000]) {
      expect(s.x(ms)).toBeGreaterThan(prev)
      prev = s.x(ms)
    }
    expect(s.x(1e9)).toBeCloseTo(s.x(312_000))
  })

  it('gives the first second as much room as much later minutes', () => {
    const s = createLaneScale(312_000)
    expect(s.x(1000) - s.x(0)).toBeGreaterThan((s.x(312_000) - s.x(152_000)) * 0.9)
  })

  it('labels ticks in seconds and minutes, never crowded', () => {
    const s = createLaneScale(312_000)
    expect(s.ticks.map((t) => t.label)).toEqual([
      '0',
      '1 s',
      '5 s',
      '10 s',
      '30 s',
      '1 min',
      '2 min',
      '5 min',
    ])
    for (let i = 1; i < s.ticks.length; i++)
      expect(s.ticks[i]!.x - s.ticks[i - 1]!.x).toBeGreaterThanOrEqual(38)
    expect(createLaneScale(3000).ticks.map((t) => t.label)).toEqual(['0', '1 s', '2 s'])
  })

  it('copes with an empty run', () => {
    const s = createLaneScale(0)
    expect(s.x(0)).toBe(CHART_LEFT)
    expect(s.ticks.map((t) => t.label)).toEqual(['0'])
  })
})

describe('lane spans', () => {
  it.each<[string, Partial<LaneSegment>, string, string]>([
    [
      'waiting for any reason is amber',
      { reason: 'CrashLoopBackOff', ok: false },
      'waiting',
      'CrashLoopBackOff',
    ],
    ['running is green', { state: 'running', reason: null }, 'running', 'running'],
    [
      'running but not ready is outlined',
      { state: 'running', unready: true },
      'unready',
      'running, not ready',
    ],
    ['exit 0 is done', { state: 'terminated', reason: 'Completed', exitCode: 0 }, 'done', 'Completed 0'],
    [
      'a failure is red',
      { state: 'terminated', reason: 'OOMKilled', exitCode: 137, ok: false },
      'failed',
      'OOMKilled 137',
    ],
  ])('%s', (_, o, tone, label) => {
    expect(segmentTone(seg(o))).toBe(tone)
    expect(segmentLabel(seg(o))).toBe(label)
  })

  it('says a container state in a few words for the lane heading', () => {
    const now = (o: Partial<ContainerNow>): ContainerNow => ({
      name: 'app',
      kind: 'regular',
      image: 'busybox',
      state: 'waiting',
      reason: 'CrashLoopBackOff',
      message: null,
      exitCode: null,
      restartCount: 2,
      ready: false,
      unready: false,
      ok: false,
      summary: '',
      ...o,
    })
    expect(compactState(now({}))).toBe('CrashLoopBackOff')
    expect(compactState(now({ state: 'terminated', reason: 'Error', exitCode: 1 }))).toBe('Error (exit 1)')
    expect(compactState(now({ state: 'running', unready: true }))).toBe('running, not ready')
  })
})

describe('a lane in words', () => {
  it('lists each change once and groups repeated marks', () => {
    const lane: ContainerLane = {
      name: 'web',
      kind: 'regular',
      segments: [
        seg({ from: 16.65, to: 2448 }),
        seg({ state: 'running', from: 2448, to: 9000, unready: true, summary: 'running, not ready' }),
        seg({ state: 'running', from: 9000, to: 20000, unready: true, summary: 'running, not ready' }),
      ],
      marks: [
        {
          kind: 'probe-failed',
          at: 5016.65,
          text: 'Readiness probe failed: HTTP probe failed with statuscode: 404',
        },
        {
          kind: 'probe-failed',
          at: 10016.65,
          text: 'Readiness probe failed: HTTP probe failed with statuscode: 404',
        },
        { kind: 'restart', at: 9000, text: 'restart 1' },
      ],
    }
    expect(describeLane(lane)).toBe(
      'web (regular): waiting: ContainerCreating from 0.017 s; running, not ready from 2.448 s. ' +
        'Readiness probe failed: HTTP probe failed with statuscode: 404 ×2, from 5.017 s to 10.0 s. ' +
        'restarted at 9.000 s.',
    )
  })

  it('formats instants for people', () => {
    expect(formatInstant(693.65)).toBe('0.694 s')
    expect(formatInstant(31_254)).toBe('31.3 s')
    expect(formatInstant(152_000)).toBe('2 min 32 s')
    expect(formatInstant(119_800)).toBe('2 min')
  })
})
