/**
 * "Which node will the scheduler pick?" Choices are the cluster's nodes (and those that joined
 * before the cycle) plus "no node"; the answer is what the next scheduling cycle for the pod chose.
 * Upstream: pkg/scheduler/schedule_one.go (schedulePod, selectHost), framework/types.go (FitError).
 */
import { storyPod } from '../protocol/pods'
import { frameAt } from '../sim/cursor'
import type { NodeVerdict, SimEvent } from '../protocol/events'
import type { Timeline } from '../protocol/timeline'
import { choiceList } from './choice-list'
import { isAboutPrimaryPod } from './primary-pod'
import type { PredictionResult } from './types'

/** The choice for a cycle that finds no feasible node. */
export const NO_NODE = 'No node: the pod stays Pending'

type Cycle = Extract<SimEvent, { kind: 'scheduler.cycle' }>

export function predictSchedulerNode(t: Timeline, at: number): PredictionResult {
  const bound = storyPod(frameAt(t, { index: at }))?.spec.nodeName
  if (bound) return { ok: false, error: `the pod is already bound to ${bound}` }
  const index = t.events.findIndex(
    (e, i) => i > at && e.kind === 'scheduler.cycle' && isAboutPrimaryPod(t, e),
  )
  const cycle = t.events[index] as Cycle | undefined
  if (!cycle) return { ok: false, error: 'no scheduling cycle for the pod follows' }
  const joined = t.events
    .slice(0, index)
    .flatMap((e) => (e.kind === 'cluster.node-added' ? [e.payload.node] : []))
  const nodes = [...t.cluster.nodes.map((n) => n.metadata.name ?? ''), ...joined]
  const answer = cycle.payload.selected ?? NO_NODE
  return {
    ok: true,
    prediction: {
      kind: 'scheduler-node',
      question: 'Which node will the scheduler bind this pod to?',
      choices: choiceList([...nodes, NO_NODE], answer),
      answer,
      explanation: explain(cycle),
      revealIndex: index,
    },
  }
}

function explain(cycle: Cycle): string {
  const p = cycle.payload
  const rejected = p.nodes.filter((n) => n.filter.examined && !n.filter.passed)
  const filtered = rejected.map(rejection).join('; ')
  if (!p.selected) {
    return `Every node failed a filter (${filtered}), so the scheduler reports: ${p.message}`
  }
  const feasible = p.nodes.filter((n) => n.filter.passed)
  const scores = feasible.map((n) => `${n.name} ${n.total ?? '–'}`).join(', ')
  return [
    rejected.length ? `Filtered out: ${filtered}.` : 'Every node passed the filters.',
    feasible.length > 1
      ? `The scheduler scored the ${feasible.length} feasible nodes (${scores}) and picked ${p.selected} (${p.tieBreak}).`
      : `Only ${p.selected} was feasible, so no scoring was needed.`,
  ].join(' ')
}

const rejection = (n: NodeVerdict): string =>
  `${n.name} by ${n.filter.plugin} (${n.filter.reasons.join(', ')})`
