/** The comparison could not be drawn: say so, and give the way back to the story. */
import { useAppStore } from '../../store/context'

export function WhatIfFailed() {
  const closeWhatIf = useAppStore((s) => s.closeWhatIf)
  return (
    <section className="whatif panel-error" role="alert" aria-label="What if">
      <p>
        The comparison could not be shown. This is a bug in Podlife, not in your files; your run is unchanged.
      </p>
      <button type="button" onClick={closeWhatIf}>
        Back to the story
      </button>
    </section>
  )
}
