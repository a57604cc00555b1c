/**
 * PodDisruptionBudgets as preemption reads them: each budget's selector and how many disruptions it
 * still allows. A budget pasted without `status` gets `disruptionsAllowed` as the disruption controller
 * would compute it for bare pods: healthy (Running and Ready) matching pods minus the desired healthy
 * count, never below 0; percentages are scaled on the matching pods and rounded up.
 * Upstream: pkg/controller/disruption/disruption.go (getExpectedPodCount, countHealthyPods, updatePdbStatus),
 * apimachinery intstr.GetScaledValueFromIntOrPercent.
 */
import type { Cluster } from './cluster'
import type { KubeObject, Pod } from './objects'
import { matchesSelector, toSelector, type LabelSelector, type Selector } from './label-selector'

export interface DisruptionBudget {
  readonly name: string
  readonly namespace: string
  /** Nothing matches a budget whose selector is empty or missing. */
  readonly selector: Selector | null
  readonly disruptionsAllowed: number
  /** status.disruptedPods: evictions the apiserver has already processed. */
  readonly disruptedPods: ReadonlySet<string>
}

function isHealthy(p: Pod): boolean {
  if (p.status?.phase !== 'Running' || p.metadata['deletionTimestamp']) return false
  const ready = p.status?.conditions?.find((c) => c.type === 'Ready')
  return !ready || ready.status === 'True'
}

function scaled(value: unknown, total: number): number | null {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && /^\d+%$/.test(value)) return Math.ceil((parseInt(value, 10) * total) / 100)
  if (typeof value === 'string' && /^\d+$/.test(value)) return parseInt(value, 10)
  return null
}

export function disruptionBudgets(cluster: Cluster): DisruptionBudget[] {
  return (cluster.objects['PodDisruptionBudget'] ?? []).map((o: KubeObject) => {
    const namespace = o.metadata.namespace ?? 'default'
    const spec = (o['spec'] ?? {}) as {
      selector?: LabelSelector
      minAvailable?: unknown
      maxUnavailable?: unknown
    }
    const parsed = toSelector(spec.selector)
    const selector = parsed.kind === 'requirements' ? parsed : null
    const status = o['status'] as
      { disruptionsAllowed?: number; disruptedPods?: Record<string, string> } | undefined
    let allowed = status?.disruptionsAllowed
    if (typeof allowed !== 'number') {
      const pods = selector
        ? cluster.pods.filter(
            (p) =>
              (p.metadata.namespace ?? 'default') === namespace &&
              matchesSelector(selector, p.metadata.labels),
          )
        : []
      const expected = pods.length
      const healthy = pods.filter(isHealthy).length
      const min = spec.minAvailable !== undefined ? scaled(spec.minAvailable, expected) : null
      const maxUnavailable = spec.maxUnavailable !== undefined ? scaled(spec.maxUnavailable, expected) : null
      const desired = min ?? (maxUnavailable !== null ? Math.max(0, expected - maxUnavailable) : expected)
      allowed = Math.max(0, healthy - desired)
    }
    return {
      name: o.metadata.name ?? '',
      namespace,
      selector,
      disruptionsAllowed: allowed,
      disruptedPods: new Set(Object.keys(status?.disruptedPods ?? {})),
    }
  })
}

/**
 * filterPodsWithPDBViolation: walking the victims in order, each matching budget's allowance is used up;
 * a victim that takes any budget below zero violates it.
 */
export function splitByViolation(
  victims: readonly Pod[],
  budgets: readonly DisruptionBudget[],
): { violating: Pod[]; nonViolating: Pod[] } {
  const allowed = budgets.map((b) => b.disruptionsAllowed)
  const violating: Pod[] = []
  const nonViolating: Pod[] = []
  for (const pod of victims) {
    let violated = false
    const labels = pod.metadata.labels ?? {}
    if (Object.keys(labels).length > 0) {
      budgets.forEach((b, i) => {
        if (b.namespace !== (pod.metadata.namespace ?? 'default') || !b.selector) return
        if (!matchesSelector(b.selector, labels)) return
        if (b.disruptedPods.has(pod.metadata.name ?? '')) return
        allowed[i]! -= 1
        if (allowed[i]! < 0) violated = true
      })
    }
    ;(violated ? violating : nonViolating).push(pod)
  }
  return { violating, nonViolating }
}
