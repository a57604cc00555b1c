/**
 * Service account tokens: a JWT whose issuer is the legacy
 * `kubernetes/serviceaccount` or the --service-account-issuer (kubeadm:
 * `https://kubernetes.default.svc.cluster.local`). The user is
 * `system:serviceaccount:<ns>:<name>` in the groups `system:serviceaccounts`
 * and `system:serviceaccounts:<ns>`; the ServiceAccount must exist.
 * The signature is not verified (see jwt.ts).
 * Upstream: pkg/serviceaccount/jwt.go (JWTTokenAuthenticator), pkg/serviceaccount/claims.go
 * (bound token claims), pkg/serviceaccount/legacy.go, staging/src/k8s.io/apiserver/pkg/authentication/serviceaccount/util.go
 */
import type { Authenticator } from './types'
import { decodeJwt, issuerOf } from './jwt'
import { findObject } from '../../model/cluster'

export const LEGACY_ISSUER = 'kubernetes/serviceaccount'
export const DEFAULT_SERVICE_ACCOUNT_ISSUER = 'https://kubernetes.default.svc.cluster.local'
/** Upstream: pkg/serviceaccount/jwt.go (a token naming a ServiceAccount that does not exist). */
export const MSG_SA_INVALIDATED = 'service account token has been invalidated'
/** pkg/serviceaccount/claims.go: bound tokens carry exp, checked with go-jose's one-minute leeway. */
export const MSG_SA_EXPIRED = 'service account token has expired'
const LEEWAY_S = 60

export const ServiceAccountToken: Authenticator = {
  name: 'service-account-token',
  authenticate(request, cluster, now) {
    const auth = request.headers['Authorization']
    if (!auth?.startsWith('Bearer ')) return { kind: 'no-credentials', detail: 'no bearer token' }
    const jwt = decodeJwt(auth.slice('Bearer '.length))
    if (!jwt) return { kind: 'no-credentials', detail: 'not a JWT' }
    const issuers = [LEGACY_ISSUER, cluster.apiServer.serviceAccountIssuer ?? DEFAULT_SERVICE_ACCOUNT_ISSUER]
    const iss = issuerOf(jwt)
    if (!issuers.includes(iss))
      return { kind: 'no-credentials', detail: `issuer ${iss || '(none)'} is not a service account issuer` }
    // Only expiry is checked: the simulated clock starts in 2025, so a real token's nbf may lie ahead of it.
    const exp = jwt.claims['exp']
    if (now !== undefined && iss !== LEGACY_ISSUER && typeof exp === 'number' && now > exp + LEEWAY_S)
      return { kind: 'error', detail: MSG_SA_EXPIRED }
    const sub = typeof jwt.claims['sub'] === 'string' ? jwt.claims['sub'] : ''
    const m = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(sub)
    if (!m) return { kind: 'error', detail: 'sub is not system:serviceaccount:<namespace>:<name>' }
    const [, namespace = '', name = ''] = m
    const sa = findObject(cluster, 'ServiceAccount', name, namespace)
    if (!sa) return { kind: 'error', detail: MSG_SA_INVALIDATED }
    const bound = jwt.claims['kubernetes.io'] as { serviceaccount?: { uid?: string } } | undefined
    const uid =
      bound?.serviceaccount?.uid ??
      (jwt.claims['kubernetes.io/serviceaccount/service-account.uid'] as string | undefined) ??
      String(sa.metadata.uid ?? '')
    return {
      kind: 'authenticated',
      user: { name: sub, uid, groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`] },
      detail: `${iss === LEGACY_ISSUER ? 'legacy' : 'bound'} service account token of ${namespace}/${name} (signature not verified in the simulation)`,
    }
  },
}
