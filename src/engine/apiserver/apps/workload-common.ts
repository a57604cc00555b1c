/**
 * What the workload handlers share: the kinds, their defaults and validation, the 422 they answer,
 * and the watch event that reaches kube-controller-manager after every write.
 */
import type { StepWriter } from '../../protocol/step'
import type { HttpRequest, ResponseAudit } from '../../protocol/http'
import type { KubeObject } from '../../model/objects'
import type { CoreResource } from '../../model/core-resources'
import type { Deployment, ReplicaSet } from '../../controllers/apps-types'
import { invalidMessage } from '../../model/field-errors'
import { failure, fieldCauses } from '../status'
import { respond } from '../respond'
import { applyDeploymentDefaults, applyReplicaSetDefaults } from './deployment-defaults'
import { validateDeployment, validateDeploymentUpdate } from './deployment-validation'
import { validateReplicaSet, validateReplicaSetUpdate } from './replicaset-validation'

/** Watch latency from the apiserver to the controller-manager's informers, in virtual ms. */
export const WATCH_MS = 1

export type Workload = Deployment | ReplicaSet

export function groupResource(r: CoreResource): string {
  return `${r.resource}.${r.group ?? ''}`
}

export function defaulted(o: Workload): Workload {
  return o.kind === 'Deployment' ? applyDeploymentDefaults(o) : applyReplicaSetDefaults(o)
}

export function validateCreate(o: Workload): string[] {
  return o.kind === 'Deployment' ? validateDeployment(o) : validateReplicaSet(o)
}

export function validateUpdate(next: Workload, old: Workload): string[] {
  return next.kind === 'Deployment'
    ? validateDeploymentUpdate(next, old as Deployment)
    : validateReplicaSetUpdate(next, old as ReplicaSet)
}

export function invalid(
  w: StepWriter,
  request: HttpRequest,
  audit: ResponseAudit,
  resource: CoreResource,
  name: string,
  errors: readonly string[],
  warnings: readonly string[],
): void {
  const message = invalidMessage(resource.kind, name, errors)
  respond(w, {
    request,
    code: 422,
    body: failure(422, 'Invalid', message, {
      name,
      group: resource.group ?? '',
      kind: resource.kind,
      causes: fieldCauses(errors),
    }),
    audit,
    warnings,
    stage: 'admission',
    summary: '422 Invalid',
    narration: `The apiserver answers 422 Unprocessable Entity: ${message}`,
  })
}

/** The controller-manager's informers hear of every write to a Deployment or ReplicaSet. */
export function notifyControllers(
  w: StepWriter,
  object: KubeObject,
  event: 'ADDED' | 'MODIFIED' | 'DELETED',
): void {
  w.send(WATCH_MS, {
    to: 'kube-controller-manager',
    type: 'watch',
    event,
    kind: object.kind,
    namespace: object.metadata.namespace ?? '',
    name: object.metadata.name ?? '',
  })
}
