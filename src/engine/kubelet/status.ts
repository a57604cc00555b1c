/**
 * The pod status the kubelet computes from what the runtime reports
 * (generateAPIPodStatus): phase, the five conditions in the order the kubelet
 * writes them, IPs and one status per container.
 * Upstream: pkg/kubelet/kubelet_pods.go (generateAPIPodStatus, getPhase,
 * convertToAPIContainerStatuses), pkg/kubelet/status/generate.go
 */
import type { ContainerStatus, Pod, PodCondition, PodStatus } from '../model/objects'
import type { NodeRuntime } from '../sim/world'
import { parseImageReference } from '../model/image-reference'

export interface StatusInputs {
  readonly pod: Pod
  readonly runtime: NodeRuntime
  readonly hostIP: string
  readonly now: string
  /** When each container started (RFC 3339), by name. */
  readonly startedAt: Readonly<Record<string, string>>
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
    ...(ok || !reason ? {} : { reason, message }),
  } as PodCondition
}

export function generatePodStatus(s: StatusInputs): PodStatus {
  const { pod, runtime, now } = s
  const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`
  const sandbox = runtime.sandboxes.find((x) => x.pod === key && x.state === 'SANDBOX_READY')
  const prev = pod.status?.conditions ?? []
  const containerStatuses: ContainerStatus[] = pod.spec.containers.map((c) => {
    const rc = runtime.containers.find((x) => x.pod === key && x.name === c.name)
    const running = rc?.state === 'CONTAINER_RUNNING'
    const mounts = (c.volumeMounts ?? []).map((m) => ({
      mountPath: m.mountPath,
      name: m.name,
      ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
    }))
    if (!running || !rc) {
      const waiting: ContainerStatus = {
        image: c.image ?? '',
        imageID: '',
        lastState: {},
        name: c.name,
        ready: false,
        restartCount: 0,
        started: false,
        state: { waiting: { reason: 'ContainerCreating' } },
        volumeMounts: mounts,
      }
      return waiting
    }
    const ref = parseImageReference(c.image ?? '')
    const runningStatus: ContainerStatus = {
      containerID: `containerd://${rc.id}`,
      image: rc.image,
      imageID: `${ref?.repository ?? rc.image}@${s.imageDigest(rc.image)}`,
      lastState: {},
      name: c.name,
      ready: true,
      resources: {
        ...(c.resources?.limits ? { limits: c.resources.limits } : {}),
        ...(c.resources?.requests ? { requests: c.resources.requests } : {}),
      },
      restartCount: 0,
      started: true,
      state: { running: { startedAt: s.startedAt[c.name] ?? now } },
      user: { linux: { gid: 0, supplementalGroups: [0], uid: 0 } },
      volumeMounts: mounts,
    }
    return runningStatus
  })
  const unready = containerStatuses.filter((c) => !c.ready).map((c) => c.name)
  const allRunning = unready.length === 0
  const unreadyMsg = `containers with unready status: [${unready.join(' ')}]`
  const scheduled = prev.find((c) => c.type === 'PodScheduled')
  const conditions: PodCondition[] = [
    condition('PodReadyToStartContainers', !!sandbox, now, prev),
    condition('Initialized', true, now, prev),
    condition('Ready', allRunning, now, prev, 'ContainersNotReady', unreadyMsg),
    condition('ContainersReady', allRunning, now, prev, 'ContainersNotReady', unreadyMsg),
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
  return {
    ...pod.status,
    observedGeneration: 1,
    phase: allRunning ? 'Running' : 'Pending',
    conditions,
    hostIP: s.hostIP,
    hostIPs: [{ ip: s.hostIP }],
    ...(sandbox?.ip ? { podIP: sandbox.ip, podIPs: [{ ip: sandbox.ip }] } : {}),
    startTime: pod.status?.startTime ?? now,
    containerStatuses,
  }
}
