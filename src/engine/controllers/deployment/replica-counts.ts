/**
 * Sums over a deployment's ReplicaSets. Upstream: pkg/controller/deployment/util/deployment_util.go
 * (GetReplicaCountForReplicaSets, GetActualReplicaCountForReplicaSets, GetReadyReplicaCountForReplicaSets,
 * GetAvailableReplicaCountForReplicaSets) and pkg/controller/controller_utils.go
 * (FilterActiveReplicaSets, ReplicaSetsByCreationTimestamp).
 */
import type { ReplicaSet } from '../apps-types'

type Sets = readonly (ReplicaSet | null | undefined)[]

function present(sets: Sets): ReplicaSet[] {
  return sets.filter((rs): rs is ReplicaSet => rs != null)
}

/** Sum of spec.replicas: the pods the sets are asked for. */
export function specReplicas(sets: Sets): number {
  return present(sets).reduce((n, rs) => n + (rs.spec.replicas ?? 1), 0)
}

/** Sum of status.replicas: the pods that exist. */
export function actualReplicas(sets: Sets): number {
  return present(sets).reduce((n, rs) => n + (rs.status?.replicas ?? 0), 0)
}

export function readyReplicas(sets: Sets): number {
  return present(sets).reduce((n, rs) => n + (rs.status?.readyReplicas ?? 0), 0)
}

export function availableReplicas(sets: Sets): number {
  return present(sets).reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0)
}

/** FilterActiveReplicaSets: the sets asked for at least one pod. */
export function activeSets(sets: Sets): ReplicaSet[] {
  return present(sets).filter((rs) => (rs.spec.replicas ?? 1) > 0)
}

/** ReplicaSetsByCreationTimestamp: oldest first, ties broken by name. */
export function byCreation(sets: readonly ReplicaSet[]): ReplicaSet[] {
  return [...sets].sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? ''
    const tb = b.metadata.creationTimestamp ?? ''
    if (ta !== tb) return ta < tb ? -1 : 1
    const na = a.metadata.name ?? ''
    const nb = b.metadata.name ?? ''
    return na < nb ? -1 : na > nb ? 1 : 0
  })
}
