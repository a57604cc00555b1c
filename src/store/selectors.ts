/** Derived views of the store's sources. Pure functions, tested in Node. */
import { frameAt, podDisplayStatus, timeAt, type SimEvent, type World } from '../engine/index'
import type { AppState } from './create-app-store'

export const selectFrame = (s: AppState): World => frameAt(s.timeline, s.cursor)
export const selectEvent = (s: AppState): SimEvent | null =>
  s.cursor.index >= 0 ? (s.timeline.events[s.cursor.index] ?? null) : null
export const selectTime = (s: AppState): number => timeAt(s.timeline, s.cursor)

/** The manifest's other pods (a multi-document manifest), each with its STATUS column text. */
export function otherPods(frame: World): { name: string; status: string; node: string | null }[] {
  return (frame.podSlots ?? []).flatMap((slot) =>
    slot?.pod
      ? [
          {
            name: slot.pod.metadata.name ?? '',
            status: podDisplayStatus(slot.pod),
            node: slot.pod.spec.nodeName ?? null,
          },
        ]
      : [],
  )
}
