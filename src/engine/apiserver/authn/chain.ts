/**
 * The authentication chain, as kube-apiserver builds it: the x509 client
 * certificate authenticator, then the bearer-token authenticators (static
 * token file, service account tokens, OIDC); the first that returns a user
 * wins (union.go) and the user also gets `system:authenticated`
 * (group/authenticated_group_adder.go). A bearer token that no token
 * authenticator accepts is an error, `invalid bearer token`
 * (request/bearertoken/bearertoken.go), and any error fails the request with
 * 401 even when anonymous auth is on: anonymous only stands in for a request
 * that carried no credentials at all (union.NewFailOnError in
 * pkg/authentication/authenticatorfactory and kubeapiserver authenticator config).
 */
import type { AuthnAttempt, HttpRequest, UserInfo } from '../../protocol/http'
import type { Cluster } from '../../model/cluster'
import type { Authenticator } from './types'
import { X509 } from './x509'
import { TokenFile } from './token-file'
import { ServiceAccountToken } from './service-account-token'
import { OIDC } from './oidc'
import { Anonymous } from './anonymous'

/** Upstream: staging/src/k8s.io/apiserver/pkg/authentication/request/bearertoken/bearertoken.go. */
export const MSG_INVALID_BEARER_TOKEN = 'invalid bearer token'

export const AUTHENTICATORS: readonly Authenticator[] = [X509]
/** Token authenticators in kube-apiserver's order (pkg/kubeapiserver/authenticator/config.go). */
export const TOKEN_AUTHENTICATORS: readonly Authenticator[] = [TokenFile, ServiceAccountToken, OIDC]

export interface AuthnOutcome {
  readonly authenticator: string | null
  readonly user: UserInfo | null
  readonly attempts: readonly AuthnAttempt[]
}

function withAuthenticatedGroup(user: UserInfo): UserInfo {
  return user.groups.includes('system:authenticated')
    ? user
    : { ...user, groups: [...user.groups, 'system:authenticated'] }
}

export function authenticate(request: HttpRequest, cluster: Cluster, now?: number): AuthnOutcome {
  const attempts: AuthnAttempt[] = []
  let failed = false
  for (const a of AUTHENTICATORS) {
    const r = a.authenticate(request, cluster, now)
    attempts.push({ authenticator: a.name, result: r.kind, detail: r.detail })
    if (r.kind === 'authenticated')
      return { authenticator: a.name, user: withAuthenticatedGroup(r.user), attempts }
    if (r.kind === 'error') failed = true
  }
  const auth = request.headers['Authorization'] ?? ''
  if (auth.startsWith('Bearer ')) {
    let tokenError = false
    for (const a of TOKEN_AUTHENTICATORS) {
      const r = a.authenticate(request, cluster, now)
      attempts.push({ authenticator: a.name, result: r.kind, detail: r.detail })
      if (r.kind === 'authenticated')
        return { authenticator: a.name, user: withAuthenticatedGroup(r.user), attempts }
      if (r.kind === 'error') tokenError = true
    }
    if (!tokenError)
      attempts.push({ authenticator: 'bearer-token', result: 'error', detail: MSG_INVALID_BEARER_TOKEN })
    failed = true
  }
  if (failed) return { authenticator: null, user: null, attempts }
  const anon = Anonymous.authenticate(request, cluster)
  attempts.push({ authenticator: Anonymous.name, result: anon.kind, detail: anon.detail })
  if (anon.kind === 'authenticated') return { authenticator: Anonymous.name, user: anon.user, attempts }
  return { authenticator: null, user: null, attempts }
}
