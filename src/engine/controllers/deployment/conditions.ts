/**
 * Deployment conditions with upstream's reasons and messages.
 * Upstream: pkg/controller/deployment/util/deployment_util.go (the *Reason constants,
 * NewDeploymentCondition, SetDeploymentCondition, RemoveDeploymentCondition) and
 * pkg/controller/deployment/progress.go, sync.go (the messages).
 */
import type { DeploymentCondition, DeploymentStatus } from '../apps-types'

export const REASON = {
  /** Progressing True: the controller created the new ReplicaSet. */
  NewReplicaSetCreated: 'NewReplicaSetCreated',
  /** Progressing True: an existing ReplicaSet matches the template (adopted on first sync). */
  FoundNewReplicaSet: 'FoundNewReplicaSet',
  /** Progressing True: a sync saw progress. */
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  /** Progressing True: every replica updated and available. */
  NewReplicaSetAvailable: 'NewReplicaSetAvailable',
  /** Progressing False: progressDeadlineSeconds passed without progress. */
  ProgressDeadlineExceeded: 'ProgressDeadlineExceeded',
  /** Progressing False: the new ReplicaSet could not be created. */
  ReplicaSetCreateError: 'ReplicaSetCreateError',
  MinimumReplicasAvailable: 'MinimumReplicasAvailable',
  MinimumReplicasUnavailable: 'MinimumReplicasUnavailable',
  DeploymentPaused: 'DeploymentPaused',
  DeploymentResumed: 'DeploymentResumed',
} as const

export const MESSAGE = {
  created: (rs: string) => `Created new replica set "${rs}"`,
  found: (rs: string) => `Found new replica set "${rs}"`,
  progressing: (rs: string) => `ReplicaSet "${rs}" is progressing.`,
  progressed: (rs: string) => `ReplicaSet "${rs}" has successfully progressed.`,
  timedOut: (rs: string) => `ReplicaSet "${rs}" has timed out progressing.`,
  failedCreate: (rs: string, err: string) => `Failed to create new replica set "${rs}": ${err}`,
  available: 'Deployment has minimum availability.',
  unavailable: 'Deployment does not have minimum availability.',
} as const

export function newCondition(
  type: DeploymentCondition['type'],
  status: DeploymentCondition['status'],
  reason: string,
  message: string,
  now: string,
): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message }
}

export function conditionOf(
  status: DeploymentStatus | undefined,
  type: DeploymentCondition['type'],
): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type)
}

/**
 * SetDeploymentCondition: unchanged when status and reason are the same (timestamps kept); the
 * transition time kept when only the reason changes; the condition moves to the end of the list.
 */
export function setCondition(status: DeploymentStatus, c: DeploymentCondition): DeploymentStatus {
  const current = conditionOf(status, c.type)
  if (current && current.status === c.status && current.reason === c.reason) return status
  const next =
    current && current.status === c.status ? { ...c, lastTransitionTime: current.lastTransitionTime } : c
  return { ...status, conditions: [...(status.conditions ?? []).filter((x) => x.type !== c.type), next] }
}

export function removeCondition(
  status: DeploymentStatus,
  type: DeploymentCondition['type'],
): DeploymentStatus {
  if (!conditionOf(status, type)) return status
  return { ...status, conditions: (status.conditions ?? []).filter((x) => x.type !== type) }
}
