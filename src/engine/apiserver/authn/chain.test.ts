import { describe, expect, it } from 'vitest'
import { authenticate } from './chain'
import { loadCluster } from '../../model/cluster'
import type { KubeObject } from '../../model/objects'
import type { HttpRequest } from '../../protocol/http'
import { encodeBase64, utf8Bytes } from '../../model/base64'

// Upstream: staging/src/k8s.io/apiserver/pkg/authentication/request/union/union.go,
// request/bearertoken/bearertoken.go, pkg/serviceaccount/jwt.go and claims.go,
// plugin/pkg/authenticator/token/oidc/oidc.go, pkg/kubeapiserver/authenticator/config.go.

const b64url = (o: unknown) =>
  encodeBase64(utf8Bytes(JSON.stringify(o)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
const jwt = (claims: Record<string, unknown>) =>
  `${b64url({ alg: 'RS256', kid: 'k' })}.${b64url(claims)}.c2ln`
const request = (auth?: string): HttpRequest => ({
  id: 1,
  from: 'kubectl',
  method: 'POST',
  path: '/api/v1/namespaces/default/pods',
  query: {},
  headers: auth ? { Authorization: auth } : {},
  body: null,
})
const apiServer = (o: Record<string, unknown>): KubeObject => ({
  apiVersion: 'podlife.dev/v1alpha1',
  kind: 'APIServer',
  metadata: {},
  ...o,
})
const OIDC = {
  issuerURL: 'https://idp.example.com',
  clientID: 'kubernetes',
  usernameClaim: 'email',
  groupsClaim: 'groups',
  groupsPrefix: 'oidc:',
}

describe('authentication chain', () => {
  const cases: {
    name: string
    objects: KubeObject[]
    auth?: string
    user: { name: string; groups: string[] } | null
    authenticator: string | null
  }[] = [
    {
      name: 'no credentials with anonymous auth on: system:anonymous, without system:authenticated',
      objects: [],
      user: { name: 'system:anonymous', groups: ['system:unauthenticated'] },
      authenticator: 'anonymous',
    },
    {
      name: 'no credentials with anonymous auth off: 401',
      objects: [apiServer({ anonymousAuth: false })],
      user: null,
      authenticator: null,
    },
    {
      name: 'an unknown bearer token is "invalid bearer token", never anonymous',
      objects: [],
      auth: 'Bearer nope',
      user: null,
      authenticator: null,
    },
    {
      name: 'a static token from the token file',
      objects: [
        apiServer({ tokens: [{ token: 'jane-token', user: 'jane', uid: '1001', groups: ['developers'] }] }),
      ],
      auth: 'Bearer jane-token',
      user: { name: 'jane', groups: ['developers', 'system:authenticated'] },
      authenticator: 'token-file',
    },
    {
      name: 'a bound service account token: system:serviceaccount:<ns>:<name> and its groups',
      objects: [],
      auth: `Bearer ${jwt({ iss: 'https://kubernetes.default.svc.cluster.local', sub: 'system:serviceaccount:default:default', 'kubernetes.io': { namespace: 'default', serviceaccount: { name: 'default', uid: 'sa-uid' } } })}`,
      user: {
        name: 'system:serviceaccount:default:default',
        groups: ['system:serviceaccounts', 'system:serviceaccounts:default', 'system:authenticated'],
      },
      authenticator: 'service-account-token',
    },
    {
      name: 'a legacy service account token (issuer kubernetes/serviceaccount)',
      objects: [],
      auth: `Bearer ${jwt({ iss: 'kubernetes/serviceaccount', sub: 'system:serviceaccount:kube-system:default' })}`,
      user: {
        name: 'system:serviceaccount:kube-system:default',
        groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
      },
      authenticator: 'service-account-token',
    },
    {
      name: 'a token for a ServiceAccount that does not exist is refused',
      objects: [],
      auth: `Bearer ${jwt({ iss: 'kubernetes/serviceaccount', sub: 'system:serviceaccount:default:ghost' })}`,
      user: null,
      authenticator: null,
    },
    {
      name: 'an OIDC id-token: email claim without prefix, prefixed groups',
      objects: [apiServer({ oidc: OIDC })],
      auth: `Bearer ${jwt({ iss: 'https://idp.example.com', aud: 'kubernetes', email: 'ann@example.com', email_verified: true, groups: ['dev'] })}`,
      user: { name: 'ann@example.com', groups: ['oidc:dev', 'system:authenticated'] },
      authenticator: 'oidc',
    },
    {
      name: 'an OIDC id-token with the sub claim is prefixed with the issuer URL and #',
      objects: [apiServer({ oidc: { issuerURL: 'https://idp.example.com', clientID: 'kubernetes' } })],
      auth: `Bearer ${jwt({ iss: 'https://idp.example.com', aud: ['kubernetes'], sub: '12345' })}`,
      user: { name: 'https://idp.example.com#12345', groups: ['system:authenticated'] },
      authenticator: 'oidc',
    },
    {
      name: 'an OIDC id-token for another client is refused',
      objects: [apiServer({ oidc: OIDC })],
      auth: `Bearer ${jwt({ iss: 'https://idp.example.com', aud: 'other', email: 'ann@example.com' })}`,
      user: null,
      authenticator: null,
    },
    {
      name: 'basic auth is not an authenticator since 1.19: the request is anonymous',
      objects: [],
      auth: `Basic ${encodeBase64(utf8Bytes('alice:s3cret'))}`,
      user: { name: 'system:anonymous', groups: ['system:unauthenticated'] },
      authenticator: 'anonymous',
    },
  ]
  it.each(cases)('$name', ({ objects, auth, user, authenticator }) => {
    const r = authenticate(request(auth), loadCluster(objects))
    expect(r.authenticator).toBe(authenticator)
    expect(r.user ? { name: r.user.name, groups: r.user.groups } : null).toEqual(user)
  })

  // pkg/serviceaccount/claims.go (exp/nbf with go-jose's one-minute leeway), go-oidc verify.go (exp).
  describe('token expiry against the apiserver clock', () => {
    const now = Date.UTC(2025, 8, 1, 9, 0, 0) / 1000
    const bound = (exp: number) =>
      `Bearer ${jwt({ iss: 'https://kubernetes.default.svc.cluster.local', sub: 'system:serviceaccount:default:default', exp })}`
    const oidc = (exp: number) =>
      `Bearer ${jwt({ iss: 'https://idp.example.com', aud: 'kubernetes', email: 'ann@example.com', exp })}`
    it.each([
      ['a bound token valid for another hour', bound(now + 3600), [], 'service-account-token'],
      [
        'a bound token expired 30 s ago is still inside the leeway',
        bound(now - 30),
        [],
        'service-account-token',
      ],
      ['a bound token expired 2 minutes ago is refused', bound(now - 120), [], null],
      ['an expired OIDC token is refused', oidc(now - 1), [apiServer({ oidc: OIDC })], null],
      ['a fresh OIDC token is accepted', oidc(now + 600), [apiServer({ oidc: OIDC })], 'oidc'],
    ])('%s', (_name, auth, objects, authenticator) => {
      const r = authenticate(request(auth), loadCluster(objects), now)
      expect(r.authenticator).toBe(authenticator)
      if (!authenticator) expect(r.attempts.some((a) => /expired/.test(a.detail))).toBe(true)
    })
  })
})
