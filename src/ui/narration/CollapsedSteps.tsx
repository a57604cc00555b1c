/** A collapsed story step opened: each event it holds, each a link to that instant. */
import type { StoryStep } from '../../engine/index'
import { useAppStore } from '../../store/context'

export function CollapsedSteps({ step }: { step: StoryStep }) {
  const events = useAppStore((s) => s.timeline.events)
  const index = useAppStore((s) => s.cursor.index)
  const seekIndex = useAppStore((s) => s.seekIndex)
  const inner = events.slice(step.first, step.last + 1)
  return (
    <details className="collapsed-steps">
      <summary>Show the {inner.length} steps inside</summary>
      <ol>
        {inner.map((e, i) => (
          <li key={e.seq}>
            <button
              type="button"
              aria-current={step.first + i === index ? 'step' : undefined}
              onClick={() => seekIndex(step.first + i)}
            >
              <code>{e.summary}</code>
            </button>
          </li>
        ))}
      </ol>
    </details>
  )
}
