/**
 * Endings decided by the pod's containers, read from the stored status (waiting reason,
 * lastState.terminated, restartCount, the Ready condition): CrashLoopBackOff (and why the container
 * exited: an OOM kill, a failed postStart hook, a failed liveness probe, its own exit), image pull
 * failures, CreateContainerConfigError, a volume that cannot be mounted, a readiness probe that
 * keeps failing, a pod that completed, a pod Running and Ready.
 */
import { storyPod } from '../protocol/pods'
import type { Pod } from '../model/objects'
import type { Timeline } from '../protocol/timeline'
import { findContainerExit, findEvent, findKubeEvent, kubeEventAt } from './ending-search'
import type { Ending, EndingCause } from './types'

interface Terminated {
  readonly exitCode?: number
  readonly reason?: string
}
interface ContainerStatus {
  readonly name: string
  readonly ready?: boolean
  readonly restartCount?: number
  readonly state?: {
    readonly waiting?: { readonly reason?: string; readonly message?: string }
    readonly terminated?: Terminated
  }
  readonly lastState?: { readonly terminated?: Terminated }
}

/** Init containers first (they run first), then the app containers. */
const statusesOf = (pod: Pod): readonly ContainerStatus[] => [
  ...((pod.status?.['initContainerStatuses'] as readonly ContainerStatus[] | undefined) ?? []),
  ...((pod.status?.containerStatuses ?? []) as readonly ContainerStatus[]),
]

const cause = (label: string, eventIndex: number): EndingCause[] =>
  eventIndex >= 0 ? [{ label, eventIndex }] : []

/** Why a crash-looping container exited, with the event where that arose first. */
interface ExitCause {
  readonly why: string
  readonly causes: EndingCause[]
  readonly message: string | null
  readonly note?: string | undefined
}

function exitCause(timeline: Timeline, c: ContainerStatus): ExitCause {
  const t = c.lastState?.terminated ?? c.state?.terminated ?? {}
  const code = t.exitCode ?? 0
  if (t.reason === 'OOMKilled') {
    const oom = findContainerExit(timeline, c.name, 'OOMKilled')
    return {
      why: `container ${c.name} was OOMKilled (exit 137): it used more memory than its limit, so the kernel's OOM killer ended it`,
      causes: cause(`OOM kill (exit ${code})`, oom),
      message: 'OOMKilled',
    }
  }
  const hook = findKubeEvent(timeline, 'Warning', 'FailedPostStartHook')
  if (hook >= 0)
    return {
      why: `the postStart hook of container ${c.name} failed, so the kubelet killed the container`,
      causes: cause('FailedPostStartHook', hook),
      message: kubeEventAt(timeline, hook).message,
    }
  const liveness = findKubeEvent(timeline, 'Warning', 'Unhealthy', (m) =>
    m.startsWith('Liveness probe failed'),
  )
  if (liveness >= 0)
    return {
      why: `container ${c.name} failed its liveness probe, so the kubelet killed it to restart it`,
      causes: cause('Liveness probe failed', liveness),
      message: kubeEventAt(timeline, liveness).message,
    }
  const exit = findContainerExit(timeline, c.name)
  return {
    why:
      code === 0
        ? `container ${c.name} exited with code 0 (${t.reason ?? 'Completed'})`
        : `container ${c.name} exited with code ${code} (${t.reason ?? 'Error'})`,
    causes: cause(`container ${c.name} exited (code ${code})`, exit),
    message: null,
    note:
      code === 0
        ? 'Exit code 0 is a success, but restartPolicy Always restarts every exit: a program that ends at once crash-loops anyway.'
        : undefined,
  }
}

function crashLoopEnding(timeline: Timeline, pod: Pod, c: ContainerStatus): Ending {
  const name = pod.metadata.name ?? ''
  const exit = exitCause(timeline, c)
  const backOff = findKubeEvent(timeline, 'Warning', 'BackOff', (m) => m.startsWith('Back-off restarting'))
  const restarts = c.restartCount ?? 0
  return {
    tone: 'rejected',
    headline: `${name} is in CrashLoopBackOff: ${exit.why}, and the kubelet backs off before restarting it.`,
    explanation: [
      `The kubelet on ${pod.spec.nodeName ?? 'its node'} has restarted container ${c.name} ${restarts} time${restarts === 1 ? '' : 's'}.`,
      'After each exit it waits twice as long before the next start (10 s, 20 s, 40 s … up to 5 min; pkg/kubelet/kuberuntime), and while it waits the container shows CrashLoopBackOff.',
      exit.note,
    ]
      .filter(Boolean)
      .join(' '),
    message: exit.message ?? (backOff >= 0 ? kubeEventAt(timeline, backOff).message : null),
    causes: [...exit.causes, ...cause('Back-off restarting failed container', backOff)],
  }
}

/** The first Warning about a waiting reason: `Error: <reason>` (kubelet's Failed event) or the reason itself. */
function waitingWarning(timeline: Timeline, reason: string, message: string | undefined): number {
  return findEvent(timeline, (e) => {
    if (e.kind !== 'k8s.event' || e.payload.type !== 'Warning') return false
    const m = e.payload.message
    return e.payload.reason === reason || m === `Error: ${reason}` || (!!message && m === `Error: ${message}`)
  })
}

function waitingEnding(timeline: Timeline, pod: Pod, c: ContainerStatus, reason: string): Ending | null {
  const name = pod.metadata.name ?? ''
  const node = pod.spec.nodeName ?? 'its node'
  const message = c.state?.waiting?.message
  if (reason === 'CrashLoopBackOff') return crashLoopEnding(timeline, pod, c)
  if (reason === 'ErrImagePull' || reason === 'ImagePullBackOff') {
    const failed = findKubeEvent(timeline, 'Warning', 'Failed', (m) => m.startsWith('Failed to pull image'))
    const image = pod.spec.containers.find((x) => x.name === c.name)?.image ?? ''
    return {
      tone: 'rejected',
      headline: `${name} is in ${reason}: the kubelet on ${node} cannot pull image "${image}" for container ${c.name}.`,
      explanation: `The kubelet asked containerd to pull the image and the registry refused. The kubelet keeps retrying, backing off between attempts (10 s, 20 s … up to 5 min), and shows ImagePullBackOff while it waits. Check the image name and tag, or give the pod an imagePullSecret for a private registry.`,
      message: failed >= 0 ? kubeEventAt(timeline, failed).message : (message ?? null),
      causes: cause(`failed pull of "${image}"`, failed),
    }
  }
  if (reason === 'ContainerCreating' || reason === 'PodInitializing') {
    const mount = findKubeEvent(timeline, 'Warning', 'FailedMount')
    if (mount < 0) return null
    return {
      tone: 'waiting',
      headline: `${name} is stuck in ContainerCreating: the kubelet on ${node} cannot mount the pod's volumes.`,
      explanation:
        "The kubelet's volume manager must mount every volume before any container starts; it retries with back-off, and after 2 minutes reports that it timed out waiting. Create the missing object and the next retry succeeds.",
      message: kubeEventAt(timeline, mount).message,
      causes: cause('FailedMount', mount),
    }
  }
  const warning = waitingWarning(timeline, reason, message)
  return {
    tone: 'rejected',
    headline: `${name} is in ${reason}: the kubelet on ${node} cannot start container ${c.name}${message ? ` (${message})` : ''}.`,
    explanation:
      reason === 'CreateContainerConfigError'
        ? message?.includes('runAsNonRoot') || message?.includes('non-root policy')
          ? // pkg/kubelet/kuberuntime/security_context_others.go verifyRunAsNonRoot
            "The kubelet checks runAsNonRoot before asking containerd to create the container: the user the container would run as (runAsUser, or else the image's USER) must be a non-zero uid, and this one is root or cannot be verified. Set runAsUser to a non-root uid the image can run as. It retries on every sync."
          : "The kubelet builds the container's configuration (environment, mounts) before asking containerd to create it; a referenced Secret or ConfigMap is missing, so it cannot. It retries on every sync."
        : `The kubelet reports ${reason} and retries on every sync.`,
    message: message ?? (warning >= 0 ? kubeEventAt(timeline, warning).message : null),
    causes: cause(`${reason}${message ? `: ${message}` : ''}`, warning),
  }
}

/** The first write that stored the pod Running (the kubelet's status PATCH reaching etcd). */
const runningWrite = (timeline: Timeline): number =>
  findEvent(
    timeline,
    (e, i) =>
      e.kind === 'etcd.put' &&
      storyPod(timeline.frames[i]!)?.status?.phase === 'Running' &&
      e.payload.what === 'status',
  )

function runningEnding(timeline: Timeline, pod: Pod): Ending {
  const name = pod.metadata.name ?? ''
  const node = pod.spec.nodeName ?? ''
  const ip = typeof pod.status?.['podIP'] === 'string' ? (pod.status['podIP'] as string) : null
  const statuses = (pod.status?.containerStatuses ?? []) as readonly ContainerStatus[]
  const ready = statuses.filter((c) => c.ready).length
  const podReady = (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')
  const where = `on ${node}${ip ? ` (IP ${ip})` : ''}`
  if (!podReady) {
    const probe = findKubeEvent(timeline, 'Warning', 'Unhealthy', (m) =>
      m.startsWith('Readiness probe failed'),
    )
    return {
      tone: 'waiting',
      headline: `${name} is Running ${where} but not Ready (${ready}/${statuses.length}): ${probe >= 0 ? 'its readiness probe keeps failing' : 'its containers are not ready yet'}.`,
      explanation:
        "The kubelet's prober runs the readiness probe every periodSeconds; while it fails, the Ready condition stays False and Services send the pod no traffic. The container is not restarted: that is the liveness probe's job.",
      message: probe >= 0 ? kubeEventAt(timeline, probe).message : null,
      causes: cause('Readiness probe failed', probe),
    }
  }
  const cycle = findEvent(timeline, (e) => e.kind === 'scheduler.cycle' && e.payload.result === 'Scheduled')
  const preempting = findEvent(timeline, (e) => e.kind === 'scheduler.cycle' && !!e.payload.preemption)
  const victims = (() => {
    const e = timeline.events[preempting]
    return e?.kind === 'scheduler.cycle' ? (e.payload.preemption?.victims ?? []) : []
  })()
  const joined = findEvent(timeline, (e) => e.kind === 'cluster.node-added' && e.payload.node === node)
  return {
    tone: 'accepted',
    headline: `${name} is Running ${where}, ${ready}/${statuses.length} containers ready.`,
    explanation: [
      cycle >= 0
        ? `kube-scheduler chose ${node}; the kubelet there created the sandbox, pulled the images and started the containers, and its status manager reported the pod Running and Ready.`
        : `spec.nodeName named ${node}, so the scheduler was skipped; the kubelet there started the pod and reported it Running and Ready.`,
      victims.length > 0
        ? `It got there by preemption: the scheduler evicted ${victims.map((v) => `${v.name} (priority ${v.priority})`).join(', ')} to make room.`
        : '',
      joined >= 0 ? `No node could run it until ${node} joined the cluster; the scheduler retried then.` : '',
    ]
      .filter(Boolean)
      .join(' '),
    message: null,
    causes: [
      ...cause(`preemption: the scheduler evicted ${victims.map((v) => v.name).join(', ')}`, preempting),
      ...cause(`node ${node} joins`, joined),
      ...cause('status: Running', runningWrite(timeline)),
      ...cause(`scheduler: selected ${node}`, cycle),
    ],
  }
}

/** The ending read from the containers; null when they do not decide it. */
export function containersEnding(timeline: Timeline, pod: Pod): Ending | null {
  const statuses = statusesOf(pod)
  const stuck =
    statuses.find(
      (c) =>
        c.state?.waiting?.reason &&
        !['ContainerCreating', 'PodInitializing'].includes(c.state.waiting.reason),
    ) ?? statuses.find((c) => c.state?.waiting?.reason)
  const waiting = stuck?.state?.waiting?.reason
  if (stuck && waiting) {
    const ending = waitingEnding(timeline, pod, stuck, waiting)
    if (ending) return ending
  }
  const phase = pod.status?.phase
  if (phase === 'Succeeded') {
    const main = statuses.find((c) => c.state?.terminated) ?? statuses[0]
    const exit = main ? findContainerExit(timeline, main.name) : -1
    return {
      tone: 'accepted',
      headline: `${pod.metadata.name ?? ''} Completed: ${main ? `container ${main.name} exited 0` : 'its containers exited 0'} and, with restartPolicy ${pod.spec.restartPolicy ?? 'Always'}, is not restarted (phase Succeeded).`,
      explanation:
        'A container that finishes its work and exits 0 is a success. With restartPolicy Never or OnFailure the kubelet leaves it terminated, and the pod reaches phase Succeeded; its sandbox is stopped.',
      message: null,
      causes: cause(main ? `container ${main.name} exited (code 0)` : 'exit', exit),
    }
  }
  if (phase === 'Running') return runningEnding(timeline, pod)
  return null
}
