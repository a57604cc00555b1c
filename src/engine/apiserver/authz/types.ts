/**
 * Authorizers answer Allow, Deny or NoOpinion for one request's attributes.
 * Upstream: staging/src/k8s.io/apiserver/pkg/authorization/authorizer/interfaces.go
 */
import type { UserInfo } from '../../protocol/http'
import type { Cluster } from '../../model/cluster'

export interface RequestAttributes {
  readonly user: UserInfo
  /** Absent means true (a resource request). */
  readonly isResourceRequest?: boolean
  /** The URL path, for non-resource requests. */
  readonly path?: string
  readonly verb: string
  readonly apiGroup: string
  readonly resource: string
  readonly subresource: string
  readonly namespace: string
  readonly name: string
}

export interface AuthzResult {
  readonly decision: 'Allow' | 'Deny' | 'NoOpinion'
  readonly reason: string
}

export interface Authorizer {
  readonly name: string
  authorize(attrs: RequestAttributes, cluster: Cluster): AuthzResult
}
