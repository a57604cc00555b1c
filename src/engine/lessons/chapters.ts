/**
 * A short introduction to each chapter (stage) of a pod's birth: what that part of Kubernetes does,
 * why it exists, and, where popular explanations are out of date, how it was then and how it is now.
 * `source` names the upstream repository and path to read for the details.
 */
import type { StageId } from '../protocol/stages'

export interface ChapterIntro {
  /** What this part of Kubernetes does, in one or two sentences. */
  readonly what: string
  /** Why it exists. */
  readonly why: string
  /** An outdated explanation still often repeated, and what current Kubernetes does instead. */
  readonly thenVsNow?: { readonly then: string; readonly now: string }
  /** The upstream repository and path behind the claims. */
  readonly source: string
}

export const CHAPTER_INTROS: Readonly<Record<StageId, ChapterIntro>> = {
  kubectl: {
    what: 'kubectl reads your file, picks a cluster and credentials from the kubeconfig, and sends the objects to the apiserver as HTTP requests.',
    why: 'It is only a client: everything it does, any other program can do with the same REST calls.',
    thenVsNow: {
      then: 'kubectl validates your manifest against the schema before sending it.',
      now: 'kubectl parses the YAML and checks apiVersion and kind; the apiserver validates the fields, with fieldValidation=Strict by default since v1.27.',
    },
    source:
      'kubernetes/kubectl pkg/cmd/apply/apply.go; kubernetes/cli-runtime pkg/resource/query_param_verifier_v3.go',
  },
  authn: {
    what: 'Authentication works out who sent the request: each authenticator tries in turn, and the first to recognise the caller wins.',
    why: 'Kubernetes keeps no user database; it trusts certificates signed by its CA, tokens it can verify, or an external identity provider.',
    thenVsNow: {
      then: 'Users log in with a user name and password from a static file.',
      now: 'The static password file was removed in v1.19; clusters use client certificates, service account and OIDC tokens, or webhooks.',
    },
    source: 'kubernetes/apiserver pkg/authentication/request/union/union.go',
  },
  authz: {
    what: 'Authorization decides whether that user may do this verb on this resource in this namespace.',
    why: 'Knowing who someone is says nothing about what they may do; RBAC keeps those permissions as API objects.',
    thenVsNow: {
      then: 'Each authorizer can deny, and a request needs every one to approve.',
      now: 'The first Allow or Deny decides and NoOpinion passes to the next; RBAC only allows or has no opinion, and a request nobody allows is forbidden.',
    },
    source:
      'kubernetes/apiserver pkg/authorization/union/union.go; kubernetes/kubernetes plugin/pkg/auth/authorizer/rbac/rbac.go',
  },
  admission: {
    what: 'Admission plugins see the pod after authorization: mutating ones may change it, then the apiserver validates it, then validating ones may refuse it.',
    why: 'Cluster-wide rules belong in one place, whoever sends the pod: default service accounts, tolerations, limits, quotas, Pod Security.',
    thenVsNow: {
      then: 'Initializers let controllers finish an object before anyone could see it.',
      now: 'Initializers were removed in v1.14; mutating and validating webhooks, and ValidatingAdmissionPolicy, extend admission instead.',
    },
    source:
      'kubernetes/kubernetes pkg/kubeapiserver/options/plugins.go; kubernetes/apiserver pkg/admission/chain.go',
  },
  controllers: {
    what: 'kube-controller-manager watches Deployments, ReplicaSets and Pods; each controller compares what an object asks for with what exists and makes API calls to close the gap: the deployment controller makes a ReplicaSet for the template, the replicaset controller makes the pods.',
    why: 'A Deployment is only a wish in etcd. Nothing creates pods from it but these control loops, which run again whenever something they watch changes.',
    thenVsNow: {
      then: 'Controllers poll the apiserver every few seconds to see what changed.',
      now: 'Controllers keep watches open through shared informers and react within milliseconds; a work queue collapses bursts of changes into one sync per object, and expectations stop a replicaset controller from creating twice.',
    },
    source:
      'kubernetes/kubernetes pkg/controller/deployment/deployment_controller.go; pkg/controller/replicaset/replica_set.go',
  },
  storage: {
    what: 'The apiserver writes the pod to etcd and answers the client; every later change to the pod is another write.',
    why: "etcd is the cluster's single source of truth, and its revisions let every component watch for changes instead of polling.",
    thenVsNow: {
      then: 'etcd holds your YAML, and components read and write it directly.',
      now: 'Only the apiserver talks to etcd, storing objects as protobuf under keys such as /registry/pods/<namespace>/<name>.',
    },
    source:
      'kubernetes/apiserver pkg/storage/etcd3/store.go; kubernetes/kubernetes pkg/controlplane/apiserver/options/options.go (DefaultStorageMediaType)',
  },
  scheduling: {
    what: 'The scheduler picks a node for each pod with no spec.nodeName: filter plugins rule nodes out, score plugins rank the rest, and it binds the pod to the best.',
    why: 'Someone must weigh resources, taints, affinity and spreading across all nodes at once, and only the scheduler sees them all.',
    thenVsNow: {
      then: 'The scheduler runs predicates and priorities and writes nodeName into the pod.',
      now: 'It runs scheduling-framework plugins (the Policy API was removed in v1.23) and POSTs a Binding; the apiserver sets nodeName.',
    },
    source:
      'kubernetes/kubernetes pkg/scheduler/schedule_one.go; pkg/scheduler/apis/config/v1/default_plugins.go',
  },
  kubelet: {
    what: 'The kubelet on the chosen node takes the pod, admits it if it fits, and starts working through what the pod needs.',
    why: 'Each node runs its own agent, so the control plane never has to log in to machines to start containers.',
    thenVsNow: {
      then: 'The kubelet polls the apiserver every 20 seconds for new pods.',
      now: 'It watches pods with fieldSelector spec.nodeName=<node> and reacts at once; the 20-second interval is for static pod files and URLs.',
    },
    source: 'kubernetes/kubernetes pkg/kubelet/config/apiserver.go',
  },
  sandbox: {
    what: 'The container runtime creates the pod sandbox: network namespace, CNI networking, and the pause container that holds it open.',
    why: 'All containers of a pod share one network namespace and IP, so it must exist before any of them starts.',
    thenVsNow: {
      then: 'The kubelet sets up pod networking itself, or Docker does.',
      now: 'The kubelet asks containerd or CRI-O over CRI to RunPodSandbox, and the runtime runs the CNI plugins; kubenet went with dockershim.',
    },
    source: 'containerd/containerd internal/cri/server/sandbox_run.go; containernetworking/cni SPEC.md',
  },
  containers: {
    what: 'For each container the kubelet makes sure the image is present, then asks the runtime over CRI to create and start it in the sandbox.',
    why: 'The kubelet decides what should run and when; the runtime does the Linux work of namespaces, cgroups and processes.',
    thenVsNow: {
      then: 'Docker runs the containers.',
      now: 'dockershim was removed in v1.24; the kubelet speaks CRI over gRPC to containerd or CRI-O.',
    },
    source:
      'kubernetes/kubernetes pkg/kubelet/kuberuntime/kuberuntime_container.go; kubernetes/cri-api pkg/apis/runtime/v1/api.proto',
  },
  status: {
    what: 'The kubelet reports what it sees back to the apiserver: phase, conditions, container states, restarts and the pod IP.',
    why: "kubectl get and every controller read the pod's status from the apiserver, never from the node.",
    thenVsNow: {
      then: "CrashLoopBackOff is one of the pod's phases.",
      now: "It is a container's waiting reason; the phase stays Running, and the STATUS column of kubectl get is a summary the server prints.",
    },
    source:
      'kubernetes/kubernetes pkg/kubelet/kubelet_pods.go (getPhase); pkg/kubelet/status/status_manager.go',
  },
}
