/**
 * Each container of the pod as its node sees it at one instant: waiting (and why), running (and
 * whether it is ready) or terminated (reason and exit code), with its restart count. This is what the
 * kubelet would report if it wrote the status now, worked out by the kubelet's own rule from what
 * containerd holds and what the kubelet remembers (the reason cache), so a container that ran for
 * 15 ms between two status updates still shows as running.
 * Upstream: pkg/kubelet/kubelet_pods.go (convertToAPIContainerStatuses), via kubelet/status.ts.
 */
import { storyPod, storyRecord } from '../protocol/pods'
import type { Container, ContainerStatus, Pod } from '../model/objects'
import type { World } from '../protocol/world'
import type { Timeline } from '../protocol/timeline'
import { frameAt } from '../sim/cursor'
import { CONTAINER_CREATING, POD_INITIALIZING, generatePodStatus } from '../kubelet/status'
import { isRestartableInitContainer } from '../kubelet/phase'

/** Init containers run to completion first; a sidecar is an init container with restartPolicy Always. */
export type ContainerKind = 'init' | 'sidecar' | 'regular'
export type ContainerStateName = 'waiting' | 'running' | 'terminated'

export interface ContainerNow {
  readonly name: string
  readonly kind: ContainerKind
  readonly image: string
  readonly state: ContainerStateName
  /** Why it waits (ContainerCreating, ErrImagePull, CrashLoopBackOff, …) or why it ended (Completed, Error, OOMKilled). */
  readonly reason: string | null
  readonly message: string | null
  /** The exit code of a terminated container. */
  readonly exitCode: number | null
  readonly restartCount: number
  /** The kubelet's `ready` for this container. */
  readonly ready: boolean
  /**
   * Running but not ready: its readiness probe (or startup probe) has not passed yet. Never set for an
   * init container, which runs to completion and to which readiness does not apply.
   */
  readonly unready: boolean
  /**
   * Nothing has gone wrong: a container waiting only to be created or for its init containers, any
   * running container, or one that exited 0. False for error reasons (ErrImagePull, CrashLoopBackOff, …)
   * and non-zero exits.
   */
  readonly ok: boolean
  /** One line for people: `waiting: CrashLoopBackOff`, `running, not ready`, `terminated: Error (exit code 1)`. */
  readonly summary: string
}

/** The waiting reasons that only mean "not there yet". Upstream: convertToAPIContainerStatuses defaults. */
const NOT_YET = new Set([CONTAINER_CREATING, POD_INITIALIZING])

export function containerKind(c: Container, init: boolean): ContainerKind {
  if (!init) return 'regular'
  return isRestartableInitContainer(c) ? 'sidecar' : 'init'
}

interface StateShape {
  readonly waiting?: { readonly reason?: string; readonly message?: string }
  readonly running?: unknown
  readonly terminated?: { readonly reason?: string; readonly message?: string; readonly exitCode?: number }
}

function toNow(c: Container, init: boolean, st: ContainerStatus): ContainerNow {
  const s = st.state as StateShape
  const base = {
    name: c.name,
    kind: containerKind(c, init),
    image: c.image ?? '',
    restartCount: st.restartCount,
  }
  if (s.running) {
    return {
      ...base,
      state: 'running',
      reason: null,
      message: null,
      exitCode: null,
      ready: st.ready,
      unready: base.kind !== 'init' && !st.ready,
      ok: true,
      summary: base.kind === 'init' ? 'running' : st.ready ? 'running, ready' : 'running, not ready',
    }
  }
  if (s.terminated) {
    const code = s.terminated.exitCode ?? 0
    const reason = s.terminated.reason ?? null
    return {
      ...base,
      state: 'terminated',
      reason,
      message: s.terminated.message ?? null,
      exitCode: code,
      ready: st.ready,
      unready: false,
      ok: code === 0,
      summary: `terminated: ${reason ?? 'exited'} (exit code ${code})`,
    }
  }
  const reason = s.waiting?.reason ?? CONTAINER_CREATING
  return {
    ...base,
    state: 'waiting',
    reason,
    message: s.waiting?.message ?? null,
    exitCode: null,
    ready: false,
    unready: false,
    ok: NOT_YET.has(reason),
    summary: `waiting: ${reason}`,
  }
}

/**
 * The pod's containers at this instant, init containers first, in spec order; null while the kubelet
 * has not taken the pod on (not bound yet, or rejected before admission).
 */
export function containerStatesOf(world: World): readonly ContainerNow[] | null {
  const record = storyRecord(world)
  const pod: Pod | null = storyPod(world)
  const worker = record?.worker
  const node = pod?.spec.nodeName
  const runtime = node ? world.nodes[node] : undefined
  if (!pod || !worker || !runtime) return null
  const status = generatePodStatus({ pod, runtime, worker, hostIP: '', now: '', imageDigest: () => '' })
  const inits = pod.spec.initContainers ?? []
  const initStatuses = (status['initContainerStatuses'] as readonly ContainerStatus[] | undefined) ?? []
  const statuses = status.containerStatuses ?? []
  return [
    ...inits.map((c, i) => toNow(c, true, initStatuses[i]!)),
    ...pod.spec.containers.map((c, i) => toNow(c, false, statuses[i]!)),
  ]
}

/** The containers' states at a cursor position (see containerStatesOf); null before the kubelet has the pod. */
export function containerStatesAt(timeline: Timeline, index: number): readonly ContainerNow[] | null {
  return containerStatesOf(frameAt(timeline, { index }))
}
