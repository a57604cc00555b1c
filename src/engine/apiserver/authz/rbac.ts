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
    case 'ServiceAccount':
      return (
        attrs.user.name === `system:serviceaccount:${subject.namespace ?? bindingNamespace}:${subject.name}`
      )
    default:
      return false
  }
}

function describeSubject(s: Subject): string {
  return s.kind === 'ServiceAccount' ? `${s.kind} "${s.namespace ?? ''}/${s.name}"` : `${s.kind} "${s.name}"`
}

function rulesOf(cluster: Cluster, ref: RoleRef, namespace: string): readonly PolicyRule[] {
  const role =
    ref.kind === 'ClusterRole'
      ? findObject(cluster, 'ClusterRole', ref.name)
      : findObject(cluster, 'Role', ref.name, namespace)
  return ((role as KubeObject | undefined)?.['rules'] as PolicyRule[] | undefined) ?? []
}

export const RBAC: Authorizer = {
  name: 'RBAC',
  authorize(attrs, cluster) {
    for (const b of cluster.objects['ClusterRoleBinding'] ?? []) {
      const subjects = (b['subjects'] as Subject[] | undefined) ?? []
      const ref = b['roleRef'] as RoleRef
      const subject = subjects.find((s) => appliesTo(s, attrs, ''))
      if (!subject) continue
      if (rulesOf(cluster, ref, '').some((r) => ruleAllows(attrs, r))) {
        return {
          decision: 'Allow',
          reason: `RBAC: allowed by ClusterRoleBinding "${b.metadata.name}" of ClusterRole "${ref.name}" to ${describeSubject(subject)}`,
        }
      }
    }
    if (attrs.namespace && attrs.isResourceRequest !== false) {
      for (const b of cluster.objects['RoleBinding'] ?? []) {
        if (b.metadata.namespace !== attrs.namespace) continue
        const subjects = (b['subjects'] as Subject[] | undefined) ?? []
        const ref = b['roleRef'] as RoleRef
        const subject = subjects.find((s) => appliesTo(s, attrs, attrs.namespace))
        if (!subject) continue
        if (rulesOf(cluster, ref, attrs.namespace).some((r) => ruleAllows(attrs, r))) {
          return {
            decision: 'Allow',
            reason: `RBAC: allowed by RoleBinding "${b.metadata.name}/${attrs.namespace}" of ${ref.kind} "${ref.name}" to ${describeSubject(subject)}`,
          }
        }
      }
    }
    return { decision: 'NoOpinion', reason: '' }
  },
}
