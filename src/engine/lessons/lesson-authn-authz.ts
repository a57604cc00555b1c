/** jane has a valid certificate but no RBAC binding: authenticated, then forbidden. */
import type { Lesson } from './types'

export const AUTHN_AUTHZ: Lesson = {
  id: 'authn-authz',
  title: 'Who may create a pod? (authn and authz)',
  summary:
    'jane proves who she is with a client certificate, and RBAC, finding no binding for her, lets the request fall through to Forbidden.',
  scenario: { scenarioId: 'default', runAs: { identity: 'jane', verb: 'create' } },
  stops: [
    {
      id: 'certificate',
      at: { event: 'kubectl.kubeconfig' },
      title: "jane's kubeconfig",
      text: "jane's kubeconfig holds a client certificate signed by the cluster CA, with CN=jane and O=developers. kubectl presents it in the TLS handshake; no password or token travels with the request (client-go tools/clientcmd).",
      open: 'kubectl',
      predict: 'apiserver-accepts',
    },
    {
      id: 'authenticated',
      at: { event: 'authn.verdict' },
      title: 'Authenticated as jane',
      text: 'The x509 authenticator checks the certificate against the cluster CA and maps CN to the user name and O to groups: user jane, groups developers and system:authenticated (apiserver pkg/authentication/request/x509/x509.go). Authentication says who is asking; it grants nothing.',
      open: 'kube-apiserver',
    },
    {
      id: 'no-opinion',
      // The first verdicts are for kubectl's OpenAPI requests, which system:discovery allows every user.
      at: { event: 'authz.verdict', match: { allowed: false } },
      title: 'Nobody says Allow',
      text: 'The Node authorizer has no opinion, since jane is not a node, and neither does RBAC: no RoleBinding or ClusterRoleBinding gives jane or developers the create verb on pods. RBAC never answers Deny; when every authorizer passes, the request is refused (plugin/pkg/auth/authorizer/rbac/rbac.go, apiserver pkg/authorization/union/union.go).',
      open: 'kube-apiserver',
    },
    {
      id: 'forbidden',
      at: { event: 'http.response', match: { code: 403 } },
      title: '403 Forbidden',
      text: 'The apiserver answers 403 with a Status naming the user, the verb, the resource and the namespace (apiserver pkg/endpoints/handlers/responsewriters/errors.go). The request never reaches admission, and nothing is written to etcd.',
      open: 'kube-apiserver',
    },
    {
      id: 'kubectl-says',
      at: { event: 'kubectl.output' },
      title: 'What kubectl prints',
      text: 'kubectl prints the Status message after "Error from server (Forbidden)" and exits 1. An admin grants the right with a Role that allows create on pods and a RoleBinding from that Role to jane or to the group developers (rbac.authorization.k8s.io/v1).',
      open: 'kubectl',
    },
  ],
}
