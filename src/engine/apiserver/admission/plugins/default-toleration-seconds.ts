/**
 * DefaultTolerationSeconds lets every pod stay 300 s on a node that becomes
 * not-ready or unreachable before it is evicted.
 * Upstream: plugin/pkg/admission/defaulttolerationseconds/admission.go
 */
import type { AdmissionPlugin } from '../types'
import type { Toleration } from '../../../model/objects'

const KEYS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'] as const

function tolerates(list: readonly Toleration[], key: string): boolean {
  return list.some(
    (t) => (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'),
  )
}

export const DefaultTolerationSeconds: AdmissionPlugin = {
  name: 'DefaultTolerationSeconds',
  handles: (op) => op === 'CREATE' || op === 'UPDATE',
  admit(input) {
    const existing = input.pod.spec.tolerations ?? []
    const added: Toleration[] = KEYS.filter((k) => !tolerates(existing, k)).map((key) => ({
      effect: 'NoExecute',
      key,
      operator: 'Exists',
      tolerationSeconds: 300,
    }))
    if (added.length === 0)
      return { kind: 'admit', pod: input.pod, note: 'pod already tolerates not-ready and unreachable' }
    return {
      kind: 'admit',
      pod: { ...input.pod, spec: { ...input.pod.spec, tolerations: [...existing, ...added] } },
      note: `added ${added.length} NoExecute toleration(s) of 300 s for ${added.map((t) => t.key).join(', ')}`,
    }
  },
}
