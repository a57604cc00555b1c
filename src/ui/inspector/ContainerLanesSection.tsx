/** The inspector's per-container timeline: the chart, its legend and the same lanes in words. */
import { useId, useMemo } from 'react'
import { containerLanes, containerStatesAt } from '../../engine/views'
import { useAppStore } from '../../store/context'
import { LaneChart } from './LaneChart'
import { CHART_WIDTH, MIN_CHART_WIDTH, describeLane, formatInstant } from './lane-chart'
import { useWidth } from './useWidth'

const LEGEND = [
  ['tone-running', 'running'],
  ['tone-unready', 'running, not ready'],
  ['tone-waiting', 'waiting (reason)'],
  ['tone-done', 'exited 0'],
  ['tone-failed', 'failed'],
] as const

export function ContainerLanesSection({ title }: { title: string }) {
  const timeline = useAppStore((s) => s.timeline)
  const index = useAppStore((s) => s.cursor.index)
  // The lanes cover the whole run, so they are worked out once per timeline, not per step.
  const lanes = useMemo(() => containerLanes(timeline), [timeline])
  const states = useMemo(() => containerStatesAt(timeline, index), [timeline, index])
  const now = index >= 0 ? (timeline.events[index]?.at ?? 0) : 0
  const id = useId()
  const [box, width] = useWidth<HTMLDivElement>(CHART_WIDTH)
  if (lanes.lanes.length === 0) return null
  const nowText = `Now, at ${formatInstant(now)}: ${
    states?.map((s) => `${s.name} ${s.summary}, ${s.restartCount} restarts`).join('; ') ?? 'no container yet'
  }.`
  return (
    <section className="inspector-section" data-testid="container-lanes">
      <h3 id={`${id}-title`}>{title}</h3>
      <div ref={box}>
        <LaneChart
          lanes={lanes}
          now={now}
          states={states}
          labelledBy={`${id}-title`}
          describedBy={`${id}-now ${id}-words`}
          width={Math.max(MIN_CHART_WIDTH, width)}
        />
      </div>
      <p id={`${id}-now`} className="sr-only">
        {nowText}
      </p>
      <ul className="lane-legend" aria-label="Legend">
        {LEGEND.map(([tone, text]) => (
          <li key={tone}>
            <span className={`swatch ${tone}`} aria-hidden="true" /> {text}
          </li>
        ))}
        <li>
          <span className="mark-restart" aria-hidden="true">
            ▼
          </span>{' '}
          restart
        </li>
        <li>
          <span className="mark-probe" aria-hidden="true" /> probe failed
        </li>
      </ul>
      <p className="lane-note muted">
        Stretched time axis: the first seconds get as much room as the minutes after. Faded: still to come.
      </p>
      <details className="lane-words">
        <summary>The lanes in words</summary>
        <ul id={`${id}-words`}>
          {lanes.lanes.map((l) => (
            <li key={l.name}>{describeLane(l)}</li>
          ))}
        </ul>
      </details>
    </section>
  )
}
