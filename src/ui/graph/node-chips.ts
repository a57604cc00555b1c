/**
 * The cluster's nodes, drawn as chips under the components: which ones the
 * scheduler rejected in its last cycle, and the one the pod lands on. Pure.
 */
import type { Node } from '@xyflow/react'
import type { SchedulingResult, SimEvent, Timeline, World } from '../../engine/index'
import { allPods, storyPod } from '../../engine/index'
import { shorten, type Tone } from './project'
import {
  CHIP,
  chipCapacity,
  DEFAULT_METRICS,
  nodesArea,
  positionOf,
  type Arrangement,
  type Metrics,
} from './layout'

/** Chips longer than this give the rejecting plugin's name instead; the scheduler table has the whole reason. */
const MAX_REASON = 44
/** A node name longer than this is shortened in the middle (the inspector has it whole). */
const MAX_NAME = 18
/** How much of a pod's name fits its badge at 15 px beside `pod/` and a `+N` (the chip is ≥ 196 px). */
const POD_NAME_CHARS = 12

export interface NodeChipData extends Record<string, unknown> {
  readonly name: string
  readonly detail: string
  readonly tone: Tone
  /** The pod's name when it is bound to this node. */
  readonly pod: string | null
  /**
   * Set on the step that binds the pod here: where the pod comes from (the scheduler's card),
   * relative to the chip, so it can be seen travelling onto its node.
   */
  readonly arriving: { readonly dx: number; readonly dy: number } | null
  /** The bound pod's colour: its state (a crash-looping pod is not green). */
  readonly podTone: Tone
  /** How many of the run's other pods (a Deployment's other replicas) are bound to this node. */
  readonly others: number
  readonly width: number
}

/** The latest scheduling cycle at or before the cursor. */
export function lastCycle(timeline: Timeline, index: number): SchedulingResult | null {
  for (let i = Math.min(index, timeline.events.length - 1); i >= 0; i--) {
    const e = timeline.events[i]!
    if (e.kind === 'scheduler.cycle') return e.payload
  }
  return null
}

function shownNames(
  nodes: readonly { metadata: { name?: string } }[],
  bound: string | null,
  max: number,
  holding: Iterable<string> = [],
): string[] {
  if (nodes.length <= max) return nodes.map((n) => n.metadata.name ?? '')
  // The story pod's node, then the nodes holding the run's other pods (a Deployment's spread), then the rest.
  const shown = new Set<string>(bound ? [bound] : [])
  for (const n of holding) if (shown.size < max - 1) shown.add(n)
  for (const n of nodes) {
    if (shown.size >= max - 1) break
    shown.add(n.metadata.name ?? '')
  }
  return [...shown].slice(0, max - 1)
}

const joinedCache = new WeakMap<object, readonly { metadata: { name: string } }[]>()
/** The nodes of the frame the cluster file did not have, in the order they joined; once per nodes map. */
function joinedNodes(timeline: Timeline, frame: World): readonly { metadata: { name: string } }[] {
  let joined = joinedCache.get(frame.nodes)
  if (!joined) {
    const names = Object.keys(frame.nodes)
    if (names.length > timeline.cluster.nodes.length) {
      const known = new Set(timeline.cluster.nodes.map((c) => c.metadata.name))
      joined = names.filter((n) => !known.has(n)).map((name) => ({ metadata: { name } }))
    } else joined = []
    joinedCache.set(frame.nodes, joined)
  }
  return joined
}

/** The reason a chip shows: the scheduler's own words when they fit, else the plugin that said them. */
function reasonOf(v: SchedulingResult['nodes'][number]): string {
  const reason = v.filter.reasons[0] ?? ''
  return reason.length <= MAX_REASON ? reason : (v.filter.plugin ?? shorten(reason, MAX_REASON))
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
  arrangement: Arrangement = 'wide',
  previous: World | null = null,
  podTone: Tone = 'accepted',
  m: Metrics = DEFAULT_METRICS,
): Node<NodeChipData>[] {
  const max = chipCapacity(arrangement, m)
  const area = nodesArea(arrangement, m)
  const at = (i: number) => ({ x: area.x, y: area.y + i * (CHIP.height + CHIP.gap) })
  // Nodes that joined during the story (a ClusterChange) are drawn from the moment they join: their
  // kubelet's runtime exists from its registration on, one event before etcd stores the Node.
  const joined = joinedNodes(timeline, frame)
  const nodes = joined.length ? [...timeline.cluster.nodes, ...joined] : timeline.cluster.nodes
  const story = storyPod(frame)
  const bound = story?.spec.nodeName ?? null
  // The run's other pods on each node: a Deployment's replicas land on several nodes.
  const othersOn = new Map<string, number>()
  const storyKey = story ? `${story.metadata.namespace ?? 'default'}/${story.metadata.name ?? ''}` : null
  for (const p of allPods(frame)) {
    const n = p.spec.nodeName
    const key = `${p.metadata.namespace ?? 'default'}/${p.metadata.name ?? ''}`
    if (n && key !== storyKey && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
      othersOn.set(n, (othersOn.get(n) ?? 0) + 1)
  }
  // Show the chosen node first among the shown ones when the cluster is large. This runs on every
  // step: only the few names shown are read, not the whole (possibly 5,000-node) list.
  const shown = shownNames(nodes, bound, max, [...othersOn.keys()].sort())
  const verdicts = verdictsOf(cycle)
  const inCycle = event?.kind === 'scheduler.cycle'
  const chips: Node<NodeChipData>[] = shown.map((name, i) => {
    const v = verdicts.get(name)
    let tone: Tone = 'idle'
    if (bound === name) tone = podTone
    else if (v && v.filter.examined && !v.filter.passed) tone = 'rejected'
    else if (inCycle && v?.filter.passed) tone = 'active'
    const detail =
      v && !v.filter.passed && v.filter.examined ? reasonOf(v) : v?.total != null ? `score ${v.total}` : ''
    const position = at(i)
    const justBound = bound === name && previous !== null && storyPod(previous)?.spec.nodeName !== name
    const from = positionOf(arrangement, 'kube-scheduler', m)
    return {
      id: `node:${name}`,
      type: 'nodeChip',
      position,
      draggable: false,
      selectable: false,
      focusable: false,
      data: {
        name: shorten(name, MAX_NAME),
        detail,
        tone,
        // A long generated name (web-7fbb9c6d64-frsh4) keeps its ends, so the chip never overflows.
        pod: bound === name ? shorten(story?.metadata.name ?? '', POD_NAME_CHARS) : null,
        others: othersOn.get(name) ?? 0,
        arriving: justBound ? { dx: from.x - position.x, dy: from.y - position.y } : null,
        podTone,
        width: area.width,
      },
      // Above the cards, so the pod travelling from the scheduler is never hidden behind one.
      zIndex: 10,
    }
  })
  if (nodes.length > shown.length) {
    chips.push({
      id: 'node:more',
      type: 'nodeChip',
      position: at(shown.length),
      draggable: false,
      selectable: false,
      focusable: false,
      data: {
        name: `+${nodes.length - shown.length} more`,
        detail: 'see the scheduler table',
        tone: 'idle',
        pod: null,
        arriving: null,
        podTone: 'idle',
        others: 0,
        width: area.width,
      },
    })
  }
  return chips
}
