/**
 * When the editor and the inspector share the side column, these tabs choose
 * which one shows (clicking a component opens the inspector). On a screen wide
 * enough for both, CSS hides the tabs and shows both panels.
 */
import { useAppStore } from '../../store/context'

export function SideTabs() {
  const side = useAppStore((s) => s.side)
  const setSide = useAppStore((s) => s.setSide)
  return (
    <div className="side-tabs" role="tablist" aria-label="Side panel">
      <button
        type="button"
        role="tab"
        id="side-tab-editor"
        aria-selected={side === 'editor'}
        aria-controls="pane-editor"
        onClick={() => setSide('editor')}
      >
        Manifest
      </button>
      <button
        type="button"
        role="tab"
        id="side-tab-inspector"
        aria-selected={side === 'inspector'}
        aria-controls="pane-inspector"
        onClick={() => setSide('inspector')}
      >
        Inspector
      </button>
    </div>
  )
}
