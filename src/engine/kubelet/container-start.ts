/**
 * startContainer: CreateContainer with the container's config (its environment built from ConfigMaps
 * and Secrets first, then, under runAsNonRoot, the image's user checked), then, once containerd has
 * started it, the Started event, the probe workers and the postStart hook; a failed hook kills the
 * container.
 * Upstream: pkg/kubelet/kuberuntime/kuberuntime_container.go (startContainer, generateContainerConfig),
 * kubelet_pods.go (makeEnvironmentVariables), kuberuntime/security_context_others.go (verifyRunAsNonRoot)
 *
 * generateContainerConfig asks containerd for the image's user (getImageUser: a second ImageStatus)
 * for every container; only runAsNonRoot reads the answer on Linux, so Podlife draws that call only
 * for a container under runAsNonRoot: true.
 */
import type { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import type { Container, Pod } from '../model/objects'
import type { CriReply } from '../protocol/cri'
import { containerEnvError } from './object-references'
import {
  effectiveRunAs,
  imageUserOf,
  requiresNonRoot,
  verifyRunAsNonRoot,
  type KubeletImageUser,
} from './run-as-non-root'
import { instancesOf } from './status'
import { containerConfig } from './cri-config'
import { cpuStateOf } from './cpu-manager/node-state'
import { cpusetCpusFor } from './cpu-manager/cpu-manager'
import { runHandler, type ProbeSpec } from './probes'
import * as M from './kubelet-messages'
import { setRecord, setWaiting, setWs, ws } from './worker-state'
import { cri, sandboxOf } from './cri-client'
import { recordEvent } from './event-recorder'
import { schedulePleg } from './pleg'
import { scheduleProbes } from './probe-workers'
import { killContainer } from './kill-container'
import type { SyncLoop } from './sync-loop'

export function createContainer(
  w: StepWriter,
  ctx: SimContext,
  node: string,
  pod: Pod,
  c: Container,
  loop: SyncLoop,
): void {
  // generateContainerConfig → makeEnvironmentVariables: a missing ConfigMap, Secret or key stops here.
  const envError = containerEnvError(ctx.cluster, pod, c)
  if (envError)
    return configError(
      w,
      ctx,
      node,
      pod,
      c,
      envError,
      `The kubelet cannot build ${c.name}'s environment: ${envError}.`,
      loop,
    )
  // generateContainerConfig → getImageUser: ImageStatus again, for the user the image runs as.
  if (requiresNonRoot(pod, c)) {
    setWs(w, { imageUserOf: c.name })
    cri(w, 1, node, {
      call: 'ImageStatus',
      pod,
      container: c.name,
      request: { image: { image: c.image ?? '' } },
    })
    return
  }
  sendCreateContainer(w, ctx, node, pod, c)
}

/**
 * getImageUser's answer: verifyRunAsNonRoot passes (CreateContainer follows) or fails with a
 * CreateContainerConfigError.
 */
export function onImageUser(
  w: StepWriter,
  ctx: SimContext,
  node: string,
  pod: Pod,
  c: Container,
  response: unknown,
  loop: SyncLoop,
): void {
  setWs(w, { imageUserOf: undefined })
  const user = imageUserOf(response)
  const error = verifyRunAsNonRoot(pod, c, user)
  if (error)
    return configError(
      w,
      ctx,
      node,
      pod,
      c,
      error,
      `runAsNonRoot is true for ${c.name}, but ${runAsWhy(pod, c, user)}`,
      loop,
    )
  sendCreateContainer(w, ctx, node, pod, c)
}

function runAsWhy(pod: Pod, c: Container, user: KubeletImageUser): string {
  if (effectiveRunAs(pod, c).runAsUser === 0) return 'its runAsUser is 0 (root).'
  if (user.uid === null)
    return `the image's user is the name "${user.username}", and the kubelet can only check a numeric uid; a non-zero runAsUser answers it.`
  if (user.uid === 0)
    return "the image has no non-root USER (it would run as uid 0) and runAsUser is not set; a non-zero runAsUser answers it, if the image's program can run as that user."
  return `the image's uid ${user.uid} is not a valid user id (0 to 2147483647).`
}

/**
 * generateContainerConfig failed: `Warning Failed Error: <err>`, the container waits with reason
 * CreateContainerConfigError and message <err>, and the pod worker retries the sync after its back-off.
 */
function configError(
  w: StepWriter,
  ctx: SimContext,
  node: string,
  pod: Pod,
  c: Container,
  error: string,
  why: string,
  loop: SyncLoop,
): void {
  recordEvent(
    w,
    node,
    pod,
    'Warning',
    M.EVENT.Failed,
    M.MSG_ERROR(error),
    `${why} The container waits with reason CreateContainerConfigError; the pod worker tries again after its back-off (about 10 s).`,
  )
  setWaiting(w, c.name, { reason: M.CREATE_CONTAINER_CONFIG_ERROR, message: error })
  setWs(w, { syncError: M.CREATE_CONTAINER_CONFIG_ERROR })
  loop.containerFailed(w, ctx, node, c.name)
}

function sendCreateContainer(w: StepWriter, ctx: SimContext, node: string, pod: Pod, c: Container): void {
  const sandbox = sandboxOf(w, node, pod)
  const attempt = instancesOf(w.world.nodes[node]!, pod, c.name).length
  // PreCreateContainer: the CPU manager's cpuset for the container (empty under the none policy).
  const cpuState = cpuStateOf(w.world, ctx.cluster, node)
  cri(w, 2, node, {
    call: 'CreateContainer',
    pod,
    container: c.name,
    request: containerConfig(
      pod,
      c.name,
      sandbox?.id ?? '',
      attempt,
      cpuState ? cpusetCpusFor(cpuState, pod, c.name) : '',
    ),
  })
}

export function onStarted(
  w: StepWriter,
  ctx: SimContext,
  node: string,
  pod: Pod,
  c: Container,
  reply: CriReply,
  loop: SyncLoop,
): void {
  if (reply.error) {
    const desc = reply.error.replace(/^rpc error: code = \w+ desc = /, '')
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      M.EVENT.Failed,
      M.MSG_ERROR(desc),
      `The runtime could not start ${c.name}'s process; the container is terminated with reason StartError (exit code 128).`,
    )
    setWaiting(w, c.name, { reason: M.RUN_CONTAINER_ERROR, message: desc })
    schedulePleg(w, ctx, node, 'PLEG ContainerDied')
    return loop.containerFailed(w, ctx, node, c.name)
  }
  const id = (reply.response as { container_id?: string }).container_id
  // A successful start clears the reason cache; the change shows in the next sync's status, not now.
  const dirty = ws(w).statusDirty
  setWaiting(w, c.name, undefined)
  setWs(w, { statusDirty: dirty })
  setRecord(w, c.name, { probes: {} })
  recordEvent(
    w,
    node,
    pod,
    'Normal',
    M.EVENT.Started,
    M.MSG_STARTED(c.name),
    `Container ${c.name} is running.`,
  )
  const rc = instancesOf(w.world.nodes[node]!, pod, c.name).pop()
  if (rc) scheduleProbes(w, ctx, node, pod, c, rc)
  const lifecycle = c['lifecycle'] as { postStart?: ProbeSpec } | undefined
  if (lifecycle?.postStart && rc) {
    const ip = sandboxOf(w, node, pod)?.ip ?? ''
    const r = runHandler(c, lifecycle.postStart, ip)
    if (!r.ok) {
      recordEvent(
        w,
        node,
        pod,
        'Warning',
        M.EVENT.FailedPostStartHook,
        M.MSG_POST_START_FAILED,
        `${c.name}'s postStart hook failed. The kubelet leaves the hook's output out of the event on purpose (it could hold secrets).`,
      )
      recordEvent(
        w,
        node,
        pod,
        'Normal',
        M.EVENT.Killing,
        M.MSG_KILLING_POST_START,
        `Because postStart failed, the kubelet kills ${c.name}; restartPolicy decides what happens next.`,
      )
      setWaiting(w, c.name, { reason: M.POST_START_HOOK_ERROR, message: r.output })
      killContainer(w, node, pod, c, rc)
      return
    }
  }
  void id
  if (ws(w).toStart.length === 0) schedulePleg(w, ctx, node, 'PLEG ContainerStarted')
  loop.startNext(w, ctx, node)
}
