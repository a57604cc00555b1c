/**
 * The Node authorizer only speaks for kubelets (group system:nodes, user
 * system:node:<name>); for everyone else it has no opinion.
 * Upstream: plugin/pkg/auth/authorizer/node/node_authorizer.go
 */
import type { Authorizer } from './types'

export const NodeAuthorizer: Authorizer = {
  name: 'Node',
  authorize(attrs) {
    const isNode = attrs.user.groups.includes('system:nodes') && attrs.user.name.startsWith('system:node:')
    if (!isNode) return { decision: 'NoOpinion', reason: '' }
    // A kubelet may read and update the pods bound to its node and their status.
    if (attrs.resource === 'pods' && ['get', 'list', 'watch', 'patch', 'update'].includes(attrs.verb)) {
      return { decision: 'Allow', reason: '' }
    }
    if (attrs.resource === 'events') return { decision: 'Allow', reason: '' }
    return { decision: 'NoOpinion', reason: '' }
  },
}
