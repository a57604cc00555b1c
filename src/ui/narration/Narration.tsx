/** The current step in plain words: which stage, what happens, and when (virtual time). */
import { STAGES } from '../../engine/index'
import { useAppStore } from '../../store/context'
import { selectEvent } from '../../store/selectors'
import { formatVirtualTime } from '../shared/format'

const INTRO =
  'Press Play, or Step forward, to follow the pod from the moment you press Enter on kubectl apply until it runs. Edit the manifest on the left to see how the cluster reacts.'

export function Narration() {
  const event = useAppStore(selectEvent)
  const index = useAppStore((s) => s.cursor.index)
  const total = useAppStore((s) => s.timeline.events.length)
  const stage = event ? STAGES.find((s) => s.id === event.stage)?.title : 'Before Enter'
  return (
    <section className="narration" aria-labelledby="narration-title">
      <div className="narration-meta">
        <span className="narration-stage" id="narration-title">
          {stage}
        </span>
        <span className="narration-time">
          {event ? `t = ${formatVirtualTime(event.at)}` : `${total} steps`}
        </span>
      </div>
      <p className="narration-text" data-testid="narration">
        {event ? event.narration : INTRO}
      </p>
      {event && (
        <p className="narration-summary">
          <span className="step-no">
            {index + 1}/{total}
          </span>{' '}
          <code>{event.summary}</code>
        </p>
      )}
    </section>
  )
}
