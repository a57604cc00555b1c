/**
 * podPill(timeline, i): the status pill at the top of the app, in kubectl's terms: the READY,
 * STATUS and RESTARTS columns `kubectl get pod` would print right after event i, or what kubectl
 * prints when there is no pod (yet), or kubectl's own failure.
 */
import { storyPod } from '../protocol/pods'
import type { Pod } from '../model/objects'
import type { Timeline } from '../protocol/timeline'
import type { World } from '../protocol/world'
import { getPodRow } from '../describe/get-pod'
import { controllerManagerDetail, runDeployments } from '../describe/workload-card'
import { DEFAULT_START_TIME } from '../simulate'
import type { PodPill } from './types'

/**
 * What `kubectl get pod <name>` prints while the apiserver has no such pod: the apiserver's NotFound
 * status message (apimachinery pkg/api/errors NewNotFound: `pods "nginx" not found`) behind kubectl's
 * prefix (kubectl pkg/cmd/util/helpers.go StandardErrorMessage: `Error from server (NotFound): `).
 */
export const podNotFound = (name: string): string => `Error from server (NotFound): pods "${name}" not found`

/**
 * STATUS values that mean something went wrong and will not fix itself: container waiting or
 * terminated reasons set by the kubelet (pkg/kubelet/images/types.go, pkg/kubelet/kuberuntime,
 * pkg/kubelet/container/sync_result.go), and pod reasons of a rejected or evicted pod.
 */
const FAILED_STATUSES: ReadonlySet<string> = new Set([
  'CrashLoopBackOff',
  'Error',
  'OOMKilled',
  'ContainerCannotRun',
  'StartError',
  'ErrImagePull',
  'ImagePullBackOff',
  'ErrImageNeverPull',
  'InvalidImageName',
  'RegistryUnavailable',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'PostStartHookError',
  'PreStartHookError',
  'Failed',
  'Evicted',
  'DeadlineExceeded',
  'SysctlForbidden',
  'UnexpectedAdmissionError',
  'NodeAffinity',
  'NodeLost',
])

function isFailedStatus(status: string): boolean {
  const s = status.startsWith('Init:') ? status.slice('Init:'.length) : status
  return (
    FAILED_STATUSES.has(s) || s.startsWith('OutOf') || s.startsWith('ExitCode:') || s.startsWith('Signal:')
  )
}

interface ContainerStatusShape {
  readonly restartCount?: number
}

const containerStatuses = (pod: Pod): readonly ContainerStatusShape[] =>
  (pod.status?.containerStatuses ?? []) as readonly ContainerStatusShape[]

/** The kubelet has recorded a "Back-off restarting failed container" Warning: it judges the pod crash-looping. */
const isBackingOff = (world: World): boolean =>
  world.events.some(
    (e) => e.type === 'Warning' && e.reason === 'BackOff' && e.message.startsWith('Back-off restarting'),
  )

/**
 * The pill's colour. Green ('accepted') only for a settled success: Running with every container
 * ready, or Completed for good (phase Succeeded, or a restartPolicy that will not restart it). A
 * crash-looping pod is never green, even in the second its container runs or shows Completed between
 * restarts: once the kubelet has backed off it is 'rejected'. A pod running again after a restart
 * (a crash, an OOM kill, a liveness kill), before any back-off, is 'active': not settled yet. A
 * container that completed under restartPolicy Always is 'waiting' for its restart.
 */
function podTone(
  pod: Pod,
  world: World,
  status: string,
  ready: string,
): 'accepted' | 'rejected' | 'waiting' | 'active' {
  if (pod.status?.phase === 'Failed' || isFailedStatus(status)) return 'rejected'
  const restarted = containerStatuses(pod).some((c) => (c.restartCount ?? 0) > 0)
  if (restarted && isBackingOff(world)) return 'rejected'
  if (pod.status?.phase === 'Succeeded') return 'accepted'
  if (status === 'Completed')
    return (pod.spec.restartPolicy ?? 'Always') === 'Always' ? 'waiting' : 'accepted'
  const [readyCount, total] = ready.split('/').map(Number)
  const allReady = total !== undefined && total > 0 && readyCount === total
  if (status !== 'Running' || !allReady) return 'waiting'
  return restarted ? 'active' : 'accepted'
}

/** The pod's name from the manifest, before it is stored: the first Pod kubectl read. */
function manifestPodName(timeline: Timeline): string {
  const parse = timeline.events.find((e) => e.kind === 'kubectl.parse')
  const first =
    parse?.kind === 'kubectl.parse' ? parse.payload.objects.find((o) => o.startsWith('Pod/')) : undefined
  return first ? first.slice('Pod/'.length) : ''
}

/**
 * The pill right after event `eventIndex` (-1: before the first event). `startTime` is the wall-clock
 * instant of Enter the timeline was simulated with, for the restarts' "(12s ago)".
 */
export function podPill(
  timeline: Timeline,
  eventIndex: number,
  startTime: number = DEFAULT_START_TIME,
): PodPill {
  const n = timeline.events.length
  const index = Math.min(eventIndex, n - 1)
  const world = index < 0 ? timeline.initial : timeline.frames[index]!
  const pod = storyPod(world)
  if (pod) {
    const now = startTime + (index < 0 ? 0 : timeline.events[index]!.at)
    const row = getPodRow(pod, now)
    return {
      kind: 'pod',
      name: row.name,
      ready: row.ready,
      status: row.status,
      restarts: row.restarts,
      node: pod.spec.nodeName ?? null,
      ip: typeof pod.status?.['podIP'] === 'string' ? (pod.status['podIP'] as string) : null,
      tone: podTone(pod, world, row.status, row.ready),
    }
  }
  const name = manifestPodName(timeline)
  const kubectl = world.kubectl
  // A Deployment whose pods the run did not create (a scale-down of a cluster's Deployment): its READY.
  const deployment = !name && kubectl?.exitCode === 0 ? runDeployments(world)[0] : undefined
  if (deployment) {
    const progressing = deployment.status?.conditions?.find((c) => c.type === 'Progressing')
    return {
      kind: 'workload',
      name: deployment.metadata.name ?? '',
      text: controllerManagerDetail(world),
      tone:
        progressing?.reason === 'NewReplicaSetAvailable'
          ? 'accepted'
          : progressing?.status === 'False'
            ? 'rejected'
            : 'waiting',
    }
  }
  if (kubectl && kubectl.exitCode !== 0)
    return {
      kind: 'kubectl-failed',
      name,
      exitCode: kubectl.exitCode,
      text: kubectl.stderr,
      tone: 'rejected',
    }
  return { kind: 'none', name, text: podNotFound(name), tone: 'idle' }
}
