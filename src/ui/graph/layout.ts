/**
 * Where each component sits: the control plane on top, the chosen node's
 * kubelet, runtime and network below, outside services on the right. The
 * graph is small and fixed, so positions are data rather than a layout pass.
 */
import type { ComponentId } from '../../engine/index'

export const POSITIONS: Readonly<Record<ComponentId, { x: number; y: number }>> = {
  kubectl: { x: 0, y: 0 },
  'kube-apiserver': { x: 270, y: 0 },
  etcd: { x: 540, y: 0 },
  'kube-scheduler': { x: 540, y: 150 },
  kubelet: { x: 270, y: 300 },
  containerd: { x: 540, y: 300 },
  registry: { x: 270, y: 450 },
  cni: { x: 540, y: 450 },
}

type Side = 'top' | 'right' | 'bottom' | 'left'

/** The wires between components, with the sides they leave and enter by. */
export const LINKS: readonly { source: ComponentId; target: ComponentId; from: Side; to: Side }[] = [
  { source: 'kubectl', target: 'kube-apiserver', from: 'right', to: 'left' },
  { source: 'kube-apiserver', target: 'etcd', from: 'right', to: 'left' },
  { source: 'kube-apiserver', target: 'kube-scheduler', from: 'bottom', to: 'left' },
  { source: 'kube-apiserver', target: 'kubelet', from: 'bottom', to: 'top' },
  { source: 'kubelet', target: 'containerd', from: 'right', to: 'left' },
  { source: 'containerd', target: 'cni', from: 'bottom', to: 'top' },
  { source: 'containerd', target: 'registry', from: 'bottom', to: 'right' },
]
