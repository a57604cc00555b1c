/**
 * The arithmetic of a rolling update: how far the new ReplicaSet may grow and the old ones shrink in
 * one sync. Pure: each function returns the new replica counts and the controller turns them into
 * scale requests and ScalingReplicaSet events.
 * Upstream: pkg/controller/deployment/rolling.go (reconcileNewReplicaSet, reconcileOldReplicaSets,
 * cleanupUnhealthyReplicas, scaleDownOldReplicaSetsForRollingUpdate) and
 * pkg/controller/deployment/util/deployment_util.go (NewRSNewReplicas).
 */
import type { Deployment, ReplicaSet } from '../apps-types'
import { maxSurgeOf, maxUnavailableOf, scaledValue } from './fenceposts'
import { availableReplicas, byCreation, specReplicas } from './replica-counts'

/** One scale decision: set `name` from `from` to `to` replicas. */
export interface ScaleTo {
  readonly name: string
  readonly from: number
  readonly to: number
}

function replicasOf(rs: ReplicaSet): number {
  return rs.spec.replicas ?? 1
}

/** NewRSNewReplicas: the new set's count after one step (Recreate: all at once). */
export function newRSNewReplicas(d: Deployment, all: readonly ReplicaSet[], newRS: ReplicaSet): number {
  const desired = d.spec.replicas ?? 1
  if ((d.spec.strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return desired
  const maxSurge = scaledValue(d.spec.strategy?.rollingUpdate?.maxSurge ?? '25%', desired, true)
  const current = specReplicas(all)
  const maxTotal = desired + maxSurge
  if (current >= maxTotal) return replicasOf(newRS)
  const up = Math.min(maxTotal - current, desired - replicasOf(newRS))
  return replicasOf(newRS) + up
}

/** reconcileNewReplicaSet: scale the new set toward the desired count, or down when it is over it. */
export function reconcileNewReplicaSet(
  d: Deployment,
  all: readonly ReplicaSet[],
  newRS: ReplicaSet,
): ScaleTo | null {
  const desired = d.spec.replicas ?? 1
  const now = replicasOf(newRS)
  if (now === desired) return null
  const to = now > desired ? desired : newRSNewReplicas(d, all, newRS)
  return to === now ? null : { name: newRS.metadata.name ?? '', from: now, to }
}

/**
 * reconcileOldReplicaSets: how far the old sets may shrink without going below
 * replicas − maxUnavailable available pods, unhealthy replicas first (so they never block the rollout).
 * Each entry is one update and one event, in upstream's order: a set cleaned up and then scaled down
 * again appears twice, as upstream updates it twice.
 */
export function reconcileOldReplicaSets(
  d: Deployment,
  all: readonly ReplicaSet[],
  oldActive: readonly ReplicaSet[],
  newRS: ReplicaSet,
): ScaleTo[] {
  const oldCount = specReplicas(oldActive)
  if (oldCount === 0) return []
  const allCount = specReplicas(all)
  const minAvailable = (d.spec.replicas ?? 1) - maxUnavailableOf(d)
  const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0)
  const maxScaledDown = allCount - minAvailable - newUnavailable
  if (maxScaledDown <= 0) return []
  const out: ScaleTo[] = []
  // cleanupUnhealthyReplicas: the unavailable pods of old sets go first, oldest set first.
  let cleaned = 0
  const after = new Map<string, number>()
  for (const rs of byCreation(oldActive)) {
    if (cleaned >= maxScaledDown) break
    const n = replicasOf(rs)
    const healthy = rs.status?.availableReplicas ?? 0
    if (n === 0 || n === healthy) continue
    const down = Math.min(maxScaledDown - cleaned, n - healthy)
    cleaned += down
    after.set(rs.metadata.name ?? '', n - down)
    out.push({ name: rs.metadata.name ?? '', from: n, to: n - down })
  }
  // scaleDownOldReplicaSetsForRollingUpdate: then as many available pods as keep minAvailable.
  const countsNow = (rs: ReplicaSet): number => after.get(rs.metadata.name ?? '') ?? replicasOf(rs)
  const available = availableReplicas(all)
  if (available <= minAvailable) return out
  const total = available - minAvailable
  let scaled = 0
  for (const rs of byCreation(oldActive)) {
    if (scaled >= total) break
    const n = countsNow(rs)
    if (n === 0) continue
    const down = Math.min(n, total - scaled)
    scaled += down
    out.push({ name: rs.metadata.name ?? '', from: n, to: n - down })
  }
  return out
}

/** How many pods the rollout may run at most: the max-replicas annotation (SetReplicasAnnotations). */
export function maxReplicasAnnotation(d: Deployment): number {
  return (d.spec.replicas ?? 1) + maxSurgeOf(d)
}
