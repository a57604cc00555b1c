/**
 * What the kubelet does with containerd's answer to each CRI call: the next call of the same step
 * (RunPodSandbox then PodSandboxStatus, CreateContainer then StartContainer), or the sync loop's next
 * move.
 * Upstream: pkg/kubelet/kuberuntime/kuberuntime_manager.go (SyncPod), kuberuntime_sandbox.go,
 * kuberuntime_container.go
 */
import type { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import type { CriReply } from '../protocol/cri'
import { podDisplayStatus } from '../model/pod-display-status'
import { findContainer } from './status'
import { MSG_PRE_STOP_FAILED, REASON_FAILED_PRE_STOP_HOOK } from './prestop'
import * as M from './kubelet-messages'
import { setWs, ws } from './worker-state'
import { cri } from './cri-client'
import { recordEvent } from './event-recorder'
import { sendStatus } from './status-manager'
import { schedulePleg } from './pleg'
import { onImageStatus, onPulled } from './image-manager'
import { onImageUser, onStarted } from './container-start'
import type { SyncLoop } from './sync-loop'

/** The pod worker's retry after a failed sync (kubelet.go backOffPeriod). */
const SYNC_RETRY_MS = 10_000

/** containerd answered a CRI call (or failed it). */
export function onReply(w: StepWriter, ctx: SimContext, node: string, reply: CriReply, loop: SyncLoop): void {
  const pod = w.pod ?? reply.pod
  const found = reply.container ? findContainer(pod, reply.container) : undefined
  switch (reply.call) {
    case 'RunPodSandbox':
      if (reply.error) {
        recordEvent(
          w,
          node,
          pod,
          'Warning',
          M.EVENT.FailedCreatePodSandBox,
          M.MSG_FAILED_SANDBOX(reply.error),
          'The runtime could not create the pod sandbox (here: CNI could not give the pod an address). The pod stays ContainerCreating and the kubelet retries.',
          'sandbox',
        )
        setWs(w, { busy: false })
        w.send(SYNC_RETRY_MS, { to: 'kubelet', type: 'sync', node, pod, reason: 'retry sandbox creation' })
        return
      }
      cri(w, 1, node, {
        call: 'PodSandboxStatus',
        pod,
        request: { pod_sandbox_id: (reply.response as { pod_sandbox_id?: string }).pod_sandbox_id ?? '' },
      })
      return
    case 'PodSandboxStatus':
      loop.planAndStart(w, ctx, node, pod)
      return
    case 'ImageStatus':
      // The same call serves EnsureImageExists and, under runAsNonRoot, generateContainerConfig's getImageUser.
      if (reply.container !== undefined && ws(w).imageUserOf === reply.container)
        return onImageUser(w, ctx, node, pod, found!.c, reply.response, loop)
      onImageStatus(w, ctx, node, pod, found!.c, (reply.response as { image?: unknown }).image != null, loop)
      return
    case 'PullImage':
      onPulled(w, ctx, node, pod, found!.c, reply.error, loop)
      return
    case 'CreateContainer':
      recordEvent(
        w,
        node,
        pod,
        'Normal',
        M.EVENT.Created,
        M.MSG_CREATED(found!.c.name),
        `Container ${found!.c.name} is created, not yet running.`,
      )
      cri(w, 1, node, {
        call: 'StartContainer',
        pod,
        container: found!.c.name,
        request: { container_id: (reply.response as { container_id?: string }).container_id ?? '' },
      })
      return
    case 'StartContainer':
      onStarted(w, ctx, node, pod, found!.c, reply, loop)
      return
    case 'StopContainer':
      if (reply.container && ws(w).preStopCutOff?.includes(reply.container)) {
        // The exec hook was still running; it died with the container, so its ExecSync failed.
        setWs(w, { preStopCutOff: ws(w).preStopCutOff!.filter((n) => n !== reply.container) })
        recordEvent(
          w,
          node,
          pod,
          'Warning',
          REASON_FAILED_PRE_STOP_HOOK,
          MSG_PRE_STOP_FAILED,
          `${reply.container}'s preStop hook was still running when the container stopped; the exec died with it, so the hook failed.`,
        )
      }
      loop.startNext(w, ctx, node)
      schedulePleg(w, ctx, node, 'PLEG ContainerDied')
      return
    case 'StopPodSandbox':
      setWs(w, { busy: false })
      sendStatus(
        w,
        ctx,
        node,
        (s, p) =>
          `The sandbox is stopped and its network torn down, so PodReadyToStartContainers turns False. status.podIP keeps ${s.podIP ?? 'its address'} (the kubelet copies the IPs of the last status, as the runtime no longer reports one), even though host-local may hand it to another pod. The pod stays ${podDisplayStatus({ ...p, status: s })} for good: its containers are never started again.`,
        'status',
      )
      return
    default:
      reply.call satisfies never
  }
}
