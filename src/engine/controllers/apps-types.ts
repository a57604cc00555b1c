/**
 * apps/v1 Deployment and ReplicaSet as the controllers read them: only the fields the deployment
 * and replicaset controllers use are typed; the rest of what a user wrote rides along untouched.
 * Upstream: kubernetes/api apps/v1/types.go.
 */
import type { LabelSelector } from '../model/label-selector'
import type { JsonObject, ObjectMeta, PodSpec } from '../model/objects'

/** intstr.IntOrString: a count or a percentage such as "25%". */
export type IntOrString = number | string

export interface PodTemplateSpec {
  readonly metadata?: ObjectMeta
  readonly spec: PodSpec
}

export interface OwnerReference {
  readonly apiVersion: string
  readonly kind: string
  readonly name: string
  readonly uid: string
  readonly controller?: boolean
  readonly blockOwnerDeletion?: boolean
}

export interface DeploymentStrategy {
  readonly type?: 'RollingUpdate' | 'Recreate'
  readonly rollingUpdate?: { readonly maxUnavailable?: IntOrString; readonly maxSurge?: IntOrString }
}

export interface DeploymentCondition {
  readonly type: 'Available' | 'Progressing' | 'ReplicaFailure'
  readonly status: 'True' | 'False' | 'Unknown'
  readonly lastUpdateTime: string
  readonly lastTransitionTime: string
  readonly reason: string
  readonly message: string
}

export interface DeploymentStatus {
  readonly observedGeneration?: number
  readonly replicas?: number
  readonly updatedReplicas?: number
  readonly readyReplicas?: number
  readonly availableReplicas?: number
  readonly unavailableReplicas?: number
  readonly conditions?: readonly DeploymentCondition[]
  readonly collisionCount?: number
}

export interface Deployment {
  readonly apiVersion: 'apps/v1'
  readonly kind: 'Deployment'
  readonly metadata: ObjectMeta & { readonly generation?: number }
  readonly spec: {
    readonly replicas?: number
    readonly selector?: LabelSelector
    readonly template: PodTemplateSpec
    readonly strategy?: DeploymentStrategy
    readonly minReadySeconds?: number
    readonly revisionHistoryLimit?: number
    readonly paused?: boolean
    readonly progressDeadlineSeconds?: number
    readonly [key: string]: unknown
  }
  readonly status?: DeploymentStatus
}

export interface ReplicaSetStatus {
  readonly replicas: number
  readonly fullyLabeledReplicas?: number
  readonly readyReplicas?: number
  readonly availableReplicas?: number
  readonly observedGeneration?: number
  readonly conditions?: readonly JsonObject[]
}

export interface ReplicaSet {
  readonly apiVersion: 'apps/v1'
  readonly kind: 'ReplicaSet'
  readonly metadata: ObjectMeta & {
    readonly generation?: number
    readonly ownerReferences?: readonly OwnerReference[]
  }
  readonly spec: {
    readonly replicas?: number
    readonly minReadySeconds?: number
    readonly selector?: LabelSelector
    readonly template: PodTemplateSpec
  }
  readonly status?: ReplicaSetStatus
}

/** The label the deployment controller adds to a ReplicaSet, its selector and its pods (apps.DefaultDeploymentUniqueLabelKey). */
export const POD_TEMPLATE_HASH = 'pod-template-hash'

/** Annotations of pkg/controller/deployment/util/deployment_util.go. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas'
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas'
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history'
