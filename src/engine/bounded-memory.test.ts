/**
 * Issue 12: a run's memory grows with what a learner can see, not with events × the world's size.
 * Consecutive frames share what did not change (the Kubernetes Events list is one append-only log),
 * and the pods of a List are one map while none of them changes, so N crash-looping containers
 * retain a few KiB per event. Before, every frame copied the whole Events list: 40 containers
 * retained 49 KiB per event (621 MiB for 13,082 events).
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { simulate } from './simulate'

const crashLoop = (n: number): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: many\nspec:\n  containers:\n${Array.from(
    { length: n },
    (_, i) => `  - name: c${i}\n    image: busybox:1.36\n    command: [sh, -c, 'exit 1']\n`,
  ).join('')}`

// Node exposes a collector on request; measuring after a full collection counts only what the timeline keeps.
setFlagsFromString('--expose-gc')
const collect = runInNewContext('gc') as () => void

describe('bounded memory (issue 12)', () => {
  it('40 crash-looping containers retain at most 10 KiB per event, all frames held', () => {
    collect()
    const before = process.memoryUsage().heapUsed
    const timeline = simulate({ manifest: crashLoop(40) }, { seed: 1 })
    collect()
    const retained = process.memoryUsage().heapUsed - before
    expect(timeline.events.length).toBeGreaterThan(10_000)
    expect(timeline.frames).toHaveLength(timeline.events.length)
    expect(retained / timeline.events.length).toBeLessThanOrEqual(10 * 1024)
  })

  it('a frame that records a Kubernetes Event keeps the earlier frames as they were', () => {
    const timeline = simulate({ manifest: crashLoop(3) }, { seed: 1 })
    const i = timeline.frames.findIndex(
      (f, k) => k > 0 && f.events.length > timeline.frames[k - 1]!.events.length,
    )
    const prev = timeline.frames[i - 1]!
    const next = timeline.frames[i]!
    expect(next.events.length).toBe(prev.events.length + 1)
    expect(next.events.toArray().slice(0, prev.events.length)).toEqual(prev.events.toArray())
    prev.events.toArray().forEach((e, k) => expect(next.events.at(k)).toBe(e))
    // The nodes' runtime state the step did not touch is the same object in both frames.
    expect(next.nodes).toBe(prev.nodes)
  })

  it("frames in which no pod of a List changed share one map of the pods' state", () => {
    const items = Array.from(
      { length: 30 },
      (_, i) =>
        `- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: web-${i}\n  spec:\n    containers:\n    - name: nginx\n      image: nginx:1.27\n`,
    ).join('')
    const timeline = simulate({ manifest: `apiVersion: v1\nkind: List\nitems:\n${items}` }, { seed: 1 })
    const withPods = timeline.frames.filter((f) => f.podOrder.length > 1)
    // 1,728 frames hold several pods and share 208 maps: a new one only when a step changes a pod's
    // record (protocol/pods.ts; the pods themselves are etcd's). Before issue 12 each frame had its own
    // copy (1,740 distinct arrays).
    expect(withPods.length).toBeGreaterThan(1000)
    expect(new Set(withPods.map((f) => f.pods)).size).toBeLessThan(withPods.length / 4)
  })
})
