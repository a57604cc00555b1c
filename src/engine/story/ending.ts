/**
 * The ending of a story: what happened and why, in plain words, with jump links to the events where
 * the cause arose. Worked out from the final frame's stored pod status, kubectl's exit code and
 * stderr, and the events' payloads; never from summary text. Each kind of ending lives in its own
 * file (ending-kubectl, ending-scheduling, ending-containers); this one picks among them.
 */
import { keyOfPod, otherPods as podsBesides, storyPod } from '../protocol/pods'
import type { Pod } from '../model/objects'
import { podDisplayStatus } from '../model/pod-display-status'
import type { Timeline } from '../protocol/timeline'
import type { World } from '../protocol/world'
import { containersEnding } from './ending-containers'
import { kubectlEnding } from './ending-kubectl'
import { kubeletRejectionEnding, unschedulableEnding } from './ending-scheduling'
import { findLastEvent, kubeEventAt } from './ending-search'
import { workloadEnding } from './ending-workloads'
import type { Ending } from './types'

/** Nothing more specific applies: the last Warning, or the pod's status as it stands. */
function fallbackEnding(timeline: Timeline, pod: Pod): Ending {
  const name = pod.metadata.name ?? ''
  const status = podDisplayStatus(pod)
  const warning = findLastEvent(timeline, (e) => e.kind === 'k8s.event' && e.payload.type === 'Warning')
  if (warning >= 0) {
    const w = kubeEventAt(timeline, warning)
    return {
      tone: 'waiting',
      headline: `${name} is ${status}; the last warning is ${w.reason}.`,
      explanation: `The ${w.source === 'kubelet' ? `kubelet${w.host ? ` on ${w.host}` : ''}` : 'scheduler'} recorded a Warning event: ${w.reason}.`,
      message: w.message,
      causes: [{ label: `Warning ${w.reason}`, eventIndex: warning }],
    }
  }
  return {
    tone: 'waiting',
    headline: `${name} is ${status}.`,
    explanation: 'The simulation stopped here; nothing went wrong, but the pod has not settled yet.',
    message: null,
    causes: [{ label: 'the last event', eventIndex: timeline.events.length - 1 }],
  }
}

function podEnding(timeline: Timeline, pod: Pod): Ending {
  return (
    kubeletRejectionEnding(timeline, pod) ??
    unschedulableEnding(timeline, pod) ??
    containersEnding(timeline, pod) ??
    fallbackEnding(timeline, pod)
  )
}

/** kubectl succeeded and no pod exists: the manifest created only other objects. */
function noPodEnding(timeline: Timeline, world: World): Ending {
  const out = findLastEvent(timeline, (e) => e.kind === 'kubectl.output')
  return {
    tone: world.kubectl ? 'accepted' : 'waiting',
    headline: world.kubectl
      ? `kubectl applied the manifest and exited 0; it holds no Pod.`
      : 'kubectl has not finished yet.',
    explanation:
      'Only Pods go on to the scheduler and a kubelet; the other objects are stored in etcd and that is all.',
    message: world.kubectl?.stdout || null,
    causes: out >= 0 ? [{ label: 'kubectl output', eventIndex: out }] : [],
  }
}

/** A sentence naming the manifest's other pods and their status. */
function otherPods(world: World): string {
  const story = storyPod(world)
  const others = podsBesides(world, story ? keyOfPod(story) : undefined).map(
    (p) => `${p.metadata.name ?? ''} (${podDisplayStatus(p)})`,
  )
  if (others.length === 0) return ''
  return ` The manifest also created ${others.length === 1 ? 'pod' : 'pods'} ${others.join(', ')}.`
}

/** What the last step says: the tone, a headline, why, the message a cluster printed, and the causes. */
export function storyEnding(timeline: Timeline): Ending {
  const n = timeline.events.length
  const world = n > 0 ? timeline.frames[n - 1]! : timeline.initial
  const pod = storyPod(world)
  // A Deployment kubectl applied: its controller's view of the rollout is the ending.
  const workload = world.kubectl?.exitCode === 0 ? workloadEnding(timeline, world) : null
  if (workload) return workload
  if (!pod) return kubectlEnding(timeline, world.kubectl) ?? noPodEnding(timeline, world)
  const ending = podEnding(timeline, pod)
  const kubectl = world.kubectl
  // Several documents: the pod was created but kubectl failed on another object.
  const partial =
    kubectl && kubectl.exitCode !== 0
      ? ` kubectl exited ${kubectl.exitCode}: another object of the manifest was refused.`
      : ''
  return {
    ...ending,
    explanation: `${ending.explanation}${otherPods(world)}${partial}`,
    message: ending.message ?? (partial ? kubectl!.stderr : null),
  }
}
