/**
 * containerd's pod sandbox calls: RunPodSandbox creates the network namespace and runs CNI ADD
 * before it starts the pause container; StopPodSandbox stops what still runs in the sandbox, then
 * the pause container, then runs CNI DEL and removes the network namespace.
 * Upstream: containerd internal/cri/server (sandbox_run.go, sandbox_status.go, sandbox_stop.go)
 */
import type { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import { timestamp } from '../protocol/context'
import type { NodeRuntime } from '../protocol/world'
import type { CriMessage } from '../protocol/cri'
import { randomHex } from '../model/uuid'
import { PAUSE_IMAGE } from './constants'
import { setNode } from './runtime-state'
import { CALL_MS, emitCall, reply } from './cri-server'
import { REASON_ERROR } from './exit-reasons'

/** RunPodSandbox: a new network namespace and a NOTREADY sandbox, then CNI ADD before the pause container. */
export function runPodSandbox(
  w: StepWriter,
  nodeName: string,
  node: NodeRuntime,
  call: CriMessage,
  podKey: string,
): void {
  const [id, r1] = randomHex(w.world.rng, 64)
  const [nsHex, r2] = randomHex(r1, 32)
  const netns = `/var/run/netns/cni-${nsHex.slice(0, 8)}-${nsHex.slice(8, 12)}-${nsHex.slice(12, 16)}-${nsHex.slice(16, 20)}-${nsHex.slice(20)}`
  const sandbox = { id, pod: podKey, ip: null, netns, state: 'SANDBOX_NOTREADY' as const }
  const world = { ...setNode(w, nodeName, { ...node, sandboxes: [...node.sandboxes, sandbox] }), rng: r2 }
  emitCall(
    w,
    nodeName,
    call,
    { pod_sandbox_id: id },
    `The kubelet asks containerd over CRI (gRPC) to RunPodSandbox. containerd creates a new network namespace (${netns}); the pod's IPC and UTS namespaces come with the pause container it will start.`,
    world,
  )
  w.send(5, { to: 'cni', type: 'add', node: nodeName, call, sandboxId: id, netns })
}

/** PodSandboxStatus: the sandbox's id, state and IP, read back by the kubelet after RunPodSandbox. */
export function podSandboxStatus(
  w: StepWriter,
  nodeName: string,
  node: NodeRuntime,
  call: CriMessage,
  podKey: string,
): void {
  const sb = node.sandboxes.find((s) => s.pod === podKey)
  const response = {
    status: { id: sb?.id ?? '', state: sb?.state ?? 'SANDBOX_NOTREADY', network: { ip: sb?.ip ?? '' } },
  }
  emitCall(
    w,
    nodeName,
    call,
    response,
    `The kubelet reads the sandbox status back; it learns the pod IP ${sb?.ip ?? ''} from it.`,
  )
  reply(w, CALL_MS['PodSandboxStatus']!, nodeName, call, response)
}

/** CNI ADD gave the pod its address: the sandbox is ready, the pause container starts, RunPodSandbox answers. */
export function sandboxReady(w: StepWriter, nodeName: string, call: CriMessage, ip: string): void {
  const node = w.world.nodes[nodeName]!
  const podKey = `${call.pod.metadata.namespace ?? 'default'}/${call.pod.metadata.name ?? ''}`
  const sandboxes = node.sandboxes.map((s) =>
    s.pod === podKey ? { ...s, ip, state: 'SANDBOX_READY' as const } : s,
  )
  const sb = sandboxes.find((s) => s.pod === podKey)!
  const shareProcess = call.pod.spec['shareProcessNamespace'] === true
  w.emit(
    {
      kind: 'runtime.step',
      component: 'containerd',
      stage: 'sandbox',
      summary: `pause container started (${PAUSE_IMAGE})`,
      narration: `With the network ready, containerd starts the pause container (${PAUSE_IMAGE}). It does nothing but hold the pod's namespaces open: network (with eth0 = ${ip}), IPC and UTS${shareProcess ? ', and a PID namespace shared by all containers (shareProcessNamespace)' : ''}.`,
      payload: {
        node: nodeName,
        action: 'start pause container',
        detail: { sandboxId: sb.id, image: PAUSE_IMAGE, ip, netns: sb.netns },
      },
    },
    setNode(w, nodeName, { ...node, sandboxes }),
  )
  reply(w, 80, nodeName, call, { pod_sandbox_id: sb.id })
}

/** CNI ADD failed: RunPodSandbox fails with containerd's "failed to setup network" error. */
export function sandboxFailed(
  w: StepWriter,
  nodeName: string,
  call: CriMessage,
  id: string,
  error: string,
): void {
  const node = w.world.nodes[nodeName]!
  // containerd removes the half-made sandbox (and its network namespace) when setup fails.
  w.update(setNode(w, nodeName, { ...node, sandboxes: node.sandboxes.filter((s) => s.id !== id) }))
  const message = `rpc error: code = Unknown desc = failed to setup network for sandbox "${id}": ${error}`
  w.send(1, {
    to: 'kubelet',
    type: 'cri-reply',
    node: nodeName,
    reply: { call: 'RunPodSandbox', pod: call.pod, response: {}, error: message },
  })
}

/** How long the pause container takes to die of SIGKILL before containerd tears the network down. */
const PAUSE_STOP_MS = 10

/**
 * StopPodSandbox (internal/cri/server/sandbox_stop.go stopPodSandbox): containers still running in the
 * sandbox are stopped forcibly (timeout 0: SIGKILL, exit 137), then the pause container, then
 * teardownPodNetwork runs CNI DEL. The call is idempotent: a sandbox already stopped (or unknown) answers at once.
 */
export function stopPodSandbox(
  w: StepWriter,
  ctx: SimContext,
  nodeName: string,
  node: NodeRuntime,
  call: CriMessage,
  podKey: string,
): void {
  const id = String((call.request as { pod_sandbox_id?: string }).pod_sandbox_id ?? '')
  const sb = node.sandboxes.find((s) => s.id === id) ?? node.sandboxes.find((s) => s.pod === podKey)
  if (!sb || sb.state !== 'SANDBOX_READY') {
    emitCall(
      w,
      nodeName,
      call,
      {},
      'The sandbox is already stopped; StopPodSandbox is idempotent and returns at once.',
    )
    reply(w, 1, nodeName, call, {})
    return
  }
  const killed = node.containers.filter((x) => x.pod === podKey && x.state === 'CONTAINER_RUNNING')
  const world = setNode(w, nodeName, {
    ...node,
    containers: node.containers.map((x) =>
      x.pod === podKey && x.state === 'CONTAINER_RUNNING'
        ? {
            ...x,
            state: 'CONTAINER_EXITED' as const,
            exitCode: 137,
            reason: REASON_ERROR,
            finishedAt: timestamp(ctx),
            finishedAtMs: ctx.at,
          }
        : x,
    ),
    sandboxes: node.sandboxes.map((s) => (s.id === sb.id ? { ...s, state: 'SANDBOX_NOTREADY' as const } : s)),
  })
  emitCall(
    w,
    nodeName,
    call,
    {},
    `The pod is finished, so the kubelet stops its sandbox ${sb.id.slice(0, 12)}. containerd ${killed.length ? `kills what still runs in it (${killed.map((x) => x.name).join(', ')}), then ` : ''}stops the pause container (SIGKILL); the pod's namespaces lose their last holder.`,
    world,
  )
  w.emit({
    kind: 'runtime.step',
    component: 'containerd',
    stage: 'sandbox',
    summary: `pause container stopped (${PAUSE_IMAGE})`,
    narration: `The pause container is gone. Next containerd tears down the pod network (teardownPodNetwork): it runs CNI DEL on ${sb.netns}.`,
    payload: {
      node: nodeName,
      action: 'stop pause container',
      detail: { sandboxId: sb.id, netns: sb.netns },
    },
  })
  w.send(PAUSE_STOP_MS, { to: 'cni', type: 'del', node: nodeName, call, sandboxId: sb.id, netns: sb.netns })
}

/** CNI DEL is done: containerd removes the network namespace; PodSandboxStatus reports no IP from now on. */
export function networkTornDown(w: StepWriter, nodeName: string, call: CriMessage, sandboxId: string): void {
  const node = w.world.nodes[nodeName]!
  const sb = node.sandboxes.find((s) => s.id === sandboxId)
  w.emit(
    {
      kind: 'runtime.step',
      component: 'containerd',
      stage: 'sandbox',
      summary: `TearDown network for sandbox ${sandboxId.slice(0, 12)} successfully`,
      narration: `containerd removes the network namespace ${sb?.netns ?? ''} and answers StopPodSandbox. The runtime no longer reports an IP for this sandbox; ${sb?.ip ?? 'the address'} is back in host-local's pool.`,
      payload: {
        node: nodeName,
        action: 'remove network namespace',
        detail: { sandboxId, netns: sb?.netns ?? '' },
      },
    },
    setNode(w, nodeName, {
      ...node,
      sandboxes: node.sandboxes.map((s) => (s.id === sandboxId ? { ...s, ip: null } : s)),
    }),
  )
  reply(w, 1, nodeName, call, {})
}
