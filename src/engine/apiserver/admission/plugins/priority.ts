/**
 * Priority resolves spec.priorityClassName to spec.priority (and the class's
 * preemptionPolicy); with no class and no globalDefault class, priority is 0.
 * Upstream: plugin/pkg/admission/priority/admission.go
 */
import type { AdmissionPlugin } from '../types'
import { admitUnchanged, forbidden } from '../types'

const BUILTIN_CLASSES: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
}

interface PriorityClassShape {
  readonly metadata: { readonly name?: string }
  readonly value?: number
  readonly globalDefault?: boolean
  readonly preemptionPolicy?: string
}

export const Priority: AdmissionPlugin = {
  name: 'Priority',
  handles: (op) => op === 'CREATE' || op === 'UPDATE' || op === 'DELETE',
  admit(input) {
    const classes = (input.cluster.objects['PriorityClass'] ?? []) as unknown as PriorityClassShape[]
    const name = input.pod.spec.priorityClassName
    let value: number
    let policy = 'PreemptLowerPriority'
    let note: string
    if (name) {
      const pc = classes.find((c) => c.metadata.name === name)
      if (pc) {
        value = pc.value ?? 0
        policy = pc.preemptionPolicy ?? policy
        note = `PriorityClass ${name}: priority ${value}`
      } else if (name in BUILTIN_CLASSES) {
        value = BUILTIN_CLASSES[name]!
        note = `built-in PriorityClass ${name}: priority ${value}`
      } else {
        return forbidden(input, `no PriorityClass with name ${name} was found`)
      }
    } else {
      const def = classes.find((c) => c.globalDefault)
      value = def?.value ?? 0
      policy = def?.preemptionPolicy ?? policy
      note = def
        ? `globalDefault PriorityClass ${def.metadata.name ?? ''}: priority ${value}`
        : 'no priorityClassName and no globalDefault class: priority 0'
    }
    const spec = { ...input.pod.spec, priority: value, preemptionPolicy: policy }
    return {
      kind: 'admit',
      pod: { ...input.pod, spec },
      note,
    }
  },
  // Validate only looks at PriorityClass objects (e.g. only one globalDefault).
  validate: (input) => admitUnchanged(input, 'validates PriorityClass objects only'),
}
