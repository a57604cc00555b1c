/** A pod too big for any node: the scheduler's filters, its FailedScheduling message and preemption's verdict. */
import type { Lesson } from './types'

export const WHY_PENDING: Lesson = {
  id: 'why-pending',
  title: 'Why is my pod Pending?',
  summary:
    "A pod that asks for 6 CPUs is stored without complaint and then fails every node's filters, one plugin at a time.",
  scenario: { scenarioId: 'insufficient-cpu' },
  stops: [
    {
      id: 'asks-for-six',
      at: { event: 'http.request', match: { from: 'kubectl', method: 'POST' } },
      title: 'A pod that asks for 6 CPUs',
      text: "The pod requests 6 CPUs, while worker-1 offers 4 allocatable CPUs and worker-2 offers 2 (each node's status.allocatable). A request is what the scheduler sets aside for the pod, whatever it later uses (pkg/scheduler/framework/plugins/noderesources/fit.go).",
      open: 'kubectl',
      field: 'spec.containers.0.resources.requests.cpu',
      predict: 'apiserver-accepts',
    },
    {
      id: 'scheduler-hears',
      at: { event: 'watch.event', match: { watcher: 'kube-scheduler' } },
      title: 'The scheduler hears of it',
      text: 'The pod is stored with no node, and the scheduler learns of it through its watch on unscheduled pods. Its cycle runs the filter plugins against every node, and a node must pass all of them (pkg/scheduler/framework/runtime/framework.go).',
      open: 'kube-scheduler',
      predict: 'scheduler-node',
    },
    {
      id: 'resources-fit',
      at: { event: 'scheduler.cycle', match: { plugin: 'NodeResourcesFit' } },
      title: 'NodeResourcesFit: Insufficient cpu',
      text: "NodeResourcesFit adds the pod's requests to those of the pods already on a node and compares the sum with the node's allocatable (pkg/scheduler/framework/plugins/noderesources/fit.go). worker-1 already runs a pod requesting 2 CPUs and worker-2 one requesting 500m, so both answer Insufficient cpu.",
      open: 'kube-scheduler',
      field: 'spec.containers.0.resources.requests.cpu',
    },
    {
      id: 'taint',
      at: { event: 'scheduler.cycle', match: { plugin: 'TaintToleration' } },
      title: 'TaintToleration: the control-plane node',
      text: 'The control-plane node fails earlier: kubeadm taints it node-role.kubernetes.io/control-plane:NoSchedule and the pod has no matching toleration. TaintToleration runs before NodeResourcesFit and rejects the node as UnschedulableAndUnresolvable, a failure no eviction can fix (pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go).',
      open: 'kube-scheduler',
    },
    {
      id: 'preemption',
      at: { event: 'scheduler.cycle', match: { plugin: 'DefaultPreemption' } },
      title: "Preemption's verdict",
      text: "With no feasible node, the PostFilter plugins run. DefaultPreemption only tries nodes whose failure an eviction could cure. The control-plane's taint cannot be cured, and 6 CPUs are more than each worker's allocatable itself (4 and 2), which NodeResourcesFit reports as UnschedulableAndUnresolvable since v1.34: even an empty worker would be too small. So preemption is not helpful on any node, whatever the priorities (pkg/scheduler/framework/plugins/noderesources/fit.go, defaultpreemption/default_preemption.go).",
      open: 'kube-scheduler',
    },
    {
      id: 'failed-scheduling',
      at: { event: 'k8s.event', match: { reason: 'FailedScheduling' } },
      title: 'The FailedScheduling message',
      text: 'The scheduler records a FailedScheduling Event that sums up every node: a count per reason, sorted as text, then what the PostFilter plugins said (pkg/scheduler/framework/types.go, FitError). This is what kubectl describe pod shows under Events, and the first thing to read when a pod is Pending.',
      open: 'kube-scheduler',
    },
    {
      id: 'pod-scheduled-false',
      at: { event: 'http.request', match: { from: 'kube-scheduler', method: 'PATCH' } },
      title: 'PodScheduled=False',
      text: "The scheduler also PATCHes the pod's status: condition PodScheduled=False, reason Unschedulable, with the same message (pkg/scheduler/schedule_one.go). The phase stays Pending, and no kubelet ever hears of the pod.",
      open: 'kube-scheduler',
    },
    {
      id: 'retry',
      at: { event: 'scheduler.cycle', nth: 2 },
      title: 'Retried, and Pending again',
      text: 'The pod waits in the unschedulable queue; a cluster event such as a node joining or a pod being deleted brings it back sooner, and without one it is retried after 5 minutes (pkg/scheduler/backend/queue/scheduling_queue.go). Nothing has changed, so it fails the same way. Lower the request or add a node with room.',
      open: 'kube-scheduler',
    },
  ],
}
