import { describe, expect, it } from 'vitest'
import { encodeTransfer, TransferReceiver, type TransferOptions } from './transfer'
import { AppendLog } from './append-log'
import { simulate } from '../simulate'
import { SCENARIOS } from '../scenario/scenarios'
import { etcdEntries } from '../etcd/store'
import { describePod } from '../describe/describe-pod'
import { podPill } from '../story/pod-pill'
import type { Timeline } from '../protocol/timeline'

/** Encode, clone each message as postMessage would, and receive: what a worker round trip gives. */
function roundTrip(value: unknown, options?: TransferOptions): unknown {
  const receiver = new TransferReceiver()
  let out: unknown
  for (const m of encodeTransfer(value, options)) {
    const r = receiver.receive(structuredClone(m))
    if (r.done) out = r.value
  }
  return out
}

/**
 * What the page sees must be what the worker computed: every frame's etcd keys (inherited from the
 * cluster's layer), the Events log, describe and the pill at every step, and the sharing between
 * frames (so memory stays what the engine made it).
 */
function expectSameTimeline(back: Timeline, t: Timeline) {
  expect(JSON.stringify(back)).toBe(JSON.stringify(t))
  expect(back.frames.length).toBe(t.frames.length)
  for (let i = -1; i < t.frames.length; i++) {
    const a = i < 0 ? t.initial : t.frames[i]!
    const b = i < 0 ? back.initial : back.frames[i]!
    expect(etcdEntries(b.etcd)).toEqual(etcdEntries(a.etcd))
    expect(b.events.toArray()).toEqual(a.events.toArray())
    expect(podPill(back, i)).toEqual(podPill(t, i))
    if (i > 0) {
      // Shared in the engine's frames ⇔ shared in the received ones.
      const prev = t.frames[i - 1]!
      const bPrev = back.frames[i - 1]!
      expect(b.etcd === bPrev.etcd).toBe(a.etcd === prev.etcd)
      expect(b.nodes === bPrev.nodes).toBe(a.nodes === prev.nodes)
      expect(b.events === bPrev.events).toBe(a.events === prev.events)
    }
  }
  const last = t.frames.length - 1
  expect(describePod(back, last)).toBe(describePod(t, last))
}

describe('a timeline across the worker boundary (issue 12)', () => {
  for (const s of SCENARIOS) {
    it(`${s.id}: every frame, etcd key, event and view comes back as the engine made it`, () => {
      const t = simulate({ manifest: s.manifest, ...(s.cluster ? { cluster: s.cluster } : {}) }, { seed: 1 })
      expectSameTimeline(roundTrip(t) as Timeline, t)
    })
  }

  it('in chunks, with objects listed by several containers sent once and pointed at', () => {
    // Tiny thresholds: every container of more than 3 entries goes in chunks of 2, so refs between
    // chunks, refs to entries that come later and layers over a chunked prototype are all exercised.
    const s = SCENARIOS.find((x) => x.id === 'insufficient-cpu')!
    const t = simulate({ manifest: s.manifest }, { seed: 1 })
    const messages = encodeTransfer(t, { bulkOver: 3, chunkSize: 2 })
    expect(messages.filter((m) => m.kind === 'chunk').length).toBeGreaterThan(10)
    expect(messages.at(-1)!.kind).toBe('root')
    expectSameTimeline(roundTrip(t, { bulkOver: 3, chunkSize: 2 }) as Timeline, t)
  })

  it('an object in two containers is one object after the trip', () => {
    const pods = Array.from({ length: 10 }, (_, i) => ({ metadata: { name: `p${i}` } }))
    const byName = Object.fromEntries(pods.map((p) => [p.metadata.name, { object: p }]))
    const back = roundTrip({ pods, byName }, { bulkOver: 5, chunkSize: 3 }) as {
      pods: typeof pods
      byName: typeof byName
    }
    expect(back).toEqual({ pods, byName })
    for (const p of back.pods) expect(back.byName[p.metadata.name]!.object).toBe(p)
  })

  it('keeps "__proto__" keys as data, prototypes of layered and null-prototype objects, and AppendLog versions', () => {
    const evil = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>
    const base = Object.assign(Object.create(null) as Record<string, unknown>, { k1: 1 })
    const layered = Object.create(base, { k2: { value: 2, enumerable: true } }) as Record<string, unknown>
    const v1 = AppendLog.of(['a'])
    const v2 = v1.append('b')
    const back = roundTrip({ evil, layered, v1, v2, list: [evil] }, { bulkOver: 0, chunkSize: 1 }) as {
      evil: Record<string, unknown>
      layered: Record<string, unknown>
      v1: AppendLog<string>
      v2: AppendLog<string>
      list: unknown[]
    }
    expect(Object.keys(back.evil)).toEqual(['__proto__', 'a'])
    expect(Object.getPrototypeOf(back.evil)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(back.list[0]).toBe(back.evil)
    expect(back.layered.k1).toBe(1)
    expect(Object.keys(back.layered)).toEqual(['k2'])
    expect(Object.getPrototypeOf(Object.getPrototypeOf(back.layered))).toBeNull()
    expect(back.v1.toArray()).toEqual(['a'])
    expect(back.v2.toArray()).toEqual(['a', 'b'])
    expect(back.v2.append('c').toArray()).toEqual(['a', 'b', 'c'])
    expect(back.v1.toArray()).toEqual(['a'])
  })

  it('refuses what it cannot carry, by name, rather than sending it spoiled', () => {
    class Clock {
      now = 1
    }
    expect(() => encodeTransfer({ c: new Clock() })).toThrow(/Clock instance/)
  })

  it('a receiver given chunks out of order of need still resolves every pointer at the root', () => {
    const shared = { x: 1 }
    const value = { a: Array(6).fill(shared), b: [shared, shared, shared, shared, shared, shared] }
    const messages = encodeTransfer(value, { bulkOver: 5, chunkSize: 2 }).map((m) => structuredClone(m))
    const root = messages.pop()!
    const receiver = new TransferReceiver()
    for (const m of messages.reverse()) expect(receiver.receive(m).done).toBe(false)
    const r = receiver.receive(root)
    expect(r.done).toBe(true)
    const back = (r as { value: typeof value }).value
    expect(back).toEqual(value)
    expect(new Set([...back.a, ...back.b]).size).toBe(1)
  })
})
