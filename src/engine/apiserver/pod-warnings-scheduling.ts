/**
 * The scheduling part of a Pod's create warnings: deprecated node labels in
 * nodeSelector, node affinity and topology spread constraints, invalid label
 * values in preferred node affinity terms, and selectors that match nothing.
 * Upstream: pkg/api/pod/warnings.go (warningsForPodSpecAndMeta,
 * warningsForPodAffinityTerms, warningsForWeightedPodAffinityTerms),
 * pkg/api/node/util.go (deprecatedNodeLabels, GetWarningsForNodeSelectorTerm).
 *
 * Go ranges over nodeSelector in random order; its keys are taken sorted here so
 * the list is deterministic.
 */
import type { Pod } from '../model/objects'
import { LABEL_VALUE_MESSAGE } from './pod-spec-validation'
import { isSet, rawArray, rawObject, rawString, type RawObject } from './raw-fields'

/** pkg/api/node/util.go deprecatedNodeLabels. */
const DEPRECATED_NODE_LABELS: Readonly<Record<string, string>> = {
  'beta.kubernetes.io/arch': 'deprecated since v1.14; use "kubernetes.io/arch" instead',
  'beta.kubernetes.io/os': 'deprecated since v1.14; use "kubernetes.io/os" instead',
  'failure-domain.beta.kubernetes.io/region':
    'deprecated since v1.17; use "topology.kubernetes.io/region" instead',
  'failure-domain.beta.kubernetes.io/zone':
    'deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
  'beta.kubernetes.io/instance-type':
    'deprecated since v1.17; use "node.kubernetes.io/instance-type" instead',
  'app.kubernetes.io/created-by': 'deprecated since v1.9',
  'scheduler.alpha.kubernetes.io/preferAvoidPods':
    'deprecated since v1.22; use Taints and Tolerations instead',
  'node-role.kubernetes.io/master': 'use "node-role.kubernetes.io/control-plane" instead',
}

const NULL_SELECTOR = 'a null labelSelector results in matching no pod'
const LABEL_VALUE_RE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/

/** IsValidLabelValue (apimachinery pkg/util/validation/validation.go). */
function labelValueErrors(value: string): string[] {
  const errs: string[] = []
  if (value.length > 63) errs.push('must be no more than 63 characters')
  if (!LABEL_VALUE_RE.test(value)) errs.push(LABEL_VALUE_MESSAGE)
  return errs
}

/** GetWarningsForNodeSelectorTerm; only preferred terms have their values checked. */
function nodeSelectorTermWarnings(term: unknown, checkLabelValue: boolean, path: string): string[] {
  const warnings: string[] = []
  rawArray(rawObject(term)?.['matchExpressions']).forEach((e, i) => {
    const expr = rawObject(e) ?? {}
    const key = rawString(expr['key'])
    const deprecated = DEPRECATED_NODE_LABELS[key]
    if (deprecated) warnings.push(`${path}.matchExpressions[${i}].key: ${key} is ${deprecated}`)
    if (!checkLabelValue) return
    rawArray(expr['values']).forEach((v, j) => {
      const value = rawString(v)
      for (const msg of labelValueErrors(value))
        warnings.push(`${path}.matchExpressions[${i}].values[${j}]: ${value} is invalid, ${msg}`)
    })
  })
  return warnings
}

export function schedulingWarnings(pod: Pod): string[] {
  const warnings: string[] = []
  for (const key of Object.keys(pod.spec.nodeSelector ?? {}).sort()) {
    const deprecated = DEPRECATED_NODE_LABELS[key]
    if (deprecated) warnings.push(`spec.nodeSelector[${key}]: ${deprecated}`)
  }
  const nodeAffinity = rawObject(rawObject(pod.spec.affinity)?.['nodeAffinity'])
  if (nodeAffinity) {
    const path = 'spec.affinity.nodeAffinity'
    const required = rawObject(nodeAffinity['requiredDuringSchedulingIgnoredDuringExecution'])
    rawArray(required?.['nodeSelectorTerms']).forEach((term, i) =>
      warnings.push(
        ...nodeSelectorTermWarnings(
          term,
          false,
          `${path}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[${i}]`,
        ),
      ),
    )
    rawArray(nodeAffinity['preferredDuringSchedulingIgnoredDuringExecution']).forEach((p, i) =>
      warnings.push(
        ...nodeSelectorTermWarnings(
          rawObject(p)?.['preference'],
          true,
          `${path}.preferredDuringSchedulingIgnoredDuringExecution[${i}].preference`,
        ),
      ),
    )
  }
  rawArray(pod.spec['topologySpreadConstraints']).forEach((c, i) => {
    const constraint = rawObject(c) ?? {}
    const key = rawString(constraint['topologyKey'])
    const deprecated = DEPRECATED_NODE_LABELS[key]
    if (deprecated) warnings.push(`spec.topologySpreadConstraints[${i}].topologyKey: ${key} is ${deprecated}`)
    if (!isSet(constraint['labelSelector']))
      warnings.push(`spec.topologySpreadConstraints[${i}].labelSelector: ${NULL_SELECTOR}`)
  })
  return warnings
}

export function podAffinityWarnings(affinity: RawObject | undefined, kind: string): string[] {
  const path = `spec.affinity.${kind}`
  const terms = rawObject(affinity?.[kind])
  if (!terms) return []
  const warnings: string[] = []
  rawArray(terms['requiredDuringSchedulingIgnoredDuringExecution']).forEach((t, i) => {
    if (!isSet(rawObject(t)?.['labelSelector']))
      warnings.push(
        `${path}.requiredDuringSchedulingIgnoredDuringExecution[${i}].labelSelector: ${NULL_SELECTOR}`,
      )
  })
  rawArray(terms['preferredDuringSchedulingIgnoredDuringExecution']).forEach((t, i) => {
    if (!isSet(rawObject(rawObject(t)?.['podAffinityTerm'])?.['labelSelector']))
      warnings.push(
        `${path}.preferredDuringSchedulingIgnoredDuringExecution[${i}].podAffinityTerm.labelSelector: ${NULL_SELECTOR}`,
      )
  })
  return warnings
}
