/**
 * What a collapsed step says, in plain words, worked out from the payloads of the events it holds:
 * "14 admission plugins let the pod through unchanged", "The readiness probe failed 37 more times
 * (t = 12 s … 2 min 10 s)". Messages a real cluster prints are quoted, never reworded.
 */
import type { SimEvent } from '../protocol/events'
import { isWarning } from './event-classes'
import { eventSignature } from './event-signature'
import { formatVirtualTime } from './virtual-time'

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

/** One phrase per run of same-kind quiet events, in order. */
function quietPhrase(kind: SimEvent['kind'], run: readonly SimEvent[], noun: string): string {
  switch (kind) {
    case 'admission.verdict': {
      const phase = run[0]?.kind === 'admission.verdict' ? run[0].payload.phase : 'mutating'
      return `${plural(run.length, `${phase} admission plugin lets`, `${phase} admission plugins let`)} ${noun} through unchanged`
    }
    case 'apiserver.validation':
      return `${noun} passes validation`
    case 'apiserver.decode':
      return 'the apiserver decodes the object (no defaults to add)'
    case 'kubectl.kubeconfig':
      return 'kubectl loads the kubeconfig'
    case 'cri.call': {
      const calls = [...new Set(run.map((e) => (e.kind === 'cri.call' ? e.payload.call : '')))]
      return `the kubelet reads state back from containerd (${calls.join(', ')})`
    }
    default:
      return `${plural(run.length, 'routine step', 'routine steps')}`
  }
}

/** The title of a group of quiet events: one phrase per run of the same kind. `noun`: "the pod". */
export function quietGroupTitle(events: readonly SimEvent[], noun: string): string {
  const phrases: string[] = []
  let run: SimEvent[] = []
  const flush = (): void => {
    if (run[0]) phrases.push(quietPhrase(run[0].kind, run, noun))
    run = []
  }
  for (const e of events) {
    const head = run[0]
    const samePhase =
      head?.kind === 'admission.verdict' && e.kind === 'admission.verdict'
        ? head.payload.phase === e.payload.phase
        : true
    if (head && (head.kind !== e.kind || !samePhase)) flush()
    run.push(e)
  }
  flush()
  return capitalise(phrases.join('; '))
}

/** The title of an exchange (a request, its write and reply; a call and its Event): the narrations in order. */
export function exchangeTitle(events: readonly SimEvent[]): string {
  return events.map((e) => e.narration).join(' ')
}

const CONTAINER_IN_BACKOFF = /^Back-off restarting failed container (\S+) /
const PULL_FAILED = /^Failed to pull image "([^"]+)"/
const PROBE_FAILED = /^(Readiness|Liveness|Startup) probe failed/

/**
 * What one cycle is about, as a phrase taking "N more times": the restart, the failed pull, the
 * probe, the mount, the scheduling attempt. Restarts come first: a liveness kill's cycle holds both.
 * Upstream messages: pkg/kubelet/kuberuntime/kuberuntime_container.go (Back-off restarting failed
 * container), pkg/kubelet/images/image_manager.go (Failed to pull image), pkg/kubelet/prober/prober.go.
 */
function cycleSubject(
  cycle: readonly SimEvent[],
): { subject: (times: string) => string; main: SimEvent } | null {
  const warnings = cycle.filter(isWarning)
  /** The first Warning whose message matches `re` (and whose reason is `reason`, when given), with the match. */
  const pick = (re: RegExp, reason?: string): { w: SimEvent; m: string } | null => {
    for (const w of warnings) {
      if (w.kind !== 'k8s.event' || (reason && w.payload.reason !== reason)) continue
      const m = re.exec(w.payload.message)
      if (m) return { w, m: m[1] ?? '' }
    }
    return null
  }
  const restart = pick(CONTAINER_IN_BACKOFF, 'BackOff')
  if (restart)
    return {
      main: restart.w,
      subject: (times) =>
        `The kubelet restarted container ${restart.m} ${times}, backing off longer after each exit`,
    }
  const pull = pick(PULL_FAILED)
  if (pull)
    return { main: pull.w, subject: (times) => `The kubelet tried to pull image "${pull.m}" ${times}` }
  const probe = pick(PROBE_FAILED, 'Unhealthy')
  if (probe)
    return { main: probe.w, subject: (times) => `The ${probe.m.toLowerCase()} probe failed ${times}` }
  const other = warnings[0]
  if (other?.kind === 'k8s.event') {
    const { reason, message } = other.payload
    if (reason === 'FailedMount')
      return { main: other, subject: (times) => `Mounting the pod's volumes failed ${times}` }
    if (reason === 'FailedScheduling')
      return { main: other, subject: (times) => `The scheduler tried ${times} and found no node` }
    return { main: other, subject: (times) => `Warning ${reason} ("${message}") came back ${times}` }
  }
  return null
}

/**
 * The title of a 'repeat' step. `collapsed` are the events of the collapsed cycles; `cycle` one of
 * them. The count is how often the cycle's main event happens among the collapsed events.
 */
export function repeatTitle(
  cycle: readonly SimEvent[],
  collapsed: readonly SimEvent[],
  cycles: number,
): string {
  const first = collapsed[0]
  const last = collapsed[collapsed.length - 1]
  const span = first && last ? ` (t = ${formatVirtualTime(first.at)} … ${formatVirtualTime(last.at)})` : ''
  const times = (n: number): string => (n === 1 ? 'once more' : `${n} more times`)
  const found = cycleSubject(cycle)
  if (found) {
    const sig = eventSignature(found.main)
    const n = collapsed.filter((e) => eventSignature(e) === sig).length
    return `${found.subject(times(n))}${span}`
  }
  return `The same ${plural(cycle.length, 'event', 'events')} happened ${times(cycles)}${span}`
}
