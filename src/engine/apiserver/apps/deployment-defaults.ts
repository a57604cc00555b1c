/**
 * What the apiserver fills in on a Deployment before validation, as `-o yaml` then shows it.
 * Upstream: pkg/apis/apps/v1/defaults.go (SetDefaults_Deployment, SetDefaults_ReplicaSet) and the
 * generated SetObjectDefaults_Deployment, which also applies the core Pod defaults to the template.
 */
import type { Deployment, ReplicaSet } from '../../controllers/apps-types'
import type { PodSpec } from '../../model/objects'
import { applyPodDefaults } from '../defaulting'

function defaultTemplateSpec(spec: PodSpec): PodSpec {
  return applyPodDefaults({ apiVersion: 'v1', kind: 'Pod', metadata: {}, spec }).spec
}

export function applyDeploymentDefaults(d: Deployment): Deployment {
  const spec = d.spec
  const strategy = spec.strategy ?? {}
  const type = strategy.type || 'RollingUpdate'
  const rolling = type === 'RollingUpdate'
  return {
    ...d,
    spec: {
      ...spec,
      replicas: spec.replicas ?? 1,
      strategy: {
        ...strategy,
        type,
        ...(rolling
          ? {
              rollingUpdate: {
                ...strategy.rollingUpdate,
                maxUnavailable: strategy.rollingUpdate?.maxUnavailable ?? '25%',
                maxSurge: strategy.rollingUpdate?.maxSurge ?? '25%',
              },
            }
          : {}),
      },
      revisionHistoryLimit: spec.revisionHistoryLimit ?? 10,
      progressDeadlineSeconds: spec.progressDeadlineSeconds ?? 600,
      template: { ...spec.template, spec: defaultTemplateSpec(spec.template?.spec ?? { containers: [] }) },
    },
  }
}

export function applyReplicaSetDefaults(rs: ReplicaSet): ReplicaSet {
  return {
    ...rs,
    spec: {
      ...rs.spec,
      replicas: rs.spec.replicas ?? 1,
      template: {
        ...rs.spec.template,
        spec: defaultTemplateSpec(rs.spec.template?.spec ?? { containers: [] }),
      },
    },
  }
}
