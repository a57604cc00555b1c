/**
 * Priority resolves spec.priorityClassName to spec.priority and the class's
 * preemptionPolicy. Without a class name the globalDefault class applies (the
 * lowest value if several are global defaults); with none, priority 0 and
 * PreemptLowerPriority. The two system classes exist as objects from
 * bootstrap, so they resolve like any other class; a PriorityClass of the
 * same name in the cluster file replaces them.
 * Upstream: plugin/pkg/admission/priority/admission.go (admitPod, getDefaultPriority),
 * pkg/apis/scheduling/types.go (SystemPriorityClasses), pkg/apis/scheduling/v1/defaults.go
 * (SetDefaults_PriorityClass: preemptionPolicy PreemptLowerPriority)
 */
import type { AdmissionInput, AdmissionPlugin } from '../types'
import { admitUnchanged, forbidden } from '../types'

/** Upstream: priority/admission.go admitPod. */
export const noPriorityClassMessage = (name: string) => `no PriorityClass with name ${name} was found`
/** Upstream: priority/admission.go admitPod. */
export const priorityConflictMessage = (given: number, computed: number) =>
  `the integer value of priority (${given}) must not be provided in pod spec; priority admission controller computed ${computed} from the given PriorityClass name`
/** Upstream: priority/admission.go admitPod. */
export const preemptionConflictMessage = (given: string, computed: string) =>
  `the string value of PreemptionPolicy (${given}) must not be provided in pod spec; priority admission controller computed ${computed} from the given PriorityClass name`

const PREEMPT_LOWER = 'PreemptLowerPriority'

export interface PriorityClassView {
  readonly name: string
  readonly value: number
  readonly globalDefault: boolean
  readonly preemptionPolicy: string
}

/** The bootstrap system classes (scheduling.SystemPriorityClasses). */
export const SYSTEM_PRIORITY_CLASSES: readonly PriorityClassView[] = [
  { name: 'system-node-critical', value: 2000001000, globalDefault: false, preemptionPolicy: PREEMPT_LOWER },
  {
    name: 'system-cluster-critical',
    value: 2000000000,
    globalDefault: false,
    preemptionPolicy: PREEMPT_LOWER,
  },
]

export function priorityClasses(input: Pick<AdmissionInput, 'cluster'>): PriorityClassView[] {
  const fromCluster = (input.cluster.objects['PriorityClass'] ?? []).map((o) => ({
    name: o.metadata.name ?? '',
    value: typeof o['value'] === 'number' ? o['value'] : 0,
    globalDefault: o['globalDefault'] === true,
    preemptionPolicy: typeof o['preemptionPolicy'] === 'string' ? o['preemptionPolicy'] : PREEMPT_LOWER,
  }))
  const names = new Set(fromCluster.map((c) => c.name))
  return [...SYSTEM_PRIORITY_CLASSES.filter((c) => !names.has(c.name)), ...fromCluster]
}

export const Priority: AdmissionPlugin = {
  name: 'Priority',
  handles: (op) => op === 'CREATE' || op === 'UPDATE' || op === 'DELETE',
  admit(input) {
    if (input.operation !== 'CREATE' && input.operation !== 'UPDATE')
      return admitUnchanged(input, 'acts on pod create and update only')
    const classes = priorityClasses(input)
    const spec = input.pod.spec
    const name = spec.priorityClassName ?? ''
    let className = name
    let value = 0
    let policy = PREEMPT_LOWER
    let note: string
    if (name) {
      const pc = classes.find((c) => c.name === name)
      if (!pc) return forbidden(input, noPriorityClassMessage(name))
      value = pc.value
      policy = pc.preemptionPolicy
      note = `PriorityClass ${name}: priority ${value}, preemptionPolicy ${policy}`
    } else {
      // getDefaultPriority: the global default with the lowest value.
      const defaults = classes.filter((c) => c.globalDefault).sort((a, b) => a.value - b.value)
      const def = defaults[0]
      if (def) {
        className = def.name
        value = def.value
        policy = def.preemptionPolicy
        note = `no priorityClassName: the globalDefault PriorityClass ${def.name} gives priority ${value}`
      } else {
        note = 'no priorityClassName and no globalDefault PriorityClass: priority 0'
      }
    }
    if (typeof spec.priority === 'number' && spec.priority !== value) {
      return forbidden(input, priorityConflictMessage(spec.priority, value))
    }
    const given = spec['preemptionPolicy']
    if (typeof given === 'string' && given !== policy) {
      return forbidden(input, preemptionConflictMessage(given, policy))
    }
    return {
      kind: 'admit',
      pod: {
        ...input.pod,
        spec: {
          ...spec,
          ...(className ? { priorityClassName: className } : {}),
          priority: value,
          preemptionPolicy: policy,
        },
      },
      note,
    }
  },
  // Validate only looks at PriorityClass objects (e.g. only one globalDefault).
  validate: (input) => admitUnchanged(input, 'validates PriorityClass objects only'),
}
