/**
 * Static bearer tokens from --token-auth-file.
 * Upstream: staging/src/k8s.io/apiserver/pkg/authentication/token/tokenfile/tokenfile.go
 */
import type { Authenticator } from './types'

export const TokenFile: Authenticator = {
  name: 'token-file',
  authenticate(request, cluster) {
    const auth = request.headers['Authorization']
    if (!auth?.startsWith('Bearer ')) return { kind: 'no-credentials', detail: 'no bearer token' }
    const token = auth.slice('Bearer '.length)
    const row = cluster.apiServer.tokens.find((t) => t.token === token)
    if (!row) return { kind: 'no-credentials', detail: 'token not in --token-auth-file' }
    return {
      kind: 'authenticated',
      user: { name: row.user, uid: row.uid, groups: [...row.groups] },
      detail: `static token of user ${row.user}`,
    }
  },
}
