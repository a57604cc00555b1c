/**
 * apps/v1 Deployment validation with upstream's field paths and texts, reported together as one
 * 422 (`The Deployment "web" is invalid: …`).
 * Upstream: pkg/apis/apps/validation/validation.go (ValidateDeployment, ValidateDeploymentSpec,
 * ValidatePodTemplateSpecForReplicaSet, ValidateDeploymentStrategy, ValidateRollingUpdateDeployment,
 * ValidatePositiveIntOrPercent, IsNotMoreThan100Percent) and pkg/registry/apps/deployment/strategy.go
 * (ValidateUpdate: the selector is immutable in apps/v1).
 */
import type { Deployment, IntOrString, PodTemplateSpec } from '../../controllers/apps-types'
import type { LabelSelector } from '../../model/label-selector'
import { matchesSelector, toSelector } from '../../model/label-selector'
import { invalid, required, unsupported } from '../../model/field-errors'
import { isDNS1123Subdomain } from '../../model/names'
import { validatePod } from '../validation'

const NEGATIVE = 'must be greater than or equal to 0'
const PERCENT_RE = /^[0-9]+%$/
const PERCENT_MSG =
  "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"

/** IntOrString prints through its String() method (a fmt.Stringer), so a string is not quoted. */
const intOrStringText = (v: IntOrString): string => String(v)
const invalidIntOrString = (path: string, v: IntOrString, detail: string): string =>
  `${path}: Invalid value: ${intOrStringText(v)}: ${detail}`

function nonNegative(value: number | undefined, path: string): string[] {
  return value !== undefined && value < 0 ? [invalid(path, value, NEGATIVE)] : []
}

function positiveIntOrPercent(v: IntOrString | undefined, path: string): string[] {
  if (v === undefined) return []
  if (typeof v === 'string') return PERCENT_RE.test(v) ? [] : [invalidIntOrString(path, v, PERCENT_MSG)]
  return nonNegative(v, path)
}

/** getIntOrPercentValue: the number of either form (a bad percent counts as 0). */
function intOrPercentValue(v: IntOrString | undefined): number {
  if (v === undefined) return 0
  if (typeof v === 'number') return v
  const n = Number.parseInt(v.replace(/%$/, ''), 10)
  return Number.isNaN(n) ? 0 : n
}

function validateStrategy(d: Deployment): string[] {
  const s = d.spec.strategy ?? {}
  const path = 'spec.strategy'
  if (s.type === 'Recreate')
    return s.rollingUpdate
      ? [`${path}.rollingUpdate: Forbidden: may not be specified when strategy \`type\` is 'Recreate'`]
      : []
  if (s.type !== 'RollingUpdate') return [unsupported(path, s, ['Recreate', 'RollingUpdate'])]
  const r = s.rollingUpdate
  if (!r) return [required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')]
  const errs = [
    ...positiveIntOrPercent(r.maxUnavailable, `${path}.rollingUpdate.maxUnavailable`),
    ...positiveIntOrPercent(r.maxSurge, `${path}.rollingUpdate.maxSurge`),
  ]
  if (intOrPercentValue(r.maxUnavailable) === 0 && intOrPercentValue(r.maxSurge) === 0)
    errs.push(
      invalidIntOrString(
        `${path}.rollingUpdate.maxUnavailable`,
        r.maxUnavailable ?? 0,
        'may not be 0 when `maxSurge` is 0',
      ),
    )
  if (
    typeof r.maxUnavailable === 'string' &&
    r.maxUnavailable.endsWith('%') &&
    intOrPercentValue(r.maxUnavailable) > 100
  )
    errs.push(
      invalidIntOrString(
        `${path}.rollingUpdate.maxUnavailable`,
        r.maxUnavailable,
        'must not be greater than 100%',
      ),
    )
  return errs
}

/**
 * ValidatePodTemplateSpec through the Pod validation: the template checked as a pod would be, with
 * its paths moved under spec.template (the template has no name of its own).
 */
function validateTemplate(template: PodTemplateSpec, name: string): string[] {
  const asPod = {
    apiVersion: 'v1' as const,
    kind: 'Pod' as const,
    metadata: { ...(template.metadata ?? {}), name: name || 'template' },
    spec: template.spec,
  }
  return validatePod(asPod).map((e) =>
    e.startsWith('spec.') || e.startsWith('metadata.') ? `spec.template.${e}` : e,
  )
}

/** The spec fields a Deployment and a ReplicaSet share. */
interface WorkloadSpec {
  readonly selector?: LabelSelector
  readonly template: PodTemplateSpec
}

function validateTemplateForReplicaSet(spec: WorkloadSpec, name: string, selectorOk: boolean): string[] {
  const t = spec.template
  if (!t) return [required('spec.template')]
  const errs: string[] = []
  const selector = toSelector(spec.selector)
  if (selectorOk && selector.kind === 'requirements' && !matchesSelector(selector, t.metadata?.labels))
    errs.push(
      invalid(
        'spec.template.metadata.labels',
        t.metadata?.labels ?? {},
        '`selector` does not match template `labels`',
      ),
    )
  errs.push(...validateTemplate(t, name))
  const restart = t.spec?.restartPolicy ?? 'Always'
  if (restart !== 'Always') errs.push(unsupported('spec.template.spec.restartPolicy', restart, ['Always']))
  if (t.spec?.['activeDeadlineSeconds'] !== undefined)
    errs.push(
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
    )
  return errs
}

/**
 * What ValidateDeploymentSpec and ValidateReplicaSetSpec share, in their order: the name, replicas,
 * the selector (upstream's ReplicaSet check says "for deployment" too), the template.
 */
export function validateWorkloadCommon(
  name: string,
  replicas: number | undefined,
  spec: WorkloadSpec,
): string[] {
  const errs: string[] = []
  if (!name) errs.push(required('metadata.name', 'name or generateName is required'))
  else for (const m of isDNS1123Subdomain(name)) errs.push(invalid('metadata.name', name, m))
  errs.push(...nonNegative(replicas, 'spec.replicas'))
  const sel: LabelSelector | undefined = spec.selector
  if (!sel) errs.push(required('spec.selector'))
  else if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0)
    errs.push(invalid('spec.selector', sel, 'empty selector is invalid for deployment'))
  errs.push(...validateTemplateForReplicaSet(spec, name, sel !== undefined))
  return errs
}

export function nonNegativeField(value: number | undefined, path: string): string[] {
  return nonNegative(value, path)
}

/** The apps/v1 strategy's immutable selector (registry/apps/deployment and replicaset strategy.go ValidateUpdate). */
export function immutableSelector(next: LabelSelector | undefined, old: LabelSelector | undefined): string[] {
  return JSON.stringify(canonicalSelector(next)) === JSON.stringify(canonicalSelector(old))
    ? []
    : [invalid('spec.selector', next ?? null, 'field is immutable')]
}

/** ValidateDeployment (create). The object is already defaulted. */
export function validateDeployment(d: Deployment): string[] {
  const spec = d.spec
  const errs = validateWorkloadCommon(d.metadata.name ?? '', spec.replicas, spec)
  errs.push(...validateStrategy(d))
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'))
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'))
  if (spec.progressDeadlineSeconds !== undefined) {
    errs.push(...nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'))
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0))
      errs.push(
        invalid(
          'spec.progressDeadlineSeconds',
          spec.progressDeadlineSeconds,
          'must be greater than minReadySeconds',
        ),
      )
  }
  return errs
}

/** ValidateDeploymentUpdate, then the strategy's immutable selector (apps/v1). */
export function validateDeploymentUpdate(next: Deployment, old: Deployment): string[] {
  const errs = validateDeployment(next)
  if (
    JSON.stringify(canonicalSelector(next.spec.selector)) !==
    JSON.stringify(canonicalSelector(old.spec.selector))
  )
    errs.push(invalid('spec.selector', next.spec.selector ?? null, 'field is immutable'))
  return errs
}

/** Semantic equality of selectors: key order does not matter (apiequality.Semantic.DeepEqual). */
function canonicalSelector(s: LabelSelector | undefined): unknown {
  if (!s) return null
  const labels = s.matchLabels ?? {}
  return {
    matchLabels: Object.fromEntries(
      Object.keys(labels)
        .sort()
        .map((k) => [k, labels[k]]),
    ),
    matchExpressions: s.matchExpressions ?? [],
  }
}
