/** The components a pod's birth passes through; each is one node of the app's graph. */
export const COMPONENT_IDS = [
  'kubectl',
  'kube-apiserver',
  'etcd',
  'kube-controller-manager',
  'kube-scheduler',
  'kubelet',
  'containerd',
  'cni',
  'registry',
] as const

export type ComponentId = (typeof COMPONENT_IDS)[number]

/** The label a real operator would use for each component. */
export const COMPONENT_LABELS: Readonly<Record<ComponentId, string>> = {
  kubectl: 'kubectl',
  'kube-apiserver': 'kube-apiserver',
  etcd: 'etcd',
  'kube-controller-manager': 'kube-controller-manager',
  'kube-scheduler': 'kube-scheduler',
  kubelet: 'kubelet',
  containerd: 'containerd (CRI)',
  cni: 'CNI',
  registry: 'image registry',
}
