import { describe, expect, it } from 'vitest'
import { aggregateMessage, RBAC } from './rbac'
import { authorize, forbiddenMessage } from './chain'
import type { RequestAttributes } from './types'
import { loadCluster } from '../../model/cluster'
import type { KubeObject } from '../../model/objects'

// A binding whose roleRef names a Role/ClusterRole that does not exist. Upstream:
// pkg/registry/rbac/validation/rule.go (VisitRulesFor, GetRoleReferenceRules: the lister's NotFound is
// handed to the visitor), plugin/pkg/auth/authorizer/rbac/rbac.go (Authorize: NoOpinion with reason
// "RBAC: " + utilerrors.NewAggregate(errors)), apimachinery pkg/util/errors/errors.go (aggregate.Error),
// apiserver endpoints/handlers/responsewriters/errors.go (Forbidden appends ": <reason>").
const JANE = { name: 'jane', uid: '1001', groups: ['developers', 'system:authenticated'] }
const createPods = (extra: Partial<RequestAttributes> = {}): RequestAttributes => ({
  user: JANE,
  verb: 'create',
  apiGroup: '',
  resource: 'pods',
  subresource: '',
  namespace: 'default',
  name: '',
  ...extra,
})

const RBAC_API = 'rbac.authorization.k8s.io/v1'
const roleBinding = (name: string, kind: string, role: string, subject = { kind: 'User', name: 'jane' }) =>
  ({
    apiVersion: RBAC_API,
    kind: 'RoleBinding',
    metadata: { name, namespace: 'default' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind, name: role },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', ...subject }],
  }) as KubeObject
const clusterRoleBinding = (name: string, role: string, subject = { kind: 'Group', name: 'developers' }) =>
  ({
    apiVersion: RBAC_API,
    kind: 'ClusterRoleBinding',
    metadata: { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', ...subject }],
  }) as KubeObject
const podCreator = {
  apiVersion: RBAC_API,
  kind: 'Role',
  metadata: { name: 'pod-creator', namespace: 'default' },
  rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['create'] }],
} as KubeObject

describe('RBAC: a binding that refers to a role that does not exist', () => {
  const cases: { name: string; objects: KubeObject[]; decision: string; reason: string }[] = [
    {
      name: 'a RoleBinding to a missing Role: the Role lister’s NotFound',
      objects: [roleBinding('jane-pods', 'Role', 'pod-writer')],
      decision: 'NoOpinion',
      reason: 'RBAC: role.rbac.authorization.k8s.io "pod-writer" not found',
    },
    {
      name: 'a RoleBinding to a missing ClusterRole: the ClusterRole lister’s NotFound',
      objects: [roleBinding('jane-pods', 'ClusterRole', 'pod-writer')],
      decision: 'NoOpinion',
      reason: 'RBAC: clusterrole.rbac.authorization.k8s.io "pod-writer" not found',
    },
    {
      name: 'a ClusterRoleBinding to a missing ClusterRole, reached through a group',
      objects: [clusterRoleBinding('developers', 'developer')],
      decision: 'NoOpinion',
      reason: 'RBAC: clusterrole.rbac.authorization.k8s.io "developer" not found',
    },
    {
      name: 'two missing roles: ClusterRoleBindings first, then RoleBindings, as an aggregate in brackets',
      objects: [
        roleBinding('jane-pods', 'Role', 'pod-writer'),
        clusterRoleBinding('developers', 'developer'),
      ],
      decision: 'NoOpinion',
      reason:
        'RBAC: [clusterrole.rbac.authorization.k8s.io "developer" not found, role.rbac.authorization.k8s.io "pod-writer" not found]',
    },
    {
      name: 'the same missing role through two bindings is said once, without brackets',
      objects: [roleBinding('a', 'Role', 'pod-writer'), roleBinding('b', 'Role', 'pod-writer')],
      decision: 'NoOpinion',
      reason: 'RBAC: role.rbac.authorization.k8s.io "pod-writer" not found',
    },
    {
      name: 'a binding whose subjects do not include the user is never resolved',
      objects: [roleBinding('bob-pods', 'Role', 'pod-writer', { kind: 'User', name: 'bob' })],
      decision: 'NoOpinion',
      reason: '',
    },
    {
      name: 'another binding that allows wins; the missing role is then not reported',
      objects: [roleBinding('a', 'Role', 'pod-writer'), podCreator, roleBinding('b', 'Role', 'pod-creator')],
      decision: 'Allow',
      reason: 'RBAC: allowed by RoleBinding "b/default" of Role "pod-creator" to User "jane"',
    },
  ]
  it.each(cases)('$name', ({ objects, decision, reason }) => {
    expect(RBAC.authorize(createPods(), loadCluster(objects))).toEqual({ decision, reason })
  })

  it('a Role in another namespace does not resolve the reference', () => {
    const elsewhere = { ...podCreator, metadata: { name: 'pod-creator', namespace: 'dev' } } as KubeObject
    expect(
      RBAC.authorize(createPods(), loadCluster([elsewhere, roleBinding('b', 'Role', 'pod-creator')])).reason,
    ).toBe('RBAC: role.rbac.authorization.k8s.io "pod-creator" not found')
  })

  it('the Forbidden message carries the reason after the sanitised sentence', () => {
    const cluster = loadCluster([roleBinding('jane-pods', 'Role', 'x')])
    const verdict = authorize(createPods(), cluster)
    expect(verdict.allowed).toBe(false)
    expect(verdict.decisions).toEqual([
      { authorizer: 'Node', decision: 'NoOpinion', reason: '' },
      {
        authorizer: 'RBAC',
        decision: 'NoOpinion',
        reason: 'RBAC: role.rbac.authorization.k8s.io "x" not found',
      },
    ])
    expect(forbiddenMessage(createPods(), verdict.reason)).toBe(
      'pods is forbidden: User "jane" cannot create resource "pods" in API group "" in the namespace "default": RBAC: role.rbac.authorization.k8s.io "x" not found',
    )
  })
})

describe('aggregateMessage (utilerrors aggregate.Error)', () => {
  it.each([
    [['a'], 'a'],
    [['a', 'a'], 'a'],
    [['a', 'b'], '[a, b]'],
    [['a', 'b', 'a'], '[a, b]'],
  ])('%j → %s', (errors, want) => {
    expect(aggregateMessage(errors)).toBe(want)
  })
})

describe('RBAC describers', () => {
  it('a ServiceAccount subject is named "<name>/<namespace>" (rule.go describeSubject)', () => {
    const sa = { name: 'system:serviceaccount:default:builder', uid: '', groups: ['system:authenticated'] }
    const cluster = loadCluster([
      podCreator,
      roleBinding('builder-pods', 'Role', 'pod-creator', { kind: 'ServiceAccount', name: 'builder' }),
    ])
    expect(RBAC.authorize(createPods({ user: sa }), cluster).reason).toBe(
      'RBAC: allowed by RoleBinding "builder-pods/default" of Role "pod-creator" to ServiceAccount "builder/default"',
    )
  })
})
