/**
 * How kube-controller-manager's controllers identify themselves to the apiserver. kubeadm runs it
 * with --use-service-account-credentials, so each controller sends a bound token of its own
 * ServiceAccount in kube-system (clientbuilder's SAControllerClientBuilder asks TokenRequest for it),
 * and client-go appends that account to the User-Agent.
 * Upstream: staging/src/k8s.io/controller-manager/pkg/clientbuilder/client_builder_dynamic.go,
 * client-go rest.AddUserAgent, pkg/serviceaccount/claims.go (the bound token's claims).
 * The token's signature is a placeholder: the simulated apiserver does not verify signatures (jwt.ts).
 */
import { encodeBase64, utf8Bytes } from '../model/base64'
import type { ControllerName } from './plan'
import { CONTROLLER_SOURCE } from './plan'

export const KCM_VERSION = 'v1.34.0'
const KCM_USER_AGENT = `kube-controller-manager/${KCM_VERSION} (linux/amd64) kubernetes/f28b4c9`
const ISSUER = 'https://kubernetes.default.svc.cluster.local'

function base64url(json: unknown): string {
  return encodeBase64(utf8Bytes(JSON.stringify(json)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=/g, '')
}

export function serviceAccountUser(controller: ControllerName): string {
  return `system:serviceaccount:kube-system:${CONTROLLER_SOURCE[controller]}`
}

/** The headers of every request a controller sends; `nowS` is the run's clock in Unix seconds. */
export function controllerHeaders(controller: ControllerName, nowS: number): Record<string, string> {
  const sa = CONTROLLER_SOURCE[controller]
  const token = [
    base64url({ alg: 'RS256', kid: 'podlife-sa-key' }),
    base64url({
      aud: [ISSUER],
      exp: nowS + 3600,
      iat: nowS,
      iss: ISSUER,
      'kubernetes.io': { namespace: 'kube-system', serviceaccount: { name: sa } },
      nbf: nowS,
      sub: serviceAccountUser(controller),
    }),
    'signature-not-verified-in-podlife',
  ].join('.')
  return {
    Accept: 'application/vnd.kubernetes.protobuf, */*',
    'Content-Type': 'application/vnd.kubernetes.protobuf',
    'User-Agent': `${KCM_USER_AGENT}/${serviceAccountUser(controller)}`,
    Authorization: `Bearer ${token}`,
  }
}
