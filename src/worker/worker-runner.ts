/**
 * The store's engine in the page: a Web Worker running one job at a time (engine.worker.ts).
 *
 * - A newer request overtakes the run in flight: that run's result is dropped, and when it has been
 *   running for RESTART_AFTER_MS already, the worker is terminated and a fresh one takes the new job,
 *   so typing never waits behind a slow run. (A fresh worker has lost what it remembered of the
 *   cluster file, so a quick run is let finish rather than restarted.)
 * - A run that takes longer than GIVE_UP_MS is stopped, and the store is told so in words.
 * - A worker that dies (an uncaught error, a failed load) answers its run with what happened.
 * The result arrives in parts, each its own task here (sim/transfer.ts), so even a 5,000-node
 * cluster's timeline never holds the page for long.
 */
import { TransferReceiver } from '../engine/sim/transfer'
import type { SimJob, SimResult, SimRunner } from '../store/sim-runner'
import type { FromWorker, ToWorker } from './protocol'

export const RESTART_AFTER_MS = 300
export const GIVE_UP_MS = 20_000

interface Flight {
  readonly id: number
  readonly done: (result: SimResult) => void
  readonly started: number
  readonly receiver: TransferReceiver
  readonly giveUp: ReturnType<typeof setTimeout>
  /** A newer request came: this run's result is not wanted. */
  overtaken: boolean
}

const failed = (error: string): SimResult => ({ run: { ok: false, error }, errors: [] })

export function createWorkerRunner(
  makeWorker: () => Worker = () =>
    new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'podlife-engine' }),
): SimRunner {
  let worker: Worker | null = null
  let nextId = 1
  let flight: Flight | null = null
  let waiting: { readonly job: SimJob; readonly done: (result: SimResult) => void } | null = null
  let restartCheck: ReturnType<typeof setTimeout> | undefined

  const stopWorker = () => {
    worker?.terminate()
    worker = null
  }

  /** The run in flight ends (answered, failed or cancelled); the waiting job, if any, starts. */
  const land = (answer: SimResult | null) => {
    if (!flight) return
    const f = flight
    clearTimeout(f.giveUp)
    clearTimeout(restartCheck)
    flight = null
    if (answer && !f.overtaken) f.done(answer)
    if (waiting) {
      const w = waiting
      waiting = null
      start(w.job, w.done)
    }
  }

  const spawn = (): Worker => {
    const w = makeWorker()
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      if (!flight || e.data.id !== flight.id) return
      const r = flight.receiver.receive(e.data.part)
      if (r.done) land(r.value as SimResult)
    }
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault()
      stopWorker()
      land(failed(`the simulation stopped: the engine's worker failed (${e.message || 'it could not run'})`))
    }
    return w
  }

  const start = (job: SimJob, done: (result: SimResult) => void) => {
    worker ??= spawn()
    const id = nextId++
    const giveUp = setTimeout(() => {
      stopWorker()
      land(
        failed(
          `the simulation was stopped after ${GIVE_UP_MS / 1000} s: Podlife gives one run at most that long, and this input keeps the engine busy beyond it`,
        ),
      )
    }, GIVE_UP_MS)
    flight = {
      id,
      done,
      started: performance.now(),
      receiver: new TransferReceiver(),
      giveUp,
      overtaken: false,
    }
    const message: ToWorker = { id, job }
    worker.postMessage(message)
  }

  /** The run in flight is not wanted and has run long enough: drop the worker, start the waiting job. */
  const restart = () => {
    if (!flight?.overtaken) return
    stopWorker()
    land(null)
  }

  return {
    request(job, done) {
      if (!flight) return start(job, done)
      waiting = { job, done }
      flight.overtaken = true
      clearTimeout(restartCheck)
      const age = performance.now() - flight.started
      if (age >= RESTART_AFTER_MS) restart()
      else restartCheck = setTimeout(restart, RESTART_AFTER_MS - age)
    },
  }
}
