import { describe, expect, it } from 'vitest'
import { storyPod } from '../protocol/pods'
import fc from 'fast-check'
import { simulate } from '../simulate'
import { DEFAULT_MANIFEST } from '../scenario/default-scenario'
import { DEFAULT_CATALOG } from '../model/image-catalog'
import { containerProcess } from '../kubelet/container-behaviour'
import { START, clampCursor, frameAt, seekToTime, stepBack, stepForward, timeAt } from './cursor'
import type { Timeline } from '../protocol/timeline'
import { makeContainer, makePod, manifestOf } from '../testing/builders'

/** Catalog images as a user writes them: `nginx:1.27`, `registry.k8s.io/pause:3.10`. */
/**
 * Only images whose default process keeps running: with the container behaviour model,
 * busybox or python without a command complete at once and crash-loop, so they never end Running.
 */
const CATALOG_IMAGES = DEFAULT_CATALOG.flatMap((r) =>
  Object.keys(r.tags).map((tag) => `${r.name.replace(/^docker\.io\/library\//, '')}:${tag}`),
).filter((image) => containerProcess({ name: 'c', image }).behaviour.kind === 'runs')

const manifestArb = fc
  .record({
    name: fc.stringMatching(/^[a-z]([a-z0-9-]{0,14}[a-z0-9])?$/),
    image: fc.constantFrom(...CATALOG_IMAGES),
    cpuMilli: fc.integer({ min: 1, max: 2500 }),
    memoryMi: fc.integer({ min: 1, max: 4096 }),
  })
  .map(({ name, image, cpuMilli, memoryMi }) =>
    manifestOf(
      makePod({
        containers: [
          makeContainer({ name, image, requests: { cpu: `${cpuMilli}m`, memory: `${memoryMi}Mi` } }),
        ],
      }),
    ),
  )

const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 })

const timelineArb = fc.tuple(manifestArb, seedArb).map(([manifest, seed]) => simulate({ manifest }, { seed }))

const RUNS = { numRuns: 40 }

describe('cursor: time travel over a timeline', () => {
  const t = simulate({ manifest: DEFAULT_MANIFEST }, { seed: 1 })

  it('START shows the world before Enter', () => {
    expect(frameAt(t, START)).toBe(t.initial)
    expect(timeAt(t, START)).toBe(0)
    expect(stepBack(t, START)).toEqual(START)
  })

  it('stepping past the last event stays on it', () => {
    const last = clampCursor(t, t.events.length - 1)
    expect(stepForward(t, last)).toEqual(last)
    expect(clampCursor(t, 10_000)).toEqual(last)
    expect(clampCursor(t, -5)).toEqual(START)
  })

  it('seeking before Enter lands on START, after the end on the last event', () => {
    expect(seekToTime(t, -1)).toEqual(START)
    expect(seekToTime(t, 1e9)).toEqual({ index: t.events.length - 1 })
  })

  it('seeking to an event’s exact time lands on the last event sharing that time', () => {
    // The create etcd.put, its 201 and the watch event all happen at the same instant.
    const put = t.events.findIndex((e) => e.kind === 'etcd.put')
    const at = t.events[put]!.at
    const c = seekToTime(t, at)
    expect(t.events[c.index]!.at).toBe(at)
    expect(t.events[c.index + 1]!.at).toBeGreaterThan(at)
    expect(c.index).toBeGreaterThan(put)
  })
})

describe('timeline invariants for random valid Pods and seeds (fast-check)', () => {
  it('events are sorted by (at, seq) and there is one frame per event', () => {
    fc.assert(
      fc.property(timelineArb, (t: Timeline) => {
        expect(t.frames).toHaveLength(t.events.length)
        t.events.forEach((e, i) => {
          expect(e.seq).toBe(i)
          if (i > 0) {
            const prev = t.events[i - 1]!
            expect(prev.at < e.at || (prev.at === e.at && prev.seq < e.seq)).toBe(true)
          }
        })
      }),
      RUNS,
    )
  })

  it('stepForward then stepBack returns to the same frame', () => {
    fc.assert(
      fc.property(timelineArb, fc.nat(), (t: Timeline, k: number) => {
        // Any position from START to the one before the last event.
        const index = (k % t.events.length) - 1
        const c = clampCursor(t, index)
        const back = stepBack(t, stepForward(t, c))
        expect(back).toEqual(c)
        expect(frameAt(t, back)).toBe(frameAt(t, c))
      }),
      RUNS,
    )
  })

  it('seekToTime(ms) lands on the last event at or before ms', () => {
    fc.assert(
      fc.property(timelineArb, fc.double({ min: -10, max: 1, noNaN: true }), (t: Timeline, f: number) => {
        const end = t.events[t.events.length - 1]!.at
        const ms = f * (end + 10)
        const c = seekToTime(t, ms)
        const expected = t.events.reduce((acc, e, i) => (e.at <= ms ? i : acc), -1)
        expect(c.index).toBe(expected)
        if (c.index >= 0) expect(timeAt(t, c)).toBeLessThanOrEqual(ms)
        if (c.index + 1 < t.events.length) expect(t.events[c.index + 1]!.at).toBeGreaterThan(ms)
      }),
      RUNS,
    )
  })

  it('seekToTime at each event time lands on the last event with that time', () => {
    fc.assert(
      fc.property(timelineArb, fc.nat(), (t: Timeline, k: number) => {
        const at = t.events[k % t.events.length]!.at
        const c = seekToTime(t, at)
        expect(t.events[c.index]!.at).toBe(at)
        expect(t.events.slice(c.index + 1).every((e) => e.at > at)).toBe(true)
      }),
      RUNS,
    )
  })

  it('a Running Pod: nothing after its final status etcd.put but the HTTP response; a Pending one: never bound, the last FailedScheduling is its message', () => {
    // The generated requests go up to 2500m of CPU, more than any worker of the default cluster has left:
    // such a pod stays Pending (NodeResourcesFit), so about one run in five takes the second branch.
    fc.assert(
      fc.property(timelineArb, (t: Timeline) => {
        const final = storyPod(t.frames[t.frames.length - 1]!)
        if (t.outcome.kind === 'Running') {
          const puts = t.events.filter((e) => e.kind === 'etcd.put' && e.payload.what === 'status')
          const last = puts[puts.length - 1]!
          expect(storyPod(t.frames[last.seq]!)?.status?.phase).toBe('Running')
          expect(t.outcome.at).toBe(last.at)
          const after = t.events.slice(last.seq + 1)
          expect(after.map((e) => e.kind)).toEqual(['http.response'])
          expect(after.every((e) => e.at === last.at)).toBe(true)
          return
        }
        expect(t.outcome.kind).toBe('Pending')
        if (t.outcome.kind !== 'Pending') return
        expect(final?.spec.nodeName).toBeUndefined()
        expect(final?.status?.phase).toBe('Pending')
        expect(t.outcome.reason).toBe('Unschedulable')
        const binds = t.events.filter((e) => e.kind === 'http.request' && e.payload.path.endsWith('/binding'))
        expect(binds).toEqual([])
        const last = t.events[t.events.length - 1]!
        expect(last.kind === 'k8s.event' && last.payload.reason).toBe('FailedScheduling')
        expect(last.kind === 'k8s.event' && last.payload.message).toBe(t.outcome.message)
      }),
      RUNS,
    )
  })

  it('every outcome is Running or Pending for these valid Pods, never Rejected', () => {
    fc.assert(
      fc.property(timelineArb, (t: Timeline) => {
        expect(['Running', 'Pending']).toContain(t.outcome.kind)
      }),
      RUNS,
    )
  })
})
