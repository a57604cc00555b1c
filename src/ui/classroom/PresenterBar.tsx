/**
 * Presenter mode's chapter line, above the graph (always visible, large), and the presenter's few
 * controls in the top bar: the manifest or the inspector when asked for, whether playing stops at
 * each chapter's end, and the way out (Esc).
 */
import { STAGES } from '../../engine/index'
import { useAppStore } from '../../store/context'
import { storyOf } from '../../store/story'

export function PresenterChapter() {
  const stageId = useAppStore((s) => {
    const story = storyOf(s.timeline)
    const k = story.stepOf(s.cursor.index)
    return k >= 0 ? story.steps[k]!.stage : null
  })
  const n = stageId ? STAGES.findIndex((s) => s.id === stageId) : -1
  return (
    <div className="presenter-bar">
      <p className="presenter-chapter" data-testid="presenter-chapter">
        {n >= 0 ? (
          <>
            <span className="presenter-chapter-count">
              Chapter {n + 1} of {STAGES.length}
            </span>{' '}
            {STAGES[n]!.title}
          </>
        ) : (
          'Before Enter'
        )}
      </p>
    </div>
  )
}

export function PresenterTools() {
  const panel = useAppStore((s) => s.presenterPanel)
  const autoPause = useAppStore((s) => s.autoPause)
  const setPanel = useAppStore((s) => s.setPresenterPanel)
  const setAutoPause = useAppStore((s) => s.setAutoPause)
  const setPresenter = useAppStore((s) => s.setPresenter)
  return (
    <div className="presenter-tools" role="group" aria-label="Presenter">
      <button type="button" aria-pressed={panel === 'editor'} onClick={() => setPanel('editor')}>
        Manifest
      </button>
      <button type="button" aria-pressed={panel === 'inspector'} onClick={() => setPanel('inspector')}>
        Inspector
      </button>
      <label className="presenter-autopause" title="Playing pauses at the end of each chapter">
        <input type="checkbox" checked={autoPause} onChange={(e) => setAutoPause(e.target.checked)} />
        Auto-pause
      </label>
      <button type="button" onClick={() => setPresenter(false)} title="Esc">
        Leave presenter mode
      </button>
    </div>
  )
}
