/**
 * One lane per container over virtual time, for the per-container timeline chart: the spans in which
 * it waited (with the reason), ran, or had terminated (reason, exit code), each restart, and each
 * failed probe. Pure: it reads the timeline's frames only, and the state in each frame is the one
 * container-states.ts gives (the kubelet's own rule), so the chart and the node view agree.
 *
 * A span starts at the event that changed the state and lasts until the next change, or until the
 * timeline's last event. Lanes begin when the kubelet takes the pod on.
 */
import { storyPod, storyRecord } from '../protocol/pods'
import type { ProbeKind } from '../kubelet/pod-state'
import { EVENT } from '../kubelet/kubelet-messages'
import type { SimEvent } from '../protocol/events'
import type { Timeline } from '../protocol/timeline'
import type { World } from '../protocol/world'
import { containerStatesOf, type ContainerKind, type ContainerNow } from './container-states'

export interface LaneSegment {
  readonly state: ContainerNow['state']
  /** Virtual ms: from the event that began it to the next change (or the end of the timeline). */
  readonly from: number
  readonly to: number
  readonly reason: string | null
  readonly exitCode: number | null
  readonly restartCount: number
  readonly ready: boolean
  /** Running but not ready (container-states.ts). */
  readonly unready: boolean
  readonly ok: boolean
  readonly summary: string
}

export type LaneMarkKind = 'restart' | 'probe-failed'

export interface LaneMark {
  readonly kind: LaneMarkKind
  readonly at: number
  /** What happened, in words: `restart 2`, or the Unhealthy event's message. */
  readonly text: string
}

export interface ContainerLane {
  readonly name: string
  readonly kind: ContainerKind
  readonly segments: readonly LaneSegment[]
  readonly marks: readonly LaneMark[]
}

export interface ContainerLanes {
  /** Virtual ms of the timeline's last event: where every lane ends. */
  readonly end: number
  readonly lanes: readonly ContainerLane[]
}

interface Building {
  name: string
  kind: ContainerKind
  segments: LaneSegment[]
  marks: LaneMark[]
}

const sameState = (s: LaneSegment, c: ContainerNow): boolean =>
  s.state === c.state &&
  s.reason === c.reason &&
  s.exitCode === c.exitCode &&
  s.restartCount === c.restartCount &&
  s.ready === c.ready

/** Upstream: pkg/kubelet/prober/prober.go records "<Kind> probe failed: <output>" (kubelet-messages.ts MSG_PROBE_FAILED). */
const PROBE_KIND: Readonly<Record<string, ProbeKind>> = {
  Startup: 'startup',
  Liveness: 'liveness',
  Readiness: 'readiness',
}
const PROBE_FIELD: Readonly<Record<ProbeKind, string>> = {
  startup: 'startupProbe',
  liveness: 'livenessProbe',
  readiness: 'readinessProbe',
}

/**
 * The container an Unhealthy event is about. The event names the pod only (as the kubelet's event does,
 * with the container in its fieldPath), so: the container whose probe failure count went up at that
 * event; failing that, the first container that has a probe of that kind.
 */
function probedContainer(e: SimEvent, frame: World, before: World | undefined): string | null {
  if (e.kind !== 'k8s.event') return null
  const kind = PROBE_KIND[e.payload.message.split(' ')[0] ?? '']
  if (!kind) return null
  const now = storyRecord(frame)?.worker?.containers ?? {}
  const prev = (before && storyRecord(before)?.worker?.containers) ?? {}
  for (const [name, rec] of Object.entries(now)) {
    if ((rec.probes?.[kind]?.failures ?? 0) > (prev[name]?.probes?.[kind]?.failures ?? 0)) return name
  }
  const pod = storyPod(frame)
  if (!pod) return null
  const all = [...(pod.spec.initContainers ?? []), ...pod.spec.containers]
  return all.find((c) => c[PROBE_FIELD[kind]] !== undefined)?.name ?? null
}

/** Every container's lane over the whole timeline, init containers first, in spec order. */
export function containerLanes(timeline: Timeline): ContainerLanes {
  const { events, frames } = timeline
  const end = events.length ? events[events.length - 1]!.at : 0
  const lanes = new Map<string, Building>()
  let last: {
    pod: unknown
    runtime: unknown
    worker: unknown
    states: readonly ContainerNow[] | null
  } | null = null
  for (let i = 0; i < frames.length; i++) {
    const frame = frames[i]!
    const e = events[i]!
    const record = storyRecord(frame)
    const pod = storyPod(frame)
    const node = pod?.spec.nodeName
    const runtime = node ? frame.nodes[node] : undefined
    // Frames share unchanged parts, so the states are worked out again only when their inputs change.
    const states: readonly ContainerNow[] | null =
      last && last.pod === pod && last.runtime === runtime && last.worker === record?.worker
        ? last.states
        : containerStatesOf(frame)
    last = { pod, runtime, worker: record?.worker, states }
    for (const c of states ?? []) {
      let lane = lanes.get(c.name)
      if (!lane) {
        lane = { name: c.name, kind: c.kind, segments: [], marks: [] }
        lanes.set(c.name, lane)
      }
      const open = lane.segments[lane.segments.length - 1]
      if (open && open.to === Infinity && sameState(open, c)) continue
      if (open && open.to === Infinity) lane.segments[lane.segments.length - 1] = { ...open, to: e.at }
      if (open && c.restartCount > open.restartCount)
        lane.marks.push({ kind: 'restart', at: e.at, text: `restart ${c.restartCount}` })
      lane.segments.push({
        state: c.state,
        from: e.at,
        to: Infinity,
        reason: c.reason,
        exitCode: c.exitCode,
        restartCount: c.restartCount,
        ready: c.ready,
        unready: c.unready,
        ok: c.ok,
        summary: c.summary,
      })
    }
    // A container that left the kubelet's view (the pod was deleted) ends its open span here.
    if (!states)
      for (const lane of lanes.values()) {
        const open = lane.segments[lane.segments.length - 1]
        if (open && open.to === Infinity) lane.segments[lane.segments.length - 1] = { ...open, to: e.at }
      }
    const onPrimary = (e.slot ?? 0) === (frame.primaryDoc ?? 0)
    if (e.kind === 'k8s.event' && e.payload.reason === EVENT.Unhealthy && onPrimary) {
      const name = probedContainer(e, frame, frames[i - 1])
      const lane = name ? lanes.get(name) : undefined
      if (lane) lane.marks.push({ kind: 'probe-failed', at: e.at, text: e.payload.message })
    }
  }
  const order = orderOf(frames)
  const out = [...lanes.values()]
    .sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0))
    .map((l) => ({
      name: l.name,
      kind: l.kind,
      segments: l.segments.map((s) => (s.to === Infinity ? { ...s, to: end } : s)),
      marks: l.marks,
    }))
  return { end, lanes: out }
}

/** Spec order (init containers first) of the last pod seen. */
function orderOf(frames: readonly World[]): Map<string, number> {
  for (let i = frames.length - 1; i >= 0; i--) {
    const pod = storyPod(frames[i]!)
    if (pod)
      return new Map([...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c, k) => [c.name, k]))
  }
  return new Map()
}
