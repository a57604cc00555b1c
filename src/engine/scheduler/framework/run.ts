/**
 * One scheduling cycle for one pod, with upstream's rules: PreFilter plugins
 * in profile order (Skip means the plugin's Filter does not run; a rejection
 * fails every node; a node-name result narrows the nodes), the nominated node
 * tried first, filter plugins per node (the first failure stops), only as many
 * feasible nodes as numFeasibleNodesToFind starting at a rotating index,
 * PostFilter (DynamicResources, then DefaultPreemption) when none fits, no
 * scoring when one node is feasible, scores normalised to 0–100 and weighted,
 * and ties broken uniformly at random (reservoir sampling).
 * Upstream: pkg/scheduler/schedule_one.go (schedulePod, findNodesThatFitPod,
 * evaluateNominatedNode, numFeasibleNodesToFind, prioritizeNodes, selectHost),
 * framework/runtime/framework.go, framework/types.go (FitError.Error)
 */
import type { Pod } from '../../model/objects'
import type { NodeVerdict, PluginVerdict, SchedulingResult } from '../../protocol/events'
import { nextInt, type Rng } from '../../sim/rng'
import type { Profile } from './profile'
import type { FilterPlugin, NodeInfo, NodeScore, PluginContext, Status } from './types'
import { MAX_NODE_SCORE as MAX_NODE_SCORE_ } from './types'
import { MSG_NO_CLAIMS_TO_DEALLOCATE } from '../plugins/dynamic-resources'
import { MSG_NO_VICTIMS, MSG_NOT_HELPFUL, preempt, type Candidate } from '../plugins/default-preemption'

const MIN_FEASIBLE_NODES_TO_FIND = 100
/** A module-local copy: read for every scored node (a getter call where modules are CommonJS). */
const MAX_NODE_SCORE = MAX_NODE_SCORE_
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
  /** Precomputed per-snapshot data (image spread, namespaces, claims); computed here when absent. */
  readonly pluginContext?: Omit<PluginContext, 'allNodes'>
}

export interface CycleOutput {
  readonly result: SchedulingResult
  readonly rng: Rng
  readonly nextStartNodeIndex: number
  /** Per-node filter status for nodes that failed (for the FitError and preemption). */
  readonly failures: ReadonlyMap<string, Status>
  /** DefaultPreemption's pick, when it found one: nominate the node and evict the victims. */
  readonly preemption: Candidate | null
}

interface ActiveFilter {
  readonly plugin: FilterPlugin<unknown>
  readonly state: unknown
}

type FilterVerdict = NodeVerdict['filter']
const PASSED: FilterVerdict = Object.freeze({ examined: true, passed: true, plugin: null, reasons: [] })
const NO_SCORES: NodeVerdict['scores'] = Object.freeze({})
function failedVerdict(s: Status): FilterVerdict {
  return {
    examined: true,
    passed: false,
    plugin: s.plugin ?? null,
    reasons: s.reasons,
    ...(s.code === 'Unschedulable' || s.code === 'UnschedulableAndUnresolvable' ? { code: s.code } : {}),
  }
}

/** RunPreFilterPlugins over `nodes`: the active filters, the verdicts, a rejection, a node-name narrowing. */
function runPreFilters(pod: Pod, nodes: readonly NodeInfo[], profile: Profile, ctx: PluginContext) {
  const active: ActiveFilter[] = []
  const verdicts: PluginVerdict[] = []
  let rejected: Status | null = null
  let allowed: Set<string> | null = null
  const narrowing: string[] = []
  for (const p of profile.filters as readonly FilterPlugin<unknown>[]) {
    if (!p.preFilter) {
      active.push({ plugin: p, state: undefined })
      continue
    }
    const r = p.preFilter(pod, nodes, ctx)
    verdicts.push({ plugin: p.name, code: r.status.code as PluginVerdict['code'], reasons: r.status.reasons })
    if (r.status.code === 'Skip') continue
    if (r.status.code !== 'Success') {
      rejected = { ...r.status, plugin: p.name }
      break
    }
    const names = r.nodeNames
    if (names) {
      narrowing.push(p.name)
      const prev = allowed as Set<string> | null
      allowed = prev ? new Set([...prev].filter((x) => names.has(x))) : new Set(names)
      if (allowed.size === 0) {
        const msg =
          narrowing.length === 1
            ? `node(s) didn't satisfy plugin ${narrowing[0]}`
            : `node(s) didn't satisfy plugin(s) [${narrowing.join(' ')}] simultaneously`
        rejected = { code: 'UnschedulableAndUnresolvable', reasons: [msg], plugin: p.name }
        break
      }
    }
    active.push({ plugin: p, state: r.state })
  }
  return { active, verdicts, rejected, allowed, narrowing }
}

function runFilters(pod: Pod, node: NodeInfo, active: readonly ActiveFilter[]): Status | null {
  for (let i = 0; i < active.length; i++) {
    const a = active[i]!
    const s = a.plugin.filter(pod, node, a.state)
    if (s.code !== 'Success') return { code: s.code, reasons: s.reasons, plugin: a.plugin.name }
  }
  return null
}

export function scheduleOne(input: CycleInput): CycleOutput {
  const { pod, nodes, profile } = input
  let rng = input.rng
  const n = nodes.length
  const ctx = cycleContext(input.pluginContext ?? pluginContext(nodes), nodes)
  const pre = runPreFilters(pod, nodes, profile, ctx)
  const failures = new Map<string, Status>()
  const rows: (NodeVerdict | undefined)[] = new Array<NodeVerdict | undefined>(n)
  const feasible: NodeInfo[] = []
  const feasibleIndex: number[] = []
  let nextStartNodeIndex = input.nextStartNodeIndex
  let preFilterMsg = ''

  if (pre.rejected) {
    // Every node gets the PreFilter status; FitError prints the PreFilter message instead of a histogram.
    preFilterMsg = pre.rejected.reasons.join(', ')
    const filter = { ...failedVerdict(pre.rejected), examined: false }
    nodes.forEach((info, i) => {
      failures.set(info.name, pre.rejected!)
      rows[i] = { name: info.name, filter, scores: NO_SCORES, total: null }
    })
  } else {
    const candidates: number[] = []
    if (pre.allowed) {
      const absent: Status = {
        code: 'UnschedulableAndUnresolvable',
        reasons: [`node(s) didn't satisfy plugin(s) [${[...pre.narrowing].sort().join(' ')}]`],
      }
      nodes.forEach((info, i) => {
        if (pre.allowed!.has(info.name)) candidates.push(i)
        else {
          failures.set(info.name, absent)
          rows[i] = {
            name: info.name,
            filter: { ...failedVerdict(absent), examined: false },
            scores: NO_SCORES,
            total: null,
          }
        }
      })
    }
    const m = pre.allowed ? candidates.length : n
    const at = (k: number) => (pre.allowed ? candidates[k]! : k)
    // evaluateNominatedNode: a pod nominated by an earlier preemption tries that node first.
    const nominated = pod.status?.['nominatedNodeName'] as string | undefined
    let nominatedFits = false
    if (nominated) {
      const i = nodes.findIndex((x) => x.name === nominated)
      if (i >= 0 && (!pre.allowed || pre.allowed.has(nominated)) && !runFilters(pod, nodes[i]!, pre.active)) {
        nominatedFits = true
        feasible.push(nodes[i]!)
        feasibleIndex.push(i)
        rows[i] = { name: nominated, filter: PASSED, scores: NO_SCORES, total: null }
      }
    }
    if (!nominatedFits) {
      const toFind = numFeasibleNodesToFind(m)
      let processed = 0
      for (let k = 0; k < m && feasible.length < toFind; k++) {
        const i = at((input.nextStartNodeIndex + k) % m)
        const info = nodes[i]!
        processed++
        const failed = runFilters(pod, info, pre.active)
        if (failed) {
          failures.set(info.name, failed)
          rows[i] = { name: info.name, filter: failedVerdict(failed), scores: NO_SCORES, total: null }
        } else {
          // Its row is written after scoring (or below, when it is the only feasible node).
          feasible.push(info)
          feasibleIndex.push(i)
        }
      }
      nextStartNodeIndex = n === 0 ? 0 : (input.nextStartNodeIndex + processed) % n
    }
  }

  let selected: string | null = null
  let tieBreak = ''
  let postFilter: PluginVerdict[] | undefined
  let preemption: Candidate | null = null
  let message = ''
  if (feasible.length === 1) {
    selected = feasible[0]!.name
    rows[feasibleIndex[0]!] = { name: selected, filter: PASSED, scores: NO_SCORES, total: null }
    tieBreak = 'only one feasible node: no scoring'
  } else if (feasible.length > 1) {
    const r = scoreAndSelect(pod, feasible, feasibleIndex, rows, profile, ctx, rng)
    rng = r.rng
    selected = r.selected
    tieBreak = r.tieBreak
  } else {
    // PostFilter: DynamicResources has no claim to deallocate, then DefaultPreemption.
    // Only PodTopologySpread and InterPodAffinity keep PreFilter state about other pods (they are the
    // plugins with PreFilterExtensions AddPod/RemovePod upstream); without them the states stand as they are.
    const reuse = !pre.active.some(
      (a) => a.plugin.name === 'PodTopologySpread' || a.plugin.name === 'InterPodAffinity',
    )
    const fits = (changed: NodeInfo): Status => {
      if (reuse) return runFilters(pod, changed, pre.active) ?? { code: 'Success', reasons: [] }
      const snapshot = nodes.map((x) => (x.name === changed.name ? changed : x))
      const again = runPreFilters(pod, snapshot, profile, cycleContext(ctx, snapshot))
      if (again.rejected) return again.rejected
      return runFilters(pod, changed, again.active) ?? { code: 'Success', reasons: [] }
    }
    const p = preempt(pod, nodes, failures, fits, rng, ctx.podDisruptionBudgets ?? [])
    rng = p.rng
    preemption = p.candidate
    postFilter = [
      { plugin: 'DynamicResources', code: 'Unschedulable', reasons: [MSG_NO_CLAIMS_TO_DEALLOCATE] },
      p.candidate
        ? { plugin: 'DefaultPreemption', code: 'Success', reasons: [] }
        : { plugin: 'DefaultPreemption', code: 'Unschedulable', reasons: [`preemption: ${p.message}`] },
    ]
    message = fitErrorMessage(
      n,
      failures,
      preFilterMsg,
      p.candidate ? '' : `${MSG_NO_CLAIMS_TO_DEALLOCATE}, preemption: ${p.message}`,
    )
  }

  const verdictRows: NodeVerdict[] = new Array<NodeVerdict>(n)
  for (let i = 0; i < n; i++) verdictRows[i] = rows[i] ?? nodes[i]!.unexaminedRow
  return {
    result: {
      result: selected === null ? 'Unschedulable' : 'Scheduled',
      message,
      selected,
      nodes: verdictRows,
      tieBreak,
      preFilter: pre.verdicts,
      ...(postFilter ? { postFilter } : {}),
      ...(preemption
        ? {
            preemption: {
              nominatedNodeName: preemption.node,
              victims: preemption.victims.map((v) => ({
                name: v.metadata.name ?? '',
                namespace: v.metadata.namespace ?? 'default',
                uid: v.metadata.uid ?? '',
                priority: v.spec.priority ?? 0,
              })),
            },
          }
        : {}),
    },
    rng,
    nextStartNodeIndex,
    failures,
    preemption,
  }
}

function scoreAndSelect(
  pod: Pod,
  feasible: readonly NodeInfo[],
  feasibleIndex: readonly number[],
  rows: (NodeVerdict | undefined)[],
  profile: Profile,
  ctx: PluginContext,
  rngIn: Rng,
): { selected: string; tieBreak: string; rng: Rng } {
  let rng = rngIn
  const f = feasible.length
  const totals = new Float64Array(f)
  const perNode: Record<string, { raw: number; normalized: number; weighted: number }>[] = []
  for (let j = 0; j < f; j++) perNode.push({})
  const raw = new Float64Array(f)
  for (const { plugin, weight } of profile.scores) {
    let state: unknown
    if (plugin.preScore) {
      const r = plugin.preScore(pod, feasible, ctx)
      if (r.status.code === 'Skip') continue
      state = r.state
    }
    for (let j = 0; j < f; j++) raw[j] = plugin.score(pod, feasible[j]!, state as never, ctx)
    let normalized: readonly NodeScore[] | null = null
    if (plugin.normalize) {
      const list: NodeScore[] = new Array<NodeScore>(f)
      for (let j = 0; j < f; j++) list[j] = { name: feasible[j]!.name, score: raw[j]! }
      normalized = plugin.normalize(list, state as never)
    }
    const name = plugin.name
    for (let j = 0; j < f; j++) {
      const norm = normalized ? normalized[j]!.score : raw[j]!
      if (!(norm >= 0 && norm <= MAX_NODE_SCORE))
        throw new Error(`${name} normalised ${feasible[j]!.name} to ${norm}`)
      perNode[j]![name] = { raw: raw[j]!, normalized: norm, weighted: norm * weight }
      totals[j] = totals[j]! + norm * weight
    }
  }
  // selectHost: reservoir sampling among the top scores.
  let best = -1
  let count = 0
  let selected = ''
  for (let j = 0; j < f; j++) {
    const info = feasible[j]!
    rows[feasibleIndex[j]!] = { name: info.name, filter: PASSED, scores: perNode[j]!, total: totals[j]! }
    const total = totals[j]!
    if (total > best) {
      best = total
      selected = info.name
      count = 1
    } else if (total === best) {
      count++
      const [pick, r] = nextInt(rng, count)
      rng = r
      if (pick === 0) selected = info.name
    }
  }
  const tieBreak =
    count > 1
      ? `${count} nodes tied at ${best}; one picked uniformly at random (seeded)`
      : `highest total score ${best}`
  return { selected, tieBreak, rng }
}

/** The per-cycle context: the snapshot's data plus the node lists InterPodAffinity starts from, in one pass. */
function cycleContext(base: Omit<PluginContext, 'allNodes'>, nodes: readonly NodeInfo[]): PluginContext {
  const withAffinity: NodeInfo[] = []
  const withAnti: NodeInfo[] = []
  for (let i = 0; i < nodes.length; i++) {
    const x = nodes[i]!
    if (x.podsWithAffinity.length === 0) continue
    withAffinity.push(x)
    if (x.podsWithRequiredAntiAffinity.length > 0) withAnti.push(x)
  }
  return {
    ...base,
    allNodes: nodes,
    nodesWithAffinityPods: withAffinity,
    nodesWithRequiredAntiAffinityPods: withAnti,
  }
}

export function pluginContext(nodes: readonly NodeInfo[]): PluginContext {
  const imageNodeCounts = new Map<string, number>()
  for (const n of nodes)
    for (const img of n.images.keys()) imageNodeCounts.set(img, (imageNodeCounts.get(img) ?? 0) + 1)
  return { imageNodeCounts, totalNodes: nodes.length, allNodes: nodes, namespaceLabels: new Map() }
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
 * The FailedScheduling text (FitError.Error): "0/N nodes are available: ", the
 * PreFilter message or the filter histogram, ".", then the PostFilter message
 * (DynamicResources, then DefaultPreemption) when preemption found no victim.
 */
export function fitErrorMessage(
  numAllNodes: number,
  failures: ReadonlyMap<string, Status>,
  preFilterMsg = '',
  postFilterMsg?: string,
): string {
  const filterMsg = preFilterMsg || histogram([...failures.values()].map((s) => s.reasons))
  const post =
    postFilterMsg ??
    `${MSG_NO_CLAIMS_TO_DEALLOCATE}, preemption: 0/${numAllNodes} nodes are available: ${histogram(
      [...failures.values()].map((s) =>
        s.code === 'UnschedulableAndUnresolvable' ? [MSG_NOT_HELPFUL] : [MSG_NO_VICTIMS],
      ),
    )}.`
  return `0/${numAllNodes} nodes are available: ${filterMsg}.${post ? ` ${post}` : ''}`
}
