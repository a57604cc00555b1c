/**
 * Ready-made scenarios, each showing one decision of the cluster. The picker
 * shows which one is loaded (and when its manifest has been edited since);
 * loading one over the user's own manifest can be undone.
 */
import { LESSONS, SCENARIOS } from '../../engine/views'
import { openLesson, openScenario } from '../classroom/open-builtin'
import { useAppStore, useAppStoreApi } from '../../store/context'

export default function ScenarioPicker() {
  const scenario = useAppStore((s) => s.scenario)
  const replaced = useAppStore((s) => s.replaced)
  const undoLoad = useAppStore((s) => s.undoLoad)
  const dismissUndo = useAppStore((s) => s.dismissUndo)
  const lesson = useAppStore((s) => s.lesson)
  const api = useAppStoreApi()
  const known = lesson
    ? `lesson:${lesson.data.id}`
    : scenario && SCENARIOS.some((x) => x.id === scenario.id)
      ? scenario.id
      : ''
  return (
    <div className="scenario-picker">
      <label className="scenario">
        <span>Scenario</span>
        <select
          aria-label="Scenario or lesson"
          value={known}
          onChange={(e) => {
            const l = LESSONS.find((x) => `lesson:${x.id}` === e.target.value)
            if (l) return openLesson(api.getState, l)
            api.getState().closeLesson()
            const s = SCENARIOS.find((x) => x.id === e.target.value)
            if (s) openScenario(api.getState, s)
          }}
        >
          <option value="" disabled>
            {scenario ? 'Your own manifest' : 'Load a scenario…'}
          </option>
          <optgroup label="Lessons">
            {LESSONS.map((l) => (
              <option key={l.id} value={`lesson:${l.id}`}>
                Lesson: {l.title}
              </option>
            ))}
          </optgroup>
          <optgroup label="Scenarios">
            {SCENARIOS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
                {scenario?.id === s.id && scenario.edited ? ' (edited)' : ''}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      {replaced && (
        <div className="undo-load" aria-live="polite">
          <span>Your manifest was replaced.</span>
          <button type="button" onClick={undoLoad}>
            Undo
          </button>
          <button type="button" onClick={dismissUndo} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
    </div>
  )
}
