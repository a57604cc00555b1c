/**
 * The kubelet as a component. It receives its node's pods through a watch,
 * admits the pod, and runs the pod worker's SyncPod each time something
 * happens: the first sync creates the sandbox; every sync computes what to
 * start or kill (init containers one at a time, then the regular containers,
 * restarts under restartPolicy with the crash-loop back-off) and drives the
 * runtime over CRI one call at a time. PLEG notices container starts and
 * exits on its next relist (every second) and triggers the next sync; the
 * status manager PATCHes each new status.
 * Upstream: pkg/kubelet/kubelet.go (SyncPod), kuberuntime/kuberuntime_manager.go
 * (computePodActions, SyncPod, doBackOff), kuberuntime/kuberuntime_container.go
 * (startContainer), images/image_manager.go (EnsureImageExists), prober/worker.go,
 * status/status_manager.go
 */
import type { Step } from '../sim/step'
import { StepWriter } from '../sim/step'
import type { SimContext } from '../sim/context'
import { timestamp } from '../sim/context'
import { otherSlotPods } from '../sim/slots'
import { next } from '../sim/rng'
import { containerEnvError, unmountableVolumes } from './object-references'
import type { RuntimeContainer, World } from '../sim/world'
import type { HttpRequest, Json, KubeEvent } from '../sim/events'
import type { Message } from '../sim/messages'
import type { Container, Pod, PodStatus } from '../model/objects'
import type { CriMessage, CriReply } from '../cri/messages'
import { findContainer, generatePodStatus, instancesOf, podKeyOf } from './status'
import { containerConfig, sandboxConfig } from './cri-config'
import { parseImageReference } from '../model/image-reference'
import { podDisplayStatus } from '../model/pod-display-status'
import { EMPTY_POD_WORKER, type ContainerRecord, type PodWorkerState, type ProbeKind } from './pod-state'
import { formatBackoff, isInBackOffSince, isInBackOffSinceUpdate, nextBackoff } from './backoff'
import { isRestartableInitContainer } from './phase'
import { probeTiming, runHandler, type ProbeSpec } from './probes'
import {
  MSG_FAILED_TO_RETRIEVE_PULL_SECRET,
  pullSecretsFor,
  REASON_FAILED_TO_RETRIEVE_PULL_SECRET,
} from './pull-secrets'
import * as M from './kubelet-messages'
import { kubeletAdmit, rejectedMessage } from './admission'
import {
  gracePeriodFor,
  MSG_PRE_STOP_FAILED,
  planKill,
  preStopOf,
  REASON_FAILED_PRE_STOP_HOOK,
} from './prestop'
import { goDuration } from '../model/go-duration'

type KubeletMessage = Extract<Message, { to: 'kubelet' }>

/** PLEG's generic relist period. */
const RELIST_MS = 1000
/** The pod worker's retry after a failed sync (kubelet.go backOffPeriod). */
const SYNC_RETRY_MS = 10_000

export function kubeletStep(world: World, msg: KubeletMessage, ctx: SimContext): Step {
  const w = new StepWriter(world)
  switch (msg.type) {
    case 'watch':
      admit(w, ctx, msg.node, msg.pod)
      break
    case 'cri-reply':
      onReply(w, ctx, msg.node, msg.reply)
      break
    case 'sync':
      if (msg.reason === MOUNT_RETRY || msg.reason === MOUNT_TIMEOUT) onVolumes(w, ctx, msg.node, msg.reason)
      else onSync(w, ctx, msg.node, msg.reason)
      break
    case 'probe':
      onProbe(w, ctx, msg.node, msg.container, msg.containerId, msg.probe)
      break
    case 'prestop-done':
      onPreStopDone(w, msg.node, msg.container, msg.containerId, msg.failed, msg.cutOffExec, msg.timeout)
      break
    case 'response':
      break
    default:
      msg satisfies never
  }
  return w.done()
}

// ---- small helpers ---------------------------------------------------------

function ws(w: StepWriter): PodWorkerState {
  return w.world.podWorker ?? EMPTY_POD_WORKER
}

function setWs(w: StepWriter, patch: Partial<PodWorkerState>): void {
  w.update({ ...w.world, podWorker: { ...ws(w), ...patch } })
}

function setRecord(w: StepWriter, name: string, patch: Partial<ContainerRecord>): void {
  const s = ws(w)
  setWs(w, { containers: { ...s.containers, [name]: { ...(s.containers[name] ?? {}), ...patch } } })
}

/** Sets or clears a container's waiting reason (the kubelet's reasonCache). */
function setWaiting(w: StepWriter, name: string, waiting: ContainerRecord['waiting']): void {
  const rec = ws(w).containers[name] ?? {}
  const { waiting: _old, ...rest } = rec
  setWs(w, {
    containers: { ...ws(w).containers, [name]: waiting ? { ...rest, waiting } : rest },
    statusDirty: ws(w).statusDirty || JSON.stringify(_old) !== JSON.stringify(waiting),
  })
}

function hostIP(ctx: SimContext, node: string): string {
  const n = ctx.cluster.nodes.find((x) => x.metadata.name === node)
  return n?.status.addresses?.find((a) => a.type === 'InternalIP')?.address ?? ''
}

function podRef(pod: Pod): string {
  return M.formatPod(pod.metadata.name ?? '', pod.metadata.namespace ?? 'default', pod.metadata.uid ?? '')
}

function sandboxOf(w: StepWriter, node: string, pod: Pod) {
  const key = podKeyOf(pod)
  return w.world.nodes[node]?.sandboxes.find((s) => s.pod === key && s.state === 'SANDBOX_READY')
}

function recordEvent(
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
    { ...w.world, events: [...w.world.events, event] },
  )
}

/** A stable fake digest per image reference, as containerd would report its repo digest. */
function digestOf(ref: string): string {
  let h = 2166136261
  for (const ch of ref) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0
  let hex = ''
  let x = h
  for (let i = 0; i < 8; i++) {
    x = Math.imul(x ^ (x >>> 13), 0x5bd1e995) >>> 0
    hex += x.toString(16).padStart(8, '0')
  }
  return `sha256:${hex}`
}

/**
 * The status manager: generates the status and PATCHes it when it differs from
 * the last one sent (an unchanged status is not sent again).
 */
/**
 * The status manager's PATCH of pods/<name>/status: a strategic merge patch carrying the pod's uid as a
 * precondition (pkg/util/pod/pod.go PatchPodStatus). Takes the next request id.
 */
function statusPatch(w: StepWriter, node: string, pod: Pod, status: Record<string, unknown>): HttpRequest {
  const request: HttpRequest = {
    id: w.world.nextRequestId,
    from: 'kubelet',
    method: 'PATCH',
    path: `/api/v1/namespaces/${pod.metadata.namespace ?? 'default'}/pods/${pod.metadata.name ?? ''}/status`,
    query: {},
    headers: {
      Accept: 'application/vnd.kubernetes.protobuf, */*',
      'Content-Type': 'application/strategic-merge-patch+json',
      'User-Agent': 'kubelet/v1.34.0 (linux/amd64) kubernetes/f28b4c9',
      'X-Podlife-Client-Subject': `CN=system:node:${node},O=system:nodes`,
    },
    body: { metadata: { uid: pod.metadata.uid ?? '' }, status } as unknown as Json,
  }
  w.update({ ...w.world, nextRequestId: request.id + 1 })
  return request
}

function sendStatus(
  w: StepWriter,
  ctx: SimContext,
  node: string,
  narration: (s: PodStatus, pod: Pod) => string,
  stage: 'kubelet' | 'status',
): PodStatus | null {
  const pod = w.world.pod
  if (!pod) return null
  const status = generatePodStatus({
    pod,
    runtime: w.world.nodes[node]!,
    hostIP: hostIP(ctx, node),
    now: timestamp(ctx),
    worker: ws(w),
    imageDigest: (ref) => digestOf(ref),
  })
  const json = JSON.stringify(status)
  if (json === ws(w).lastStatus) {
    setWs(w, { statusDirty: false })
    return status
  }
  setWs(w, { lastStatus: json, statusDirty: false })
  const request = statusPatch(w, node, pod, {
    '$setElementOrder/conditions': (status.conditions ?? []).map((c) => ({ type: c.type })),
    ...status,
  })
  const shown = podDisplayStatus({ ...pod, status })
  w.emit({
    kind: 'http.request',
    component: 'kubelet',
    from: 'kubelet',
    to: 'kube-apiserver',
    stage,
    summary: `PATCH ${request.path} (phase ${status.phase}${shown !== status.phase ? `, ${shown}` : ''})`,
    narration: narration(status, pod),
    payload: request,
  })
  w.send(1.5, { to: 'kube-apiserver', type: 'request', request })
  return status
}

function statusNarration(s: PodStatus, pod: Pod): string {
  const shown = podDisplayStatus({ ...pod, status: s })
  return `The status manager PATCHes the new status: phase ${s.phase}; kubectl get pod now shows ${shown}.`
}

function cri(w: StepWriter, delay: number, node: string, call: CriMessage): void {
  w.send(delay, { to: 'containerd', type: 'cri', node, call })
}

function nextRelistDelay(ctx: SimContext): number {
  return RELIST_MS - (ctx.at % RELIST_MS)
}

function schedulePleg(w: StepWriter, ctx: SimContext, node: string, reason: string): void {
  const pod = w.world.pod
  if (pod) w.send(nextRelistDelay(ctx), { to: 'kubelet', type: 'sync', node, pod, reason })
}

// ---- admission and syncs --------------------------------------------------

/** rejectPod (kubelet.go): a Warning event with the reason, then status Failed with "Pod was rejected: …". */
function reject(w: StepWriter, node: string, pod: Pod, reason: string, message: string): void {
  w.emit({
    kind: 'kubelet.sync',
    component: 'kubelet',
    stage: 'kubelet',
    summary: `SyncLoop ADD pods/${pod.metadata.name ?? ''}: rejected (${reason})`,
    narration: `The kubelet on ${node} checks the pod against what is left on its node before running anything, and refuses it: ${message}. Pods placed with spec.nodeName skip the scheduler, so this is where they fail.`,
    payload: { node, action: 'reject' },
  })
  recordEvent(
    w,
    node,
    pod,
    'Warning',
    reason,
    message,
    `The kubelet records ${reason}. The pod will not run on ${node}; it ends Failed.`,
    'kubelet',
  )
  const status: PodStatus = {
    phase: 'Failed',
    reason,
    message: rejectedMessage(message),
    qosClass: pod.status?.qosClass,
  }
  const request = statusPatch(w, node, pod, status)
  w.emit({
    kind: 'http.request',
    component: 'kubelet',
    from: 'kubelet',
    to: 'kube-apiserver',
    stage: 'status',
    summary: `PATCH ${request.path} (phase Failed, ${reason})`,
    narration: `The status manager writes the rejection: phase Failed, reason ${reason}, message "${rejectedMessage(message)}".`,
    payload: request,
  })
  w.send(1.5, { to: 'kube-apiserver', type: 'request', request })
}

function admit(w: StepWriter, ctx: SimContext, node: string, pod: Pod): void {
  const nodeObject = ctx.cluster.nodes.find((n) => n.metadata.name === node)
  if (nodeObject) {
    // The node's active pods: not finished, and not already removed (a preemption victim, say).
    const deleted = w.world.deletedPods ?? {}
    // The manifest's other pods (a multi-document manifest) count once this node has admitted them.
    const onNode = [...ctx.cluster.pods, ...otherSlotPods(w.world)].filter(
      (p) =>
        p.spec.nodeName === node &&
        p.status?.phase !== 'Succeeded' &&
        p.status?.phase !== 'Failed' &&
        deleted[`${p.metadata.namespace ?? 'default'}/${p.metadata.name ?? ''}`]?.state !== 'Deleted',
    )
    const verdict = kubeletAdmit(pod, nodeObject, onNode)
    if (!verdict.ok) {
      reject(w, node, pod, verdict.reason, verdict.message)
      return
    }
  }
  w.emit({
    kind: 'kubelet.sync',
    component: 'kubelet',
    stage: 'kubelet',
    summary: `SyncLoop ADD pods/${pod.metadata.name ?? ''}: admitted`,
    narration: `The kubelet on ${node} gets the pod from its watch (SyncLoop ADD). It admits it (the pod's requests fit what is left on this node), hands it to a pod worker, and reports a first status while it gets to work.`,
    payload: { node, action: 'admit' },
  })
  setWs(w, { ...EMPTY_POD_WORKER, admittedAt: ctx.at, busy: true })
  sendStatus(
    w,
    ctx,
    node,
    () =>
      'The status manager reports the first status: Pending, container waiting in ContainerCreating, PodReadyToStartContainers still False.',
    'kubelet',
  )
  const secrets = pullSecretsFor(ctx.cluster, pod)
  if (secrets.missing.length)
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      REASON_FAILED_TO_RETRIEVE_PULL_SECRET,
      MSG_FAILED_TO_RETRIEVE_PULL_SECRET(secrets.missing),
      `The pod names imagePullSecrets that do not exist in its namespace (${secrets.missing.join(', ')}); the kubelet pulls without them.`,
      'kubelet',
    )
  mountThenSandbox(w, ctx, node, pod, 25)
}

// ---- volumes ----------------------------------------------------------------

const MOUNT_RETRY = 'volume manager retries SetUp'
const MOUNT_TIMEOUT = 'WaitForAttachAndMount timed out'
/** nestedpendingoperations exponential back-off, and volume_manager.go podAttachAndMountTimeout. */
const MOUNT_BACKOFF_FIRST_MS = 500
const MOUNT_BACKOFF_MAX_MS = 122_000
const MOUNT_TIMEOUT_MS = 123_000
/** pod_workers.go: a failed sync is retried after backOffPeriod (10 s) with jitter factor 0.5. */
const SYNC_BACKOFF_MS = 10_000

/**
 * SyncPod's WaitForAttachAndMount: the sandbox is created only once every volume is set up. A configMap
 * or secret volume whose object is missing keeps the pod in ContainerCreating with FailedMount events.
 */
function mountThenSandbox(w: StepWriter, ctx: SimContext, node: string, pod: Pod, delay: number): void {
  const failing = unmountableVolumes(ctx.cluster, pod)
  if (failing.length === 0) {
    cri(w, delay, node, { call: 'RunPodSandbox', pod, request: sandboxConfig(pod) })
    return
  }
  setWs(w, { busy: true, mountWait: { since: ctx.at, delay: MOUNT_BACKOFF_FIRST_MS } })
  mountFailed(w, ctx, node, pod, failing, MOUNT_BACKOFF_FIRST_MS)
  w.send(MOUNT_TIMEOUT_MS, { to: 'kubelet', type: 'sync', node, pod, reason: MOUNT_TIMEOUT })
}

function mountFailed(
  w: StepWriter,
  ctx: SimContext,
  node: string,
  pod: Pod,
  failing: ReturnType<typeof unmountableVolumes>,
  retryIn: number,
): void {
  for (const f of failing)
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      M.EVENT.FailedMount,
      M.MSG_MOUNT_SETUP_FAILED(f.volume, f.error),
      `The volume manager cannot set up volume "${f.volume}": ${f.error}. No sandbox is created until every volume is mounted, so the pod stays ContainerCreating; the volume manager tries again in ${retryIn / 1000} s (the wait doubles up to 2m2s).`,
    )
  w.send(retryIn, { to: 'kubelet', type: 'sync', node, pod, reason: MOUNT_RETRY })
  void ctx
}

function onVolumes(w: StepWriter, ctx: SimContext, node: string, reason: string): void {
  const pod = w.world.pod
  const wait = ws(w).mountWait
  if (!pod || !wait || ws(w).terminal) return
  const failing = unmountableVolumes(ctx.cluster, pod)
  if (reason === MOUNT_RETRY) {
    if (failing.length === 0) {
      // Mounted at last: the waiting SyncPod sees it at its next 300 ms poll and goes on.
      setWs(w, { mountWait: undefined })
      cri(w, 300, node, { call: 'RunPodSandbox', pod, request: sandboxConfig(pod) })
      return
    }
    const next = Math.min(wait.delay * 2, MOUNT_BACKOFF_MAX_MS)
    setWs(w, { mountWait: { ...wait, delay: next } })
    mountFailed(w, ctx, node, pod, failing, next)
    return
  }
  // The timeout of one SyncPod: it fails, and the pod worker syncs again after its back-off.
  if (ctx.at - wait.since < MOUNT_TIMEOUT_MS || failing.length === 0) return
  recordEvent(
    w,
    node,
    pod,
    'Warning',
    M.EVENT.FailedMount,
    M.MSG_UNABLE_TO_MOUNT(failing.map((f) => f.volume)),
    'SyncPod has waited 2m3s for the volumes and gives up this round; the pod worker tries the whole sync again after its back-off, while the volume manager keeps retrying the mount.',
  )
  const [r, rng] = next(w.world.rng)
  w.update({ ...w.world, rng })
  const backoff = Math.round(SYNC_BACKOFF_MS * (1 + 0.5 * r))
  setWs(w, { mountWait: { ...wait, since: ctx.at + backoff } })
  w.send(backoff + MOUNT_TIMEOUT_MS, { to: 'kubelet', type: 'sync', node, pod, reason: MOUNT_TIMEOUT })
}

function onSync(w: StepWriter, ctx: SimContext, node: string, reason: string): void {
  const pod = w.world.pod
  const s = ws(w)
  if (!pod || s.terminal) return
  if (reason.startsWith('PLEG')) {
    if (s.lastRelistAt === ctx.at) return
    setWs(w, { lastRelistAt: ctx.at })
  }
  if (s.busy) {
    setWs(w, { pending: true })
    return
  }
  const started = reason === 'PLEG ContainerStarted'
  w.emit({
    kind: 'kubelet.sync',
    component: 'kubelet',
    stage: 'status',
    summary: started ? 'PLEG relist: containers running' : `SyncPod (${reason})`,
    narration: started
      ? 'The pod lifecycle event generator (PLEG) relists the runtime every second. It sees the container running and triggers another sync of the pod.'
      : reason === 'PLEG ContainerDied'
        ? 'PLEG relists the runtime every second. It sees that a container has exited and triggers a sync of the pod: the kubelet reports the exit and decides, from restartPolicy and the back-off, whether and when to start it again.'
        : `The pod worker syncs the pod again (${reason}).`,
    payload: { node, action: started ? 'PLEG relist' : reason },
  })
  runSync(w, ctx, node, started)
}

function runSync(w: StepWriter, ctx: SimContext, node: string, firstRunning = false): void {
  const pod = w.world.pod
  if (!pod) return
  const status = sendStatus(
    w,
    ctx,
    node,
    firstRunning
      ? (s, p) =>
          s.phase === 'Running' && podDisplayStatus({ ...p, status: s }) === 'Running'
            ? 'The status manager PATCHes the new status: phase Running, all five conditions True, the pod IP and the container IDs.'
            : statusNarration(s, p)
      : statusNarration,
    'status',
  )
  if (status && (status.phase === 'Succeeded' || status.phase === 'Failed')) {
    // A terminal pod: SyncPod reports isTerminal and the pod worker moves on to SyncTerminatingPod, whose
    // KillPod (kuberuntime_manager.go killPodWithSyncResult) stops the pod's sandbox: StopPodSandbox, in
    // which containerd stops the pause container and runs CNI DEL. Upstream: pkg/kubelet/kubelet.go
    // (SyncPod, SyncTerminatingPod), pkg/kubelet/pod_workers.go.
    setWs(w, { terminal: true, busy: true })
    cri(w, 2, node, {
      call: 'StopPodSandbox',
      pod,
      request: { pod_sandbox_id: sandboxOf(w, node, pod)?.id ?? '' },
    })
    return
  }
  if (!sandboxOf(w, node, pod)) {
    setWs(w, { busy: true })
    mountThenSandbox(w, ctx, node, pod, 2)
    return
  }
  planAndStart(w, ctx, node, pod)
}

/** computePodActions + the start loop of SyncPod. */
function planAndStart(w: StepWriter, ctx: SimContext, node: string, pod: Pod): void {
  const plan = computeActions(w, ctx, node, pod)
  if (ws(w).statusDirty) sendStatus(w, ctx, node, statusNarration, 'status')
  setWs(w, { busy: true, toStart: plan.start })
  if (plan.kill) {
    const { c, rc, message, probe } = plan.kill
    recordEvent(w, node, pod, 'Normal', M.EVENT.Killing, message, `The kubelet kills ${c.name}: ${message}.`)
    killContainer(w, node, pod, c, rc, probe)
    return
  }
  startNext(w, ctx, node)
}

/**
 * killContainer (kuberuntime_container.go): the grace period (the pod's, or the failing probe's own
 * terminationGracePeriodSeconds), then the preStop hook if there is one, then StopContainer with what is
 * left of the grace period (at least 2 seconds). The Killing event is recorded by the caller, before this.
 */
function killContainer(
  w: StepWriter,
  node: string,
  pod: Pod,
  c: Container,
  rc: RuntimeContainer,
  probe?: 'liveness' | 'startup',
): void {
  const probeSpec = probe ? (c[PROBE_FIELDS[probe]] as { terminationGracePeriodSeconds?: number }) : undefined
  const grace = gracePeriodFor(
    pod.spec['terminationGracePeriodSeconds'] as number | undefined,
    probeSpec?.terminationGracePeriodSeconds,
    probe !== undefined,
  )
  const plan = planKill(c, grace, sandboxOf(w, node, pod)?.ip ?? '')
  if (!plan.hook) return stopContainer(w, node, pod, c.name, rc.id, plan.timeout)
  const h = preStopOf(c)!
  const what = h.exec
    ? `exec ${JSON.stringify((h.exec.command ?? []).join(' '))}`
    : h.httpGet
      ? `httpGet ${h.httpGet.path ?? '/'} on port ${h.httpGet.port}`
      : h.sleep
        ? `sleep ${h.sleep.seconds}s`
        : 'handler'
  const took = plan.hook.ms === Infinity ? 'never ends by itself' : `takes ${goDuration(plan.hook.ms)}`
  w.emit({
    kind: 'kubelet.sync',
    component: 'kubelet',
    stage: 'containers',
    summary: `preStop hook of ${c.name}: ${what}`,
    narration: plan.cutOff
      ? `Before it stops ${c.name}, the kubelet runs its preStop hook (${what}). The hook ${took}, longer than the ${grace}s grace period: the kubelet waits ${grace}s, then stops the container anyway with the 2-second minimum.`
      : `Before it stops ${c.name}, the kubelet runs its preStop hook (${what}) and waits for it. The hook ${took}${plan.hook.ok ? '' : ' and fails'}; the whole seconds it took come off the ${grace}s grace period, so StopContainer gets ${plan.timeout}s.`,
    payload: { node, action: 'preStop hook' },
  })
  w.send(plan.stopAfterMs, {
    to: 'kubelet',
    type: 'prestop-done',
    node,
    container: c.name,
    containerId: rc.id,
    failed: plan.failedAtMs !== null,
    cutOffExec: plan.cutOff && h.exec !== undefined,
    timeout: plan.timeout,
  })
}

function stopContainer(
  w: StepWriter,
  node: string,
  pod: Pod,
  name: string,
  id: string,
  timeout: number,
): void {
  cri(w, 1, node, { call: 'StopContainer', pod, container: name, request: { container_id: id, timeout } })
}

/** executePreStopHook returned (the hook ended, or the grace period did): record a failure, then stop. */
function onPreStopDone(
  w: StepWriter,
  node: string,
  name: string,
  id: string,
  failed: boolean,
  cutOffExec: boolean,
  timeout: number,
): void {
  const pod = w.world.pod
  if (!pod) return
  if (failed)
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      REASON_FAILED_PRE_STOP_HOOK,
      MSG_PRE_STOP_FAILED,
      `${name}'s preStop hook failed. The kubelet leaves the hook's output out of the event (it could hold secrets) and stops the container all the same.`,
    )
  if (cutOffExec) setWs(w, { preStopCutOff: [...(ws(w).preStopCutOff ?? []), name] })
  stopContainer(w, node, pod, name, id, timeout)
}

interface Plan {
  readonly start: readonly string[]
  readonly kill?: {
    readonly c: Container
    readonly rc: RuntimeContainer
    readonly message: string
    readonly probe: 'liveness' | 'startup'
  }
}

function latestExited(list: readonly RuntimeContainer[]): RuntimeContainer | undefined {
  return [...list].reverse().find((x) => x.state === 'CONTAINER_EXITED')
}

/**
 * doBackOff: true (and a BackOff event, a CrashLoopBackOff waiting reason and a
 * sync at the window's end) when the container's last exit is inside its window.
 */
function doBackOff(
  w: StepWriter,
  ctx: SimContext,
  node: string,
  pod: Pod,
  c: Container,
  exited: RuntimeContainer | undefined,
): boolean {
  if (!exited) return false
  const rec = ws(w).containers[c.name] ?? {}
  const ts = exited.finishedAtMs ?? ctx.at
  if (isInBackOffSince(rec.backoff, ts, ctx.at)) {
    const window = rec.backoff!.backoffMs
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      M.EVENT.BackOff,
      M.MSG_BACKOFF_RESTART(c.name, podRef(pod)),
      `${c.name} exited again within its back-off window, so the kubelet waits ${formatBackoff(window)} before restarting it (CrashLoopBackOff: 10s, doubling up to 5 minutes). The pod's phase stays ${pod.status?.phase ?? 'Running'}.`,
    )
    setWaiting(w, c.name, {
      reason: M.CRASH_LOOP_BACKOFF,
      message: M.MSG_BACKOFF_RESTART_WAITING(formatBackoff(window), c.name, podRef(pod)),
    })
    w.send(Math.max(1, ts + window - ctx.at), {
      to: 'kubelet',
      type: 'sync',
      node,
      pod,
      reason: 'back-off expired',
    })
    return true
  }
  setRecord(w, c.name, { backoff: nextBackoff(rec.backoff, ts) })
  return false
}

function isStarted(w: StepWriter, c: Container): boolean {
  return !c['startupProbe'] || ws(w).containers[c.name]?.probes?.startup?.result === 'Success'
}

function computeActions(w: StepWriter, ctx: SimContext, node: string, pod: Pod): Plan {
  const runtime = w.world.nodes[node]!
  const policy = pod.spec.restartPolicy ?? 'Always'
  // Init containers, one at a time (computeInitContainerActions).
  for (const c of pod.spec.initContainers ?? []) {
    const list = instancesOf(runtime, pod, c.name)
    const rc = list[list.length - 1]
    const sidecar = isRestartableInitContainer(c)
    if (!rc) return { start: [c.name] }
    if (rc.state === 'CONTAINER_CREATED') return { start: [] }
    if (rc.state === 'CONTAINER_RUNNING') {
      if (sidecar && isStarted(w, c)) continue
      return { start: [] }
    }
    if (!sidecar && rc.exitCode === 0) continue
    if (!sidecar && policy === 'Never') return { start: [] }
    return doBackOff(w, ctx, node, pod, c, rc) ? { start: [] } : { start: [c.name] }
  }
  const start: string[] = []
  let kill: Plan['kill']
  // Sidecars that died while the pod runs are restarted like regular containers.
  for (const c of pod.spec.initContainers ?? []) {
    if (!isRestartableInitContainer(c)) continue
    const list = instancesOf(runtime, pod, c.name)
    const rc = list[list.length - 1]
    if (rc?.state === 'CONTAINER_EXITED' && !doBackOff(w, ctx, node, pod, c, rc)) start.push(c.name)
  }
  for (const c of pod.spec.containers) {
    const list = instancesOf(runtime, pod, c.name)
    const rc = list[list.length - 1]
    if (!rc) {
      start.push(c.name)
      continue
    }
    if (rc.state === 'CONTAINER_RUNNING') {
      const probes = ws(w).containers[c.name]?.probes
      const failed =
        probes?.liveness?.result === 'Failure'
          ? 'liveness'
          : probes?.startup?.result === 'Failure'
            ? 'startup'
            : null
      if (failed && !kill) {
        const restart = policy !== 'Never'
        kill = {
          c,
          rc,
          probe: failed,
          message: restart
            ? failed === 'liveness'
              ? M.MSG_FAILED_LIVENESS(c.name)
              : M.MSG_FAILED_STARTUP(c.name)
            : `Container ${c.name} failed ${failed} probe`,
        }
        // The back-off looks at the last *exited* instance, not the one being killed.
        if (restart && !doBackOff(w, ctx, node, pod, c, latestExited(list))) start.push(c.name)
      }
      continue
    }
    if (rc.state !== 'CONTAINER_EXITED') continue
    const code = rc.exitCode ?? 0
    const restart = policy === 'Always' || (policy === 'OnFailure' && code !== 0)
    if (restart && !doBackOff(w, ctx, node, pod, c, rc)) start.push(c.name)
  }
  return kill ? { start, kill } : { start }
}

function startNext(w: StepWriter, ctx: SimContext, node: string): void {
  const s = ws(w)
  const [name, ...rest] = s.toStart
  if (name === undefined) return finishSync(w, ctx, node)
  setWs(w, { toStart: rest })
  ensureImage(w, ctx, node, name)
}

function finishSync(w: StepWriter, ctx: SimContext, node: string): void {
  const s = ws(w)
  setWs(w, { busy: false, pullFailed: false, configFailed: false })
  if (s.statusDirty) sendStatus(w, ctx, node, statusNarration, 'status')
  const pod = w.world.pod
  if (!pod) return
  if (s.configFailed && !s.pending) {
    // pod_workers.go: a sync that ended in an error is requeued after backOffPeriod with jitter.
    const [r, rng] = next(w.world.rng)
    w.update({ ...w.world, rng })
    w.send(Math.round(SYNC_BACKOFF_MS * (1 + 0.5 * r)), {
      to: 'kubelet',
      type: 'sync',
      node,
      pod,
      reason: 'retry after CreateContainerConfigError',
    })
    return
  }
  if (s.pending || s.pullFailed) {
    setWs(w, { pending: false })
    w.send(s.pending ? 0.5 : nextRelistDelay(ctx), {
      to: 'kubelet',
      type: 'sync',
      node,
      pod,
      reason: s.pending ? 'pending PLEG event' : 'retry after failed image pull',
    })
  }
}

/** A container could not be started this sync; a failed regular init container ends the sync. */
function containerFailed(w: StepWriter, ctx: SimContext, node: string, name: string): void {
  const pod = w.world.pod
  const found = pod ? findContainer(pod, name) : undefined
  if (found?.init && !isRestartableInitContainer(found.c)) setWs(w, { toStart: [] })
  startNext(w, ctx, node)
}

// ---- images ---------------------------------------------------------------

function pullPolicy(c: Container): string {
  if (c.imagePullPolicy) return c.imagePullPolicy
  const ref = parseImageReference(c.image ?? '')
  return !ref || ref.tag === 'latest' ? 'Always' : 'IfNotPresent'
}

function ensureImage(w: StepWriter, ctx: SimContext, node: string, name: string): void {
  const pod = w.world.pod!
  const c = findContainer(pod, name)!.c
  const image = c.image ?? ''
  const ref = parseImageReference(image)
  if (!ref) {
    const msg = M.MSG_INVALID_IMAGE(image)
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      M.EVENT.InspectFailed,
      msg,
      `"${image}" is not a valid image reference (upper case, spaces or a bad tag), so the kubelet cannot even ask containerd for it.`,
    )
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      M.EVENT.Failed,
      M.MSG_ERROR(M.INVALID_IMAGE_NAME),
      `The container waits with reason InvalidImageName until the pod is fixed.`,
    )
    setWaiting(w, name, { reason: M.INVALID_IMAGE_NAME, message: msg })
    return containerFailed(w, ctx, node, name)
  }
  // The kubelet only appends :latest; containerd normalises the rest.
  const withTag = ref.tag === 'latest' && !image.includes(':') ? `${image}:latest` : image
  cri(w, 1, node, { call: 'ImageStatus', pod, container: name, request: { image: { image: withTag } } })
}

function backoffKey(pod: Pod, image: string): string {
  return `${pod.metadata.uid ?? ''}_${image}`
}

function onImageStatus(
  w: StepWriter,
  ctx: SimContext,
  node: string,
  pod: Pod,
  c: Container,
  present: boolean,
): void {
  const image = c.image ?? ''
  const policy = pullPolicy(c)
  if (policy === 'Never' || (present && policy !== 'Always')) {
    if (present) {
      recordEvent(
        w,
        node,
        pod,
        'Normal',
        M.EVENT.Pulled,
        M.MSG_ALREADY_PRESENT(image),
        `The image is already on ${node} and imagePullPolicy is ${policy}, so nothing is downloaded.`,
      )
      return createContainer(w, ctx, node, pod, c)
    }
    const msg = M.MSG_NEVER_PULL(image)
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      M.EVENT.ErrImageNeverPull,
      msg,
      `imagePullPolicy is Never and ${image} is not on ${node}, so the kubelet will not pull it; the container cannot start.`,
    )
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      M.EVENT.Failed,
      M.MSG_ERROR(M.ERR_IMAGE_NEVER_PULL),
      'The container waits with reason ErrImageNeverPull.',
    )
    setWaiting(w, c.name, { reason: M.ERR_IMAGE_NEVER_PULL, message: msg })
    return containerFailed(w, ctx, node, c.name)
  }
  const key = backoffKey(pod, image)
  const s = ws(w)
  if (isInBackOffSinceUpdate(s.imageBackoff[key], ctx.at)) {
    const window = s.imageBackoff[key]!.backoffMs
    recordEvent(
      w,
      node,
      pod,
      'Normal',
      M.EVENT.BackOff,
      M.MSG_BACKOFF_PULL(image),
      `The last pull of ${image} failed less than ${formatBackoff(window)} ago, so the kubelet does not try again yet (image pulls back off 10s, doubling up to 5 minutes).`,
    )
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      M.EVENT.Failed,
      M.MSG_ERROR(M.IMAGE_PULL_BACKOFF),
      'The container waits with reason ImagePullBackOff; its message repeats the last pull error.',
    )
    setWaiting(w, c.name, {
      reason: M.IMAGE_PULL_BACKOFF,
      message: M.MSG_BACKOFF_PULL_WAITING(image, s.prevPullErr[key] ?? ''),
    })
    w.send(Math.max(1, s.imageBackoff[key]!.lastUpdate + window - ctx.at), {
      to: 'kubelet',
      type: 'sync',
      node,
      pod,
      reason: 'image pull back-off expired',
    })
    return containerFailed(w, ctx, node, c.name)
  }
  recordEvent(
    w,
    node,
    pod,
    'Normal',
    M.EVENT.Pulling,
    M.MSG_PULLING(image),
    `${image} is not on ${node} yet (or imagePullPolicy is Always), so the kubelet asks containerd to pull it.`,
  )
  w.update({ ...w.world, pullStartedAt: { ...(w.world.pullStartedAt ?? {}), [`${node}/${c.name}`]: ctx.at } })
  const host = parseImageReference(image)?.repository.split('/')[0] ?? ''
  const secrets = pullSecretsFor(ctx.cluster, pod)
  const auth: Record<string, Json> = secrets.hosts.includes(host) ? { auth: { server_address: host } } : {}
  cri(w, 1, node, {
    call: 'PullImage',
    pod,
    container: c.name,
    request: { image: { image: parseImageReference(image)?.normalized ?? image }, ...auth },
  })
}

function onPulled(
  w: StepWriter,
  ctx: SimContext,
  node: string,
  pod: Pod,
  c: Container,
  error: string | undefined,
): void {
  const image = c.image ?? ''
  const key = backoffKey(pod, image)
  if (error) {
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      M.EVENT.Failed,
      M.MSG_FAILED_PULL(image, error),
      `containerd could not pull ${image}. A typo in the name or tag, a private repository without an imagePullSecret, or a registry that is down all end here.`,
    )
    const s = ws(w)
    setWs(w, {
      imageBackoff: { ...s.imageBackoff, [key]: nextBackoff(s.imageBackoff[key], ctx.at) },
      prevPullErr: { ...s.prevPullErr, [key]: `${M.ERR_IMAGE_PULL}: ${error}` },
      pullFailed: true,
    })
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      M.EVENT.Failed,
      M.MSG_ERROR(M.ERR_IMAGE_PULL),
      'The container waits with reason ErrImagePull; the next attempt backs off (10s, doubling up to 5 minutes).',
    )
    setWaiting(w, c.name, { reason: M.ERR_IMAGE_PULL, message: error })
    return containerFailed(w, ctx, node, c.name)
  }
  const started = w.world.pullStartedAt?.[`${node}/${c.name}`] ?? ctx.at
  const took = Math.trunc(ctx.at - started)
  recordEvent(
    w,
    node,
    pod,
    'Normal',
    M.EVENT.Pulled,
    M.MSG_PULLED(image, took, took, sizeOfPulled(ctx, image)),
    `The image is pulled and unpacked; it stays in containerd's store on ${node} for the next pod that needs it.`,
  )
  createContainer(w, ctx, node, pod, c)
}

function sizeOfPulled(ctx: SimContext, image: string): number {
  const ref = parseImageReference(image)
  const repo = ctx.cluster.registry.find((r) => r.name === ref?.repository)
  return repo?.tags[ref?.tag ?? 'latest']?.sizeBytes ?? 0
}

function createContainer(w: StepWriter, ctx: SimContext, node: string, pod: Pod, c: Container): void {
  // generateContainerConfig → makeEnvironmentVariables: a missing ConfigMap, Secret or key stops here.
  const envError = containerEnvError(ctx.cluster, pod, c)
  if (envError) {
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      M.EVENT.Failed,
      M.MSG_ERROR(envError),
      `The kubelet cannot build ${c.name}'s environment: ${envError}. The container waits with reason CreateContainerConfigError; the pod worker tries again after its back-off (about 10 s).`,
    )
    setWaiting(w, c.name, { reason: M.CREATE_CONTAINER_CONFIG_ERROR, message: envError })
    setWs(w, { configFailed: true })
    return containerFailed(w, ctx, node, c.name)
  }
  const sandbox = sandboxOf(w, node, pod)
  const attempt = instancesOf(w.world.nodes[node]!, pod, c.name).length
  cri(w, 2, node, {
    call: 'CreateContainer',
    pod,
    container: c.name,
    request: containerConfig(pod, c.name, sandbox?.id ?? '', attempt),
  })
}

// ---- CRI replies ----------------------------------------------------------

function onReply(w: StepWriter, ctx: SimContext, node: string, reply: CriReply): void {
  const pod = w.world.pod ?? reply.pod
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
      planAndStart(w, ctx, node, pod)
      return
    case 'ImageStatus':
      onImageStatus(w, ctx, node, pod, found!.c, (reply.response as { image?: unknown }).image != null)
      return
    case 'PullImage':
      onPulled(w, ctx, node, pod, found!.c, reply.error)
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
      onStarted(w, ctx, node, pod, found!.c, reply)
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
      startNext(w, ctx, node)
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

function onStarted(
  w: StepWriter,
  ctx: SimContext,
  node: string,
  pod: Pod,
  c: Container,
  reply: CriReply,
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
    return containerFailed(w, ctx, node, c.name)
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
  startNext(w, ctx, node)
}

// ---- probes ---------------------------------------------------------------

const PROBE_FIELDS: Readonly<Record<ProbeKind, string>> = {
  startup: 'startupProbe',
  liveness: 'livenessProbe',
  readiness: 'readinessProbe',
}
const PROBE_TITLE: Readonly<Record<ProbeKind, 'Startup' | 'Liveness' | 'Readiness'>> = {
  startup: 'Startup',
  liveness: 'Liveness',
  readiness: 'Readiness',
}
const INITIAL_RESULT: Readonly<Record<ProbeKind, 'Success' | 'Failure' | 'Unknown'>> = {
  startup: 'Unknown',
  liveness: 'Success',
  readiness: 'Failure',
}

/** The next prober tick at or after `from`: workers tick every period from when the pod was added. */
function nextTick(w: StepWriter, from: number, periodMs: number): number {
  const base = ws(w).admittedAt
  return base + Math.ceil(Math.max(0, from - base) / periodMs) * periodMs
}

function scheduleProbes(
  w: StepWriter,
  ctx: SimContext,
  node: string,
  pod: Pod,
  c: Container,
  rc: RuntimeContainer,
): void {
  for (const kind of ['startup', 'liveness', 'readiness'] as const) {
    const spec = c[PROBE_FIELDS[kind]] as ProbeSpec | undefined
    if (!spec) continue
    const t = probeTiming(spec)
    const at = nextTick(w, Math.max(ctx.at + 1, (rc.startedAtMs ?? ctx.at) + t.initialDelayMs), t.periodMs)
    w.send(at - ctx.at, {
      to: 'kubelet',
      type: 'probe',
      node,
      container: c.name,
      containerId: rc.id,
      probe: kind,
    })
  }
  void pod
}

function onProbe(
  w: StepWriter,
  ctx: SimContext,
  node: string,
  name: string,
  id: string,
  kind: ProbeKind,
): void {
  const pod = w.world.pod
  if (!pod || ws(w).terminal) return
  const rc = w.world.nodes[node]?.containers.find((x) => x.id === id)
  const c = findContainer(pod, name)?.c
  const spec = c?.[PROBE_FIELDS[kind]] as ProbeSpec | undefined
  if (!rc || rc.state !== 'CONTAINER_RUNNING' || !c || !spec) return
  const t = probeTiming(spec)
  const again = () =>
    w.send(t.periodMs, { to: 'kubelet', type: 'probe', node, container: name, containerId: id, probe: kind })
  const probes = ws(w).containers[name]?.probes ?? {}
  if (kind !== 'startup' && c['startupProbe'] && probes.startup?.result !== 'Success') return void again()
  const prev = probes[kind] ?? { successes: 0, failures: 0, result: INITIAL_RESULT[kind] }
  const r = runHandler(c, spec, sandboxOf(w, node, pod)?.ip ?? '')
  const next = r.ok
    ? {
        successes: prev.successes + 1,
        failures: 0,
        result: prev.successes + 1 >= t.successThreshold ? ('Success' as const) : prev.result,
      }
    : {
        successes: 0,
        failures: prev.failures + 1,
        result: prev.failures + 1 >= t.failureThreshold ? ('Failure' as const) : prev.result,
      }
  setRecord(w, name, { probes: { ...probes, [kind]: next } })
  if (!r.ok)
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      M.EVENT.Unhealthy,
      M.MSG_PROBE_FAILED(PROBE_TITLE[kind], r.output),
      `${PROBE_TITLE[kind]} probe of ${name} failed (${next.failures}/${t.failureThreshold}).`,
    )
  const changed = next.result !== prev.result
  if (kind === 'startup' && next.result === 'Success') {
    if (changed) triggerSync(w, ctx, node, 'startup probe succeeded')
    return
  }
  if ((kind === 'liveness' || kind === 'startup') && next.result === 'Failure') {
    if (changed) triggerSync(w, ctx, node, `${kind} probe failed`)
    return
  }
  again()
  if (changed) triggerSync(w, ctx, node, `readiness probe: ${next.result}`)
}

function triggerSync(w: StepWriter, ctx: SimContext, node: string, reason: string): void {
  const pod = w.world.pod
  if (pod) w.send(0.5, { to: 'kubelet', type: 'sync', node, pod, reason })
  void ctx
}
