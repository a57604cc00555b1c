/**
 * The volume manager as SyncPod waits for it: the sandbox is created only once every volume is set
 * up; a volume that cannot be set up is retried with a growing back-off, and a SyncPod that waited
 * too long gives up this round.
 * Upstream: pkg/kubelet/volumemanager/volume_manager.go (WaitForAttachAndMount),
 * pkg/volume/util/nestedpendingoperations
 */
import type { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import type { Pod } from '../model/objects'
import { unmountableVolumes } from './object-references'
import { sandboxConfig } from './cri-config'
import * as M from './kubelet-messages'
import { setWs, ws } from './worker-state'
import { cri } from './cri-client'
import { recordEvent } from './event-recorder'
import { syncBackoff } from './sync-loop'

/** The reasons the volume manager's own syncs carry; kubeletStep hands those syncs to onVolumes. */
export const MOUNT_RETRY = 'volume manager retries SetUp'
export const MOUNT_TIMEOUT = 'WaitForAttachAndMount timed out'
/** nestedpendingoperations exponential back-off, and volume_manager.go podAttachAndMountTimeout. */
const MOUNT_BACKOFF_FIRST_MS = 500
const MOUNT_BACKOFF_MAX_MS = 122_000
const MOUNT_TIMEOUT_MS = 123_000

/**
 * SyncPod's WaitForAttachAndMount: the sandbox is created only once every volume is set up. A configMap
 * or secret volume whose object is missing keeps the pod in ContainerCreating with FailedMount events.
 */
export function mountThenSandbox(
  w: StepWriter,
  ctx: SimContext,
  node: string,
  pod: Pod,
  delay: number,
): void {
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

export function onVolumes(w: StepWriter, ctx: SimContext, node: string, reason: string): void {
  const pod = w.pod
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
  const backoff = syncBackoff(w)
  setWs(w, { mountWait: { ...wait, since: ctx.at + backoff } })
  w.send(backoff + MOUNT_TIMEOUT_MS, { to: 'kubelet', type: 'sync', node, pod, reason: MOUNT_TIMEOUT })
}
