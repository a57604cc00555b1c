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
 *
 * This file holds the dispatcher and the pod worker's sync loop. The steps it
 * drives each have their own file: pod-additions.ts (SyncLoop ADD),
 * volume-manager.ts, pod-actions.ts (computePodActions), image-manager.ts,
 * container-start.ts, kill-container.ts, probe-workers.ts, cri-replies.ts,
 * status-manager.ts, pleg.ts, event-recorder.ts; worker-state.ts and
 * cri-client.ts are what they all share. Files that continue the loop get it
 * as a SyncLoop argument (sync-loop.ts) rather than importing this file.
 */
import type { Step } from '../protocol/step'
import { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import type { RuntimeContainer, World } from '../protocol/world'
import type { Message } from '../protocol/messages'
import type { Pod } from '../model/objects'
import { podDisplayStatus } from '../model/pod-display-status'
import { findContainer, podKeyOf } from './status'
import { isRestartableInitContainer } from './phase'
import * as M from './kubelet-messages'
import { setWs, ws } from './worker-state'
import { cri, sandboxOf } from './cri-client'
import { recordEvent } from './event-recorder'
import { sendStatus, statusNarration } from './status-manager'
import { nextRelistDelay } from './pleg'
import { admit } from './pod-additions'
import { MOUNT_RETRY, MOUNT_TIMEOUT, mountThenSandbox, onVolumes } from './volume-manager'
import { computeActions } from './pod-actions'
import { ensureImage } from './image-manager'
import { killContainer, onPreStopDone } from './kill-container'
import { onProbe } from './probe-workers'
import { onReply } from './cri-replies'
import { syncBackoff, type SyncLoop } from './sync-loop'

type KubeletMessage = Extract<Message, { to: 'kubelet' }>

/** The sync loop's continuations, handed to the step files that continue it (sync-loop.ts). */
const loop: SyncLoop = { planAndStart, startNext, containerFailed }

export function kubeletStep(world: World, msg: KubeletMessage, ctx: SimContext): Step {
  const w = new StepWriter(world, ctx.about)
  switch (msg.type) {
    case 'watch':
      admit(w, ctx, msg.node, msg.pod)
      break
    case 'cri-reply':
      onReply(w, ctx, msg.node, msg.reply, loop)
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

// ---- the pod worker's sync loop ----------------------------------------------

function onSync(w: StepWriter, ctx: SimContext, node: string, reason: string): void {
  const pod = w.pod
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
  const exited = started ? exitedSinceStart(w.world, node, pod) : []
  w.emit({
    kind: 'kubelet.sync',
    component: 'kubelet',
    stage: 'status',
    summary: !started
      ? `SyncPod (${reason})`
      : exited.length > 0
        ? `PLEG relist: ${exited.join(', ')} exited`
        : 'PLEG relist: containers running',
    narration: started
      ? exited.length > 0
        ? `The pod lifecycle event generator (PLEG) relists the runtime every second. Since the last relist, ${plural(exited, 'container')} ${exited.join(', ')} started and already exited, so it sees ${exited.length === 1 ? 'that container' : 'them'} exited (ContainerDied) and triggers another sync of the pod.`
        : 'The pod lifecycle event generator (PLEG) relists the runtime every second. It sees the container running and triggers another sync of the pod.'
      : reason === 'PLEG ContainerDied'
        ? 'PLEG relists the runtime every second. It sees that a container has exited and triggers a sync of the pod: the kubelet reports the exit and decides, from restartPolicy and the back-off, whether and when to start it again.'
        : `The pod worker syncs the pod again (${reason}).`,
    payload: { node, action: started ? 'PLEG relist' : reason },
  })
  runSync(w, ctx, node, started)
}

const plural = (names: readonly string[], noun: string): string => (names.length === 1 ? noun : `${noun}s`)

/**
 * The pod's containers whose latest instance has already exited when PLEG relists after a start:
 * a relist sees each container's current state, not the start that was scheduled, so a container
 * that ran for less than the relist period shows up as exited (pkg/kubelet/pleg/generic.go relist,
 * generateEvents: a container found exited yields ContainerDied).
 */
function exitedSinceStart(world: World, node: string, pod: Pod): string[] {
  const key = podKeyOf(pod)
  const latest = new Map<string, RuntimeContainer>()
  for (const c of world.nodes[node]?.containers ?? []) if (c.pod === key && !c.init) latest.set(c.name, c)
  return [...latest.values()].filter((c) => c.state === 'CONTAINER_EXITED').map((c) => c.name)
}

function runSync(w: StepWriter, ctx: SimContext, node: string, firstRunning = false): void {
  const pod = w.pod
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

function startNext(w: StepWriter, ctx: SimContext, node: string): void {
  const s = ws(w)
  const [name, ...rest] = s.toStart
  if (name === undefined) return finishSync(w, ctx, node)
  setWs(w, { toStart: rest })
  ensureImage(w, ctx, node, name, loop)
}

function finishSync(w: StepWriter, ctx: SimContext, node: string): void {
  const s = ws(w)
  setWs(w, { busy: false, pullFailed: false, syncError: undefined })
  if (s.statusDirty) sendStatus(w, ctx, node, statusNarration, 'status')
  const pod = w.pod
  if (!pod) return
  if (s.syncError && !s.pending) {
    // pod_workers.go: a sync that ended in an error is requeued after backOffPeriod with jitter.
    w.send(syncBackoff(w), {
      to: 'kubelet',
      type: 'sync',
      node,
      pod,
      reason: `retry after ${s.syncError}`,
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
  const pod = w.pod
  const found = pod ? findContainer(pod, name) : undefined
  if (found?.init && !isRestartableInitContainer(found.c)) setWs(w, { toStart: [] })
  startNext(w, ctx, node)
}
