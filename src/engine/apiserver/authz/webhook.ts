/**
 * The Webhook authorizer sends a SubjectAccessReview to a remote service and
 * maps its status: allowed → Allow, denied → Deny, neither → NoOpinion, each
 * with the service's reason. Podlife has no remote service; the APIServer
 * object's `authorizationWebhook.rules` are its fixed answers, and without
 * them the webhook has no opinion.
 * Upstream: staging/src/k8s.io/apiserver/plugin/pkg/authorizer/webhook/webhook.go (Authorize)
 */
import type { Authorizer } from './types'

export const Webhook: Authorizer = {
  name: 'Webhook',
  authorize(attrs, cluster) {
    for (const r of cluster.apiServer.authorizationWebhook?.rules ?? []) {
      if (r.user !== undefined && r.user !== attrs.user.name) continue
      if (r.group !== undefined && !attrs.user.groups.includes(r.group)) continue
      if (r.verb !== undefined && r.verb !== '*' && r.verb !== attrs.verb) continue
      if (r.resource !== undefined && r.resource !== '*' && r.resource !== attrs.resource) continue
      if (r.namespace !== undefined && r.namespace !== '*' && r.namespace !== attrs.namespace) continue
      const reason = r.reason ?? ''
      if (r.allowed) return { decision: 'Allow', reason }
      if (r.denied) return { decision: 'Deny', reason }
      return { decision: 'NoOpinion', reason }
    }
    return { decision: 'NoOpinion', reason: '' }
  },
}
