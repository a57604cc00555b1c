/**
 * DefaultPreemption (PostFilter): on nodes where the failure was Unschedulable
 * (not UnschedulableAndUnresolvable), remove every lower-priority pod, check
 * the pod fits, then reprieve victims from the most important down while it
 * still fits; pick one candidate node by upstream's criteria.
 * Victims whose eviction would break a PodDisruptionBudget are reprieved first.
 * Upstream: pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go
 * (SelectVictimsOnNode, PodEligibleToPreemptOthers, calculateNumCandidates),
 * pkg/scheduler/framework/preemption/preemption.go (findCandidates, DryRunPreemption,
 * pickOneNodeForPreemption), pkg/scheduler/util/utils.go (MoreImportantPod)
 */
import type { Pod } from '../../model/objects'
import type { NodeInfo, Status } from '../framework/types'
import { removePod, addPod } from '../framework/node-info'
import { nextInt, type Rng } from '../../sim/rng'
import { splitByViolation, type DisruptionBudget } from '../../model/disruption-budget'

export const MSG_NOT_HELPFUL = 'Preemption is not helpful for scheduling'
export const MSG_NO_VICTIMS = 'No preemption victims found for incoming pod'
export const MSG_NOT_ELIGIBLE_NEVER = 'not eligible due to preemptionPolicy=Never.'
export const MSG_NOT_ELIGIBLE_TERMINATING = 'not eligible due to a terminating pod on the nominated node.'

const MIN_CANDIDATE_NODES_PERCENTAGE = 10
const MIN_CANDIDATE_NODES_ABSOLUTE = 100

export const podPriority = (p: Pod): number => p.spec.priority ?? 0
const startTime = (p: Pod): string => String(p.status?.startTime ?? p.metadata.creationTimestamp ?? '')

/** MoreImportantPod: higher priority, then the earlier start time. */
export function moreImportant(a: Pod, b: Pod): boolean {
  const pa = podPriority(a)
  const pb = podPriority(b)
  if (pa !== pb) return pa > pb
  return startTime(a) < startTime(b)
}

export function isTerminating(p: Pod): boolean {
  return !!p.metadata['deletionTimestamp']
}

/** PodEligibleToPreemptOthers: '' when eligible, else the reason. */
export function preemptionIneligibility(pod: Pod, nominated: NodeInfo | undefined): string {
  if (pod.spec['preemptionPolicy'] === 'Never') return MSG_NOT_ELIGIBLE_NEVER
  if (nominated) {
    const prio = podPriority(pod)
    if (nominated.pods.some((p) => isTerminating(p) && podPriority(p) < prio))
      return MSG_NOT_ELIGIBLE_TERMINATING
  }
  return ''
}

export interface Candidate {
  readonly node: string
  /** Victims from the most to the least important. */
  readonly victims: readonly Pod[]
  /** How many of them violate a PodDisruptionBudget. */
  readonly pdbViolations?: number
}

/** `fits` runs the filter plugins (with PreFilter recomputed) for the pod on a changed node. */
export type FitsOnNode = (node: NodeInfo) => Status

/**
 * SelectVictimsOnNode: remove every lower-priority pod; if the pod then fits, reprieve victims, first
 * those whose eviction would violate a PodDisruptionBudget, then the others, each group from the most
 * important down, keeping each one that still leaves room.
 */
export function selectVictimsOnNode(
  pod: Pod,
  node: NodeInfo,
  fits: FitsOnNode,
  budgets: readonly DisruptionBudget[] = [],
): { victims: Pod[]; pdbViolations: number; status: Status } {
  const prio = podPriority(pod)
  const potential = node.pods.filter((p) => podPriority(p) < prio)
  if (potential.length === 0)
    return {
      victims: [],
      pdbViolations: 0,
      status: { code: 'UnschedulableAndUnresolvable', reasons: [MSG_NO_VICTIMS] },
    }
  let info = node
  for (const p of potential) info = removePod(info, p)
  const all = fits(info)
  if (all.code !== 'Success') return { victims: [], pdbViolations: 0, status: all }
  potential.sort((a, b) => (moreImportant(a, b) ? -1 : moreImportant(b, a) ? 1 : 0))
  const { violating, nonViolating } = splitByViolation(potential, budgets)
  const victims: Pod[] = []
  let pdbViolations = 0
  const reprieve = (p: Pod): boolean => {
    const withP = addPod(info, p)
    if (fits(withP).code === 'Success') {
      info = withP
      return true
    }
    victims.push(p)
    return false
  }
  for (const p of violating) if (!reprieve(p)) pdbViolations++
  for (const p of nonViolating) reprieve(p)
  if (violating.length > 0 && nonViolating.length > 0)
    victims.sort((a, b) => (moreImportant(a, b) ? -1 : moreImportant(b, a) ? 1 : 0))
  return { victims, pdbViolations, status: { code: 'Success', reasons: [] } }
}

function earliestStartOfHighest(victims: readonly Pod[]): string {
  const top = podPriority(victims[0]!)
  let earliest = ''
  for (const v of victims)
    if (podPriority(v) === top && (earliest === '' || startTime(v) < earliest)) earliest = startTime(v)
  return earliest
}

/** pickOneNodeForPreemption: fewest PDB violations, lowest highest victim priority, lowest priority sum, fewest victims, latest start of the highest-priority victims, then the first. */
export function pickOneNode(candidates: readonly Candidate[]): Candidate | null {
  let best = [...candidates]
  const keep = (score: (c: Candidate) => number) => {
    let max = -Infinity
    for (const c of best) max = Math.max(max, score(c))
    best = best.filter((c) => score(c) === max)
  }
  const OFFSET = 2147483647 + 1
  keep((c) => -(c.pdbViolations ?? 0))
  keep((c) => -podPriority(c.victims[0]!))
  keep((c) => -c.victims.reduce((a, v) => a + podPriority(v) + OFFSET, 0))
  keep((c) => -c.victims.length)
  if (best.length > 1) {
    const latest = best
      .map((c) => earliestStartOfHighest(c.victims))
      .sort()
      .at(-1)!
    best = best.filter((c) => earliestStartOfHighest(c.victims) === latest)
  }
  return best[0] ?? null
}

export interface PreemptionOutcome {
  /** The PostFilter message part after "preemption: " when no candidate was found. */
  readonly message: string
  readonly candidate: Candidate | null
  readonly rng: Rng
}

/**
 * Preempt: eligibility, the nodes where preemption might help, a dry run from a
 * random offset until enough candidates are found, and the pick.
 */
export function preempt(
  pod: Pod,
  nodes: readonly NodeInfo[],
  failures: ReadonlyMap<string, Status>,
  fits: (node: NodeInfo) => Status,
  rng: Rng,
  budgets: readonly DisruptionBudget[] = [],
): PreemptionOutcome {
  const nominatedName = pod.status?.['nominatedNodeName'] as string | undefined
  const ineligible = preemptionIneligibility(
    pod,
    nominatedName ? nodes.find((n) => n.name === nominatedName) : undefined,
  )
  if (ineligible) return { message: ineligible, candidate: null, rng }
  const potential = nodes.filter((n) => failures.get(n.name)?.code !== 'UnschedulableAndUnresolvable')
  const statuses = new Map<string, Status>()
  const candidates: Candidate[] = []
  let r = rng
  if (potential.length > 0) {
    const numCandidates = Math.min(
      potential.length,
      Math.max(
        Math.trunc((potential.length * MIN_CANDIDATE_NODES_PERCENTAGE) / 100),
        MIN_CANDIDATE_NODES_ABSOLUTE,
      ),
    )
    const [offset, r2] = nextInt(r, potential.length)
    r = r2
    for (let i = 0; i < potential.length && candidates.length < numCandidates; i++) {
      const node = potential[(offset + i) % potential.length]!
      const { victims, pdbViolations, status } = selectVictimsOnNode(pod, node, fits, budgets)
      if (status.code === 'Success' && victims.length > 0)
        candidates.push({ node: node.name, victims, pdbViolations })
      else
        statuses.set(
          node.name,
          status.code === 'Success' ? { code: 'Error', reasons: [MSG_NO_VICTIMS] } : status,
        )
    }
  }
  if (candidates.length > 0) return { message: '', candidate: pickOneNode(candidates), rng: r }
  // A FitError over the preemption statuses; nodes never tried count as "not helpful".
  const counts = new Map<string, number>()
  for (const s of statuses.values())
    for (const reason of s.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1)
  const absent = nodes.length - statuses.size
  if (absent > 0) counts.set(MSG_NOT_HELPFUL, (counts.get(MSG_NOT_HELPFUL) ?? 0) + absent)
  const hist = [...counts.entries()].map(([reason, c]) => `${c} ${reason}`).sort()
  return { message: `0/${nodes.length} nodes are available: ${hist.join(', ')}.`, candidate: null, rng: r }
}
