/** The messages between the page and the engine's worker (engine.worker.ts, worker-runner.ts). */
import type { TransferMessage } from '../engine/sim/transfer'
import type { SimJob } from '../store/sim-runner'

/** The page asks for run `id`. */
export interface ToWorker {
  readonly id: number
  readonly job: SimJob
}

/** One part of run `id`'s result (sim/transfer.ts: chunks, then the root). */
export interface FromWorker {
  readonly id: number
  readonly part: TransferMessage
}
