/** A kubeconfig with no credentials: the apiserver treats the caller as system:anonymous, then forbids. */
import type { Lesson } from './types'

export const ANONYMOUS: Lesson = {
  id: 'anonymous',
  title: 'No credentials: system:anonymous',
  summary:
    'A request with no credentials is not refused as unauthenticated: it becomes system:anonymous, and authorization refuses it.',
  scenario: { scenarioId: 'default', runAs: { identity: 'anonymous', verb: 'create' } },
  stops: [
    {
      id: 'no-credentials',
      at: { event: 'kubectl.kubeconfig' },
      title: 'A user with no credentials',
      text: 'This kubeconfig names a user with no certificate, token or password, so kubectl sends the request with no credentials at all (client-go tools/clientcmd). What the apiserver makes of that depends on its flags.',
      open: 'kubectl',
      predict: 'kubectl-output',
    },
    {
      id: 'anonymous',
      at: { event: 'authn.verdict' },
      title: 'system:anonymous',
      text: "No authenticator recognises the request, but kube-apiserver's --anonymous-auth defaults to true, so the caller becomes user system:anonymous in group system:unauthenticated (apiserver pkg/authentication/request/anonymous/anonymous.go). Authentication has succeeded, as far as the apiserver is concerned.",
      open: 'kube-apiserver',
    },
    {
      id: 'not-allowed',
      at: { event: 'authz.verdict' },
      title: 'Anonymous may do very little',
      text: "kubectl's first request is for the OpenAPI index, to check that the server validates fields itself. kubeadm's RBAC lets unauthenticated callers read only a few paths such as /version and /healthz, through the system:public-info-viewer role; /openapi/* is granted by system:discovery to authenticated users only (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go). With no Allow from Node or RBAC, the request is forbidden.",
      open: 'kube-apiserver',
    },
    {
      id: 'forbidden-not-unauthorized',
      at: { event: 'http.response', match: { code: 403 } },
      title: '403, not 401',
      text: 'The answer is 403 Forbidden for user system:anonymous. A 401 Unauthorized would mean that authentication itself failed: bad credentials, or none while --anonymous-auth=false (apiserver pkg/endpoints/filters/authentication.go).',
      open: 'kube-apiserver',
    },
    {
      id: 'output',
      at: { event: 'kubectl.output' },
      title: 'What kubectl prints',
      text: 'The OpenAPI v2 fallback is forbidden too, so kubectl cannot validate the manifest and never sends the pod. It prints "error validating data: failed to download openapi: unknown", since client-go cannot read the Status of these answers, and exits 1 (cli-runtime pkg/resource/query_param_verifier.go). With --validate=false it would send the pod and print the Forbidden line instead; with real credentials, authorization would have a real user to decide about.',
      open: 'kubectl',
    },
  ],
}
