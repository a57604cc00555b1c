/**
 * RBAC: ClusterRoleBindings are visited first, then the RoleBindings of the
 * request's namespace; the first rule that covers the request allows it and
 * names its source. Nothing matching is NoOpinion (RBAC never denies).
 * Upstream: plugin/pkg/auth/authorizer/rbac/rbac.go (authorizingVisitor),
 * pkg/registry/rbac/validation/rule.go (VisitRulesFor, describers)
 */
import type { Authorizer, RequestAttributes } from './types'
import type { Cluster } from '../../model/cluster'
import type { KubeObject } from '../../model/objects'
import { findObject } from '../../model/cluster'

interface PolicyRule {
  readonly verbs?: readonly string[]
  readonly apiGroups?: readonly string[]
  readonly resources?: readonly string[]
  readonly resourceNames?: readonly string[]
  readonly nonResourceURLs?: readonly string[]
}
interface Subject {
  readonly kind: string
  readonly name: string
  readonly namespace?: string
}
interface RoleRef {
  readonly kind: string
  readonly name: string
}

function has(list: readonly string[] | undefined, value: string): boolean {
  return !!list && (list.includes('*') || list.includes(value))
}

/** NonResourceURLMatches: exact, `*`, or a trailing `*` prefix (rbac/v1 helpers). */
function nonResourceAllows(attrs: RequestAttributes, rule: PolicyRule): boolean {
  const path = attrs.path ?? ''
  return (rule.nonResourceURLs ?? []).some(
    (u) => u === '*' || u === path || (u.endsWith('*') && path.startsWith(u.slice(0, -1))),
  )
}

export function ruleAllows(attrs: RequestAttributes, rule: PolicyRule): boolean {
  if (!has(rule.verbs, attrs.verb)) return false
  if (attrs.isResourceRequest === false) return nonResourceAllows(attrs, rule)
  if (!has(rule.apiGroups, attrs.apiGroup)) return false
  const combined = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource
  const resources = rule.resources ?? []
  const resourceOk =
    resources.includes('*') ||
    resources.includes(combined) ||
    (attrs.subresource !== '' && resources.includes(`*/${attrs.subresource}`))
  if (!resourceOk) return false
  const names = rule.resourceNames ?? []
  return names.length === 0 || names.includes(attrs.name)
}

function appliesTo(subject: Subject, attrs: RequestAttributes, bindingNamespace: string): boolean {
  switch (subject.kind) {
    case 'User':
      return subject.name === attrs.user.name
    case 'Group':
      return attrs.user.groups.includes(subject.name)
    case 'ServiceAccount': {
      // appliesToUser: the subject's namespace, else the binding's; a ClusterRoleBinding has none.
      const ns = subject.namespace || bindingNamespace
      return ns !== '' && attrs.user.name === `system:serviceaccount:${ns}:${subject.name}`
    }
    default:
      return false
  }
}

/** describeSubject: a ServiceAccount is named "<name>/<namespace>" (rule.go). */
function describeSubject(s: Subject, bindingNamespace: string): string {
  return s.kind === 'ServiceAccount'
    ? `${s.kind} "${s.name}/${s.namespace || bindingNamespace}"`
    : `${s.kind} "${s.name}"`
}

/**
 * The listers' NotFound for a role reference that resolves to nothing: the message of
 * apierrors.NewNotFound(rbacv1.Resource("role"|"clusterrole"), name).
 */
export const roleNotFound = (kind: 'Role' | 'ClusterRole', name: string): string =>
  `${kind.toLowerCase()}.rbac.authorization.k8s.io "${name}" not found`
/** GetRoleReferenceRules for a roleRef kind other than Role and ClusterRole (Go's %q). */
export const unsupportedRoleKind = (kind: string): string =>
  `unsupported role reference kind: ${JSON.stringify(kind)}`

/** GetRoleReferenceRules: the referenced role's rules, or the error the visitor collects. */
function roleReferenceRules(
  cluster: Cluster,
  ref: RoleRef,
  namespace: string,
): { rules: readonly PolicyRule[] } | { error: string } {
  if (ref.kind !== 'Role' && ref.kind !== 'ClusterRole') return { error: unsupportedRoleKind(ref.kind) }
  const role =
    ref.kind === 'ClusterRole'
      ? findObject(cluster, 'ClusterRole', ref.name)
      : findObject(cluster, 'Role', ref.name, namespace)
  if (!role) return { error: roleNotFound(ref.kind, ref.name) }
  return { rules: ((role as KubeObject)['rules'] as PolicyRule[] | undefined) ?? [] }
}

/**
 * utilerrors.NewAggregate(errs).Error(): one error as it is; several deduplicated, joined with ", "
 * and bracketed (apimachinery pkg/util/errors/errors.go).
 */
export function aggregateMessage(errors: readonly string[]): string {
  if (errors.length === 1) return errors[0]!
  const unique = [...new Set(errors)]
  return unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`
}

interface Binding {
  readonly name: string
  readonly namespace: string
  readonly subjects: readonly Subject[]
  readonly ref: RoleRef
}

function bindingsOf(cluster: Cluster, kind: 'ClusterRoleBinding' | 'RoleBinding', namespace: string) {
  const out: Binding[] = []
  for (const b of cluster.objects[kind] ?? []) {
    if (kind === 'RoleBinding' && b.metadata.namespace !== namespace) continue
    out.push({
      name: b.metadata.name ?? '',
      namespace: kind === 'RoleBinding' ? namespace : '',
      subjects: (b['subjects'] as Subject[] | undefined) ?? [],
      ref: b['roleRef'] as RoleRef,
    })
  }
  return out
}

/**
 * Authorize: VisitRulesFor walks the ClusterRoleBindings, then (for a namespaced request) the
 * RoleBindings of the namespace; for each binding whose subjects include the user it resolves the
 * role. The first rule that allows wins; a role that cannot be resolved is an error the visitor keeps,
 * and when nothing allows, NoOpinion carries them as the reason "RBAC: <aggregate>" (rbac.go
 * Authorize), which the Forbidden message then ends with.
 */
export const RBAC: Authorizer = {
  name: 'RBAC',
  authorize(attrs, cluster) {
    const errors: string[] = []
    const scopes: ['ClusterRoleBinding' | 'RoleBinding', string][] = [['ClusterRoleBinding', '']]
    if (attrs.namespace && attrs.isResourceRequest !== false) scopes.push(['RoleBinding', attrs.namespace])
    for (const [kind, namespace] of scopes) {
      for (const b of bindingsOf(cluster, kind, namespace)) {
        const subject = b.subjects.find((s) => appliesTo(s, attrs, namespace))
        if (!subject) continue
        const resolved = roleReferenceRules(cluster, b.ref, namespace)
        if ('error' in resolved) {
          errors.push(resolved.error)
          continue
        }
        if (!resolved.rules.some((r) => ruleAllows(attrs, r))) continue
        // clusterRoleBindingDescriber / roleBindingDescriber (rule.go).
        const source =
          kind === 'ClusterRoleBinding'
            ? `ClusterRoleBinding "${b.name}"`
            : `RoleBinding "${b.name}/${namespace}"`
        return {
          decision: 'Allow',
          reason: `RBAC: allowed by ${source} of ${b.ref.kind} "${b.ref.name}" to ${describeSubject(subject, namespace)}`,
        }
      }
    }
    return { decision: 'NoOpinion', reason: errors.length > 0 ? `RBAC: ${aggregateMessage(errors)}` : '' }
  },
}
