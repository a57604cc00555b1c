/** Where we are in the story: stage chapters to jump to, and a slider to scrub event by event. */
import { useMemo } from 'react'
import { useAppStore } from '../../store/context'
import { stageSegments } from './stage-segments'

export function TimelineBar() {
  const events = useAppStore((s) => s.timeline.events)
  const index = useAppStore((s) => s.cursor.index)
  const seekIndex = useAppStore((s) => s.seekIndex)
  const seekStage = useAppStore((s) => s.seekStage)
  const pause = useAppStore((s) => s.pause)
  const segments = useMemo(() => stageSegments(events), [events])
  const current = index >= 0 ? events[index]?.stage : undefined
  const total = events.length
  return (
    <div className="timeline">
      <ol className="stages" aria-label="Stages">
        {segments.map((s) => (
          <li key={s.stage} style={{ flexGrow: Math.max(1, Math.sqrt(s.count)) }}>
            <button
              type="button"
              className={`stage${s.stage === current ? ' is-current' : ''}${index >= s.first ? ' is-reached' : ''}`}
              aria-current={s.stage === current ? 'step' : undefined}
              onClick={() => seekStage(s.stage)}
              aria-label={`Jump to stage: ${s.title}`}
            >
              {s.title}
            </button>
          </li>
        ))}
      </ol>
      <input
        type="range"
        min={-1}
        max={total - 1}
        step={1}
        value={index}
        aria-label="Timeline position"
        aria-valuetext={`Step ${index + 1} of ${total}`}
        onChange={(e) => {
          pause()
          seekIndex(Number(e.target.value))
        }}
      />
      <div className="position" aria-hidden="true">
        {index + 1} / {total}
      </div>
    </div>
  )
}
