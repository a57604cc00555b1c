/** Test builders for apps/v1 objects as the apiserver stores them (defaulted spec, status as set by the controllers). */
import type { Deployment, DeploymentStatus, ReplicaSet, ReplicaSetStatus } from '../controllers/apps-types'
import type { Container } from '../model/objects'
import type { LabelSelector } from '../model/label-selector'
import { makeContainer } from './builders'

export interface WorkloadOptions {
  readonly name?: string
  readonly namespace?: string
  readonly uid?: string
  readonly creationTimestamp?: string
  readonly labels?: Readonly<Record<string, string>>
  readonly replicas?: number
  readonly selector?: LabelSelector
  readonly templateLabels?: Readonly<Record<string, string>>
  readonly containers?: readonly Container[]
}

function template(o: WorkloadOptions) {
  return {
    metadata: { labels: o.templateLabels ?? o.selector?.matchLabels ?? { app: 'web' } },
    spec: { containers: o.containers ?? [makeContainer({ name: 'nginx', image: 'nginx:1.27' })] },
  }
}

const meta = (o: WorkloadOptions, name: string) => ({
  name: o.name ?? name,
  namespace: o.namespace ?? 'default',
  ...(o.uid ? { uid: o.uid } : {}),
  ...(o.creationTimestamp ? { creationTimestamp: o.creationTimestamp } : {}),
  ...(o.labels ? { labels: o.labels } : {}),
})

export function makeDeployment(o: WorkloadOptions & { readonly status?: DeploymentStatus } = {}): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(o, 'web'),
    spec: {
      ...(o.replicas !== undefined ? { replicas: o.replicas } : {}),
      selector: o.selector ?? { matchLabels: { app: 'web' } },
      template: template(o),
    },
    ...(o.status ? { status: o.status } : {}),
  }
}

export function makeReplicaSet(
  o: WorkloadOptions & {
    readonly status?: ReplicaSetStatus
    /** The controller ownerReference: the owning Deployment's name and uid. */
    readonly owner?: { readonly name: string; readonly uid: string }
  } = {},
): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      ...meta(o, 'web-7d4b9c6f5'),
      ...(o.owner
        ? {
            ownerReferences: [
              {
                apiVersion: 'apps/v1',
                kind: 'Deployment',
                name: o.owner.name,
                uid: o.owner.uid,
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          }
        : {}),
    },
    spec: {
      ...(o.replicas !== undefined ? { replicas: o.replicas } : {}),
      selector: o.selector ?? { matchLabels: { app: 'web' } },
      template: template(o),
    },
    ...(o.status ? { status: o.status } : {}),
  }
}
