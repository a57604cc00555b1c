/**
 * What a run came to, read from each pod's stored status (phase, conditions, container states) as a
 * client reading the apiserver would: kubectl's exit code first, then the pod the app shows.
 *
 * The phase is the kubelet's (pkg/kubelet/kubelet_pods.go getPhase): Succeeded and Failed are terminal.
 * A pod the kubelet refuses at admission is stored Failed with the rejection as status.reason and
 * status.message (kubelet.go rejectPod); a pod the scheduler cannot place keeps PodScheduled=False with
 * reason Unschedulable (schedule_one.go handleSchedulingFailure).
 */
import type { Pod } from '../model/objects'
import type { SimEvent } from '../protocol/events'
import type { World } from '../protocol/world'
import type { Outcome, PodOutcome } from '../protocol/timeline'
import { keyOfPod, podOf, storyPod, type PodKey } from '../protocol/pods'
import { podDisplayStatus } from '../model/pod-display-status'

interface TerminatedShape {
  readonly reason?: string
  readonly message?: string
  readonly exitCode?: number
}

/** `frames[i]` is the world after `events[i]`, as in a Timeline; `world` the last one. */
export function runOutcome(events: readonly SimEvent[], frames: readonly World[], world: World): Outcome {
  const pods =
    world.podOrder.length > 1
      ? {
          // A pod etcd no longer holds (deleted) has no status to read, so no outcome here.
          pods: world.podOrder.flatMap((key) => {
            const pod = podOf(world, key)
            return pod ? [{ pod: key, outcome: podOutcome(events, frames, pod) }] : []
          }),
        }
      : {}
  const out = world.kubectl
  if (out && out.exitCode !== 0) {
    const outputEvent = events.find((e) => e.kind === 'kubectl.output')
    return {
      kind: 'Rejected',
      at: outputEvent?.at ?? 0,
      exitCode: out.exitCode,
      message: out.stderr.trim(),
      ...pods,
    }
  }
  const pod = storyPod(world)
  if (!pod) return { kind: 'InProgress', status: podDisplayStatus(null), ...pods }
  return { ...podOutcome(events, frames, pod), ...pods }
}

/** One pod's outcome from its stored status; the timeline gives the instant of the write that stored it so. */
export function podOutcome(events: readonly SimEvent[], frames: readonly World[], pod: Pod): PodOutcome {
  const status = pod.status ?? {}
  const node = pod.spec.nodeName ?? ''
  const key = keyOfPod(pod)
  const lastAt = events[events.length - 1]?.at ?? 0
  switch (status.phase) {
    case 'Succeeded':
      return { kind: 'Succeeded', at: phaseWrite(events, frames, key, 'Succeeded') ?? lastAt, node }
    case 'Failed': {
      const failed = failedContainer(pod)
      return {
        kind: 'Failed',
        at: phaseWrite(events, frames, key, 'Failed') ?? lastAt,
        node,
        reason: stringField(status['reason']) ?? failed?.reason ?? 'Failed',
        message: stringField(status['message']) ?? failed?.message ?? '',
      }
    }
    case 'Running':
      // A Running phase with a container in back-off or a pod being deleted is not "running" to a reader
      // of kubectl get: the STATUS column says CrashLoopBackOff or Terminating.
      if (podDisplayStatus(pod) === 'Running')
        return { kind: 'Running', at: phaseWrite(events, frames, key, 'Running') ?? lastAt, node }
      break
    default:
      break
  }
  const unschedulable = status.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False')
  if (unschedulable)
    return {
      kind: 'Pending',
      reason: unschedulable.reason ?? 'Unschedulable',
      message: unschedulable.message ?? '',
    }
  return { kind: 'InProgress', status: podDisplayStatus(pod) }
}

/**
 * The instant of the first status write that stored `key` with `phase`: the `etcd.put` of that pod after
 * which the stored pod has it. Writes at 0 ms belong to the cluster file's state, not to the run.
 */
function phaseWrite(
  events: readonly SimEvent[],
  frames: readonly World[],
  key: PodKey,
  phase: string,
): number | undefined {
  for (const i of statusWrites(events).get(`/registry/pods/${key}`) ?? []) {
    const pod = frames[i] ? podOf(frames[i], key) : null
    if (pod?.status?.phase === phase) return events[i]!.at
  }
  return undefined
}

/**
 * The status writes of every pod, by etcd key, in order: built once per run, so a run of 1,200 pods
 * does not scan its 50,000 events once per pod.
 */
const statusWriteIndex = new WeakMap<readonly SimEvent[], ReadonlyMap<string, readonly number[]>>()
function statusWrites(events: readonly SimEvent[]): ReadonlyMap<string, readonly number[]> {
  let index = statusWriteIndex.get(events)
  if (!index) {
    const m = new Map<string, number[]>()
    events.forEach((e, i) => {
      if (e.kind !== 'etcd.put' || e.payload.what !== 'status' || e.at <= 0) return
      const list = m.get(e.payload.key)
      if (list) list.push(i)
      else m.set(e.payload.key, [i])
    })
    index = m
    statusWriteIndex.set(events, m)
  }
  return index
}

/** The first container (init containers first) that terminated with a non-zero exit code. */
function failedContainer(pod: Pod): TerminatedShape | undefined {
  const statuses = [
    ...((pod.status?.['initContainerStatuses'] as readonly { state: object }[] | undefined) ?? []),
    ...((pod.status?.containerStatuses ?? []) as readonly { state: object }[]),
  ]
  for (const c of statuses) {
    const t = (c.state as { terminated?: TerminatedShape }).terminated
    if (t && (t.exitCode ?? 0) !== 0) return t
  }
  return undefined
}

function stringField(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined
}
