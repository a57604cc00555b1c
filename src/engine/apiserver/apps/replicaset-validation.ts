/**
 * apps/v1 ReplicaSet validation (the replicaset controller's objects, or a ReplicaSet in a manifest).
 * Upstream: pkg/apis/apps/validation/validation.go (ValidateReplicaSet, ValidateReplicaSetSpec) and
 * pkg/registry/apps/replicaset/strategy.go (ValidateUpdate: the selector is immutable in apps/v1).
 */
import type { ReplicaSet } from '../../controllers/apps-types'
import { immutableSelector, nonNegativeField, validateWorkloadCommon } from './deployment-validation'

export function validateReplicaSet(rs: ReplicaSet): string[] {
  return [
    ...validateWorkloadCommon(rs.metadata.name ?? '', rs.spec.replicas, rs.spec),
    ...nonNegativeField(rs.spec.minReadySeconds, 'spec.minReadySeconds'),
  ]
}

export function validateReplicaSetUpdate(next: ReplicaSet, old: ReplicaSet): string[] {
  return [...validateReplicaSet(next), ...immutableSelector(next.spec.selector, old.spec.selector)]
}
