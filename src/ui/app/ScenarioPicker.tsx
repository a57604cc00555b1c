/** Ready-made scenarios, each showing one decision of the cluster. */
import { DEFAULT_CLUSTER } from '../../engine/index'
import { SCENARIOS } from '../../engine/views'
import { useAppStore } from '../../store/context'

export default function ScenarioPicker() {
  const loadScenario = useAppStore((s) => s.loadScenario)
  return (
    <label className="scenario">
      <span>Scenario</span>
      <select
        aria-label="Scenario"
        defaultValue=""
        onChange={(e) => {
          const s = SCENARIOS.find((x) => x.id === e.target.value)
          if (s) loadScenario(s.manifest, s.cluster ?? DEFAULT_CLUSTER)
          e.target.value = ''
        }}
      >
        <option value="" disabled>
          Load a scenario…
        </option>
        {SCENARIOS.map((s) => (
          <option key={s.id} value={s.id} title={s.lesson}>
            {s.title}
          </option>
        ))}
      </select>
    </label>
  )
}
