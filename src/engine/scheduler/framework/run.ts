/**
 * One scheduling cycle for one pod, with upstream's rules: filter plugins in
 * profile order (per node, the first failure stops), only as many feasible
 * nodes as numFeasibleNodesToFind starting at a rotating index, no scoring
 * when one node is feasible, scores normalised to 0–100 and weighted, and
 * ties broken uniformly at random (reservoir sampling).
 * Upstream: pkg/scheduler/schedule_one.go (schedulePod, findNodesThatFitPod,
 * numFeasibleNodesToFind, prioritizeNodes, selectHost), framework/runtime/framework.go,
 * framework/types.go (FitError.Error)
 */
import type { Pod } from '../../model/objects'
import type { NodeVerdict, SchedulingResult } from '../../sim/events'
import { nextInt, type Rng } from '../../sim/rng'
import type { Profile } from './profile'
import type { NodeInfo, NodeScore, PluginContext, Status } from './types'
import { MAX_NODE_SCORE } from './types'

const MIN_FEASIBLE_NODES_TO_FIND = 100
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5

export function numFeasibleNodesToFind(numAllNodes: number, percentageOfNodesToScore = 0): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes
  let percentage = percentageOfNodesToScore
  if (percentage === 0) {
    percentage = 50 - Math.trunc(numAllNodes / 125)
    if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND
  }
  const n = Math.trunc((numAllNodes * percentage) / 100)
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n
}

export interface CycleInput {
  readonly pod: Pod
  readonly nodes: readonly NodeInfo[]
  readonly profile: Profile
  readonly rng: Rng
  readonly nextStartNodeIndex: number
  /** Precomputed image spread for the snapshot (the scheduler cache keeps it); computed here when absent. */
  readonly pluginContext?: PluginContext
}

export interface CycleOutput {
  readonly result: SchedulingResult
  readonly rng: Rng
  readonly nextStartNodeIndex: number
  /** Per-node filter status for nodes that failed (for the FitError and preemption). */
  readonly failures: ReadonlyMap<string, Status>
}

export function scheduleOne(input: CycleInput): CycleOutput {
  const { pod, nodes, profile } = input
  let rng = input.rng
  const n = nodes.length
  // PreFilter: a plugin may return Skip (it then does not filter) or reject the pod outright.
  const states = new Map<string, unknown>()
  const skipped = new Set<string>()
  for (const p of profile.filters) {
    if (!p.preFilter) continue
    const r = p.preFilter(pod, nodes)
    if (r.status.code === 'Skip') skipped.add(p.name)
    states.set(p.name, r.state)
  }
  const toFind = numFeasibleNodesToFind(n)
  const feasible: NodeInfo[] = []
  const failures = new Map<string, Status>()
  const verdicts = new Map<string, NodeVerdict['filter']>()
  let processed = 0
  for (let k = 0; k < n && feasible.length < toFind; k++) {
    const node = nodes[(input.nextStartNodeIndex + k) % n]!
    processed++
    let failed: Status | null = null
    for (const p of profile.filters) {
      if (skipped.has(p.name)) continue
      const s = p.filter(pod, node, states.get(p.name) as never)
      if (s.code !== 'Success') {
        failed = { ...s, plugin: p.name }
        break
      }
    }
    const name = node.node.metadata.name ?? ''
    if (failed) {
      failures.set(name, failed)
      verdicts.set(name, {
        examined: true,
        passed: false,
        plugin: failed.plugin ?? null,
        reasons: failed.reasons,
      })
    } else {
      feasible.push(node)
      verdicts.set(name, { examined: true, passed: true, plugin: null, reasons: [] })
    }
  }
  const nextStartNodeIndex = n === 0 ? 0 : (input.nextStartNodeIndex + processed) % n

  const scores = new Map<string, Record<string, { raw: number; normalized: number; weighted: number }>>()
  const totals = new Map<string, number>()
  let selected: string | null = null
  let tieBreak = ''
  if (feasible.length === 1) {
    selected = feasible[0]!.node.metadata.name ?? ''
    tieBreak = 'only one feasible node: no scoring'
  } else if (feasible.length > 1) {
    const ctx = input.pluginContext ?? pluginContext(nodes)
    for (const { plugin, weight } of profile.scores) {
      let state: unknown
      if (plugin.preScore) {
        const r = plugin.preScore(pod, feasible, ctx)
        if (r.status.code === 'Skip') continue
        state = r.state
      }
      const raw: NodeScore[] = feasible.map((f) => ({
        name: f.node.metadata.name ?? '',
        score: plugin.score(pod, f, state as never, ctx),
      }))
      const normalized = plugin.normalize ? plugin.normalize(raw) : raw
      raw.forEach((r, i) => {
        const norm = normalized[i]!.score
        if (norm < 0 || norm > MAX_NODE_SCORE)
          throw new Error(`${plugin.name} normalised ${r.name} to ${norm}`)
        const row = scores.get(r.name) ?? {}
        row[plugin.name] = { raw: r.score, normalized: norm, weighted: norm * weight }
        scores.set(r.name, row)
        totals.set(r.name, (totals.get(r.name) ?? 0) + norm * weight)
      })
    }
    // selectHost: reservoir sampling among the top scores.
    let best = -1
    let count = 0
    for (const f of feasible) {
      const name = f.node.metadata.name ?? ''
      const total = totals.get(name) ?? 0
      if (total > best) {
        best = total
        selected = name
        count = 1
      } else if (total === best) {
        count++
        const [pick, r] = nextInt(rng, count)
        rng = r
        if (pick === 0) selected = name
      }
    }
    tieBreak =
      count > 1
        ? `${count} nodes tied at ${best}; one picked uniformly at random (seeded)`
        : `highest total score ${best}`
  }

  const verdictRows: NodeVerdict[] = nodes.map((node) => {
    const name = node.node.metadata.name ?? ''
    return {
      name,
      filter: verdicts.get(name) ?? { examined: false, passed: false, plugin: null, reasons: [] },
      scores: scores.get(name) ?? {},
      total: totals.has(name) ? totals.get(name)! : null,
    }
  })
  const message = selected === null ? fitErrorMessage(n, failures) : ''
  return {
    result: {
      result: selected === null ? 'Unschedulable' : 'Scheduled',
      message,
      selected,
      nodes: verdictRows,
      tieBreak,
    },
    rng,
    nextStartNodeIndex,
    failures,
  }
}

export function pluginContext(nodes: readonly NodeInfo[]): PluginContext {
  const imageNodeCounts = new Map<string, number>()
  for (const n of nodes)
    for (const img of n.images.keys()) imageNodeCounts.set(img, (imageNodeCounts.get(img) ?? 0) + 1)
  return { imageNodeCounts, totalNodes: nodes.length }
}

function histogram(reasonsByNode: Iterable<readonly string[]>): string {
  const counts = new Map<string, number>()
  for (const reasons of reasonsByNode) for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1)
  // Sorted as strings, so "10 …" sorts before "2 …" (sort.Strings in FitError.Error).
  return [...counts.entries()]
    .map(([r, c]) => `${c} ${r}`)
    .sort()
    .join(', ')
}

/**
 * The FailedScheduling text: the filter histogram, then the PostFilter plugins'
 * messages (DynamicResources, then DefaultPreemption). A lower-priority pod
 * could be evicted only where the failure is Unschedulable; where it is
 * UnschedulableAndUnresolvable, preemption cannot help.
 */
export function fitErrorMessage(numAllNodes: number, failures: ReadonlyMap<string, Status>): string {
  const filterMsg = histogram([...failures.values()].map((s) => s.reasons))
  const preemption = histogram(
    [...failures.values()].map((s) =>
      s.code === 'UnschedulableAndUnresolvable'
        ? ['Preemption is not helpful for scheduling']
        : ['No preemption victims found for incoming pod'],
    ),
  )
  return `0/${numAllNodes} nodes are available: ${filterMsg}. no new claims to deallocate, preemption: 0/${numAllNodes} nodes are available: ${preemption}.`
}
