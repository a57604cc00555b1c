/** The default nginx pod, end to end: kubectl, the apiserver's chains, etcd, the scheduler, the node. */
import type { Lesson } from './types'

export const BIRTH_OF_A_POD: Lesson = {
  id: 'birth-of-a-pod',
  title: 'The birth of a pod',
  summary:
    'Follow one nginx pod from kubectl apply through the apiserver, etcd, the scheduler and the node until it runs.',
  scenario: { scenarioId: 'default' },
  stops: [
    {
      id: 'kubectl-reads',
      at: { event: 'kubectl.parse' },
      title: 'kubectl reads the file',
      text: 'kubectl turns the YAML into JSON and checks little more than apiVersion and kind; whether the fields make sense is for the apiserver to decide (kubectl pkg/cmd/apply/apply.go sends fieldValidation=Strict). It then reads the kubeconfig to learn which server to call and which client certificate to present. Because the verb is apply, it first asks whether the pod exists and creates it only after a 404.',
      open: 'kubectl',
      predict: 'kubectl-output',
    },
    {
      id: 'who-is-asking',
      at: { event: 'authn.verdict', nth: 2 },
      title: 'Authentication: who is asking?',
      text: 'The apiserver tries its authenticators in turn and the first that recognises the caller wins (apiserver pkg/authentication/request/union/union.go). The x509 authenticator reads the client certificate: its CN becomes the user name and each O a group.',
      open: 'kube-apiserver',
    },
    {
      id: 'may-they',
      at: { event: 'authz.verdict', nth: 2 },
      title: 'Authorization: may they create pods?',
      text: 'kubeadm runs the Node and RBAC authorizers, in that order; the first Allow or Deny decides and NoOpinion passes the question on (apiserver pkg/authorization/union/union.go). Node has no opinion about a user that is not a node, and RBAC allows kubernetes-admin through a ClusterRoleBinding to cluster-admin.',
      open: 'kube-apiserver',
    },
    {
      id: 'admission-changes-it',
      at: { event: 'admission.verdict', match: { plugin: 'ServiceAccount', phase: 'mutating' } },
      title: 'Admission changes the pod',
      text: 'Admission plugins run in a fixed order: mutating ones may change the pod, then validating ones may refuse it (apiserver pkg/admission/chain.go, order in pkg/kubeapiserver/options/plugins.go). ServiceAccount sets serviceAccountName to default and mounts a projected token volume, so the stored pod holds fields you never wrote.',
      open: 'kube-apiserver',
    },
    {
      id: 'stored',
      at: { event: 'etcd.put', match: { what: 'create' } },
      title: 'Stored in etcd',
      text: 'The apiserver writes the pod under /registry/pods/default/nginx, as protobuf (pkg/controlplane/apiserver/options/options.go sets the default storage media type), and answers 201 Created. Only the apiserver talks to etcd. The pod exists now, but spec.nodeName is empty and the phase is Pending.',
      open: 'etcd',
      predict: 'scheduler-node',
    },
    {
      id: 'scheduled',
      at: { event: 'scheduler.cycle' },
      title: 'The scheduler picks a node',
      text: 'The scheduler heard of the pod through its watch. It filters the nodes, scores those that fit with its plugins and takes the highest total, breaking ties at random (pkg/scheduler/schedule_one.go). It then POSTs a Binding to pods/nginx/binding; it never writes spec.nodeName itself.',
      open: 'kube-scheduler',
      field: 'spec.containers.0.resources.requests.cpu',
    },
    {
      id: 'kubelet-hears',
      at: { event: 'watch.event', match: { watcher: 'kubelet' } },
      title: 'The kubelet hears at once',
      text: "The node's kubelet watches pods whose spec.nodeName is its own name, so the binding reaches it immediately (pkg/kubelet/config/apiserver.go). The often-quoted 20-second polling is the check interval for static pod files and URLs, not for the apiserver.",
      open: 'kubelet',
    },
    {
      id: 'network',
      at: { event: 'cni.add' },
      title: 'A sandbox and its network',
      text: "The kubelet asks containerd over CRI to RunPodSandbox; containerd creates a network namespace and runs the CNI plugins for it (containerd internal/cri/server/sandbox_run.go). The bridge plugin plugs a veth pair into cni0 and host-local IPAM picks an address from the node's podCIDR.",
      open: 'cni',
    },
    {
      id: 'started',
      at: { event: 'k8s.event', match: { reason: 'Started' } },
      title: 'The container starts',
      text: "The kubelet makes sure the image is present, pulling it if needed, then has containerd create the container inside the sandbox and start it, recording an Event at each step (pkg/kubelet/kuberuntime/kuberuntime_container.go). The container joins the sandbox's network namespace, so it shares the pod's IP.",
      open: 'containerd',
    },
    {
      id: 'running',
      at: 'end',
      title: 'Running',
      text: "The PLEG relist notices the running container and the status manager PATCHes the pod's status: phase Running, conditions True, the pod IP (pkg/kubelet/pleg/generic.go, pkg/kubelet/status/status_manager.go). That write goes through the apiserver to etcd like every other.",
      open: 'kubelet',
    },
  ],
}
