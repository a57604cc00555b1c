/**
 * OIDC id-tokens, configured like the --oidc-* flags: a JWT from
 * --oidc-issuer-url whose audience includes --oidc-client-id. The user name is
 * the --oidc-username-claim (default `sub`), prefixed by --oidc-username-prefix
 * (default `<issuer>#` unless the claim is `email`; `-` means no prefix); the
 * groups come from --oidc-groups-claim with --oidc-groups-prefix. A token from
 * another issuer is left to the other authenticators. The signature is not
 * verified (see jwt.ts).
 * Upstream: staging/src/k8s.io/apiserver/plugin/pkg/authenticator/token/oidc/oidc.go,
 * pkg/kubeapiserver/options/authentication.go (username prefix defaulting)
 */
import type { Authenticator } from './types'
import { decodeJwt, issuerOf } from './jwt'
import type { OIDCConfig } from '../../model/cluster'

/** Upstream: oidc.go (the audience check and the email_verified check). */
export const msgAudience = (clientID: string) =>
  `oidc: verify token: oidc: expected audience "${clientID}" got`
export const MSG_EMAIL_NOT_VERIFIED = 'oidc: email not verified'

export function oidcUsernamePrefix(c: OIDCConfig): string {
  const claim = c.usernameClaim ?? 'sub'
  if (c.usernamePrefix === '-') return ''
  if (c.usernamePrefix !== undefined) return c.usernamePrefix
  return claim === 'email' ? '' : `${c.issuerURL}#`
}

export const OIDC: Authenticator = {
  name: 'oidc',
  authenticate(request, cluster, now) {
    const c = cluster.apiServer.oidc
    if (!c) return { kind: 'no-credentials', detail: 'no --oidc-issuer-url configured' }
    const auth = request.headers['Authorization']
    if (!auth?.startsWith('Bearer ')) return { kind: 'no-credentials', detail: 'no bearer token' }
    const jwt = decodeJwt(auth.slice('Bearer '.length))
    if (!jwt) return { kind: 'no-credentials', detail: 'not a JWT' }
    if (issuerOf(jwt) !== c.issuerURL)
      return { kind: 'no-credentials', detail: `issuer is not ${c.issuerURL}` }
    const aud = jwt.claims['aud']
    const audiences = Array.isArray(aud) ? aud.map(String) : typeof aud === 'string' ? [aud] : []
    if (!audiences.includes(c.clientID)) {
      return { kind: 'error', detail: `${msgAudience(c.clientID)} ${JSON.stringify(audiences)}` }
    }
    // go-oidc IDTokenVerifier: an expired token is refused (no leeway on exp).
    const exp = jwt.claims['exp']
    if (now !== undefined && typeof exp === 'number' && exp < now)
      return {
        kind: 'error',
        detail: `oidc: verify token: oidc: token is expired (Token Expiry: ${new Date(exp * 1000).toISOString().replace('.000Z', 'Z')})`,
      }
    const claim = c.usernameClaim ?? 'sub'
    const value = jwt.claims[claim]
    if (typeof value !== 'string' || value === '') {
      return { kind: 'error', detail: `oidc: parse username claims "${claim}": claim not present` }
    }
    if (claim === 'email' && jwt.claims['email_verified'] === false) {
      return { kind: 'error', detail: MSG_EMAIL_NOT_VERIFIED }
    }
    const rawGroups = c.groupsClaim ? jwt.claims[c.groupsClaim] : undefined
    const groups = (
      Array.isArray(rawGroups) ? rawGroups.map(String) : typeof rawGroups === 'string' ? [rawGroups] : []
    ).map((g) => `${c.groupsPrefix ?? ''}${g}`)
    const name = `${oidcUsernamePrefix(c)}${value}`
    return {
      kind: 'authenticated',
      user: { name, uid: '', groups },
      detail: `OIDC id-token from ${c.issuerURL} for ${name} (signature not verified in the simulation)`,
    }
  },
}
