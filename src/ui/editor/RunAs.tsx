/** Who runs the command, with which verb, in which namespace: so a learner can see Forbidden, NotFound and quota rejections happen. */
import { useAppStore } from '../../store/context'
import { commandLine } from '../../store/create-app-store'
import { IdentitySelect, VerbSelect } from './RunAsFields'

export function RunAs() {
  const runAs = useAppStore((s) => s.runAs)
  const setRunAs = useAppStore((s) => s.setRunAs)
  return (
    <div className="run-as" role="group" aria-label="Command">
      <code className="command-line" aria-label="Command line">
        $ {commandLine(runAs)}
      </code>
      <label>
        <span>as</span>
        <IdentitySelect
          label="Run as"
          value={runAs.identity}
          onChange={(identity) => setRunAs({ identity })}
        />
      </label>
      <label>
        <span>verb</span>
        <VerbSelect label="kubectl verb" value={runAs.verb} onChange={(verb) => setRunAs({ verb })} />
      </label>
      <label>
        <span>-n</span>
        <input
          aria-label="Namespace"
          placeholder="default"
          value={runAs.namespace}
          spellCheck={false}
          onChange={(e) => setRunAs({ namespace: e.target.value.trim() })}
        />
      </label>
    </div>
  )
}
