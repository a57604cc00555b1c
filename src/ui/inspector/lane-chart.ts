/**
 * Geometry and words for the per-container timeline chart. Pure: it lays out what the engine derived
 * (containerLanes) and knows nothing of Kubernetes.
 *
 * Time runs on a stretched axis, x ∝ log(1 + t / 1 s): the first second (sandbox, pull, start) gets as
 * much room as the minutes of a crash-loop back-off, and the ticks say where the seconds are.
 */
import type { ContainerLane, ContainerNow, LaneSegment } from '../../engine/views'

/** The width drawn before the chart is measured, and the narrowest it is drawn. */
export const CHART_WIDTH = 400
export const MIN_CHART_WIDTH = 300
export const CHART_LEFT = 8
export const CHART_RIGHT = 14
/** The part of the axis below which time runs almost linearly. */
const KNEE_MS = 1000
/** Ticks closer than this (in chart units) to the previous one are left out. */
const TICK_GAP = 38
const TICKS_MS = [0, 1000, 2000, 5000, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_200_000]

export interface LaneScale {
  readonly x: (ms: number) => number
  readonly ticks: readonly { readonly x: number; readonly label: string }[]
}

export function createLaneScale(end: number, width = CHART_WIDTH): LaneScale {
  const span = width - CHART_LEFT - CHART_RIGHT
  const top = Math.log1p(Math.max(end, 1) / KNEE_MS)
  const x = (ms: number) => CHART_LEFT + (span * Math.log1p(Math.min(Math.max(ms, 0), end) / KNEE_MS)) / top
  const ticks: { x: number; label: string }[] = []
  for (const ms of TICKS_MS) {
    if (ms > end) break
    const at = x(ms)
    const prev = ticks[ticks.length - 1]
    if (!prev || at - prev.x >= TICK_GAP) ticks.push({ x: at, label: formatTick(ms) })
  }
  return { x, ticks }
}

function formatTick(ms: number): string {
  if (ms === 0) return '0'
  if (ms < 60_000) return `${ms / 1000} s`
  return `${ms / 60_000} min`
}

/** A virtual instant for people: `0.694 s`, `11.1 s`, `2 min 32 s`. */
export function formatInstant(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(3)} s`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const m = Math.floor(ms / 60_000)
  const s = Math.round((ms % 60_000) / 1000)
  return s === 60 ? `${m + 1} min` : `${m} min ${s} s`
}

/** The look of a span; one colour, one meaning (app.css): waiting amber, running green, failed red. */
export type SegmentTone = 'waiting' | 'running' | 'unready' | 'done' | 'failed'

export function segmentTone(s: LaneSegment): SegmentTone {
  switch (s.state) {
    case 'waiting':
      return 'waiting'
    case 'running':
      return s.unready ? 'unready' : 'running'
    case 'terminated':
      return s.ok ? 'done' : 'failed'
    default:
      return s.state satisfies never
  }
}

/** The short text written inside a span when it is wide enough. */
export function segmentLabel(s: LaneSegment): string {
  if (s.state === 'running') return s.unready ? 'running, not ready' : 'running'
  if (s.state === 'terminated') return `${s.reason ?? 'exited'} ${s.exitCode ?? ''}`.trim()
  return s.reason ?? 'waiting'
}

/** A container's state in a few words, for a lane's heading: `running`, `CrashLoopBackOff`, `Completed (exit 0)`. */
export function compactState(c: ContainerNow): string {
  if (c.state === 'running') return c.unready ? 'running, not ready' : 'running'
  if (c.state === 'terminated') return `${c.reason ?? 'exited'} (exit ${c.exitCode ?? 0})`
  return c.reason ?? 'waiting'
}

/** Roughly how many chart units a label takes at the chart's label size. */
export const labelWidth = (text: string): number => text.length * 7 + 8

/**
 * One lane in words, for the chart's text alternative: each span with its start, and the marks
 * grouped by what they say.
 */
export function describeLane(lane: ContainerLane): string {
  // A restart splits a span without changing what it says; in words, one span is enough.
  const spans = lane.segments
    .filter((s, i) => s.summary !== lane.segments[i - 1]?.summary)
    .map((s) => `${s.summary} from ${formatInstant(s.from)}`)
    .join('; ')
  const groups = new Map<string, number[]>()
  for (const m of lane.marks) {
    const key = m.kind === 'restart' ? 'restart' : m.text
    groups.set(key, [...(groups.get(key) ?? []), m.at])
  }
  const marks = [...groups].map(([text, at]) =>
    text === 'restart'
      ? `restarted at ${at.map(formatInstant).join(', ')}`
      : at.length === 1
        ? `${text} at ${formatInstant(at[0]!)}`
        : `${text} ×${at.length}, from ${formatInstant(at[0]!)} to ${formatInstant(at[at.length - 1]!)}`,
  )
  return `${lane.name} (${lane.kind}): ${[spans, ...marks].filter(Boolean).join('. ')}.`
}
