/**
 * The pod a lesson follows is the story's: the manifest's first Pod document (protocol/pods.ts
 * storyPod). Events about it carry its document index as `slot`, or none when it is document 0.
 */
import type { SimEvent } from '../protocol/events'
import type { Timeline } from '../protocol/timeline'

/** The document index of the pod the story follows. */
export function primaryDocOf(t: Timeline): number {
  return t.frames[t.frames.length - 1]?.primaryDoc ?? 0
}

/** True when the event is about the pod the story follows. */
export function isAboutPrimaryPod(t: Timeline, e: SimEvent): boolean {
  return (e.slot ?? 0) === primaryDocOf(t)
}
