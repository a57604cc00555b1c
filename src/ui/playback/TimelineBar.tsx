/**
 * Where we are in the story: the chapters to jump to, and a slider to scrub
 * through the story's steps (a collapsed group is one position).
 */
import { useMemo } from 'react'
import { useAppStore } from '../../store/context'
import { storyOf } from '../../store/story'
import { stageSegments } from './stage-segments'

export function TimelineBar() {
  const timeline = useAppStore((s) => s.timeline)
  const index = useAppStore((s) => s.cursor.index)
  const seekIndex = useAppStore((s) => s.seekIndex)
  // A new story is on its way from the engine: this one is not to be scrubbed.
  const storyLoading = useAppStore((s) => s.storyLoading)
  const seekStage = useAppStore((s) => s.seekStage)
  const pause = useAppStore((s) => s.pause)
  const story = storyOf(timeline)
  const segments = useMemo(() => stageSegments(story), [story])
  const k = story.stepOf(index)
  const current = k >= 0 ? story.steps[k]!.stage : undefined
  const total = story.steps.length
  return (
    <div className="timeline">
      {/* Eleven chapters (a Deployment's run) let titles wrap; ten stay on one line, which is cheaper to lay out while playing. */}
      <ol className={`stages${segments.length > 10 ? ' is-crowded' : ''}`} aria-label="Chapters">
        {segments.map((s) => (
          <li key={s.stage}>
            <button
              type="button"
              className={`chapter${s.stage === current ? ' is-current' : ''}${k >= s.step ? ' is-reached' : ''}`}
              aria-current={s.stage === current ? 'step' : undefined}
              onClick={() => seekStage(s.stage)}
              aria-label={`Jump to chapter: ${s.title}`}
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
        value={k}
        aria-label="Story position"
        disabled={storyLoading}
        aria-valuetext={k < 0 ? 'Before Enter' : `Step ${k + 1} of ${total}`}
        onChange={(e) => {
          pause()
          const to = Number(e.target.value)
          seekIndex(to < 0 ? -1 : story.steps[to]!.last)
        }}
      />
      <div className="position" aria-hidden="true">
        {k + 1} / {total}
      </div>
    </div>
  )
}
