/**
 * containerd's side of a CRI call: the cri.call event that shows the request and response, and the
 * reply the kubelet receives after the call's latency.
 * Upstream: containerd internal/cri/server (the CRI gRPC service), k8s.io/cri-api runtime/v1
 */
import type { StepWriter } from '../protocol/step'
import type { World } from '../protocol/world'
import type { Json } from '../protocol/events'
import type { CriMessage } from '../protocol/cri'

/** Virtual ms between these calls and their reply to the kubelet. */
export const CALL_MS: Readonly<Record<string, number>> = {
  PodSandboxStatus: 1,
  ImageStatus: 1,
  CreateContainer: 45,
  StartContainer: 60,
}

/** The cri.call event: the request as the kubelet sent it and containerd's response. */
export function emitCall(
  w: StepWriter,
  nodeName: string,
  call: CriMessage,
  response: Json,
  narration: string,
  world?: World,
): void {
  const container = call.container
  w.emit(
    {
      kind: 'cri.call',
      component: 'containerd',
      from: 'kubelet',
      to: 'containerd',
      stage: call.call === 'RunPodSandbox' || call.call === 'PodSandboxStatus' ? 'sandbox' : 'containers',
      summary: `${call.call}${container ? ` (${container})` : ''}`,
      narration,
      payload: { node: nodeName, call: call.call, request: call.request, response },
    },
    world,
  )
}

/** The call's answer, delivered to the kubelet `delay` virtual ms later. */
export function reply(w: StepWriter, delay: number, node: string, call: CriMessage, response: Json): void {
  w.send(delay, {
    to: 'kubelet',
    type: 'cri-reply',
    node,
    reply: {
      call: call.call,
      pod: call.pod,
      ...(call.container !== undefined ? { container: call.container } : {}),
      response,
    },
  })
}
