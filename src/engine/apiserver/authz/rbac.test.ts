import { describe, expect, it } from 'vitest'
import { RBAC, ruleAllows } from './rbac'
import { authorize, forbiddenMessage } from './chain'
import type { RequestAttributes } from './types'
import { loadCluster } from '../../model/cluster'
import type { KubeObject } from '../../model/objects'

// Upstream: plugin/pkg/auth/authorizer/rbac/rbac.go (authorizingVisitor, rbac_test.go),
// staging/src/k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/errors.go (forbiddenMessage).
const ADMIN = {
  name: 'kubernetes-admin',
  uid: '',
  groups: ['kubeadm:cluster-admins', 'system:authenticated'],
}
const ALICE = { name: 'alice', uid: '', groups: ['system:authenticated'] }

const createPods = (user = ADMIN, extra: Partial<RequestAttributes> = {}): RequestAttributes => ({
  user,
  verb: 'create',
  apiGroup: '',
  resource: 'pods',
  subresource: '',
  namespace: 'default',
  name: '',
  ...extra,
})

describe('RBAC authorizer', () => {
  const cluster = loadCluster([])

  it('kubeadm’s admin is allowed through the kubeadm:cluster-admins binding', () => {
    expect(RBAC.authorize(createPods(), cluster)).toEqual({
      decision: 'Allow',
      reason:
        'RBAC: allowed by ClusterRoleBinding "kubeadm:cluster-admins" of ClusterRole "cluster-admin" to Group "kubeadm:cluster-admins"',
    })
  })

  it('a user no binding mentions gets NoOpinion, never Deny', () => {
    expect(RBAC.authorize(createPods(ALICE), cluster)).toEqual({ decision: 'NoOpinion', reason: '' })
  })

  it('a RoleBinding in the namespace allows and is named "<binding>/<namespace>"', () => {
    const objects = [
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'pod-creator', namespace: 'default' },
        rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['create', 'get'] }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'alice-pods', namespace: 'default' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-creator' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'alice' }],
      },
    ] as KubeObject[]
    const c = loadCluster(objects)
    expect(RBAC.authorize(createPods(ALICE), c)).toEqual({
      decision: 'Allow',
      reason: 'RBAC: allowed by RoleBinding "alice-pods/default" of Role "pod-creator" to User "alice"',
    })
    expect(RBAC.authorize(createPods(ALICE, { namespace: 'dev' }), c).decision).toBe('NoOpinion')
    expect(RBAC.authorize(createPods(ALICE, { verb: 'delete' }), c).decision).toBe('NoOpinion')
  })

  it('the Node,RBAC chain forbids a request nobody has an opinion on', () => {
    expect(authorize(createPods(ALICE), cluster)).toEqual({
      allowed: false,
      decisions: [
        { authorizer: 'Node', decision: 'NoOpinion', reason: '' },
        { authorizer: 'RBAC', decision: 'NoOpinion', reason: '' },
      ],
      reason: '',
    })
  })
})

describe('RBAC rule matching (ruleAllows)', () => {
  it.each([
    ['a rule for pods covers pods', { verbs: ['create'], apiGroups: [''], resources: ['pods'] }, {}, true],
    ['a verb wildcard covers any verb', { verbs: ['*'], apiGroups: [''], resources: ['pods'] }, {}, true],
    [
      'another API group does not match',
      { verbs: ['create'], apiGroups: ['apps'], resources: ['pods'] },
      {},
      false,
    ],
    [
      'pods does not cover pods/exec',
      { verbs: ['create'], apiGroups: [''], resources: ['pods'] },
      { subresource: 'exec' },
      false,
    ],
    [
      '*/exec covers pods/exec',
      { verbs: ['create'], apiGroups: [''], resources: ['*/exec'] },
      { subresource: 'exec' },
      true,
    ],
    [
      'resourceNames restrict to the named object',
      { verbs: ['get'], apiGroups: [''], resources: ['pods'], resourceNames: ['nginx'] },
      { verb: 'get', name: 'web' },
      false,
    ],
  ])('%s', (_name, rule, extra, allowed) => {
    expect(ruleAllows(createPods(ALICE, extra as Partial<RequestAttributes>), rule)).toBe(allowed)
  })
})

describe('forbiddenMessage', () => {
  it('names the user, verb, resource, API group and namespace', () => {
    expect(forbiddenMessage(createPods(ALICE))).toBe(
      'pods is forbidden: User "alice" cannot create resource "pods" in API group "" in the namespace "default"',
    )
  })

  it('quotes the object name when the request names one', () => {
    expect(forbiddenMessage(createPods(ALICE, { verb: 'get', name: 'nginx' }))).toBe(
      'pods "nginx" is forbidden: User "alice" cannot get resource "pods" in API group "" in the namespace "default"',
    )
  })

  // forbiddenMessage ends cluster-scoped requests with "at the cluster scope".
  it('a cluster-scoped request ends "at the cluster scope"', () => {
    expect(forbiddenMessage(createPods(ALICE, { verb: 'list', resource: 'nodes', namespace: '' }))).toBe(
      'nodes is forbidden: User "alice" cannot list resource "nodes" in API group "" at the cluster scope',
    )
  })

  // apierrors.NewForbidden qualifies the prefix with the group resource (no subresource);
  // forbiddenMessage puts the subresource in the quoted resource.
  it('a subresource appears as "pods/exec" after the user, the prefix stays pods "nginx"', () => {
    expect(forbiddenMessage(createPods(ALICE, { subresource: 'exec', name: 'nginx' }))).toBe(
      'pods "nginx" is forbidden: User "alice" cannot create resource "pods/exec" in API group "" in the namespace "default"',
    )
  })

  it('a resource in a named group is prefixed as deployments.apps', () => {
    expect(forbiddenMessage(createPods(ALICE, { apiGroup: 'apps', resource: 'deployments' }))).toBe(
      'deployments.apps is forbidden: User "alice" cannot create resource "deployments" in API group "apps" in the namespace "default"',
    )
  })
})
