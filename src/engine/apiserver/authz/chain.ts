/**
 * The authorization chain runs the --authorization-mode authorizers in order:
 * the first Allow or Deny decides; NoOpinion passes to the next; if all pass,
 * the request is forbidden. Upstream: staging/src/k8s.io/apiserver/pkg/authorization/union/union.go
 */
import type { AuthzDecision } from '../../sim/events'
import type { Cluster } from '../../model/cluster'
import type { Authorizer, RequestAttributes } from './types'
import { NodeAuthorizer } from './node'
import { RBAC } from './rbac'

const AlwaysAllow: Authorizer = { name: 'AlwaysAllow', authorize: () => ({ decision: 'Allow', reason: '' }) }
const AlwaysDeny: Authorizer = {
  name: 'AlwaysDeny',
  authorize: () => ({ decision: 'Deny', reason: 'Everything is forbidden.' }),
}

export const AUTHORIZERS: Readonly<Record<string, Authorizer>> = {
  Node: NodeAuthorizer,
  RBAC,
  AlwaysAllow,
  AlwaysDeny,
}

export function authorize(
  attrs: RequestAttributes,
  cluster: Cluster,
): { allowed: boolean; decisions: readonly AuthzDecision[] } {
  const decisions: AuthzDecision[] = []
  for (const mode of cluster.apiServer.authorizationModes) {
    const a = AUTHORIZERS[mode]
    if (!a) continue
    const r = a.authorize(attrs, cluster)
    decisions.push({ authorizer: a.name, decision: r.decision, reason: r.reason })
    if (r.decision !== 'NoOpinion') return { allowed: r.decision === 'Allow', decisions }
  }
  return { allowed: false, decisions }
}

/**
 * The Forbidden message: apierrors.NewForbidden's `<group resource> "<name>" is forbidden: ` prefix
 * around responsewriters/errors.go forbiddenMessage.
 */
export function forbiddenMessage(attrs: RequestAttributes): string {
  const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource
  const scope = attrs.namespace ? `in the namespace "${attrs.namespace}"` : 'at the cluster scope'
  const groupResource = attrs.apiGroup ? `${attrs.resource}.${attrs.apiGroup}` : attrs.resource
  const named = attrs.name ? ` "${attrs.name}"` : ''
  return `${groupResource}${named} is forbidden: User "${attrs.user.name}" cannot ${attrs.verb} resource "${resource}" in API group "${attrs.apiGroup}" ${scope}`
}
