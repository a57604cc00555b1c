/**
 * The authorization chain: members of `system:masters` are allowed first
 * (privilegedGroupAuthorizer), then the --authorization-mode authorizers run
 * in order: the first Allow or Deny decides; NoOpinion passes to the next; if
 * all pass, the request is forbidden and their reasons, joined by newlines,
 * end the Forbidden message.
 * Upstream: staging/src/k8s.io/apiserver/pkg/authorization/union/union.go,
 * authorizerfactory/builtin.go (AlwaysAllow, AlwaysDeny, privilegedGroupAuthorizer),
 * endpoints/handlers/responsewriters/errors.go (Forbidden, forbiddenMessage)
 */
import type { AuthzDecision } from '../../protocol/http'
import type { Cluster } from '../../model/cluster'
import type { Authorizer, RequestAttributes } from './types'
import { NodeAuthorizer } from './node'
import { RBAC } from './rbac'
import { ABAC } from './abac'
import { Webhook } from './webhook'

/** Upstream: authorizerfactory/builtin.go alwaysDenyAuthorizer (NoOpinion with this reason). */
export const MSG_EVERYTHING_FORBIDDEN = 'Everything is forbidden.'

const AlwaysAllow: Authorizer = { name: 'AlwaysAllow', authorize: () => ({ decision: 'Allow', reason: '' }) }
const AlwaysDeny: Authorizer = {
  name: 'AlwaysDeny',
  authorize: () => ({ decision: 'NoOpinion', reason: MSG_EVERYTHING_FORBIDDEN }),
}
const PRIVILEGED_GROUP = 'system:masters'

export const AUTHORIZERS: Readonly<Record<string, Authorizer>> = {
  Node: NodeAuthorizer,
  RBAC,
  ABAC,
  Webhook,
  AlwaysAllow,
  AlwaysDeny,
}

export interface AuthzOutcome {
  readonly allowed: boolean
  readonly decisions: readonly AuthzDecision[]
  /** The deciding reason, or the joined NoOpinion reasons when nobody decided. */
  readonly reason: string
}

export function authorize(attrs: RequestAttributes, cluster: Cluster): AuthzOutcome {
  const decisions: AuthzDecision[] = []
  // The privileged group authorizer is always consulted first; it is listed only when it decides.
  if (attrs.user.groups.includes(PRIVILEGED_GROUP)) {
    decisions.push({ authorizer: PRIVILEGED_GROUP, decision: 'Allow', reason: '' })
    return { allowed: true, decisions, reason: '' }
  }
  const reasons: string[] = []
  for (const mode of cluster.apiServer.authorizationModes) {
    const a = AUTHORIZERS[mode]
    if (!a) continue
    const r = a.authorize(attrs, cluster)
    decisions.push({ authorizer: a.name, decision: r.decision, reason: r.reason })
    if (r.reason) reasons.push(r.reason)
    if (r.decision !== 'NoOpinion') return { allowed: r.decision === 'Allow', decisions, reason: r.reason }
  }
  return { allowed: false, decisions, reason: reasons.join('\n') }
}

/** The html sanitizer responsewriters applies to forbiddenMessage (not to the reason). */
const sanitize = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * The Forbidden message: apierrors.NewForbidden's `<group resource> "<name>" is forbidden: ` prefix
 * around responsewriters/errors.go forbiddenMessage, and `: <reason>` when an authorizer gave one.
 */
export function forbiddenMessage(attrs: RequestAttributes, reason = ''): string {
  const suffix = reason ? `: ${reason}` : ''
  if (attrs.isResourceRequest === false) {
    return `forbidden: ${sanitize(`User "${attrs.user.name}" cannot ${attrs.verb} path "${attrs.path ?? ''}"`)}${suffix}`
  }
  const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource
  const scope = attrs.namespace ? `in the namespace "${attrs.namespace}"` : 'at the cluster scope'
  const groupResource = attrs.apiGroup ? `${attrs.resource}.${attrs.apiGroup}` : attrs.resource
  const named = attrs.name ? ` "${attrs.name}"` : ''
  const msg = sanitize(
    `User "${attrs.user.name}" cannot ${attrs.verb} resource "${resource}" in API group "${attrs.apiGroup}" ${scope}`,
  )
  return `${groupResource}${named} is forbidden: ${msg}${suffix}`
}
