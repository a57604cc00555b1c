/**
 * PodSecurity for objects that hold a pod template (Deployments, ReplicaSets): the namespace's warn
 * level is evaluated on the template and its violations go back as Warning headers; enforce does not
 * refuse the workload (the replicaset controller's pods are refused instead, when it creates them).
 * Upstream: kubernetes/pod-security-admission admission/admission.go (ValidatePodController,
 * EvaluatePod with enforce false), api/helpers.go (PolicyToEvaluate).
 */
import type { SimContext } from '../../protocol/context'
import type { Deployment, ReplicaSet } from '../../controllers/apps-types'
import { findObject } from '../../model/cluster'
import { evaluatePod, forbiddenDetail } from '../admission/plugins/pod-security-checks'
import {
  levelVersionString,
  minorOfVersion,
  policyFromLabels,
  wouldViolateMessage,
} from '../admission/plugins/pod-security'

export function podTemplateWarnings(ctx: SimContext, o: Deployment | ReplicaSet): string[] {
  const ns = findObject(ctx.cluster, 'Namespace', o.metadata.namespace ?? 'default')
  const policy = policyFromLabels(ns?.metadata.labels ?? {})
  // Short-circuit on a privileged audit and warn namespace.
  if (policy.errors.length === 0 && policy.warn.level === 'privileged' && policy.audit.level === 'privileged')
    return []
  const t = o.spec.template
  const failures = evaluatePod(
    policy.warn.level,
    minorOfVersion(policy.warn.version),
    t.metadata ?? {},
    t.spec,
  )
  return failures.length
    ? [wouldViolateMessage(levelVersionString(policy.warn), forbiddenDetail(failures))]
    : []
}
