/**
 * The pod a lesson follows is the story's: the manifest's first Pod document (protocol/pods.ts
 * storyPod), or for a Deployment the first pod its ReplicaSet made. Events about a manifest pod carry
 * its document index as `slot` (none for document 0); a scheduling cycle names its pod in its payload,
 * which is how the replicas of a Deployment, which have no document, are told apart.
 */
import type { SimEvent } from '../protocol/events'
import type { Timeline } from '../protocol/timeline'
import { keyOfPod, storyPod } from '../protocol/pods'

/** The document index of the pod the story follows. */
export function primaryDocOf(t: Timeline): number {
  return t.frames[t.frames.length - 1]?.primaryDoc ?? 0
}

/** `namespace/name` of the pod the story follows at the end of the run, if there is one. */
function primaryKeyOf(t: Timeline): string | null {
  const last = t.frames[t.frames.length - 1]
  const pod = last ? storyPod(last) : null
  return pod ? keyOfPod(pod) : null
}

/** True when the event is about the pod the story follows. */
export function isAboutPrimaryPod(t: Timeline, e: SimEvent): boolean {
  if (e.kind === 'scheduler.cycle' && e.payload.pod !== undefined) {
    const key = primaryKeyOf(t)
    if (key !== null) return e.payload.pod === key
  }
  return (e.slot ?? 0) === primaryDocOf(t)
}
