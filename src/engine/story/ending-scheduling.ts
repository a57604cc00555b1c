/**
 * Endings decided before any container ran: the scheduler found no node (Pending, with the
 * FailedScheduling message whole and each node's reason), the pod waits for its scheduling gates, or
 * the kubelet's admission rejected the pod (OutOfcpu, SysctlForbidden: phase Failed, never retried;
 * pkg/kubelet/lifecycle/predicate.go).
 */
import type { Pod } from '../model/objects'
import type { SchedulingResult } from '../protocol/events'
import type { Timeline } from '../protocol/timeline'
import { findEvent, findKubeEvent, findLastEvent, kubeEventAt } from './ending-search'
import type { Ending, EndingCause } from './types'

const cycleAt = (timeline: Timeline, i: number): SchedulingResult => {
  const e = timeline.events[i]
  if (e?.kind !== 'scheduler.cycle') throw new Error(`event ${i} is not a scheduling cycle`)
  return e.payload
}

/** "0/3 nodes are available", as the scheduler counts them (schedule_one.go FitError). */
const availability = (r: SchedulingResult): string =>
  `${r.nodes.filter((n) => n.filter.passed).length}/${r.nodes.length} nodes are available`

/** One short clause per node that was filtered out: "worker-1: Insufficient cpu (NodeResourcesFit)". */
function nodeReasons(r: SchedulingResult): string {
  return r.nodes
    .filter((n) => n.filter.examined && !n.filter.passed)
    .map((n) => `${n.name}: ${n.filter.reasons.join(', ')}${n.filter.plugin ? ` (${n.filter.plugin})` : ''}`)
    .join('; ')
}

export function unschedulableEnding(timeline: Timeline, pod: Pod): Ending | null {
  const scheduled = (pod.status?.conditions ?? []).find((c) => c.type === 'PodScheduled')
  const name = pod.metadata.name ?? ''
  if (scheduled?.status !== 'False' || pod.spec.nodeName) return null
  if (scheduled.reason === 'SchedulingGated') {
    const gated = findEvent(timeline, (e) => e.kind === 'scheduler.queue' && e.payload.action === 'gated')
    return {
      tone: 'waiting',
      headline: `${name} is Pending: it waits for its scheduling gates (SchedulingGated).`,
      explanation:
        'kube-scheduler keeps a pod with spec.schedulingGates out of its active queue (the SchedulingGates PreEnqueue plugin) until every gate is removed.',
      message: typeof scheduled.message === 'string' ? scheduled.message : null,
      causes: gated >= 0 ? [{ label: 'scheduler: SchedulingGated', eventIndex: gated }] : [],
    }
  }
  const unschedulable = (i: number): boolean => {
    const e = timeline.events[i]!
    return e.kind === 'scheduler.cycle' && e.payload.result === 'Unschedulable'
  }
  const first = findEvent(timeline, (_, i) => unschedulable(i))
  const last = findLastEvent(timeline, (_, i) => unschedulable(i))
  if (first < 0) return null
  const r = cycleAt(timeline, last)
  const failed = findKubeEvent(timeline, 'Warning', 'FailedScheduling')
  const lastFailed = findLastEvent(
    timeline,
    (e) => e.kind === 'k8s.event' && e.payload.type === 'Warning' && e.payload.reason === 'FailedScheduling',
  )
  const preemption = (r.postFilter ?? []).find((p) => p.plugin === 'DefaultPreemption')
  const causes: EndingCause[] = [
    { label: `scheduler: ${availability(cycleAt(timeline, first))}`, eventIndex: first },
  ]
  if (failed >= 0) causes.push({ label: 'FailedScheduling', eventIndex: failed })
  return {
    tone: 'waiting',
    headline: `${name} is Pending: no node can run it (${availability(r)}).`,
    explanation: [
      `kube-scheduler filtered every node out: ${nodeReasons(r)}.`,
      preemption
        ? `Preemption could not help either (DefaultPreemption: ${preemption.reasons.join(', ').replace(/^preemption: /, '') || preemption.code}).`
        : '',
      'The pod stays in the scheduling queue and is tried again when the cluster changes (a node joins, a pod leaves).',
    ]
      .filter(Boolean)
      .join(' '),
    message: lastFailed >= 0 ? kubeEventAt(timeline, lastFailed).message : r.message || null,
    causes,
  }
}

/** A pod the kubelet refused to run (phase Failed with a reason such as OutOfcpu or SysctlForbidden). */
export function kubeletRejectionEnding(timeline: Timeline, pod: Pod): Ending | null {
  const status = pod.status ?? {}
  const reason = typeof status['reason'] === 'string' ? (status['reason'] as string) : ''
  if (status.phase !== 'Failed' || !reason) return null
  const name = pod.metadata.name ?? ''
  const node = pod.spec.nodeName ?? 'its node'
  const warning = findKubeEvent(timeline, 'Warning', reason)
  const sync = findEvent(timeline, (e) => e.kind === 'kubelet.sync' && e.payload.action === 'reject')
  const causes: EndingCause[] = []
  if (warning >= 0)
    causes.push({ label: `${reason}: the kubelet on ${node} rejected the pod`, eventIndex: warning })
  if (sync >= 0) causes.push({ label: 'kubelet admission (SyncLoop ADD)', eventIndex: sync })
  const scheduledByHand = findEvent(timeline, (e) => e.kind === 'scheduler.cycle') < 0
  return {
    tone: 'rejected',
    headline: `${name} Failed: the kubelet on ${node} rejected it (${reason}).`,
    explanation: [
      `The kubelet runs its own admission checks when a pod arrives (pkg/kubelet/lifecycle/predicate.go); this pod failed them, so the kubelet set phase Failed with reason ${reason} and will never run it.`,
      reason.startsWith('OutOf') && scheduledByHand
        ? 'spec.nodeName was set by hand, so the scheduler, which would have checked the free resources, never ran.'
        : '',
      'A Failed pod is not retried; delete it and create it again (or let a controller do it).',
    ]
      .filter(Boolean)
      .join(' '),
    message: typeof status.message === 'string' ? status.message : null,
    causes,
  }
}
