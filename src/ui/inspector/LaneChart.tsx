/** One horizontal lane per container over virtual time, with restarts, failed probes and a cursor. */
import type { ContainerLanes, ContainerNow } from '../../engine/views'
import {
  CHART_LEFT,
  compactState,
  createLaneScale,
  labelWidth,
  segmentLabel,
  segmentTone,
} from './lane-chart'

const TOP = 22
const LANE = 62
const BAR_Y = 26
const BAR_H = 22
const AXIS = 30

interface Props {
  readonly lanes: ContainerLanes
  readonly now: number
  /** Each container's state at the cursor, for the lane headings. */
  readonly states: readonly ContainerNow[] | null
  readonly labelledBy: string
  readonly describedBy: string
  /** Chart units across; the component that measures the chart passes its width in pixels. */
  readonly width: number
}

export function LaneChart({ lanes, now, states, labelledBy, describedBy, width }: Props) {
  const scale = createLaneScale(lanes.end, width)
  const height = TOP + lanes.lanes.length * LANE + AXIS
  const cursor = scale.x(now)
  const bottom = TOP + lanes.lanes.length * LANE
  return (
    <svg
      className="lane-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
    >
      {lanes.lanes.map((lane, i) => {
        const y = TOP + i * LANE
        return (
          <g key={lane.name}>
            <rect
              className="lc-track"
              x={CHART_LEFT}
              y={y + BAR_Y}
              width={scale.x(lanes.end) - CHART_LEFT}
              height={BAR_H}
            />
            {lane.segments.map((s, k) => {
              const x = scale.x(s.from)
              const w = Math.max(2, scale.x(s.to) - x)
              const label = segmentLabel(s)
              const tone = segmentTone(s)
              return (
                <g key={k}>
                  <rect className={`lc-seg tone-${tone}`} x={x} y={y + BAR_Y} width={w} height={BAR_H} />
                  {w >= labelWidth(label) && (
                    <text className={`lc-seg-label tone-${tone}`} x={x + 4} y={y + BAR_Y + 16}>
                      {label}
                    </text>
                  )}
                </g>
              )
            })}
            {lane.marks.map((m, k) => {
              const x = scale.x(m.at)
              return m.kind === 'restart' ? (
                <path key={k} className="lc-restart" d={`M${x - 5},${y + BAR_Y - 9} h10 l-5,7 z`} />
              ) : (
                <line
                  key={k}
                  className="lc-probe"
                  x1={x}
                  x2={x}
                  y1={y + BAR_Y + BAR_H + 1}
                  y2={y + BAR_Y + BAR_H + 9}
                />
              )
            })}
            <rect
              className="lc-veil"
              x={cursor}
              y={y + BAR_Y - 10}
              width={Math.max(0, width - cursor)}
              height={BAR_H + 20}
            />
          </g>
        )
      })}
      {scale.ticks.map((t) => (
        <g key={t.label}>
          <line className="lc-tick" x1={t.x} x2={t.x} y1={bottom} y2={bottom + 5} />
          <text className="lc-muted" x={t.x} y={bottom + 20} textAnchor="middle">
            {t.label}
          </text>
        </g>
      ))}
      <line className="lc-cursor" x1={cursor} x2={cursor} y1={TOP - 6} y2={bottom} />
      <text className="lc-now" x={cursor} y={TOP - 9} textAnchor={cursor > width - 40 ? 'end' : 'middle'}>
        now
      </text>
      {lanes.lanes.map((lane, i) => {
        // Drawn last, with a halo, so the cursor line never hides them.
        const y = TOP + i * LANE
        const state = states?.find((s) => s.name === lane.name)
        return (
          <g key={lane.name}>
            <text className="lc-name" x={CHART_LEFT} y={y + 16}>
              {lane.name}
              {lane.kind !== 'regular' && <tspan className="lc-muted"> {lane.kind}</tspan>}
            </text>
            <text className="lc-state" x={width - 6} y={y + 16} textAnchor="end">
              {state ? `${compactState(state)} · ↻ ${state.restartCount}` : 'not created yet'}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
