/**
 * What travels between a client and kube-apiserver: the request, the response, and what the
 * authentication and authorization chains decided about it (the audit the response carries).
 */
import type { Json } from '../model/objects'

export interface HttpRequest {
  readonly id: number
  readonly from: 'kubectl' | 'kube-scheduler' | 'kubelet' | 'kube-controller-manager'
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  readonly path: string
  readonly query: Readonly<Record<string, string>>
  readonly headers: Readonly<Record<string, string>>
  readonly body: Json | string | null
}

/**
 * One `details.causes` entry of a 422 Status (metav1.StatusCause, built by apimachinery
 * pkg/api/errors NewInvalid from each field.Error): the UI reads `field` rather than the text.
 */
export type StatusCause = {
  readonly reason:
    | 'FieldValueRequired'
    | 'FieldValueDuplicate'
    | 'FieldValueNotSupported'
    | 'FieldValueNotFound'
    | 'FieldValueInvalid'
  /** field.Error.ErrorBody(): `Invalid value: "x": …`, without the path. */
  readonly message: string
  /** The field path, `spec.containers[0].image`. */
  readonly field: string
}

export interface HttpResponse {
  readonly requestId: number
  readonly code: number
  readonly body: Json
  /** Who the authentication chain said the caller is (null when none succeeded). */
  readonly authn: { readonly authenticator: string | null; readonly user: UserInfo | null }
  /** Each authorizer consulted, in order. */
  readonly authz: readonly AuthzDecision[]
  /** Warning headers (`299 - "…"`), e.g. unknown fields under fieldValidation=Warn. */
  readonly warnings?: readonly string[]
  /** Response headers that carry meaning for the client (the OpenAPI endpoints' caching headers). */
  readonly headers?: Readonly<Record<string, string>>
  /** Answered by kubectl's HTTP cache (~/.kube/cache/http) without reaching the apiserver. */
  readonly fromCache?: boolean
}

export interface UserInfo {
  readonly name: string
  readonly uid: string
  readonly groups: readonly string[]
}

export interface AuthnAttempt {
  readonly authenticator: string
  readonly result: 'authenticated' | 'no-credentials' | 'error'
  readonly detail: string
}

export interface AuthzDecision {
  readonly authorizer: string
  readonly decision: 'Allow' | 'Deny' | 'NoOpinion'
  readonly reason: string
}

/** What the response to a request reports of its authentication and authorization. */
export interface ResponseAudit {
  readonly authn: { readonly authenticator: string | null; readonly user: UserInfo | null }
  readonly authz: readonly AuthzDecision[]
}
