/**
 * An authenticator looks at one request and either finds a user, finds no
 * credentials of its kind (so the chain asks the next one), or fails.
 * Upstream: staging/src/k8s.io/apiserver/pkg/authentication/authenticator/interfaces.go
 */
import type { HttpRequest, UserInfo } from '../../protocol/http'
import type { Cluster } from '../../model/cluster'

export type AuthnResult =
  | { readonly kind: 'authenticated'; readonly user: UserInfo; readonly detail: string }
  | { readonly kind: 'no-credentials'; readonly detail: string }
  | { readonly kind: 'error'; readonly detail: string }

export interface Authenticator {
  readonly name: string
  /** `now`: the apiserver's clock, in seconds since the epoch (token expiry). */
  authenticate(request: HttpRequest, cluster: Cluster, now?: number): AuthnResult
}
