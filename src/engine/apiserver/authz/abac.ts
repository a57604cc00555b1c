/**
 * ABAC: --authorization-policy-file, one JSON Policy per line. A policy
 * applies when its user or group matches (`*` matches everyone), a readonly
 * policy only allows get/list/watch, and its namespace, resource and apiGroup
 * (or nonResourcePath) match the request, each with `*` as a wildcard. The
 * first matching policy allows; none matching is NoOpinion "No policy matched.".
 * Upstream: pkg/auth/authorizer/abac/abac.go (matches, subjectMatches, verbMatches,
 * resourceMatches, nonResourceMatches), pkg/apis/abac/v1beta1/types.go
 */
import type { Authorizer, RequestAttributes } from './types'

/** Upstream: pkg/auth/authorizer/abac/abac.go Authorize. */
export const MSG_NO_POLICY_MATCHED = 'No policy matched.'

interface PolicySpec {
  readonly user?: string
  readonly group?: string
  readonly readonly?: boolean
  readonly apiGroup?: string
  readonly resource?: string
  readonly namespace?: string
  readonly nonResourcePath?: string
}

export function parsePolicyLine(line: string | Readonly<Record<string, unknown>>): PolicySpec | null {
  let v: unknown = line
  if (typeof line === 'string') {
    if (line.trim() === '' || line.trim().startsWith('#')) return null
    try {
      v = JSON.parse(line)
    } catch {
      return null
    }
  }
  const spec = (v as { spec?: unknown } | null)?.spec
  return spec && typeof spec === 'object' ? (spec as PolicySpec) : null
}

const wild = (pattern: string | undefined, value: string) => pattern === '*' || pattern === value

function subjectMatches(p: PolicySpec, a: RequestAttributes): boolean {
  let matched = false
  if (p.user) {
    if (p.user === '*') matched = true
    else if (p.user !== a.user.name) return false
    else matched = true
  }
  if (p.group) {
    if (p.group === '*') matched = true
    else if (!a.user.groups.includes(p.group)) return false
    else matched = true
  }
  return matched
}

function nonResourceMatches(p: PolicySpec, path: string): boolean {
  if (!p.nonResourcePath) return false
  if (p.nonResourcePath === '*' || p.nonResourcePath === path) return true
  return p.nonResourcePath.endsWith('*') && path.startsWith(p.nonResourcePath.slice(0, -1))
}

export function policyMatches(p: PolicySpec, a: RequestAttributes): boolean {
  if (!subjectMatches(p, a)) return false
  if (p.readonly && !['get', 'list', 'watch'].includes(a.verb)) return false
  if (a.isResourceRequest === false) return nonResourceMatches(p, a.path ?? '')
  return wild(p.namespace, a.namespace) && wild(p.resource, a.resource) && wild(p.apiGroup, a.apiGroup)
}

export const ABAC: Authorizer = {
  name: 'ABAC',
  authorize(attrs, cluster) {
    for (const line of cluster.apiServer.abacPolicy ?? []) {
      const p = parsePolicyLine(line)
      if (p && policyMatches(p, attrs)) return { decision: 'Allow', reason: '' }
    }
    return { decision: 'NoOpinion', reason: MSG_NO_POLICY_MATCHED }
  },
}
