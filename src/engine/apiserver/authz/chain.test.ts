import { describe, expect, it } from 'vitest'
import { authorize, forbiddenMessage } from './chain'
import { RBAC } from './rbac'
import type { RequestAttributes } from './types'
import { loadCluster } from '../../model/cluster'
import type { KubeObject } from '../../model/objects'

// Upstream: staging/src/k8s.io/apiserver/pkg/authorization/union/union.go,
// authorizerfactory/builtin.go, pkg/auth/authorizer/abac/abac.go (and abac_test.go),
// plugin/pkg/auth/authorizer/webhook/webhook.go, bootstrappolicy/policy.go,
// endpoints/handlers/responsewriters/errors.go.

const user = (name: string, groups: string[] = ['system:authenticated']) => ({ name, uid: '', groups })
const attrs = (name = 'alice', extra: Partial<RequestAttributes> = {}): RequestAttributes => ({
  user: user(name),
  verb: 'create',
  apiGroup: '',
  resource: 'pods',
  subresource: '',
  namespace: 'default',
  name: '',
  ...extra,
})
const apiServer = (o: Record<string, unknown>): KubeObject => ({
  apiVersion: 'podlife.dev/v1alpha1',
  kind: 'APIServer',
  metadata: {},
  ...o,
})
const abacLine = (spec: Record<string, unknown>) =>
  JSON.stringify({ apiVersion: 'abac.authorization.kubernetes.io/v1beta1', kind: 'Policy', spec })

describe('authorization chain', () => {
  const cases: {
    name: string
    objects: KubeObject[]
    attrs: RequestAttributes
    allowed: boolean
    decisions: string[]
    message?: string
  }[] = [
    {
      name: 'AlwaysDeny has no opinion but gives its reason, which ends the Forbidden message',
      objects: [apiServer({ authorizationModes: ['AlwaysDeny'] })],
      attrs: attrs(),
      allowed: false,
      decisions: ['AlwaysDeny:NoOpinion'],
      message:
        'pods is forbidden: User "alice" cannot create resource "pods" in API group "" in the namespace "default": Everything is forbidden.',
    },
    {
      name: 'AlwaysAllow allows anyone',
      objects: [apiServer({ authorizationModes: ['AlwaysAllow'] })],
      attrs: attrs('system:anonymous'),
      allowed: true,
      decisions: ['AlwaysAllow:Allow'],
    },
    {
      name: 'system:masters is allowed before any mode is asked',
      objects: [apiServer({ authorizationModes: ['AlwaysDeny'] })],
      attrs: { ...attrs(), user: user('root', ['system:masters', 'system:authenticated']) },
      allowed: true,
      decisions: ['system:masters:Allow'],
    },
    {
      name: 'an ABAC policy for alice in every namespace allows; RBAC is not asked',
      objects: [
        apiServer({
          authorizationModes: ['ABAC', 'RBAC'],
          abacPolicy: [abacLine({ user: 'alice', namespace: '*', resource: '*', apiGroup: '*' })],
        }),
      ],
      attrs: attrs(),
      allowed: true,
      decisions: ['ABAC:Allow'],
    },
    {
      name: 'a readonly ABAC policy does not allow create: "No policy matched."',
      objects: [
        apiServer({
          authorizationModes: ['ABAC'],
          abacPolicy: [
            abacLine({ user: 'alice', namespace: '*', resource: '*', apiGroup: '*', readonly: true }),
          ],
        }),
      ],
      attrs: attrs(),
      allowed: false,
      decisions: ['ABAC:NoOpinion'],
      message:
        'pods is forbidden: User "alice" cannot create resource "pods" in API group "" in the namespace "default": No policy matched.',
    },
    {
      name: 'a webhook without configuration has no opinion',
      objects: [apiServer({ authorizationModes: ['Webhook'] })],
      attrs: attrs(),
      allowed: false,
      decisions: ['Webhook:NoOpinion'],
    },
    {
      name: 'a webhook that denies stops the chain before RBAC',
      objects: [
        apiServer({
          authorizationModes: ['Node', 'Webhook', 'RBAC'],
          authorizationWebhook: { rules: [{ user: 'alice', denied: true, reason: 'alice is on leave' }] },
        }),
      ],
      attrs: attrs(),
      allowed: false,
      decisions: ['Node:NoOpinion', 'Webhook:Deny'],
      message:
        'pods is forbidden: User "alice" cannot create resource "pods" in API group "" in the namespace "default": alice is on leave',
    },
  ]
  it.each(cases)('$name', ({ objects, attrs: a, allowed, decisions, message }) => {
    const cluster = loadCluster(objects)
    const r = authorize(a, cluster)
    expect(r.allowed).toBe(allowed)
    expect(r.decisions.map((d) => `${d.authorizer}:${d.decision}`)).toEqual(decisions)
    if (message) expect(forbiddenMessage(a, r.reason)).toBe(message)
  })
})

describe('bootstrap ClusterRoles (bootstrappolicy/policy.go)', () => {
  const cluster = loadCluster([])
  it('every authenticated user may GET /api through system:discovery', () => {
    expect(
      RBAC.authorize(attrs('alice', { verb: 'get', isResourceRequest: false, path: '/api' }), cluster),
    ).toEqual({
      decision: 'Allow',
      reason:
        'RBAC: allowed by ClusterRoleBinding "system:discovery" of ClusterRole "system:discovery" to Group "system:authenticated"',
    })
  })
  it('an anonymous user may read /version but not /api', () => {
    const anon = {
      ...attrs('system:anonymous', { verb: 'get', isResourceRequest: false }),
      user: user('system:anonymous', ['system:unauthenticated']),
    }
    expect(RBAC.authorize({ ...anon, path: '/version' }, cluster).decision).toBe('Allow')
    expect(RBAC.authorize({ ...anon, path: '/api' }, cluster).decision).toBe('NoOpinion')
  })
  it('the edit role lets a RoleBinding subject create pods', () => {
    const binding: KubeObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'alice-edit', namespace: 'default' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' },
      subjects: [{ kind: 'User', name: 'alice' }],
    }
    expect(RBAC.authorize(attrs(), loadCluster([binding]))).toEqual({
      decision: 'Allow',
      reason: 'RBAC: allowed by RoleBinding "alice-edit/default" of ClusterRole "edit" to User "alice"',
    })
  })
  it('the view role does not allow create', () => {
    const binding: KubeObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'alice-view', namespace: 'default' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
      subjects: [{ kind: 'User', name: 'alice' }],
    }
    expect(RBAC.authorize(attrs(), loadCluster([binding])).decision).toBe('NoOpinion')
    expect(RBAC.authorize(attrs('alice', { verb: 'list' }), loadCluster([binding])).decision).toBe('Allow')
  })
  it('a non-resource Forbidden names the path', () => {
    expect(
      forbiddenMessage(
        attrs('system:anonymous', { verb: 'get', isResourceRequest: false, path: '/healthz/etcd' }),
      ),
    ).toBe('forbidden: User "system:anonymous" cannot get path "/healthz/etcd"')
  })
})
