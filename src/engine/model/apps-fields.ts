/**
 * The apps/v1 Deployment and ReplicaSet schemas the apiserver decodes against, in the form of
 * pod-fields.schema.json (which they reference for ObjectMeta, LabelSelector and PodSpec).
 * Upstream: kubernetes/api apps/v1/types.go (Deployment, DeploymentSpec, DeploymentStrategy,
 * RollingUpdateDeployment, DeploymentStatus, DeploymentCondition, ReplicaSet, ReplicaSetSpec,
 * ReplicaSetStatus, ReplicaSetCondition) and core/v1 PodTemplateSpec.
 */
const ref = (name: string) => ({ $ref: `#/definitions/${name}` })
const integer = { type: 'number' }
const string = { type: 'string' }
const list = (name: string) => ({ type: 'array', items: ref(name) })
/** intstr.IntOrString: a JSON number or string. */
const intOrString = { type: ['number', 'string'] }
const struct = (properties: Record<string, unknown>) => ({
  type: 'object',
  additionalProperties: false,
  properties,
})

export const APPS_DEFINITIONS: Readonly<Record<string, unknown>> = {
  Deployment: struct({
    apiVersion: { type: 'string', const: 'apps/v1' },
    kind: { type: 'string', const: 'Deployment' },
    metadata: ref('ObjectMeta'),
    spec: ref('DeploymentSpec'),
    status: ref('DeploymentStatus'),
  }),
  DeploymentSpec: struct({
    replicas: integer,
    selector: ref('LabelSelector'),
    template: ref('PodTemplateSpec'),
    strategy: ref('DeploymentStrategy'),
    minReadySeconds: integer,
    revisionHistoryLimit: integer,
    paused: { type: 'boolean' },
    progressDeadlineSeconds: integer,
  }),
  DeploymentStrategy: struct({ type: string, rollingUpdate: ref('RollingUpdateDeployment') }),
  RollingUpdateDeployment: struct({ maxUnavailable: intOrString, maxSurge: intOrString }),
  DeploymentStatus: struct({
    observedGeneration: integer,
    replicas: integer,
    updatedReplicas: integer,
    readyReplicas: integer,
    availableReplicas: integer,
    unavailableReplicas: integer,
    terminatingReplicas: integer,
    conditions: list('DeploymentCondition'),
    collisionCount: integer,
  }),
  DeploymentCondition: struct({
    type: string,
    status: string,
    lastUpdateTime: ref('Time'),
    lastTransitionTime: ref('Time'),
    reason: string,
    message: string,
  }),
  PodTemplateSpec: struct({ metadata: ref('ObjectMeta'), spec: ref('PodSpec') }),
  ReplicaSet: struct({
    apiVersion: { type: 'string', const: 'apps/v1' },
    kind: { type: 'string', const: 'ReplicaSet' },
    metadata: ref('ObjectMeta'),
    spec: ref('ReplicaSetSpec'),
    status: ref('ReplicaSetStatus'),
  }),
  ReplicaSetSpec: struct({
    replicas: integer,
    minReadySeconds: integer,
    selector: ref('LabelSelector'),
    template: ref('PodTemplateSpec'),
  }),
  ReplicaSetStatus: struct({
    replicas: integer,
    fullyLabeledReplicas: integer,
    readyReplicas: integer,
    availableReplicas: integer,
    terminatingReplicas: integer,
    observedGeneration: integer,
    conditions: list('ReplicaSetCondition'),
  }),
  ReplicaSetCondition: struct({
    type: string,
    status: string,
    lastTransitionTime: ref('Time'),
    reason: string,
    message: string,
  }),
}
