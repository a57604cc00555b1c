/**
 * The pod phase from its container statuses, as the kubelet computes it.
 * Upstream: pkg/kubelet/kubelet_pods.go getPhase (1.34: restartable init
 * containers, i.e. native sidecars, are counted with the regular containers).
 */
import type { Container, ContainerStatus, Pod } from '../model/objects'

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed'

interface StateShape {
  readonly running?: unknown
  readonly terminated?: { readonly exitCode?: number }
  readonly waiting?: unknown
}

export function isRestartableInitContainer(c: Container): boolean {
  return c.restartPolicy === 'Always'
}

function stateOf(s: ContainerStatus): StateShape {
  return s.state as StateShape
}

function lastTerminated(s: ContainerStatus): { exitCode?: number } | undefined {
  return (s.lastState as StateShape).terminated
}

export function getPhase(
  pod: Pod,
  initStatuses: readonly ContainerStatus[],
  statuses: readonly ContainerStatus[],
  podIsTerminal: boolean,
  podHasInitialized: boolean,
): PodPhase {
  const spec = pod.spec
  const find = (list: readonly ContainerStatus[], name: string) => list.find((s) => s.name === name)
  let pendingRestartableInit = 0
  let pendingRegularInit = 0
  let failedInitialization = 0
  for (const c of spec.initContainers ?? []) {
    if (isRestartableInitContainer(c)) continue
    const s = find(initStatuses, c.name)
    const st = s ? stateOf(s) : undefined
    if (!s || !st) pendingRegularInit++
    else if (st.running) pendingRegularInit++
    else if (st.terminated) {
      if ((st.terminated.exitCode ?? 0) !== 0) failedInitialization++
    } else if (st.waiting) {
      const last = lastTerminated(s)
      if (last) {
        if ((last.exitCode ?? 0) !== 0) failedInitialization++
      } else pendingRegularInit++
    } else pendingRegularInit++
  }
  let unknown = 0
  let running = 0
  let waiting = 0
  let stopped = 0
  let succeeded = 0
  for (const c of spec.initContainers ?? []) {
    if (!isRestartableInitContainer(c)) continue
    const s = find(initStatuses, c.name)
    if (!s) {
      unknown++
      continue
    }
    const st = stateOf(s)
    if (st.running) {
      if (!s.started) pendingRestartableInit++
      running++
    } else if (st.terminated) {
      // terminated sidecars are ignored
    } else if (st.waiting) {
      if (!lastTerminated(s)) {
        pendingRestartableInit++
        waiting++
      }
    } else {
      pendingRestartableInit++
      unknown++
    }
  }
  for (const c of spec.containers) {
    const s = find(statuses, c.name)
    if (!s) {
      unknown++
      continue
    }
    const st = stateOf(s)
    if (st.running) running++
    else if (st.terminated) {
      stopped++
      if ((st.terminated.exitCode ?? 0) === 0) succeeded++
    } else if (st.waiting) {
      if (lastTerminated(s)) stopped++
      else waiting++
    } else unknown++
  }
  const restartPolicy = spec.restartPolicy ?? 'Always'
  if (failedInitialization > 0 && restartPolicy === 'Never') return 'Failed'
  if (pendingRegularInit > 0 || (pendingRestartableInit > 0 && !podHasInitialized)) return 'Pending'
  if (waiting > 0) return 'Pending'
  if (running > 0 && unknown === 0) return 'Running'
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed'
    if (restartPolicy === 'Always') return 'Running'
    if (stopped === succeeded) return 'Succeeded'
    if (restartPolicy === 'Never') return 'Failed'
    return 'Running'
  }
  return 'Pending'
}
