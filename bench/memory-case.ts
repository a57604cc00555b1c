/**
 * One memory figure, run in a process of its own so its peak is its own (bench/memory.ts starts it):
 *   tsx bench/memory-case.ts crash-loop 40   one pod, 40 busybox containers running `sh -c 'exit 1'`
 *   tsx bench/memory-case.ts pods 1200       a `kind: List` of 1,200 small nginx pods
 * Prints one JSON line: events, ms, the heap the timeline keeps (after a full collection) and the
 * process's peak resident set.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { performance } from 'node:perf_hooks'
import { simulate } from '../src/engine/index'

export const crashLoopManifest = (n: number): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: many\nspec:\n  containers:\n${Array.from(
    { length: n },
    (_, i) => `  - name: c${i}\n    image: busybox:1.36\n    command: [sh, -c, 'exit 1']\n`,
  ).join('')}`

// The manifest parser stops at 500 YAML documents; a List's items do not count, as kubectl flattens it.
export const podListManifest = (n: number): string =>
  `apiVersion: v1\nkind: List\nitems:\n${Array.from(
    { length: n },
    (_, i) =>
      `- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: web-${i}\n  spec:\n    containers:\n    - name: nginx\n      image: nginx:1.27\n`,
  ).join('')}`

const [what, count] = [process.argv[2], Number(process.argv[3])]
if (what === 'crash-loop' || what === 'pods') {
  setFlagsFromString('--expose-gc')
  const collect = runInNewContext('gc') as () => void
  const manifest = what === 'pods' ? podListManifest(count) : crashLoopManifest(count)
  collect()
  const before = process.memoryUsage().heapUsed
  const t0 = performance.now()
  const timeline = simulate({ manifest }, { seed: 1 })
  const ms = performance.now() - t0
  collect()
  const retained = process.memoryUsage().heapUsed - before
  console.log(
    JSON.stringify({
      events: timeline.events.length,
      ms,
      retainedMiB: retained / 2 ** 20,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      stopped: timeline.stopped !== undefined,
    }),
  )
}
