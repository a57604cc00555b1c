/**
 * alignRuns(a, b): two runs side by side, chapter by chapter (which story steps each stage spans in
 * each run), and the first story step where they stop looking the same to a learner.
 *
 * "Looking the same" compares what the story shows: each event's kind, component, route and stage,
 * its summary with the parts that differ from run to run blanked out (uids, container and sandbox
 * ids, IPs, MACs, veth names, times, counts: story/event-signature.ts normalizeVarying), and, kept
 * exactly, the decisions a learner reads: an HTTP status code, the authorization and admission
 * verdicts, each node's filter verdict and the node picked, kubectl's exit code, a container's exit
 * reason, whether a pull worked. Request bodies and stored objects are not compared: a changed
 * manifest shows up where the cluster decides differently, not in the POST that carried it.
 */
import type { SimEvent } from '../protocol/events'
import { STAGES, type StageId } from '../protocol/stages'
import type { Timeline } from '../protocol/timeline'
import { buildStory } from '../story/build-story'
import { normalizeVarying } from '../story/event-signature'
import type { Story } from '../story/types'

/** Story step indices (inclusive) a stage spans in one run; a stage may be interleaved with another. */
export interface StageSpan {
  readonly first: number
  readonly last: number
}

export interface StageAlignment {
  readonly stage: StageId
  readonly a: StageSpan | null
  readonly b: StageSpan | null
}

export interface Divergence {
  /**
   * The story step holding the first differing event, in each run (they may differ: the story groups
   * events by what follows). A run that ended first points at its last step.
   */
  readonly a: number
  readonly b: number
  readonly stage: StageId
  /** What differs, in a sentence: "In this run, no node fits (…); with the change, the scheduler picks worker-1." */
  readonly reason: string
}

export interface RunAlignment {
  readonly stages: readonly StageAlignment[]
  /** null when the runs look the same from start to end. */
  readonly divergence: Divergence | null
}

const IP = /\b\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?\b/g
const MAC = /\b([0-9a-f]{2}:){5}[0-9a-f]{2}\b/gi
const VETH = /\bveth[0-9a-f]+\b/g

function normalize(text: string): string {
  return normalizeVarying(text.replace(IP, '<ip>').replace(MAC, '<mac>').replace(VETH, 'veth<id>'))
}

/** The verdict rows of a scheduling cycle: `worker-1=pass`, `worker-2=NodeResourcesFit:Insufficient cpu`. */
function verdicts(e: Extract<SimEvent, { kind: 'scheduler.cycle' }>): string[] {
  return e.payload.nodes.map((n) => {
    if (!n.filter.examined) return `${n.name}=not examined`
    return `${n.name}=${n.filter.passed ? 'pass' : `${n.filter.plugin ?? ''}:${n.filter.reasons.join(', ')}`}`
  })
}

/** The decisions of an event, exactly as they are. */
function decision(e: SimEvent): string {
  switch (e.kind) {
    case 'http.response':
      return String(e.payload.code)
    case 'authn.verdict':
      return e.payload.user?.name ?? '(none)'
    case 'authz.verdict':
      return String(e.payload.allowed)
    case 'admission.verdict':
      return `${e.payload.plugin}:${e.payload.verdict}`
    case 'apiserver.validation':
      return e.payload.errors.join('\n')
    case 'scheduler.cycle':
      return `${e.payload.result}:${e.payload.selected ?? ''}:${verdicts(e).join(';')}`
    case 'kubectl.output':
      return String(e.payload.exitCode)
    case 'registry.pull':
      return `${e.payload.reference}:${e.payload.sizeBytes > 0 ? 'pulled' : 'failed'}`
    case 'runtime.step': {
      const d = (e.payload.detail ?? {}) as { readonly reason?: string; readonly exitCode?: number }
      return `${e.payload.node}:${d.reason ?? ''}:${d.exitCode ?? ''}`
    }
    case 'kubelet.sync':
    case 'cri.call':
    case 'cni.add':
      return e.payload.node
    case 'k8s.event':
      return `${e.payload.type}:${e.payload.reason}`
    case 'pod.running':
      return e.payload.pod.spec.nodeName ?? ''
    default:
      return ''
  }
}

/** What a learner sees of one event. */
export function seenSignature(e: SimEvent): string {
  return `${e.kind}|${e.component}|${e.from ?? ''}|${e.to ?? ''}|${e.stage}|${normalize(e.summary)}|${decision(e)}`
}

function spans(story: Story): Map<StageId, StageSpan> {
  const out = new Map<StageId, StageSpan>()
  story.steps.forEach((s, i) => {
    const span = out.get(s.stage)
    out.set(s.stage, span ? { first: span.first, last: i } : { first: i, last: i })
  })
  return out
}

/** One event as the reason names it. */
function describe(e: SimEvent | undefined): string {
  if (!e) return 'the run has ended'
  switch (e.kind) {
    case 'scheduler.cycle':
      return e.payload.selected
        ? `the scheduler picks ${e.payload.selected}`
        : `no node fits ("${e.payload.message.split('. ')[0]}.")`
    case 'http.response':
      return `the apiserver answers ${e.summary}`
    case 'kubectl.output':
      return `kubectl exits ${e.payload.exitCode}`
    default:
      return `"${e.summary}"`
  }
}

/** The sentence for the first events that differ (either may be missing: that run has ended). */
function reasonFor(x: SimEvent | undefined, y: SimEvent | undefined): string {
  if (
    x?.kind === 'scheduler.cycle' &&
    y?.kind === 'scheduler.cycle' &&
    x.payload.selected === y.payload.selected
  ) {
    const va = verdicts(x)
    const vb = verdicts(y)
    const k = va.findIndex((v, j) => v !== vb[j])
    if (k >= 0)
      return `The filter verdicts differ: in this run, ${va[k]}; with the change, ${vb[k] ?? 'no such node'}.`
  }
  return `In this run, ${describe(x)}; with the change, ${describe(y)}.`
}

/**
 * The two runs' stories aligned by stage, and the first story step where they differ in what a
 * learner sees (null when they never do). The runs are compared event by event, so a step the story
 * groups differently (apply's GET is one step with its 404, but its own step when refused) does not
 * hide where the difference lies; the divergence names the step holding the first differing event in
 * each run, and that event's stage. Stories may be passed in when the caller has them already.
 *
 * @example
 * const { divergence } = alignRuns(failed, proposal.timeline)
 * divergence?.stage   // 'scheduling': the same up to the cycle that now finds a node
 */
export function alignRuns(
  a: Timeline,
  b: Timeline,
  stories: { readonly a: Story; readonly b: Story } = { a: buildStory(a), b: buildStory(b) },
): RunAlignment {
  const sa = spans(stories.a)
  const sb = spans(stories.b)
  const stages = STAGES.map(({ id }) => ({ stage: id, a: sa.get(id) ?? null, b: sb.get(id) ?? null }))
  const n = Math.min(a.events.length, b.events.length)
  let k = 0
  while (k < n && seenSignature(a.events[k]!) === seenSignature(b.events[k]!)) k++
  if (k === a.events.length && k === b.events.length) return { stages, divergence: null }
  const x = a.events[k]
  const y = b.events[k]
  // A run that has ended points at its last step.
  const stepIn = (story: Story, events: number) => story.stepOf(Math.min(k, events - 1))
  return {
    stages,
    divergence: {
      a: stepIn(stories.a, a.events.length),
      b: stepIn(stories.b, b.events.length),
      stage: (x ?? y)!.stage,
      reason: reasonFor(x, y),
    },
  }
}
