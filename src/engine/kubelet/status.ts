/**
 * The pod status the kubelet computes from what the runtime reports and what
 * it remembers (generateAPIPodStatus): phase, the five conditions in the
 * order the kubelet writes them, IPs and one status per container, init
 * containers included.
 * Upstream: pkg/kubelet/kubelet_pods.go (generateAPIPodStatus, getPhase,
 * convertToAPIContainerStatuses), pkg/kubelet/status/generate.go
 */
import type { Container, ContainerStatus, JsonObject, Pod, PodCondition, PodStatus } from '../model/objects'
import type { NodeRuntime, RuntimeContainer } from '../protocol/world'
import { parseImageReference } from '../model/image-reference'
import type { PodWorkerState } from './pod-state'
import { getPhase, isRestartableInitContainer } from './phase'

/** Condition reasons and messages. Upstream: pkg/kubelet/status/generate.go */
export const REASON_CONTAINERS_NOT_READY = 'ContainersNotReady'
export const REASON_CONTAINERS_NOT_INITIALIZED = 'ContainersNotInitialized'
export const REASON_POD_COMPLETED = 'PodCompleted'
export const REASON_POD_FAILED = 'PodFailed'
export const UNREADY_MESSAGE = (names: readonly string[]): string =>
  `containers with unready status: [${names.join(' ')}]`
export const INCOMPLETE_MESSAGE = (names: readonly string[]): string =>
  `containers with incomplete status: [${names.join(' ')}]`
/** Default waiting reasons. Upstream: pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses */
export const CONTAINER_CREATING = 'ContainerCreating'
export const POD_INITIALIZING = 'PodInitializing'
/** The startedAt runc reports for a process that never started (StartError). */
const ZERO_TIME = '1970-01-01T00:00:00Z'

export interface StatusInputs {
  readonly pod: Pod
  readonly runtime: NodeRuntime
  readonly hostIP: string
  readonly now: string
  readonly worker: PodWorkerState
  /** Image digests as containerd reports them, by normalised reference. */
  readonly imageDigest: (ref: string) => string
}

function condition(
  type: string,
  ok: boolean,
  now: string,
  prev: readonly PodCondition[],
  reason?: string,
  message?: string,
): PodCondition {
  const before = prev.find((c) => c.type === type)
  const status = ok ? 'True' : 'False'
  return {
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime: before && before.status === status ? before.lastTransitionTime : now,
    observedGeneration: 1,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  } as PodCondition
}

export function podKeyOf(pod: Pod): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`
}

/** The runtime's instances of one container, oldest attempt first. */
export function instancesOf(runtime: NodeRuntime, pod: Pod, name: string): RuntimeContainer[] {
  const key = podKeyOf(pod)
  return runtime.containers
    .filter((x) => x.pod === key && x.name === name)
    .sort((a, b) => (a.attempt ?? 0) - (b.attempt ?? 0))
}

export function terminatedState(rc: RuntimeContainer): JsonObject {
  return {
    terminated: {
      containerID: `containerd://${rc.id}`,
      exitCode: rc.exitCode ?? 0,
      finishedAt: rc.finishedAt ?? ZERO_TIME,
      ...(rc.message ? { message: rc.message } : {}),
      reason: rc.reason ?? 'Completed',
      startedAt: rc.reason === 'StartError' ? ZERO_TIME : (rc.startedAt ?? ZERO_TIME),
    },
  }
}

/** Whether the kubelet will start this container again (kubecontainer.ShouldContainerBeRestarted). */
export function shouldRestart(pod: Pod, c: Container, init: boolean, exitCode: number): boolean {
  if (init && isRestartableInitContainer(c)) return true
  const policy = pod.spec.restartPolicy ?? 'Always'
  if (init) return policy !== 'Never' && exitCode !== 0
  if (policy === 'Always') return true
  if (policy === 'OnFailure') return exitCode !== 0
  return false
}

function containerStatus(
  s: StatusInputs,
  c: Container,
  init: boolean,
  defaultWaiting: string,
): ContainerStatus {
  const instances = instancesOf(s.runtime, s.pod, c.name)
  const latest = instances[instances.length - 1]
  const prev = instances[instances.length - 2]
  const rec = s.worker.containers[c.name]
  const mounts = (c.volumeMounts ?? []).map((m) => ({
    mountPath: m.mountPath,
    name: m.name,
    ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
  }))
  if (!latest || latest.state === 'CONTAINER_CREATED') {
    const waiting = rec?.waiting ?? { reason: defaultWaiting }
    return {
      image: c.image ?? '',
      imageID: '',
      lastState: prev ? terminatedState(prev) : {},
      name: c.name,
      ready: false,
      restartCount: latest?.attempt ?? 0,
      started: false,
      state: {
        waiting: { ...(waiting.message ? { message: waiting.message } : {}), reason: waiting.reason },
      },
      volumeMounts: mounts,
    }
  }
  const ref = parseImageReference(c.image ?? '')
  const running = latest.state === 'CONTAINER_RUNNING'
  const probes = rec?.probes ?? {}
  const started = running && (!c['startupProbe'] || probes.startup?.result === 'Success')
  let ready: boolean
  if (init && !isRestartableInitContainer(c)) ready = !running && latest.exitCode === 0
  else ready = started && (!c['readinessProbe'] || probes.readiness?.result === 'Success')
  let state: JsonObject
  let lastState: JsonObject = prev ? terminatedState(prev) : {}
  if (running) state = { running: { startedAt: latest.startedAt ?? s.now } }
  else if (rec?.waiting && shouldRestart(s.pod, c, init, latest.exitCode ?? 0)) {
    state = {
      waiting: {
        ...(rec.waiting.message ? { message: rec.waiting.message } : {}),
        reason: rec.waiting.reason,
      },
    }
    lastState = terminatedState(latest)
  } else state = terminatedState(latest)
  return {
    containerID: `containerd://${latest.id}`,
    image: latest.image,
    imageID: `${ref?.repository ?? latest.image}@${s.imageDigest(latest.image)}`,
    lastState,
    name: c.name,
    ready,
    ...(running
      ? {
          resources: {
            ...(c.resources?.limits ? { limits: c.resources.limits } : {}),
            ...(c.resources?.requests ? { requests: c.resources.requests } : {}),
          },
        }
      : {}),
    restartCount: latest.attempt ?? 0,
    started,
    state,
    user: { linux: { gid: 0, supplementalGroups: [0], uid: 0 } },
    volumeMounts: mounts,
  }
}

function isTerminatedOk(st: ContainerStatus): boolean {
  const t = (st.state as { terminated?: { exitCode?: number } }).terminated
  return !!t && t.exitCode === 0
}

export function generatePodStatus(s: StatusInputs): PodStatus {
  const { pod, runtime, now } = s
  const key = podKeyOf(pod)
  const sandbox = runtime.sandboxes.find((x) => x.pod === key && x.state === 'SANDBOX_READY')
  const prev = pod.status?.conditions ?? []
  const inits = pod.spec.initContainers ?? []
  const defaultWaiting = inits.length > 0 ? POD_INITIALIZING : CONTAINER_CREATING
  const initStatuses = inits.map((c) => containerStatus(s, c, true, defaultWaiting))
  const containerStatuses = pod.spec.containers.map((c) => containerStatus(s, c, false, defaultWaiting))

  const incomplete = inits
    .map((c, i) => ({ c, st: initStatuses[i]! }))
    .filter(({ c, st }) => (isRestartableInitContainer(c) ? !st.started : !isTerminatedOk(st)))
    .map(({ c }) => c.name)
  const initialized = incomplete.length === 0
  const sidecarsUnready = inits
    .map((c, i) => ({ c, st: initStatuses[i]! }))
    .filter(({ c, st }) => isRestartableInitContainer(c) && !st.ready)
    .map(({ c }) => c.name)
  const unready = [...sidecarsUnready, ...containerStatuses.filter((c) => !c.ready).map((c) => c.name)]
  const phase = getPhase(pod, initStatuses, containerStatuses, s.worker.terminal, initialized)

  let readyReason: string | undefined
  let readyMessage: string | undefined
  if (phase === 'Failed') readyReason = REASON_POD_FAILED
  else if (phase === 'Succeeded') readyReason = REASON_POD_COMPLETED
  else if (unready.length > 0) {
    readyReason = REASON_CONTAINERS_NOT_READY
    readyMessage = UNREADY_MESSAGE(unready)
  }
  const allReady = readyReason === undefined
  const initReason =
    phase === 'Succeeded' && inits.length > 0
      ? REASON_POD_COMPLETED
      : initialized
        ? undefined
        : REASON_CONTAINERS_NOT_INITIALIZED
  const scheduled = prev.find((c) => c.type === 'PodScheduled')
  const conditions: PodCondition[] = [
    condition('PodReadyToStartContainers', !!sandbox, now, prev),
    condition(
      'Initialized',
      initialized,
      now,
      prev,
      initReason,
      initialized ? undefined : INCOMPLETE_MESSAGE(incomplete),
    ),
    condition('Ready', allReady, now, prev, readyReason, readyMessage),
    condition('ContainersReady', allReady, now, prev, readyReason, readyMessage),
    {
      ...(scheduled ?? {
        type: 'PodScheduled',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: now,
      }),
      observedGeneration: 1,
    },
  ]
  // A stopped sandbox reports no IP; the kubelet keeps the IPs of the last status (SyncTerminatingPod copies
  // them, kubernetes/kubernetes PR #125404, v1.31+), so a finished pod keeps its podIP in the API.
  const ip = sandbox?.ip ?? (pod.status?.podIP as string | undefined)
  return {
    ...pod.status,
    observedGeneration: 1,
    phase,
    conditions,
    hostIP: s.hostIP,
    hostIPs: [{ ip: s.hostIP }],
    ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
    startTime: pod.status?.startTime ?? now,
    ...(inits.length > 0 ? { initContainerStatuses: initStatuses } : {}),
    containerStatuses,
  }
}

/** A container of the pod by name: init containers first, as names are unique across both lists. */
export function findContainer(pod: Pod, name: string): { c: Container; init: boolean } | undefined {
  const i = (pod.spec.initContainers ?? []).find((x) => x.name === name)
  if (i) return { c: i, init: true }
  const c = pod.spec.containers.find((x) => x.name === name)
  return c ? { c, init: false } : undefined
}
