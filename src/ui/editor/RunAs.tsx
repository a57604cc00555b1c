/** Who runs the command, with which verb, in which namespace: so a learner can see Forbidden, NotFound and quota rejections happen. */
import { IDENTITIES } from '../../engine/index'
import { useAppStore } from '../../store/context'
import { commandLine, type KubectlVerb } from '../../store/create-app-store'

const VERBS: readonly KubectlVerb[] = ['apply', 'create', 'apply --server-side']

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
        <select
          aria-label="Run as"
          value={runAs.identity}
          onChange={(e) => setRunAs({ identity: e.target.value })}
        >
          {IDENTITIES.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>verb</span>
        <select
          aria-label="kubectl verb"
          value={runAs.verb}
          onChange={(e) => setRunAs({ verb: e.target.value as KubectlVerb })}
        >
          {VERBS.map((v) => (
            <option key={v} value={v}>
              kubectl {v}
            </option>
          ))}
        </select>
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
