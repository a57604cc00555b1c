/**
 * With --anonymous-auth=true (the default), a request no authenticator claimed
 * becomes system:anonymous in group system:unauthenticated.
 * Upstream: staging/src/k8s.io/apiserver/pkg/authentication/request/anonymous/anonymous.go
 */
import type { Authenticator } from './types'

export const Anonymous: Authenticator = {
  name: 'anonymous',
  authenticate(_request, cluster) {
    if (!cluster.apiServer.anonymousAuth) return { kind: 'no-credentials', detail: '--anonymous-auth=false' }
    return {
      kind: 'authenticated',
      user: { name: 'system:anonymous', uid: '', groups: ['system:unauthenticated'] },
      detail: 'no credentials; --anonymous-auth=true',
    }
  },
}
