/**
 * The kubelet's side of CRI: each runtime call is a message to containerd, answered later by a
 * cri-reply (cri-replies.ts).
 * Upstream: pkg/kubelet/kuberuntime (the runtime service client), cri-api runtime/v1
 */
import type { StepWriter } from '../protocol/step'
import type { Pod } from '../model/objects'
import type { CriMessage } from '../protocol/cri'
import { podKeyOf } from './status'

export function cri(w: StepWriter, delay: number, node: string, call: CriMessage): void {
  w.send(delay, { to: 'containerd', type: 'cri', node, call })
}

/** The pod's ready sandbox, as the runtime reports it. */
export function sandboxOf(w: StepWriter, node: string, pod: Pod) {
  const key = podKeyOf(pod)
  return w.world.nodes[node]?.sandboxes.find((s) => s.pod === key && s.state === 'SANDBOX_READY')
}
