/**
 * The current story step in plain words: which chapter, what happens, and when
 * (virtual time). A collapsed step lists what it holds; the last step says how
 * the story ends and why, with links to where the cause arose. The text is a
 * live region, so a screen reader follows the story as it plays.
 */
import { lazy, Suspense, useState } from 'react'
import { STAGES } from '../../engine/index'
import { useAppStore } from '../../store/context'
import { storyOf } from '../../store/story'
import { formatVirtualTime, plural } from '../shared/format'
import { CollapsedSteps } from './CollapsedSteps'

// The ending (and the engine code that works it out) loads after first paint.
const Ending = lazy(() => import('./Ending'))
const ChapterIntro = lazy(() => import('../classroom/ChapterIntro'))

const INTRO =
  'Press Play (or Space), or Step forward (→), to follow the pod from the moment you press Enter on kubectl until it runs — or until the cluster says why not. Edit the manifest to see how the cluster reacts.'

export function Narration() {
  const timeline = useAppStore((s) => s.timeline)
  const scenario = useAppStore((s) => s.scenario)
  const index = useAppStore((s) => s.cursor.index)
  const presenter = useAppStore((s) => s.presenter)
  // In a lesson the stop's card leads and the step's own narration folds to one line (still read out).
  const inLesson = useAppStore((s) => s.lesson !== null && !s.presenter)
  const [unfolded, setUnfolded] = useState(false)
  const folded = inLesson && !unfolded
  const story = storyOf(timeline)
  const k = story.stepOf(index)
  const step = k >= 0 ? story.steps[k]! : null
  const event = index >= 0 ? (timeline.events[index] ?? null) : null
  const stage = step ? STAGES.find((s) => s.id === step.stage)?.title : 'Before Enter'
  const isEnd = step !== null && k === story.steps.length - 1
  const text = step ? (step.kind === 'event' || !step.title ? event!.narration : step.title) : INTRO
  // A chapter starts at its first step (chapters can return: the scheduler's work interleaves kubectl's).
  const chapterStart = step !== null && (k === 0 || story.steps[k - 1]!.stage !== step.stage)
  // The last step is the ending: it says how the story ends rather than what the last event did.
  return (
    <section
      className={`narration${isEnd ? ' is-ending' : ''}${folded ? ' is-folded' : ''}`}
      aria-labelledby="narration-stage"
      data-testid="narration-panel"
    >
      <div className="narration-meta">
        <span className="narration-stage" id="narration-stage">
          {stage}
        </span>
        <span className="narration-time">
          {step
            ? `step ${k + 1} of ${story.steps.length} · t = ${formatVirtualTime(event!.at)}`
            : `${plural(story.steps.length, 'step')} · ${plural(timeline.events.length, 'event')}`}
        </span>
        {inLesson && (
          <button
            type="button"
            className="narration-fold"
            aria-expanded={!folded}
            onClick={() => setUnfolded(!unfolded)}
          >
            {folded ? 'Show this step in detail' : 'Fold'}
          </button>
        )}
      </div>
      <div className="narration-body">
        {isEnd ? (
          <Suspense fallback={<p className="narration-text">{text}</p>}>
            <Ending lastStep={text} />
          </Suspense>
        ) : (
          <p className="narration-text" data-testid="narration" aria-live="polite">
            {text}
          </p>
        )}
        {!step && scenario && (
          <p className="narration-lesson" data-testid="lesson">
            <strong>
              {scenario.title}
              {scenario.edited ? ' (edited)' : ''}:
            </strong>{' '}
            {scenario.lesson}
          </p>
        )}
        {step && !isEnd && (
          <Suspense fallback={null}>
            <ChapterIntro stage={step.stage} open={presenter && chapterStart} />
          </Suspense>
        )}
        {step && step.kind !== 'event' && <CollapsedSteps step={step} />}
        {step && step.kind === 'event' && !isEnd && event && (
          <p className="narration-summary">
            <code>{event.summary}</code>
          </p>
        )}
      </div>
    </section>
  )
}
