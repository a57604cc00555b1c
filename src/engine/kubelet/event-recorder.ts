/**
 * The kubelet's event recorder: a Kubernetes Event about the pod, shown in kubectl describe and
 * stored in the world's events.
 * Upstream: pkg/kubelet/events, client-go tools/record
 */
import type { StepWriter } from '../protocol/step'
import type { KubeEvent } from '../protocol/events'
import type { Pod } from '../model/objects'

export function recordEvent(
  w: StepWriter,
  node: string,
  pod: Pod,
  type: KubeEvent['type'],
  reason: string,
  message: string,
  narration: string,
  stage: 'containers' | 'kubelet' | 'sandbox' | 'status' = 'containers',
): void {
  const event: KubeEvent = {
    type,
    reason,
    message,
    source: 'kubelet',
    host: node,
    object: `Pod/${pod.metadata.name ?? ''}`,
  }
  w.emit(
    {
      kind: 'k8s.event',
      component: 'kubelet',
      from: 'kubelet',
      to: 'kube-apiserver',
      stage,
      summary: `${type} ${reason}: ${message}`,
      narration,
      payload: event,
    },
    { ...w.world, events: w.world.events.append(event) },
  )
}
