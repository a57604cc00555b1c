/**
 * The ReplicaSet's status from the pods it owns.
 * Upstream: pkg/controller/replicaset/replica_set_utils.go (calculateStatus, updateReplicaSetStatus)
 * and pkg/api/v1/pod/util.go (IsPodAvailable). status.terminatingReplicas is behind the
 * DeploymentReplicaSetTerminatingReplicas gate, off by default in v1.34, so it is not written.
 */
import type { ReplicaSet, ReplicaSetStatus } from '../apps-types'
import type { Pod } from '../../model/objects'
import { matchesSelector, toSelector } from '../../model/label-selector'
import { isPodReady } from './pods-to-delete'

/** IsPodAvailable: ready for at least minReadySeconds. */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false
  if (minReadySeconds === 0) return true
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready')
  const since = c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : NaN
  return !Number.isNaN(since) && since + minReadySeconds * 1000 < nowMs
}

/** calculateStatus over the set's active pods. */
export function replicaSetStatus(rs: ReplicaSet, pods: readonly Pod[], nowMs: number): ReplicaSetStatus {
  const template = toSelector({ matchLabels: rs.spec.template.metadata?.labels ?? {} })
  let fully = 0
  let ready = 0
  let available = 0
  for (const p of pods) {
    if (matchesSelector(template, p.metadata.labels)) fully++
    if (isPodReady(p)) {
      ready++
      if (isPodAvailable(p, rs.spec.minReadySeconds ?? 0, nowMs)) available++
    }
  }
  return {
    replicas: pods.length,
    fullyLabeledReplicas: fully,
    readyReplicas: ready,
    availableReplicas: available,
    observedGeneration: rs.metadata.generation ?? 1,
    // A sync whose creates and deletes all succeeded removes an earlier ReplicaFailure (calculateStatus).
    ...(rs.status?.conditions?.some((c) => c['type'] !== 'ReplicaFailure')
      ? { conditions: rs.status.conditions.filter((c) => c['type'] !== 'ReplicaFailure') }
      : {}),
  }
}

/** updateReplicaSetStatus skips the write when nothing changed and the generation was observed. */
export function statusChanged(rs: ReplicaSet, next: ReplicaSetStatus): boolean {
  const s = rs.status
  if (!s) return true
  return (
    s.replicas !== next.replicas ||
    (s.fullyLabeledReplicas ?? 0) !== next.fullyLabeledReplicas ||
    (s.readyReplicas ?? 0) !== next.readyReplicas ||
    (s.availableReplicas ?? 0) !== next.availableReplicas ||
    (s.observedGeneration ?? 0) < (rs.metadata.generation ?? 1) ||
    JSON.stringify(s.conditions ?? []) !== JSON.stringify(next.conditions ?? [])
  )
}
