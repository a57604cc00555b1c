/**
 * The RBAC objects every cluster starts with that matter for creating a pod:
 * the bootstrap `cluster-admin` role and its `system:masters` binding
 * (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go), and kubeadm's
 * `kubeadm:cluster-admins` binding, which its admin.conf certificate relies on
 * (cmd/kubeadm/app/phases/kubeconfig).
 */
import type { KubeObject } from './objects'

const rbac = 'rbac.authorization.k8s.io/v1'

export const BOOTSTRAP_RBAC: readonly KubeObject[] = [
  {
    apiVersion: rbac,
    kind: 'ClusterRole',
    metadata: { name: 'cluster-admin', labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } },
    rules: [
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      { nonResourceURLs: ['*'], verbs: ['*'] },
    ],
  },
  {
    apiVersion: rbac,
    kind: 'ClusterRoleBinding',
    metadata: { name: 'cluster-admin', labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:masters' }],
  },
  {
    apiVersion: rbac,
    kind: 'ClusterRoleBinding',
    metadata: { name: 'kubeadm:cluster-admins' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'kubeadm:cluster-admins' }],
  },
]

/** The scheduler's identity and what it may do (bootstrappolicy: system:kube-scheduler). */
export const SCHEDULER_RBAC: readonly KubeObject[] = [
  {
    apiVersion: rbac,
    kind: 'ClusterRole',
    metadata: { name: 'system:kube-scheduler', labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } },
    rules: [
      { apiGroups: ['', 'events.k8s.io'], resources: ['events'], verbs: ['create', 'patch', 'update'] },
      { apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['pods'], verbs: ['delete', 'get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['bindings', 'pods/binding'], verbs: ['create'] },
      { apiGroups: [''], resources: ['pods/status'], verbs: ['patch', 'update'] },
    ],
  },
  {
    apiVersion: rbac,
    kind: 'ClusterRoleBinding',
    metadata: { name: 'system:kube-scheduler', labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:kube-scheduler' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'system:kube-scheduler' }],
  },
]

const bootstrapLabels = { 'kubernetes.io/bootstrapping': 'rbac-defaults' }
const clusterRole = (
  name: string,
  rules: readonly Record<string, unknown>[],
  aggregate?: string,
): KubeObject => ({
  apiVersion: rbac,
  kind: 'ClusterRole',
  metadata: {
    name,
    labels: aggregate ? { ...bootstrapLabels, [aggregate]: 'true' } : bootstrapLabels,
    annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
  },
  ...(aggregate
    ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [aggregate]: 'true' } }] } }
    : {}),
  rules,
})
const groupBinding = (name: string, groups: readonly string[]): KubeObject => ({
  apiVersion: rbac,
  kind: 'ClusterRoleBinding',
  metadata: {
    name,
    labels: bootstrapLabels,
    annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
  },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
  subjects: groups.map((g) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: g })),
})

const READ = ['get', 'list', 'watch']
/** The core-group read rules every aggregated user-facing role carries (bootstrappolicy policy.go, view). */
const VIEW_CORE_RULES = [
  {
    apiGroups: [''],
    resources: [
      'configmaps',
      'endpoints',
      'persistentvolumeclaims',
      'persistentvolumeclaims/status',
      'pods',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'serviceaccounts',
      'services',
      'services/status',
    ],
    verbs: READ,
  },
  {
    apiGroups: [''],
    resources: [
      'bindings',
      'events',
      'limitranges',
      'namespaces/status',
      'pods/log',
      'pods/status',
      'replicationcontrollers/status',
      'resourcequotas',
      'resourcequotas/status',
    ],
    verbs: READ,
  },
  { apiGroups: [''], resources: ['namespaces'], verbs: READ },
]
/** edit adds writes on the namespaced core resources, pods and their subresources included. */
const EDIT_CORE_RULES = [
  {
    apiGroups: [''],
    resources: ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'],
    verbs: ['create', 'delete', 'deletecollection', 'patch', 'update'],
  },
  {
    apiGroups: [''],
    resources: [
      'configmaps',
      'events',
      'persistentvolumeclaims',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'secrets',
      'serviceaccounts',
      'services',
      'services/proxy',
    ],
    verbs: ['create', 'delete', 'deletecollection', 'patch', 'update'],
  },
  { apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] },
  { apiGroups: [''], resources: ['pods/eviction'], verbs: ['create'] },
  {
    apiGroups: [''],
    resources: ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'],
    verbs: READ,
  },
  { apiGroups: [''], resources: ['serviceaccounts'], verbs: ['impersonate'] },
]
const ADMIN_EXTRA_RULES = [
  { apiGroups: ['authorization.k8s.io'], resources: ['localsubjectaccessreviews'], verbs: ['create'] },
  {
    apiGroups: ['rbac.authorization.k8s.io'],
    resources: ['rolebindings', 'roles'],
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  },
]

/**
 * The user-facing aggregated roles (their rules as the aggregation controller fills them in, for the
 * core group) and the discovery roles every authenticated user is bound to.
 * Upstream: plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go (ClusterRoles, ClusterRoleBindings)
 */
export const BOOTSTRAP_USER_ROLES: readonly KubeObject[] = [
  clusterRole(
    'admin',
    [...VIEW_CORE_RULES, ...EDIT_CORE_RULES, ...ADMIN_EXTRA_RULES],
    'rbac.authorization.k8s.io/aggregate-to-admin',
  ),
  clusterRole(
    'edit',
    [...VIEW_CORE_RULES, ...EDIT_CORE_RULES],
    'rbac.authorization.k8s.io/aggregate-to-edit',
  ),
  clusterRole('view', VIEW_CORE_RULES, 'rbac.authorization.k8s.io/aggregate-to-view'),
  clusterRole('system:basic-user', [
    {
      apiGroups: ['authorization.k8s.io'],
      resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
      verbs: ['create'],
    },
    { apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'], verbs: ['create'] },
  ]),
  clusterRole('system:discovery', [
    {
      nonResourceURLs: [
        '/api',
        '/api/*',
        '/apis',
        '/apis/*',
        '/healthz',
        '/livez',
        '/openapi',
        '/openapi/*',
        '/readyz',
        '/version',
        '/version/',
      ],
      verbs: ['get'],
    },
  ]),
  clusterRole('system:public-info-viewer', [
    { nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'], verbs: ['get'] },
  ]),
  groupBinding('system:basic-user', ['system:authenticated']),
  groupBinding('system:discovery', ['system:authenticated']),
  groupBinding('system:public-info-viewer', ['system:authenticated', 'system:unauthenticated']),
]

/**
 * The controllers kube-controller-manager runs with their own credentials (kubeadm sets
 * --use-service-account-credentials): each a ServiceAccount in kube-system, bound to its
 * `system:controller:<name>` ClusterRole. Upstream: plugin/pkg/auth/authorizer/rbac/bootstrappolicy/
 * controller_policy.go (buildControllerRoles: deployment-controller, replicaset-controller; eventsRule).
 */
const EVENTS_RULE = {
  apiGroups: ['', 'events.k8s.io'],
  resources: ['events'],
  verbs: ['create', 'update', 'patch'],
}
const controllerRole = (name: string, rules: readonly Record<string, unknown>[]): readonly KubeObject[] => [
  {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, namespace: 'kube-system' },
  },
  {
    apiVersion: rbac,
    kind: 'ClusterRole',
    metadata: {
      name: `system:controller:${name}`,
      labels: bootstrapLabels,
      annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
    },
    rules: [...rules, EVENTS_RULE],
  },
  {
    apiVersion: rbac,
    kind: 'ClusterRoleBinding',
    metadata: {
      name: `system:controller:${name}`,
      labels: bootstrapLabels,
      annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
    },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: `system:controller:${name}`,
    },
    subjects: [{ kind: 'ServiceAccount', name, namespace: 'kube-system' }],
  },
]

export const CONTROLLER_RBAC: readonly KubeObject[] = [
  ...controllerRole('deployment-controller', [
    {
      apiGroups: ['extensions', 'apps'],
      resources: ['deployments'],
      verbs: ['get', 'list', 'watch', 'update'],
    },
    { apiGroups: ['extensions', 'apps'], resources: ['deployments/status'], verbs: ['update'] },
    {
      apiGroups: ['extensions', 'apps'],
      resources: ['replicasets'],
      verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'],
    },
    { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'watch', 'update'] },
  ]),
  ...controllerRole('replicaset-controller', [
    {
      apiGroups: ['apps', 'extensions'],
      resources: ['replicasets'],
      verbs: ['get', 'list', 'watch', 'update'],
    },
    { apiGroups: ['apps', 'extensions'], resources: ['replicasets/status'], verbs: ['update'] },
    { apiGroups: ['apps', 'extensions'], resources: ['replicasets/finalizers'], verbs: ['update'] },
    { apiGroups: [''], resources: ['pods'], verbs: ['list', 'watch', 'patch', 'create', 'delete'] },
  ]),
]
