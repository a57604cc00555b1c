import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createWorkerRunner, GIVE_UP_MS, RESTART_AFTER_MS } from './worker-runner'
import { runJob, type SimJob, type SimResult } from '../store/sim-runner'
import { encodeTransfer } from '../engine/sim/transfer'
import { DEFAULT_CLUSTER, DEFAULT_MANIFEST } from '../engine/index'
import type { FromWorker, ToWorker } from './protocol'

/** A stand-in for the engine's Worker: records what the page sends; the test decides when it answers. */
class FakeWorker {
  static made: FakeWorker[] = []
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null
  onerror: ((e: ErrorEvent) => void) | null = null
  readonly jobs: ToWorker[] = []
  terminated = false
  constructor() {
    FakeWorker.made.push(this)
  }
  postMessage(m: ToWorker) {
    this.jobs.push(m)
  }
  terminate() {
    this.terminated = true
  }
  /** Answers job `id` as engine.worker.ts does: the real run, in transfer parts. */
  answer(id: number) {
    const job = this.jobs.find((j) => j.id === id)!.job
    for (const part of encodeTransfer(runJob(job), { bulkOver: 3, chunkSize: 2 }))
      this.onmessage?.({ data: structuredClone({ id, part }) } as MessageEvent<FromWorker>)
  }
}

const job = (name: string): SimJob => ({
  manifest: DEFAULT_MANIFEST.replace('name: nginx', `name: ${name}`),
  cluster: DEFAULT_CLUSTER,
  seed: 1,
  runAs: { identity: 'admin', verb: 'apply', namespace: '' },
})
const podName = (r: SimResult) => (r.run.ok ? r.run.timeline.outcome.kind : r.run.error)

beforeEach(() => {
  FakeWorker.made = []
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
})
afterEach(() => vi.useRealTimers())

const runner = () => createWorkerRunner(() => new FakeWorker() as unknown as Worker)

describe('the engine in a Web Worker (issue 12)', () => {
  it('answers a run with the timeline the engine made, assembled from its parts', () => {
    const r = runner()
    const got: SimResult[] = []
    r.request(job('web'), (x) => got.push(x))
    expect(got).toEqual([])
    FakeWorker.made[0]!.answer(1)
    expect(got.map(podName)).toEqual(['Running'])
    const direct = runJob(job('web')).run
    const received = got[0]!.run
    expect(received.ok && direct.ok && JSON.stringify(received.timeline)).toBe(
      direct.ok && JSON.stringify(direct.timeline),
    )
  })

  it('a newer request overtakes a quick run: its answer is dropped, the newest one is run next', () => {
    const r = runner()
    const got: string[] = []
    r.request(job('a'), () => got.push('a'))
    r.request(job('b'), () => got.push('b'))
    r.request(job('c'), () => got.push('c'))
    const w = FakeWorker.made[0]!
    // The run in flight is young: it is let finish (the worker keeps what it knows of the cluster).
    expect(w.terminated).toBe(false)
    w.answer(1)
    expect(got).toEqual([])
    // Only the newest waiting job runs; b was overtaken before it started.
    expect(w.jobs.map((j) => j.job.manifest.includes('name: c'))).toEqual([false, true])
    w.answer(2)
    expect(got).toEqual(['c'])
  })

  it(`a run still busy ${RESTART_AFTER_MS} ms after a newer request is stopped: a fresh worker takes the new job`, () => {
    const r = runner()
    const got: string[] = []
    r.request(job('slow'), () => got.push('slow'))
    r.request(job('typed'), () => got.push('typed'))
    vi.advanceTimersByTime(RESTART_AFTER_MS)
    expect(FakeWorker.made[0]!.terminated).toBe(true)
    const fresh = FakeWorker.made[1]!
    expect(fresh.jobs).toHaveLength(1)
    fresh.answer(fresh.jobs[0]!.id)
    expect(got).toEqual(['typed'])
  })

  it(`a run longer than ${GIVE_UP_MS / 1000} s is stopped and said so; the next run works`, () => {
    const r = runner()
    const got: SimResult[] = []
    r.request(job('hostile'), (x) => got.push(x))
    vi.advanceTimersByTime(GIVE_UP_MS)
    expect(FakeWorker.made[0]!.terminated).toBe(true)
    expect(got.map(podName)).toEqual([
      'the simulation was stopped after 20 s: Podlife gives one run at most that long, and this input keeps the engine busy beyond it',
    ])
    r.request(job('next'), (x) => got.push(x))
    FakeWorker.made[1]!.answer(FakeWorker.made[1]!.jobs[0]!.id)
    expect(got.map(podName)).toContain('Running')
  })

  it('a worker that fails answers its run with the failure, and the next run gets a new worker', () => {
    const r = runner()
    const got: SimResult[] = []
    r.request(job('x'), (x) => got.push(x))
    const prevented = vi.fn()
    FakeWorker.made[0]!.onerror?.({
      message: 'Uncaught RangeError: out of memory',
      preventDefault: prevented,
    } as unknown as ErrorEvent)
    expect(prevented).toHaveBeenCalled()
    expect(got.map(podName)).toEqual([
      "the simulation stopped: the engine's worker failed (Uncaught RangeError: out of memory)",
    ])
    r.request(job('y'), (x) => got.push(x))
    expect(FakeWorker.made).toHaveLength(2)
  })
})
