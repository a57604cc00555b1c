/** Derived views of the store's sources. Pure functions, tested in Node. */
import {
  frameAt,
  keyOfPod,
  otherPods as podsBesides,
  podDisplayStatus,
  storyPod,
  type SimEvent,
  type World,
} from '../engine/index'
import type { AppState } from './create-app-store'

export const selectFrame = (s: AppState): World => frameAt(s.timeline, s.cursor)
export const selectEvent = (s: AppState): SimEvent | null =>
  s.cursor.index >= 0 ? (s.timeline.events[s.cursor.index] ?? null) : null

/** The manifest's other pods (a multi-document manifest), each with its STATUS column text. */
export function otherPods(frame: World): { name: string; status: string; node: string | null }[] {
  const story = storyPod(frame)
  return podsBesides(frame, story ? keyOfPod(story) : undefined).map((pod) => ({
    name: pod.metadata.name ?? '',
    status: podDisplayStatus(pod),
    node: pod.spec.nodeName ?? null,
  }))
}
