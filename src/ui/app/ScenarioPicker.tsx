/**
 * Ready-made scenarios, each showing one decision of the cluster. The picker
 * shows which one is loaded (and when its manifest has been edited since);
 * loading one over the user's own manifest can be undone.
 */
import { DEFAULT_CLUSTER } from '../../engine/index'
import { SCENARIOS } from '../../engine/views'
import { useAppStore } from '../../store/context'

export default function ScenarioPicker() {
  const loadScenario = useAppStore((s) => s.loadScenario)
  const scenario = useAppStore((s) => s.scenario)
  const replaced = useAppStore((s) => s.replaced)
  const undoLoad = useAppStore((s) => s.undoLoad)
  const dismissUndo = useAppStore((s) => s.dismissUndo)
  const known = scenario && SCENARIOS.some((x) => x.id === scenario.id) ? scenario.id : ''
  return (
    <div className="scenario-picker">
      <label className="scenario">
        <span>Scenario</span>
        <select
          aria-label="Scenario"
          value={known}
          onChange={(e) => {
            const s = SCENARIOS.find((x) => x.id === e.target.value)
            if (s)
              loadScenario(s.manifest, s.cluster ?? DEFAULT_CLUSTER, {
                id: s.id,
                title: s.title,
                lesson: s.lesson,
              })
          }}
        >
          <option value="" disabled>
            {scenario ? 'Your own manifest' : 'Load a scenario…'}
          </option>
          {SCENARIOS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
              {scenario?.id === s.id && scenario.edited ? ' (edited)' : ''}
            </option>
          ))}
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
