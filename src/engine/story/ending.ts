/**
 * The ending of a story: what happened and why, in plain words, with jump links to the events where
 * the cause arose.
 */
import type { Timeline } from '../sim/timeline'
import type { Ending } from './types'

export function storyEnding(timeline: Timeline): Ending {
  const o = timeline.outcome
  const last = Math.max(0, timeline.events.length - 1)
  return {
    tone: o.kind === 'Running' ? 'accepted' : o.kind === 'Rejected' ? 'rejected' : 'waiting',
    headline: o.kind,
    explanation: '',
    message: o.kind === 'Rejected' ? o.message : null,
    causes: [{ label: 'the last event', eventIndex: last }],
  }
}
