/**
 * Which pods a ReplicaSet deletes first when it has too many: the least useful ones.
 * Upstream: pkg/controller/replicaset/replica_set.go (getPodsToDelete,
 * getPodsRankedByRelatedPodsOnSameNode) and pkg/controller/controller_utils.go
 * (ActivePodsWithRanks.Less, logarithmicRankDiff), with PodDeletionCost and LogarithmicScaleDown
 * enabled as they are by default in v1.34.
 */
import type { Pod } from '../../model/objects'

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 }
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost'

export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
}

/** FilterActivePods: not Succeeded, not Failed, not being deleted. */
export function isActivePod(pod: Pod): boolean {
  const phase = pod.status?.phase
  return phase !== 'Succeeded' && phase !== 'Failed' && pod.metadata['deletionTimestamp'] === undefined
}

function readyTime(pod: Pod): number | null {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True')
  return c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : null
}

function deletionCost(pod: Pod): number {
  const v = pod.metadata.annotations?.[DELETION_COST]
  if (v === undefined || !/^[+-]?\d{1,10}$/.test(v)) return 0
  const n = Number(v)
  return n >= -2147483648 && n <= 2147483647 ? n : 0
}

function maxRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount))
}

/** logarithmicRankDiff: compares how long ago, on a log2 scale of nanoseconds, so near times tie. */
function logRankDiff(t1: number, t2: number, now: number): number {
  const r = (t: number): number => {
    const d = (now - t) * 1e6
    return d > 0 ? Math.floor(Math.log2(d)) : -1
  }
  return r(t1) - r(t2)
}

interface Ranked {
  readonly pod: Pod
  readonly rank: number
}

/** ActivePodsWithRanks.Less: true when `a` should be deleted before `b`. */
function deleteFirst(a: Ranked, b: Ranked, now: number): boolean {
  const na = a.pod.spec.nodeName ?? ''
  const nb = b.pod.spec.nodeName ?? ''
  // 1. Unassigned < assigned.
  if (na !== nb && (na === '' || nb === '')) return na === ''
  // 2. Pending < Unknown < Running.
  const pa = PHASE_ORDINAL[a.pod.status?.phase ?? 'Pending'] ?? 0
  const pb = PHASE_ORDINAL[b.pod.status?.phase ?? 'Pending'] ?? 0
  if (pa !== pb) return pa < pb
  // 3. Not ready < ready.
  const ra = isPodReady(a.pod)
  const rb = isPodReady(b.pod)
  if (ra !== rb) return !ra
  // 4. Lower pod-deletion-cost < higher.
  const ca = deletionCost(a.pod)
  const cb = deletionCost(b.pod)
  if (ca !== cb) return ca < cb
  // 5. Doubled up (more related pods on the same node) < not doubled up.
  if (a.rank !== b.rank) return a.rank > b.rank
  const uidLess = (a.pod.metadata.uid ?? '') < (b.pod.metadata.uid ?? '')
  // 6. Ready for less time < more time (log scale; a tie goes by UID).
  if (ra && rb) {
    const ta = readyTime(a.pod)
    const tb = readyTime(b.pod)
    if (ta !== tb) {
      // afterOrZero: a pod without a ready time goes first.
      if (ta === null || tb === null) return ta === null
      const diff = logRankDiff(ta, tb, now)
      return diff === 0 ? uidLess : diff < 0
    }
  }
  // 7. More restarts < fewer.
  const ma = maxRestarts(a.pod)
  const mb = maxRestarts(b.pod)
  if (ma !== mb) return ma > mb
  // 8. Newer < older (log scale; a tie goes by UID).
  const ka = a.pod.metadata.creationTimestamp
  const kb = b.pod.metadata.creationTimestamp
  if (ka !== kb) {
    if (!ka || !kb) return !ka // afterOrZero
    const diff = logRankDiff(Date.parse(ka), Date.parse(kb), now)
    return diff === 0 ? uidLess : diff < 0
  }
  return false
}

/**
 * getPodsToDelete: the `diff` pods to delete from the set's own pods; `related` are the pods of
 * every ReplicaSet of the same Deployment (getIndirectlyRelatedPods), counted per node for the rank.
 */
export function podsToDelete(own: readonly Pod[], related: readonly Pod[], diff: number, now: number): Pod[] {
  if (diff >= own.length) return [...own]
  const onNode = new Map<string, number>()
  for (const p of related)
    if (isActivePod(p) && p.spec.nodeName) onNode.set(p.spec.nodeName, (onNode.get(p.spec.nodeName) ?? 0) + 1)
  const ranked: Ranked[] = own.map((pod) => ({ pod, rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 }))
  // A stable sort keeps ties in list order, so the choice is the same on every run.
  ranked.sort((a, b) => (deleteFirst(a, b, now) ? -1 : deleteFirst(b, a, now) ? 1 : 0))
  return ranked.slice(0, diff).map((r) => r.pod)
}
