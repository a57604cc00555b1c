/**
 * The engine's Web Worker: parses the manifest, loads the cluster file and simulates, off the page's
 * thread (issue 12), then sends the result in parts that each deserialise quickly (sim/transfer.ts).
 * One job at a time; the page terminates the worker to cancel a run it no longer wants.
 */
import { encodeTransfer } from '../engine/sim/transfer'
import { runJob, type SimResult } from '../store/sim-runner'
import type { FromWorker, ToWorker } from './protocol'

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null
  postMessage(m: FromWorker): void
}

function send(id: number, result: SimResult): void {
  const t = result.run.ok ? result.run.timeline : null
  // The cluster's objects are decoded data all the way down: sent as they are, not walked.
  const leaves = t ? [...t.cluster.nodes, ...t.cluster.pods, ...Object.values(t.cluster.objects).flat()] : []
  for (const part of encodeTransfer(result, { leaves })) scope.postMessage({ id, part })
}

scope.onmessage = ({ data }) => {
  const result = runJob(data.job)
  try {
    send(data.id, result)
  } catch (e) {
    // A bug in Podlife (something the transfer cannot carry), said as one.
    const error = `the simulation stopped on an internal error (${e instanceof Error ? e.message : String(e)})`
    send(data.id, { run: { ok: false, error }, errors: result.errors })
  }
}
