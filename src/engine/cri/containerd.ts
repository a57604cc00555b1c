/**
 * containerd's CRI plugin as a component: it answers the kubelet's gRPC calls.
 * RunPodSandbox creates the network namespace and runs CNI ADD before it
 * starts the pause container; images come from the registry.
 * StopPodSandbox stops what still runs in the sandbox, then the pause
 * container, then runs CNI DEL and removes the network namespace.
 * Upstream: containerd internal/cri/server (sandbox_run.go, sandbox_stop.go,
 * image_pull.go, container_create.go, container_start.go)
 *
 * This file holds the dispatcher; the calls are in sandbox-calls.ts,
 * image-calls.ts and container-calls.ts, with cri-server.ts (the cri.call
 * event and the reply) and runtime-state.ts (the node's runtime state) shared.
 */
import type { Step } from '../protocol/step'
import { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import type { World, NodeRuntime } from '../protocol/world'
import type { Message } from '../protocol/messages'
import type { CriMessage } from '../protocol/cri'
import {
  networkTornDown,
  podSandboxStatus,
  runPodSandbox,
  sandboxFailed,
  sandboxReady,
  stopPodSandbox,
} from './sandbox-calls'
import { imageStatus, pullFailed, pullImage, pulled } from './image-calls'
import { createContainer, exited, startContainer, stopContainer, stopped } from './container-calls'

export { REASON_COMPLETED, REASON_ERROR, REASON_OOM_KILLED, REASON_START_ERROR } from './exit-reasons'

type ContainerdMessage = Extract<Message, { to: 'containerd' }>

export function containerdStep(world: World, msg: ContainerdMessage, ctx: SimContext): Step {
  const w = new StepWriter(world, ctx.about)
  const node = world.nodes[msg.node]
  if (!node) throw new Error(`containerd on unknown node ${msg.node}`)
  switch (msg.type) {
    case 'cri':
      handleCall(w, ctx, msg.node, node, msg.call)
      break
    case 'cni-result':
      sandboxReady(w, msg.node, msg.call, msg.ip)
      break
    case 'pulled':
      pulled(w, msg.node, msg.call)
      break
    case 'pull-failed':
      pullFailed(w, msg.node, msg.call, msg.error)
      break
    case 'cni-failed':
      sandboxFailed(w, msg.node, msg.call, msg.sandboxId, msg.error)
      break
    case 'exit':
      exited(w, ctx, msg.node, msg.containerId, msg.exitCode, msg.reason)
      break
    case 'stopped':
      stopped(w, ctx, msg.node, msg.call, msg.containerId, msg.exitCode)
      break
    case 'cni-deleted':
      networkTornDown(w, msg.node, msg.call, msg.sandboxId)
      break
    default:
      msg satisfies never
  }
  return w.done()
}

function handleCall(
  w: StepWriter,
  ctx: SimContext,
  nodeName: string,
  node: NodeRuntime,
  call: CriMessage,
): void {
  const podKey = `${call.pod.metadata.namespace ?? 'default'}/${call.pod.metadata.name ?? ''}`
  switch (call.call) {
    case 'RunPodSandbox':
      runPodSandbox(w, nodeName, node, call, podKey)
      return
    case 'PodSandboxStatus':
      podSandboxStatus(w, nodeName, node, call, podKey)
      return
    case 'ImageStatus':
      imageStatus(w, ctx, nodeName, node, call)
      return
    case 'PullImage':
      pullImage(w, nodeName, call)
      return
    case 'CreateContainer':
      createContainer(w, nodeName, node, call, podKey)
      return
    case 'StartContainer':
      startContainer(w, ctx, nodeName, node, call)
      return
    case 'StopContainer':
      stopContainer(w, nodeName, node, call)
      return
    case 'StopPodSandbox':
      stopPodSandbox(w, ctx, nodeName, node, call, podKey)
      return
    default:
      call.call satisfies never
  }
}
