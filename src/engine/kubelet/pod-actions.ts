/**
 * computePodActions: what this sync starts and kills. Init containers one at a time, then sidecars
 * and regular containers, restarts under restartPolicy behind the crash-loop back-off, and a kill for
 * a container whose liveness or startup probe failed.
 * Upstream: pkg/kubelet/kuberuntime/kuberuntime_manager.go (computePodActions,
 * computeInitContainerActions, doBackOff)
 */
import type { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import type { RuntimeContainer } from '../protocol/world'
import type { Container, Pod } from '../model/objects'
import { instancesOf } from './status'
import { formatBackoff, isInBackOffSince, nextBackoff } from './backoff'
import { isRestartableInitContainer } from './phase'
import * as M from './kubelet-messages'
import { setRecord, setWaiting, ws } from './worker-state'
import { recordEvent } from './event-recorder'

/** The pod as the kubelet names it in its messages (format.Pod). */
function podRef(pod: Pod): string {
  return M.formatPod(pod.metadata.name ?? '', pod.metadata.namespace ?? 'default', pod.metadata.uid ?? '')
}

export interface Plan {
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

export function computeActions(w: StepWriter, ctx: SimContext, node: string, pod: Pod): Plan {
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
