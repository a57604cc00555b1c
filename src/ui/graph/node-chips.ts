/**
 * The cluster's nodes, drawn as chips under the components: which ones the
 * scheduler rejected in its last cycle, and the one the pod lands on. Pure.
 */
import type { Node } from '@xyflow/react'
import type { SchedulingResult, SimEvent, Timeline, World } from '../../engine/index'
import type { Tone } from './project'

export const MAX_CHIPS = 5
const CHIP_Y = 610
const CHIP_STEP = 165

export interface NodeChipData extends Record<string, unknown> {
  readonly name: string
  readonly detail: string
  readonly tone: Tone
  /** The pod's name when it is bound to this node. */
  readonly pod: string | null
}

/** The latest scheduling cycle at or before the cursor. */
export function lastCycle(timeline: Timeline, index: number): SchedulingResult | null {
  for (let i = Math.min(index, timeline.events.length - 1); i >= 0; i--) {
    const e = timeline.events[i]!
    if (e.kind === 'scheduler.cycle') return e.payload
  }
  return null
}

function shownNames(nodes: readonly { metadata: { name?: string } }[], bound: string | null): string[] {
  if (nodes.length <= MAX_CHIPS) return nodes.map((n) => n.metadata.name ?? '')
  const shown = new Set<string>(bound ? [bound] : [])
  for (const n of nodes) {
    if (shown.size >= MAX_CHIPS - 1) break
    shown.add(n.metadata.name ?? '')
  }
  return [...shown].slice(0, MAX_CHIPS - 1)
}

/** Each node's verdict in a cycle, by name: made once per cycle, not on every step. */
const verdictsByCycle = new WeakMap<
  SchedulingResult,
  ReadonlyMap<string, SchedulingResult['nodes'][number]>
>()
function verdictsOf(cycle: SchedulingResult | null): ReadonlyMap<string, SchedulingResult['nodes'][number]> {
  if (!cycle) return new Map()
  let v = verdictsByCycle.get(cycle)
  if (!v) {
    v = new Map(cycle.nodes.map((n) => [n.name, n]))
    verdictsByCycle.set(cycle, v)
  }
  return v
}

export function projectNodeChips(
  timeline: Timeline,
  frame: World,
  event: SimEvent | null,
  cycle: SchedulingResult | null,
): Node<NodeChipData>[] {
  // Nodes that joined during the story (a ClusterChange) are drawn from the moment they join.
  const joined = (frame.createdObjects ?? []).filter((o) => o.kind === 'Node')
  const nodes = joined.length ? [...timeline.cluster.nodes, ...joined] : timeline.cluster.nodes
  const bound = frame.pod?.spec.nodeName ?? null
  // Show the chosen node first among the shown ones when the cluster is large. This runs on every
  // step: only the few names shown are read, not the whole (possibly 5,000-node) list.
  const shown = shownNames(nodes, bound)
  const verdicts = verdictsOf(cycle)
  const inCycle = event?.kind === 'scheduler.cycle'
  const chips: Node<NodeChipData>[] = shown.map((name, i) => {
    const v = verdicts.get(name)
    let tone: Tone = 'idle'
    if (bound === name) tone = 'accepted'
    else if (v && v.filter.examined && !v.filter.passed) tone = 'rejected'
    else if (inCycle && v?.filter.passed) tone = 'active'
    const detail =
      v && !v.filter.passed && v.filter.examined
        ? (v.filter.reasons[0] ?? '')
        : v?.total != null
          ? `score ${v.total}`
          : ''
    return {
      id: `node:${name}`,
      type: 'nodeChip',
      position: { x: i * CHIP_STEP, y: CHIP_Y },
      draggable: false,
      selectable: false,
      data: { name, detail, tone, pod: bound === name ? (frame.pod?.metadata.name ?? null) : null },
    }
  })
  if (nodes.length > shown.length) {
    chips.push({
      id: 'node:more',
      type: 'nodeChip',
      position: { x: shown.length * CHIP_STEP, y: CHIP_Y },
      draggable: false,
      selectable: false,
      data: {
        name: `+${nodes.length - shown.length} more`,
        detail: 'see the scheduler table',
        tone: 'idle',
        pod: null,
      },
    })
  }
  return chips
}
