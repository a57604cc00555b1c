/**
 * How kubectl prints a metav1.LabelSelector. Two forms exist upstream and both are used:
 * - `selector.String()` of LabelSelectorAsSelector (kubectl describe deployment's Selector, and the
 *   SELECTOR column of `kubectl get deploy -o wide`): "" for a nil or empty selector;
 * - metav1.FormatLabelSelector (describe replicaset's Selector, `get rs -o wide`): the same text,
 *   `<none>` when it is empty, `<error>` when an operator is not valid.
 * Requirements are sorted by key (internalSelector.Add sorts ByKey); matchLabels print `k=v`,
 * In/NotIn `k in (a,b)` with their values sorted, Exists `k`, DoesNotExist `!k`.
 * Upstream: kubernetes/apimachinery pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector,
 * FormatLabelSelector), pkg/labels/selector.go (Requirement.String, internalSelector.String) at v0.34.
 */
import type { LabelSelector } from '../model/label-selector'
import { compareStrings } from './prefix-writer'

interface Requirement {
  readonly key: string
  readonly text: string
}

/**
 * The requirements' texts in key order, or null when LabelSelectorAsSelector fails: an unknown
 * operator, or values NewRequirement refuses (In/NotIn need at least one, Exists/DoesNotExist none).
 * Key and value syntax is not checked again: the apiserver validated the stored object.
 */
function requirementsOf(selector: LabelSelector): Requirement[] | null {
  const out: Requirement[] = []
  for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
    out.push({ key, text: `${key}=${value}` })
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])]
    const listed = e.operator === 'In' || e.operator === 'NotIn'
    if (listed ? values.length === 0 : values.length > 0) return null
    // Requirement.String sorts a copy of the values when there is more than one.
    const list = values.length === 1 ? values[0]! : values.sort(compareStrings).join(',')
    switch (e.operator) {
      case 'In':
        out.push({ key: e.key, text: `${e.key} in (${list})` })
        break
      case 'NotIn':
        out.push({ key: e.key, text: `${e.key} notin (${list})` })
        break
      case 'Exists':
        out.push({ key: e.key, text: e.key })
        break
      case 'DoesNotExist':
        out.push({ key: e.key, text: `!${e.key}` })
        break
      default:
        return null
    }
  }
  // sort.Sort(ByKey) is not stable; a stable sort keeps matchLabels before expressions of the same key.
  return out.sort((a, b) => compareStrings(a.key, b.key))
}

/** labels.Selector.String() of LabelSelectorAsSelector: "" for nil (Nothing) and empty (Everything); null when invalid. */
export function labelSelectorString(selector: LabelSelector | null | undefined): string | null {
  if (!selector) return ''
  const requirements = requirementsOf(selector)
  return requirements === null ? null : requirements.map((r) => r.text).join(',')
}

/** metav1.FormatLabelSelector. */
export function formatLabelSelector(selector: LabelSelector | null | undefined): string {
  const text = labelSelectorString(selector)
  if (text === null) return '<error>'
  return text === '' ? '<none>' : text
}
