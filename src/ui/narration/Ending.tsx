/**
 * How the story ends, and why: the engine's verdict in plain words, a link to
 * each step where the cause arose, the exact message the cluster printed
 * (whole, every line), then the explanation. Links come before the long text
 * so they are on screen in a short narration panel. Loaded after first paint
 * (engine/views): it is needed only at the last step.
 */
import { endingOf } from './ending-of'
import { useAppStore } from '../../store/context'
import { WhatIfButton } from '../whatif/WhatIfButton'

export default function Ending({ lastStep }: { lastStep: string }) {
  const timeline = useAppStore((s) => s.timeline)
  const seekIndex = useAppStore((s) => s.seekIndex)
  const pause = useAppStore((s) => s.pause)
  const ending = endingOf(timeline)
  return (
    <div className={`ending tone-${ending.tone}`} data-testid="ending">
      {timeline.stopped && (
        <p className="ending-stopped" role="status" data-testid="run-stopped">
          {timeline.stopped}.
        </p>
      )}
      <p className="ending-headline narration-text" data-testid="narration" aria-live="polite">
        {ending.headline}
      </p>
      {ending.causes.length > 0 && (
        <ul className="ending-causes" aria-label="Where it came from">
          {ending.causes.map((c) => (
            <li key={`${c.eventIndex}-${c.label}`}>
              <button
                type="button"
                data-testid="cause-link"
                data-event-index={c.eventIndex}
                onClick={() => {
                  pause()
                  seekIndex(c.eventIndex)
                }}
              >
                Jump to: {c.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {ending.message && (
        <pre className="ending-message" tabIndex={0} aria-label="What the cluster printed">
          {ending.message}
        </pre>
      )}
      {ending.tone !== 'accepted' && (
        <p className="ending-whatif">
          <WhatIfButton className="ending-whatif-button" /> compare with a fix the engine has checked, or your
          own change
        </p>
      )}
      <p className="ending-explanation">{ending.explanation}</p>
      <p className="ending-last-step">Last step: {lastStep}</p>
    </div>
  )
}
