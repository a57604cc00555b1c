/**
 * containerd's CRI plugin as a component: it answers the kubelet's gRPC calls.
 * RunPodSandbox creates the network namespace and runs CNI ADD before it
 * starts the pause container; images come from the registry.
 * StopPodSandbox stops what still runs in the sandbox, then the pause
 * container, then runs CNI DEL and removes the network namespace.
 * Upstream: containerd internal/cri/server (sandbox_run.go, sandbox_stop.go,
 * image_pull.go, container_create.go, container_start.go)
 */
import type { Step } from '../sim/step'
import { StepWriter } from '../sim/step'
import type { SimContext } from '../sim/context'
import type { World, NodeRuntime } from '../sim/world'
import type { Json } from '../sim/events'
import type { Message } from '../sim/messages'
import type { CriMessage } from './messages'
import { randomHex } from '../model/uuid'
import { parseImageReference } from '../model/image-reference'
import { findImage } from '../registry/registry'
import { PAUSE_IMAGE } from './constants'
import { timestamp } from '../sim/context'
import { containerProcess } from '../kubelet/container-behaviour'
import { findContainer } from '../kubelet/status'

/** kubelet's PLEG relists the runtime every second; it notices exits on the next relist. */
const RELIST_MS = 1000
/** How long a process that handles its stop signal takes to exit. */
const GRACEFUL_STOP_MS = 120
/** Exit reasons containerd reports (internal/cri/server/container_status.go, events.go). */
export const REASON_COMPLETED = 'Completed'
export const REASON_ERROR = 'Error'
export const REASON_OOM_KILLED = 'OOMKilled'
export const REASON_START_ERROR = 'StartError'

type ContainerdMessage = Extract<Message, { to: 'containerd' }>

const CALL_MS: Readonly<Record<string, number>> = {
  PodSandboxStatus: 1,
  ImageStatus: 1,
  CreateContainer: 45,
  StartContainer: 60,
}

export function containerdStep(world: World, msg: ContainerdMessage, ctx: SimContext): Step {
  const w = new StepWriter(world)
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
      emitCall(
        w,
        msg.node,
        msg.call,
        { error: msg.error },
        `The pull fails; containerd returns the error to the kubelet.`,
      )
      w.send(1, {
        to: 'kubelet',
        type: 'cri-reply',
        node: msg.node,
        reply: {
          call: 'PullImage',
          pod: msg.call.pod,
          container: msg.call.container,
          response: {},
          error: msg.error,
        },
      })
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

function setNode(w: StepWriter, name: string, node: NodeRuntime): World {
  return { ...w.world, nodes: { ...w.world.nodes, [name]: node } }
}

function emitCall(
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

function reply(w: StepWriter, delay: number, node: string, call: CriMessage, response: Json): void {
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

function handleCall(
  w: StepWriter,
  ctx: SimContext,
  nodeName: string,
  node: NodeRuntime,
  call: CriMessage,
): void {
  const podKey = `${call.pod.metadata.namespace ?? 'default'}/${call.pod.metadata.name ?? ''}`
  switch (call.call) {
    case 'RunPodSandbox': {
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
      return
    }
    case 'PodSandboxStatus': {
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
      return
    }
    case 'ImageStatus': {
      const image = String((call.request as { image?: { image?: string } }).image?.image ?? '')
      const ref = parseImageReference(image)?.normalized ?? image
      const present = node.images.includes(ref)
      const found = findImage(ctx.cluster.registry, image)
      const response = present
        ? { image: { id: `sha256:${'0'.repeat(64)}`, repo_tags: [ref], size: found?.sizeBytes ?? 0 } }
        : { image: null }
      emitCall(
        w,
        nodeName,
        call,
        response,
        present
          ? `containerd already has ${ref} in its image store.`
          : `containerd does not have ${ref} yet.`,
      )
      reply(w, CALL_MS['ImageStatus']!, nodeName, call, response)
      return
    }
    case 'PullImage': {
      const image = String((call.request as { image?: { image?: string } }).image?.image ?? '')
      emitCall(
        w,
        nodeName,
        call,
        { image_ref: parseImageReference(image)?.normalized ?? image },
        `The kubelet asks containerd to pull ${image}.`,
      )
      w.send(3, { to: 'registry', type: 'pull', node: nodeName, call, reference: image })
      return
    }
    case 'CreateContainer': {
      const found = findContainer(call.pod, call.container ?? '')
      if (!found) throw new Error(`CreateContainer for unknown container ${call.container ?? ''}`)
      const c = found.c
      const attempt = node.containers.filter((x) => x.pod === podKey && x.name === c.name).length
      const [id, rng] = randomHex(w.world.rng, 64)
      const sb = node.sandboxes.find((s) => s.pod === podKey)
      const image = parseImageReference(c.image ?? '')?.normalized ?? c.image ?? ''
      const world = {
        ...setNode(w, nodeName, {
          ...node,
          containers: [
            ...node.containers,
            {
              id,
              name: c.name,
              pod: podKey,
              image,
              state: 'CONTAINER_CREATED' as const,
              attempt,
              ...(found.init ? { init: true } : {}),
            },
          ],
        }),
        rng,
      }
      emitCall(
        w,
        nodeName,
        call,
        { container_id: id },
        `containerd creates container ${c.name} inside sandbox ${sb?.id.slice(0, 12) ?? ''}: it joins the pause container's network, IPC and UTS namespaces, gets its own mount and PID namespaces, and a cgroup sized from its resources.`,
        world,
      )
      reply(w, CALL_MS['CreateContainer']!, nodeName, call, { container_id: id })
      return
    }
    case 'StartContainer': {
      const id = String((call.request as { container_id?: string }).container_id ?? '')
      const rc = node.containers.find((x) => x.id === id)
      const spec = findContainer(call.pod, rc?.name ?? '')
      const proc = spec ? containerProcess(spec.c) : null
      const b = proc?.behaviour
      if (b?.kind === 'start-error') {
        const error = `rpc error: code = Unknown desc = ${b.message}`
        const world = setNode(w, nodeName, {
          ...node,
          containers: node.containers.map((x) =>
            x.id === id
              ? {
                  ...x,
                  state: 'CONTAINER_EXITED' as const,
                  exitCode: 128,
                  reason: REASON_START_ERROR,
                  message: b.message,
                  finishedAt: timestamp(ctx),
                  finishedAtMs: ctx.at,
                }
              : x,
          ),
        })
        emitCall(
          w,
          nodeName,
          call,
          { error },
          `runc cannot start the process: ${proc?.explanation ?? ''}`,
          world,
        )
        w.send(CALL_MS['StartContainer']!, {
          to: 'kubelet',
          type: 'cri-reply',
          node: nodeName,
          reply: { call: call.call, pod: call.pod, container: call.container, response: {}, error },
        })
        return
      }
      const startAt = ctx.at + CALL_MS['StartContainer']!
      const world = setNode(w, nodeName, {
        ...node,
        containers: node.containers.map((x) =>
          x.id === id
            ? {
                ...x,
                state: 'CONTAINER_RUNNING' as const,
                startedAtMs: startAt,
                startedAt: timestamp(ctx, startAt),
              }
            : x,
        ),
      })
      emitCall(
        w,
        nodeName,
        call,
        {},
        `containerd starts the container's process (through runc). ${proc?.explanation ?? ''}`.trim(),
        world,
      )
      reply(w, CALL_MS['StartContainer']!, nodeName, call, {})
      if (b && b.kind !== 'runs') {
        const after = CALL_MS['StartContainer']! + b.afterMs
        const code = b.kind === 'oom' ? 137 : b.exitCode
        const reason = b.kind === 'oom' ? REASON_OOM_KILLED : code === 0 ? REASON_COMPLETED : REASON_ERROR
        w.send(after, {
          to: 'containerd',
          type: 'exit',
          node: nodeName,
          containerId: id,
          exitCode: code,
          reason,
        })
      }
      return
    }
    case 'StopContainer': {
      const id = String((call.request as { container_id?: string }).container_id ?? '')
      const timeout = Number((call.request as { timeout?: number }).timeout ?? 30)
      const rc = node.containers.find((x) => x.id === id)
      const spec = findContainer(call.pod, rc?.name ?? '')
      const b = spec ? containerProcess(spec.c).behaviour : null
      const graceful = b && b.kind !== 'oom' && b.kind !== 'start-error' && b.onStop === 'graceful'
      emitCall(
        w,
        nodeName,
        call,
        {},
        graceful
          ? `containerd sends the image's stop signal; the process shuts down cleanly and exits 0.`
          : `containerd sends SIGTERM, which the process (PID 1 without a handler) ignores; after the ${timeout}s grace period it sends SIGKILL (exit 137).`,
      )
      if (rc?.state !== 'CONTAINER_RUNNING') {
        reply(w, 1, nodeName, call, {})
        return
      }
      w.send(graceful ? GRACEFUL_STOP_MS : timeout * 1000, {
        to: 'containerd',
        type: 'stopped',
        node: nodeName,
        call,
        containerId: id,
        exitCode: graceful ? 0 : 137,
      })
      return
    }
    case 'StopPodSandbox': {
      stopPodSandbox(w, ctx, nodeName, node, call, podKey)
      return
    }
    default:
      call.call satisfies never
  }
}

function sandboxReady(w: StepWriter, nodeName: string, call: CriMessage, ip: string): void {
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

function pulled(w: StepWriter, nodeName: string, call: CriMessage): void {
  const node = w.world.nodes[nodeName]!
  const image = String((call.request as { image?: { image?: string } }).image?.image ?? '')
  const ref = parseImageReference(image)?.normalized ?? image
  w.update(
    setNode(w, nodeName, {
      ...node,
      images: node.images.includes(ref) ? node.images : [...node.images, ref],
    }),
  )
  reply(w, 1, nodeName, call, { image_ref: ref })
}

function setContainer(
  w: StepWriter,
  nodeName: string,
  id: string,
  patch: Partial<NodeRuntime['containers'][number]>,
): World {
  const node = w.world.nodes[nodeName]!
  return setNode(w, nodeName, {
    ...node,
    containers: node.containers.map((x) => (x.id === id ? { ...x, ...patch } : x)),
  })
}

/** The process ended by itself; PLEG will notice on the kubelet's next relist. */
function exited(
  w: StepWriter,
  ctx: SimContext,
  nodeName: string,
  id: string,
  exitCode: number,
  reason: string,
): void {
  const rc = w.world.nodes[nodeName]?.containers.find((x) => x.id === id)
  if (!rc || rc.state !== 'CONTAINER_RUNNING') return
  const world = setContainer(w, nodeName, id, {
    state: 'CONTAINER_EXITED',
    exitCode,
    reason,
    finishedAt: timestamp(ctx),
    finishedAtMs: ctx.at,
  })
  w.emit(
    {
      kind: 'runtime.step',
      component: 'containerd',
      stage: 'containers',
      summary: `container ${rc.name} exited (${reason}, exit code ${exitCode})`,
      narration:
        reason === REASON_OOM_KILLED
          ? `Container ${rc.name} used more memory than its limit: the kernel's OOM killer kills it with SIGKILL (exit code 137) and containerd records reason OOMKilled.`
          : `Container ${rc.name}'s process ended with exit code ${exitCode}, so containerd records it as ${reason}. The kubelet has not noticed yet: PLEG relists the runtime once a second.`,
      payload: { node: nodeName, action: 'container exited', detail: { containerId: id, exitCode, reason } },
    },
    world,
  )
  const pod = w.world.pod
  if (pod)
    w.send(RELIST_MS - (ctx.at % RELIST_MS), {
      to: 'kubelet',
      type: 'sync',
      node: nodeName,
      pod,
      reason: 'PLEG ContainerDied',
    })
}

function stopped(
  w: StepWriter,
  ctx: SimContext,
  nodeName: string,
  call: CriMessage,
  id: string,
  exitCode: number,
): void {
  const rc = w.world.nodes[nodeName]?.containers.find((x) => x.id === id)
  if (rc && rc.state === 'CONTAINER_RUNNING')
    w.update(
      setContainer(w, nodeName, id, {
        state: 'CONTAINER_EXITED',
        exitCode,
        reason: exitCode === 0 ? REASON_COMPLETED : REASON_ERROR,
        finishedAt: timestamp(ctx),
        finishedAtMs: ctx.at,
      }),
    )
  reply(w, 1, nodeName, call, {})
}

function sandboxFailed(w: StepWriter, nodeName: string, call: CriMessage, id: string, error: string): void {
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
function stopPodSandbox(
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
function networkTornDown(w: StepWriter, nodeName: string, call: CriMessage, sandboxId: string): void {
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
