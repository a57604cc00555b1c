/**
 * Issue 12: a run's memory grows with what a learner can see, not with retries × containers. Each
 * case runs in a child process (bench/memory-case.ts) so that its peak resident set is its own.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Reporter } from './stats'

interface CaseResult {
  readonly events: number
  readonly ms: number
  readonly retainedMiB: number
  readonly peakRssMiB: number
  readonly stopped: boolean
}

const CASE_SCRIPT = fileURLToPath(new URL('./memory-case.ts', import.meta.url))

function runCase(what: 'crash-loop' | 'pods', count: number): CaseResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', CASE_SCRIPT, what, String(count)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  })
  if (child.status !== 0) throw new Error(`bench/memory-case.ts ${what} ${count} failed: ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as CaseResult
}

const CASES = [
  { what: 'crash-loop', count: 40, label: '40 crash-looping containers in one pod', mib: 512, ms: 5000 },
  { what: 'crash-loop', count: 100, label: '100 crash-looping containers in one pod', mib: 1024, ms: 10_000 },
  { what: 'pods', count: 1200, label: 'a List of 1,200 nginx pods', mib: 512, ms: 10_000 },
] as const

export function benchMemory(record: Reporter): void {
  for (const c of CASES) {
    const r = runCase(c.what, c.count)
    record(
      `${c.label}: events, time, heap the timeline keeps, peak resident set`,
      `${r.events} events${r.stopped ? ' (stopped at the event budget)' : ''}, ${r.ms.toFixed(0)} ms, ${r.retainedMiB.toFixed(0)} MiB kept, ${r.peakRssMiB.toFixed(0)} MiB peak`,
      `peak ≤ ${c.mib} MiB, ≤ ${c.ms / 1000} s`,
      r.peakRssMiB <= c.mib && r.ms <= c.ms,
    )
  }
}
