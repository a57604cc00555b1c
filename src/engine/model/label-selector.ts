/**
 * metav1.LabelSelector as the scheduler evaluates it: matchLabels and
 * matchExpressions are ANDed; an empty selector matches everything and a
 * missing (null) one matches nothing.
 * Upstream: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector),
 * staging/src/k8s.io/apimachinery/pkg/labels/selector.go (Requirement.Matches)
 */

export interface LabelSelectorRequirement {
  readonly key: string
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'
  readonly values?: readonly string[]
}

export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>
  readonly matchExpressions?: readonly LabelSelectorRequirement[]
}

export type Labels = Readonly<Record<string, string>>

/** A parsed selector: a predicate over a label set. `nothing` never matches, `everything` always does. */
export interface Selector {
  readonly kind: 'nothing' | 'everything' | 'requirements'
  readonly requirements: readonly LabelSelectorRequirement[]
}

const NOTHING: Selector = { kind: 'nothing', requirements: [] }
const EVERYTHING: Selector = { kind: 'everything', requirements: [] }

/** LabelSelectorAsSelector: nil → Nothing, {} → Everything. */
export function toSelector(s: LabelSelector | null | undefined): Selector {
  if (!s) return NOTHING
  const requirements: LabelSelectorRequirement[] = []
  for (const [key, value] of Object.entries(s.matchLabels ?? {}))
    requirements.push({ key, operator: 'In', values: [value] })
  for (const r of s.matchExpressions ?? []) requirements.push(r)
  return requirements.length === 0 ? EVERYTHING : { kind: 'requirements', requirements }
}

/** Adds `key=value` requirements (matchLabelKeys) to a selector. */
export function withLabels(s: Selector, extra: Labels): Selector {
  const more = Object.entries(extra).map(([key, value]) => ({
    key,
    operator: 'In' as const,
    values: [value],
  }))
  if (more.length === 0 || s.kind === 'nothing') return s
  return { kind: 'requirements', requirements: [...more, ...s.requirements] }
}

export function matchesSelector(s: Selector, labels: Labels | undefined): boolean {
  if (s.kind !== 'requirements') return s.kind === 'everything'
  const set = labels ?? {}
  for (const r of s.requirements) {
    const has = Object.prototype.hasOwnProperty.call(set, r.key)
    switch (r.operator) {
      case 'In':
        if (!has || !(r.values ?? []).includes(set[r.key]!)) return false
        break
      case 'NotIn':
        if (has && (r.values ?? []).includes(set[r.key]!)) return false
        break
      case 'Exists':
        if (!has) return false
        break
      case 'DoesNotExist':
        if (has) return false
        break
      default:
        return false
    }
  }
  return true
}
