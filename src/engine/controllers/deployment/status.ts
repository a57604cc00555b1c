/**
 * The Deployment's status as the controller computes it on every sync, and the Progressing
 * condition's life: progressing, complete, or timed out.
 * Upstream: pkg/controller/deployment/sync.go (calculateStatus), progress.go (syncRolloutStatus,
 * requeueStuckDeployment) and util/deployment_util.go (DeploymentComplete, DeploymentProgressing,
 * DeploymentTimedOut, HasProgressDeadline).
 */
import type { Deployment, DeploymentStatus, ReplicaSet } from '../apps-types'
import { conditionOf, MESSAGE, newCondition, REASON, removeCondition, setCondition } from './conditions'
import { maxUnavailableOf } from './fenceposts'
import { actualReplicas, availableReplicas, readyReplicas, specReplicas } from './replica-counts'

/** progressDeadlineSeconds is "never" when it is math.MaxInt32 (HasProgressDeadline). */
const MAX_INT32 = 2147483647

export function hasProgressDeadline(d: Deployment): boolean {
  const s = d.spec.progressDeadlineSeconds
  return s !== undefined && s !== MAX_INT32
}

/** calculateStatus: counts from the sets, the Available condition from maxUnavailable. */
export function calculateStatus(
  d: Deployment,
  all: readonly ReplicaSet[],
  newRS: ReplicaSet | null,
  now: string,
): DeploymentStatus {
  const available = availableReplicas(all)
  const unavailable = Math.max(0, specReplicas(all) - available)
  let status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas: actualReplicas(all),
    updatedReplicas: actualReplicas(newRS ? [newRS] : []),
    readyReplicas: readyReplicas(all),
    availableReplicas: available,
    unavailableReplicas: unavailable,
    ...(d.status?.collisionCount !== undefined ? { collisionCount: d.status.collisionCount } : {}),
    conditions: [...(d.status?.conditions ?? [])],
  }
  const enough = available >= (d.spec.replicas ?? 1) - maxUnavailableOf(d)
  status = setCondition(
    status,
    enough
      ? newCondition('Available', 'True', REASON.MinimumReplicasAvailable, MESSAGE.available, now)
      : newCondition('Available', 'False', REASON.MinimumReplicasUnavailable, MESSAGE.unavailable, now),
  )
  return status
}

/** DeploymentComplete: every replica updated and available, and the latest generation observed. */
export function isComplete(d: Deployment, s: DeploymentStatus): boolean {
  const n = d.spec.replicas ?? 1
  return (
    (s.updatedReplicas ?? 0) === n &&
    (s.replicas ?? 0) === n &&
    (s.availableReplicas ?? 0) === n &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 1)
  )
}

/** DeploymentProgressing: more updated, ready or available pods, or fewer old ones, than last time. */
export function isProgressing(d: Deployment, s: DeploymentStatus): boolean {
  const old = d.status ?? {}
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0)
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0)
  return (
    (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  )
}

/** DeploymentTimedOut: the Progressing condition was last updated more than the deadline ago. */
export function isTimedOut(d: Deployment, s: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false
  const c = conditionOf(s, 'Progressing')
  if (!c) return false
  if (c.reason === REASON.NewReplicaSetAvailable) return false
  if (c.reason === REASON.ProgressDeadlineExceeded) return true
  const from = Date.parse(c.lastUpdateTime)
  return from + (d.spec.progressDeadlineSeconds ?? 600) * 1000 < nowMs
}

/**
 * syncRolloutStatus: the status to write after a rollout sync (null when it equals the stored one,
 * as upstream skips the update). `nowMs` is the virtual clock; `now` its RFC 3339 text.
 */
export function rolloutStatus(
  d: Deployment,
  all: readonly ReplicaSet[],
  newRS: ReplicaSet | null,
  now: string,
  nowMs: number,
): DeploymentStatus | null {
  let s = calculateStatus(d, all, newRS, now)
  if (!hasProgressDeadline(d)) s = removeCondition(s, 'Progressing')
  const current = conditionOf(d.status, 'Progressing')
  const complete =
    (s.replicas ?? 0) === (s.updatedReplicas ?? 0) && current?.reason === REASON.NewReplicaSetAvailable
  if (hasProgressDeadline(d) && !complete) {
    const rs = newRS?.metadata.name
    if (isComplete(d, s)) {
      const msg = rs ? MESSAGE.progressed(rs) : `Deployment "${d.metadata.name}" has successfully progressed.`
      s = setCondition(s, newCondition('Progressing', 'True', REASON.NewReplicaSetAvailable, msg, now))
    } else if (isProgressing(d, s)) {
      const msg = rs ? MESSAGE.progressing(rs) : `Deployment "${d.metadata.name}" is progressing.`
      // Progressing is special: the same reason again still moves lastUpdateTime (progress.go).
      let c = newCondition('Progressing', 'True', REASON.ReplicaSetUpdated, msg, now)
      if (current) {
        if (current.status === 'True') c = { ...c, lastTransitionTime: current.lastTransitionTime }
        s = removeCondition(s, 'Progressing')
      }
      s = setCondition(s, c)
    } else if (isTimedOut(d, s, nowMs)) {
      const msg = rs ? MESSAGE.timedOut(rs) : `Deployment "${d.metadata.name}" has timed out progressing.`
      s = setCondition(s, newCondition('Progressing', 'False', REASON.ProgressDeadlineExceeded, msg, now))
    }
  }
  // getReplicaFailures: the new set's ReplicaFailure condition, else an old set's, becomes the
  // Deployment's (ReplicaSetToDeploymentCondition: lastUpdateTime is the set's transition time).
  const failure = [newRS, ...all.filter((x) => x !== newRS)]
    .flatMap((rs) => (rs?.status?.conditions ?? []) as readonly Record<string, string>[])
    .find((c) => c['type'] === 'ReplicaFailure')
  s = failure
    ? setCondition(s, {
        type: 'ReplicaFailure',
        status: (failure['status'] ?? 'True') as 'True',
        lastUpdateTime: failure['lastTransitionTime'] ?? now,
        lastTransitionTime: failure['lastTransitionTime'] ?? now,
        reason: failure['reason'] ?? '',
        message: failure['message'] ?? '',
      })
    : removeCondition(s, 'ReplicaFailure')
  return sameStatus(d.status, s) ? null : s
}

/**
 * requeueStuckDeployment: when no progress was seen, the controller looks again just after the
 * deadline would pass (ms from now), or never (null) when the rollout is not progressing.
 */
export function stuckRequeueAfter(d: Deployment, s: DeploymentStatus, nowMs: number): number | null {
  const c = conditionOf(d.status, 'Progressing')
  if (!hasProgressDeadline(d) || !c) return null
  if (isComplete(d, s) || c.reason === REASON.ProgressDeadlineExceeded) return null
  const after = Date.parse(c.lastUpdateTime) + (d.spec.progressDeadlineSeconds ?? 600) * 1000 - nowMs
  // Under a second: requeued at once (rate-limited); else a second late, to avoid clock skew.
  return after < 1000 ? 0 : after + 1000
}

function sameStatus(a: DeploymentStatus | undefined, b: DeploymentStatus): boolean {
  return JSON.stringify(canonical(a ?? {})) === JSON.stringify(canonical(b))
}

function canonical(s: DeploymentStatus): DeploymentStatus {
  return {
    observedGeneration: s.observedGeneration ?? 0,
    replicas: s.replicas ?? 0,
    updatedReplicas: s.updatedReplicas ?? 0,
    readyReplicas: s.readyReplicas ?? 0,
    availableReplicas: s.availableReplicas ?? 0,
    unavailableReplicas: s.unavailableReplicas ?? 0,
    conditions: s.conditions ?? [],
    ...(s.collisionCount !== undefined ? { collisionCount: s.collisionCount } : {}),
  }
}
