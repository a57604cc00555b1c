/**
 * The STATUS column of `kubectl get pod`, computed as the server-side table
 * printer does. Upstream: pkg/printers/internalversion/printers.go (printPod)
 */
import type { Pod } from './objects'

/** Upstream: pkg/util/node/node.go NodeUnreachablePodReason. */
export const NODE_UNREACHABLE_POD_REASON = 'NodeLost'

interface StateShape {
  readonly waiting?: { readonly reason?: string }
  readonly terminated?: { readonly reason?: string; readonly exitCode?: number; readonly signal?: number }
  readonly running?: unknown
}

export function podDisplayStatus(pod: Pod | null): string {
  if (!pod) return ''
  const status = pod.status ?? {}
  let reason = String(status.phase ?? 'Pending')
  if (typeof status['reason'] === 'string' && status['reason']) reason = status['reason'] as string
  const initStatuses =
    (status['initContainerStatuses'] as
      readonly { name?: string; started?: boolean; state: StateShape }[] | undefined) ?? []
  const initCount = pod.spec.initContainers?.length ?? 0
  // Native sidecars (restartPolicy: Always) that have started no longer hold the pod in Init.
  const sidecars = new Set(
    (pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name),
  )
  let initializing = false
  initStatuses.forEach((c, i) => {
    if (initializing) return
    const t = c.state.terminated
    if (t && t.exitCode === 0) return
    if (c.name !== undefined && sidecars.has(c.name) && c.started) return
    if (t) {
      reason = t.reason
        ? `Init:${t.reason}`
        : t.signal
          ? `Init:Signal:${t.signal}`
          : `Init:ExitCode:${t.exitCode ?? 0}`
      initializing = true
    } else if (c.state.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`
      initializing = true
    } else {
      reason = `Init:${i}/${initCount}`
      initializing = true
    }
  })
  const initializedTrue = (status.conditions ?? []).some(
    (c) => c.type === 'Initialized' && c.status === 'True',
  )
  if (!initializing || initializedTrue) {
    let hasRunning = false
    const statuses = (status.containerStatuses ?? []) as readonly { ready: boolean; state: StateShape }[]
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!
      if (c.state.waiting?.reason) reason = c.state.waiting.reason
      else if (c.state.terminated?.reason) reason = c.state.terminated.reason
      else if (c.state.terminated)
        reason = c.state.terminated.signal
          ? `Signal:${c.state.terminated.signal}`
          : `ExitCode:${c.state.terminated.exitCode ?? 0}`
      else if (c.ready && c.state.running) hasRunning = true
    }
    if (reason === 'Completed' && hasRunning) reason = hasPodReady(pod) ? 'Running' : 'NotReady'
  }
  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed'
  // A pod the node lifecycle controller is deleting because its node is unreachable (status.reason
  // NodeLost, pkg/util/node NodeUnreachablePodReason) shows Unknown, terminal or not.
  if (pod.metadata['deletionTimestamp'] && status['reason'] === NODE_UNREACHABLE_POD_REASON)
    reason = 'Unknown'
  else if (pod.metadata['deletionTimestamp'] && !terminal) reason = 'Terminating'
  return reason
}

function hasPodReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
}
