/** The identity and verb pickers, shared by the main run's "run as" and the what-if's second run. */
import { IDENTITIES } from '../../engine/index'
import type { KubectlVerb } from '../../store/create-app-store'

const VERBS: readonly KubectlVerb[] = ['apply', 'create', 'apply --server-side']

export function IdentitySelect(props: { label: string; value: string; onChange: (id: string) => void }) {
  return (
    <select aria-label={props.label} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      {IDENTITIES.map((i) => (
        <option key={i.id} value={i.id}>
          {i.title}
        </option>
      ))}
    </select>
  )
}

export function VerbSelect(props: {
  label: string
  value: KubectlVerb
  onChange: (verb: KubectlVerb) => void
}) {
  return (
    <select
      aria-label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as KubectlVerb)}
    >
      {VERBS.map((v) => (
        <option key={v} value={v}>
          kubectl {v}
        </option>
      ))}
    </select>
  )
}
