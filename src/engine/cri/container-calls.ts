/**
 * containerd's container calls and what follows them: CreateContainer, StartContainer (the process
 * runs, or exits on its own later), StopContainer (graceful, or SIGKILL after the timeout), and the
 * exit that PLEG notices on the kubelet's next relist.
 * Upstream: containerd internal/cri/server (container_create.go, container_start.go,
 * container_stop.go, events.go)
 */
import type { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import { timestamp } from '../protocol/context'
import type { NodeRuntime } from '../protocol/world'
import type { CriMessage } from '../protocol/cri'
import { randomHex } from '../model/uuid'
import { parseImageReference } from '../model/image-reference'
import type { Container, Pod } from '../model/objects'
import type { RegistryRepository } from '../model/image-catalog'
import { containerProcess, type ProcessUser } from '../kubelet/container-behaviour'
import { effectiveRunAs } from '../kubelet/run-as-non-root'
import { findImage } from '../registry/registry'
import { userFromImage } from './image-calls'
import { findContainer } from '../kubelet/status'
import { cpusetWords } from '../kubelet/cpu-manager/cpu-words'
import { setContainer, setNode } from './runtime-state'
import { CALL_MS, emitCall, reply } from './cri-server'
import { REASON_COMPLETED, REASON_ERROR, REASON_OOM_KILLED, REASON_START_ERROR } from './exit-reasons'

/** kubelet's PLEG relists the runtime every second; it notices exits on the next relist. */
const RELIST_MS = 1000
/** How long a process that handles its stop signal takes to exit. */
const GRACEFUL_STOP_MS = 120

/**
 * The user the process runs as: the kubelet passes the effective runAsUser in the container's
 * security context, else runc takes the image config's USER (kuberuntime/security_context.go
 * determineEffectiveSecurityContext; containerd internal/cri/server/container_create_linux.go).
 */
export function processUser(registry: readonly RegistryRepository[], pod: Pod, c: Container): ProcessUser {
  const runAsUser = effectiveRunAs(pod, c).runAsUser
  if (runAsUser !== undefined) return { uid: runAsUser, username: '' }
  const user = userFromImage(findImage(registry, c.image ?? '')?.user ?? '')
  return { uid: user.uid ?? null, username: user.username }
}

/** The request's linux.resources.cpuset_cpus (kubelet/cri-config.ts). */
function cpusetOf(call: CriMessage): string | undefined {
  const r = call.request as { config?: { linux?: { resources?: { cpuset_cpus?: string } } } } | undefined
  return r?.config?.linux?.resources?.cpuset_cpus
}

/** CreateContainer: a CREATED container in the pod's sandbox, its attempt counted from the earlier ones. */
export function createContainer(
  w: StepWriter,
  nodeName: string,
  node: NodeRuntime,
  call: CriMessage,
  podKey: string,
): void {
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
    `containerd creates container ${c.name} inside sandbox ${sb?.id.slice(0, 12) ?? ''}: it joins the pause container's network, IPC and UTS namespaces, gets its own mount and PID namespaces, and a cgroup sized from its resources.${cpusetWords(cpusetOf(call))}`,
    world,
  )
  reply(w, CALL_MS['CreateContainer']!, nodeName, call, { container_id: id })
}

/**
 * StartContainer: the process starts (or runc cannot start it: StartError, exit code 128); a process
 * that ends by itself sends its exit when the container behaviour model says it does.
 */
export function startContainer(
  w: StepWriter,
  ctx: SimContext,
  nodeName: string,
  node: NodeRuntime,
  call: CriMessage,
): void {
  const id = String((call.request as { container_id?: string }).container_id ?? '')
  const rc = node.containers.find((x) => x.id === id)
  const spec = findContainer(call.pod, rc?.name ?? '')
  const proc = spec ? containerProcess(spec.c, processUser(ctx.cluster.registry, call.pod, spec.c)) : null
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
    emitCall(w, nodeName, call, { error }, `runc cannot start the process: ${proc?.explanation ?? ''}`, world)
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
}

/** StopContainer: the stop signal, then SIGKILL after the timeout unless the process exits first. */
export function stopContainer(w: StepWriter, nodeName: string, node: NodeRuntime, call: CriMessage): void {
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
}

/** The process ended by itself; PLEG will notice on the kubelet's next relist. */
export function exited(
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
  const pod = w.pod
  if (pod)
    w.send(RELIST_MS - (ctx.at % RELIST_MS), {
      to: 'kubelet',
      type: 'sync',
      node: nodeName,
      pod,
      reason: 'PLEG ContainerDied',
    })
}

/** The stopped process exited (gracefully, or killed at the timeout): StopContainer answers. */
export function stopped(
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
