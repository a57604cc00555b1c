/** A simple glyph per component kind, so shapes read from the back of a room. */
import type { ComponentId } from '../../engine/index'

const GLYPHS: Readonly<Record<ComponentId, string>> = {
  kubectl: '>_',
  'kube-apiserver': 'API',
  etcd: 'KV',
  'kube-controller-manager': '⟳',
  'kube-scheduler': '⇄',
  kubelet: 'K',
  containerd: 'CRI',
  cni: 'NET',
  registry: 'IMG',
}

export function ComponentIcon({ id }: { id: ComponentId }) {
  return (
    <div className={`component-icon icon-${id}`} aria-hidden="true">
      {GLYPHS[id]}
    </div>
  )
}
