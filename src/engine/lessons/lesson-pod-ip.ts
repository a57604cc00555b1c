/** Where the pod's address comes from: the node's podCIDR, the sandbox, the bridge, host-local IPAM. */
import type { Lesson } from './types'

export const POD_IP: Lesson = {
  id: 'pod-ip',
  title: 'How a pod gets its IP',
  summary:
    "The pod's address is handed out on its node, inside the sandbox, by the CNI bridge and host-local IPAM plugins that containerd runs.",
  scenario: { scenarioId: 'default' },
  stops: [
    {
      id: 'slices',
      at: 'start',
      title: 'Each node has a slice',
      text: "Each of the three nodes has its own spec.podCIDR, a slice of the cluster's pod network that kube-controller-manager's node IPAM controller assigned (pkg/controller/nodeipam). The node the pod lands on decides which slice its address comes from.",
      predict: 'scheduler-node',
    },
    {
      id: 'bound',
      at: { event: 'scheduler.cycle' },
      title: 'A node, but no address yet',
      text: 'The scheduler has chosen a node, and still nothing has an IP. Addresses are given out on the node when the pod sandbox is created, not by the scheduler or the apiserver (pkg/kubelet/kuberuntime/kuberuntime_sandbox.go).',
      open: 'kube-scheduler',
      predict: 'pod-ip-range',
    },
    {
      id: 'sandbox',
      at: { event: 'cri.call', match: { callName: 'RunPodSandbox' } },
      title: 'RunPodSandbox',
      text: 'The kubelet asks containerd over CRI to RunPodSandbox. containerd creates a fresh network namespace for the pod and runs the CNI plugins configured in /etc/cni/net.d for it (containerd internal/cri/server/sandbox_run.go). The kubelet itself never calls CNI.',
      open: 'containerd',
    },
    {
      id: 'veth',
      at: { event: 'cni.add' },
      title: 'The bridge and a veth pair',
      text: "The bridge plugin makes sure the cni0 bridge exists, creates a veth pair, moves one end into the pod's namespace as eth0 and attaches the other to cni0 (containernetworking/plugins plugins/main/bridge). Every pod on the node hangs off the same bridge.",
      open: 'cni',
    },
    {
      id: 'ipam',
      at: { event: 'cni.add' },
      title: 'host-local IPAM and the route',
      text: "The bridge plugin asks host-local IPAM for an address: it takes the next free one in the node's range, never the gateway .1 that belongs to cni0, and records it under /var/lib/cni/networks (containernetworking/plugins plugins/ipam/host-local). It also returns the default route, 0.0.0.0/0 through that gateway.",
      open: 'cni',
    },
    {
      id: 'pause',
      at: { event: 'cri.call', match: { callName: 'PodSandboxStatus' } },
      title: 'The pause container holds it',
      text: 'containerd starts the pause container, whose only job is to keep the namespaces alive, and the kubelet reads the IP back with PodSandboxStatus (pkg/kubelet/kuberuntime/kuberuntime_sandbox.go). Containers created later join this namespace and share its eth0.',
      open: 'kubelet',
    },
    {
      id: 'reported',
      at: 'end',
      title: 'status.podIP',
      text: 'The status manager writes the address into status.podIP, which kubectl get pod -o wide shows (pkg/kubelet/status/status_manager.go). In a flannel cluster the flannel CNI plugin hands the same work to the bridge and host-local plugins, and traffic to other nodes travels over VXLAN, its default backend (flannel-io/flannel Documentation/configuration.md).',
      open: 'kubelet',
    },
  ],
}
