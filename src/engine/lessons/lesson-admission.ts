/** A plain pod in a namespace that enforces PodSecurity "restricted": mutated first, then refused. */
import type { Lesson } from './types'

export const ADMISSION: Lesson = {
  id: 'admission',
  title: 'Admission: who changes my pod and who may refuse it',
  summary:
    'Mutating admission plugins add fields to the pod, validation checks the result, and a validating plugin, PodSecurity, refuses it.',
  scenario: { scenarioId: 'restricted-namespace' },
  stops: [
    {
      id: 'to-secure',
      at: { event: 'http.request', match: { from: 'kubectl', method: 'POST' } },
      title: 'A pod for namespace secure',
      text: 'The pod goes to namespace secure, whose label pod-security.kubernetes.io/enforce: restricted asks for the strictest Pod Security Standard. After authentication and authorization the apiserver hands the pod to admission: first the mutating plugins, which may change it, then the validating ones, which may only refuse it (apiserver pkg/admission/chain.go).',
      open: 'kubectl',
      field: 'metadata.namespace',
      predict: 'apiserver-accepts',
    },
    {
      id: 'defaults',
      at: { event: 'apiserver.decode' },
      title: 'Defaults first',
      text: 'Decoding the request already fills in API defaults such as restartPolicy Always, dnsPolicy ClusterFirst and imagePullPolicy IfNotPresent (pkg/apis/core/v1/defaults.go). These are not admission plugins: every pod gets them.',
      open: 'kube-apiserver',
    },
    {
      id: 'service-account',
      at: { event: 'admission.verdict', match: { plugin: 'ServiceAccount', phase: 'mutating' } },
      title: 'ServiceAccount mutates',
      text: 'The ServiceAccount plugin sets serviceAccountName to default and adds a projected volume with a short-lived token, the cluster CA and the namespace, mounted at /var/run/secrets/kubernetes.io/serviceaccount (plugin/pkg/admission/serviceaccount/admission.go). Priority, the next plugin to change anything, sets priority to 0.',
      open: 'kube-apiserver',
    },
    {
      id: 'tolerations',
      at: { event: 'admission.verdict', match: { plugin: 'DefaultTolerationSeconds' } },
      title: 'DefaultTolerationSeconds mutates',
      text: 'DefaultTolerationSeconds adds NoExecute tolerations for node.kubernetes.io/not-ready and node.kubernetes.io/unreachable, each for 300 seconds (plugin/pkg/admission/defaulttolerationseconds/admission.go). That is how long the pod may stay bound to a node that stops answering before it is evicted.',
      open: 'kube-apiserver',
    },
    {
      id: 'validation',
      at: { event: 'apiserver.validation' },
      title: 'Validation, then validating admission',
      text: 'After the last mutating plugin the apiserver validates the pod, so the fields admission added are checked too (apiserver pkg/registry/rest/create.go, BeforeCreate). Then the validating plugins run in order and the first refusal ends the request.',
      open: 'kube-apiserver',
      predict: 'kubectl-output',
    },
    {
      id: 'pod-security',
      at: { event: 'admission.verdict', match: { plugin: 'PodSecurity', verdict: 'deny' } },
      title: 'PodSecurity refuses',
      text: 'PodSecurity checks the pod against the restricted standard and refuses it: the container must forbid privilege escalation, drop all capabilities, run as non-root and use a seccomp profile (kubernetes/pod-security-admission policy/). Each missing setting is named in the message.',
      open: 'kube-apiserver',
      field: 'spec.containers.0',
    },
    {
      id: 'refused',
      at: { event: 'kubectl.output' },
      title: 'Nothing is stored',
      text: 'The apiserver answered 403 Forbidden and wrote nothing to etcd, since a refusal in admission ends the request before storage (apiserver pkg/endpoints/handlers/create.go). No scheduler or kubelet ever sees this pod. Adding the settings the message lists gets it past admission, but runAsNonRoot is checked again by the kubelet against the image user: nginx runs as root, so it also needs a runAsUser it can run as (pkg/kubelet/kuberuntime/security_context_others.go).',
      open: 'kubectl',
    },
  ],
}
