/**
 * PodSecurity enforces the Pod Security Standards the namespace's labels ask
 * for: `pod-security.kubernetes.io/enforce` rejects, `warn` sends Warning
 * headers, `audit` only writes audit annotations; each with an optional
 * `-version` (`latest` or `v1.x`). Without labels every mode is
 * `privileged:latest` and nothing is checked.
 * Upstream: kubernetes/pod-security-admission v0.34 admission/admission.go
 * (ValidatePod, EvaluatePod), api/helpers.go (PolicyToEvaluate, ParseLevel,
 * ParseVersion), plugin/pkg/admission/security/podsecurity/admission.go
 * (warnings and audit annotations prefixed `pod-security.kubernetes.io/`).
 */
import type { AdmissionPlugin } from '../types'
import { admitUnchanged, forbidden } from '../types'
import { findObject } from '../../../model/cluster'
import { evaluatePod, forbiddenDetail, type PsaLevel } from './pod-security-checks'

const LABEL_PREFIX = 'pod-security.kubernetes.io/'
const LEVELS: readonly PsaLevel[] = ['privileged', 'baseline', 'restricted']
const VERSION_RE = /^v1\.([0-9]|[1-9][0-9]*)$/

/** Upstream: api/helpers.go ParseLevel. */
export const MSG_INVALID_LEVEL = 'must be one of privileged, baseline, restricted'
/** Upstream: api/helpers.go ParseVersion. */
export const MSG_INVALID_VERSION = 'must be "latest" or "v1.x"'
/** Upstream: admission/admission.go EvaluatePod (enforce). */
export const violatesMessage = (policy: string, detail: string) =>
  `violates PodSecurity ${JSON.stringify(policy)}: ${detail}`
/** Upstream: admission/admission.go EvaluatePod (warn and audit). */
export const wouldViolateMessage = (policy: string, detail: string) =>
  `would violate PodSecurity ${JSON.stringify(policy)}: ${detail}`

export interface LevelVersion {
  readonly level: PsaLevel
  /** `latest` or `v1.x`. */
  readonly version: string
}

export interface PodSecurityPolicy {
  readonly enforce: LevelVersion
  readonly audit: LevelVersion
  readonly warn: LevelVersion
  /** Label parse errors, as field errors on metadata.labels. */
  readonly errors: readonly string[]
}

export const levelVersionString = (lv: LevelVersion) => `${lv.level}:${lv.version}`
/** The minor version a policy's `latest` or `v1.x` evaluates at. */
export const minorOfVersion = (version: string) =>
  version === 'latest' ? Number.MAX_SAFE_INTEGER : Number(VERSION_RE.exec(version)?.[1] ?? 0)
const minorOf = minorOfVersion
const rank = (l: PsaLevel) => LEVELS.indexOf(l)

/** The policy the namespace's labels ask for, defaulting to privileged:latest (PolicyToEvaluate). */
export function policyFromLabels(labels: Readonly<Record<string, string>>): PodSecurityPolicy {
  const errors: string[] = []
  const invalid = (label: string, value: string, msg: string) =>
    errors.push(`metadata.labels[${label}]: Invalid value: ${JSON.stringify(value)}: ${msg}`)
  const level = (label: string, failOpen: boolean): PsaLevel | undefined => {
    const v = labels[LABEL_PREFIX + label]
    if (v === undefined) return undefined
    if ((LEVELS as readonly string[]).includes(v)) return v as PsaLevel
    invalid(LABEL_PREFIX + label, v, MSG_INVALID_LEVEL)
    // Enforce fails closed (ParseLevel returns restricted); audit and warn fail open.
    return failOpen ? 'privileged' : 'restricted'
  }
  const version = (label: string): string | undefined => {
    const v = labels[LABEL_PREFIX + label]
    if (v === undefined) return undefined
    if (v === 'latest' || VERSION_RE.test(v)) return v
    invalid(LABEL_PREFIX + label, v, MSG_INVALID_VERSION)
    return 'latest'
  }
  const enforceLabel = labels[LABEL_PREFIX + 'enforce']
  const enforceLevel = level('enforce', false)
  const enforce = { level: enforceLevel ?? 'privileged', version: version('enforce-version') ?? 'latest' }
  const audit = { level: level('audit', true) ?? 'privileged', version: version('audit-version') ?? 'latest' }
  const warnLevel = level('warn', true)
  const warnVersion = version('warn-version')
  let warn: LevelVersion = { level: warnLevel ?? 'privileged', version: warnVersion ?? 'latest' }
  // Without a warn label, warn follows a valid enforce label that is stricter.
  const hasEnforce = enforceLabel !== undefined && (LEVELS as readonly string[]).includes(enforceLabel)
  if (warnLevel === undefined && hasEnforce && rank(enforce.level) > rank(warn.level)) {
    warn = { level: enforce.level, version: warnVersion ?? enforce.version }
  }
  return { enforce, audit, warn, errors }
}

export const PodSecurity: AdmissionPlugin = {
  name: 'PodSecurity',
  handles: (op) => op === 'CREATE' || op === 'UPDATE',
  validate(input) {
    const ns = findObject(input.cluster, 'Namespace', input.namespace)
    const policy = policyFromLabels(ns?.metadata.labels ?? {})
    const fullyPrivileged =
      policy.enforce.level === 'privileged' &&
      policy.audit.level === 'privileged' &&
      policy.warn.level === 'privileged'
    if (policy.errors.length === 0 && fullyPrivileged) {
      return admitUnchanged(input, `namespace ${input.namespace} is privileged: no Pod Security checks apply`)
    }
    const { metadata, spec } = input.pod
    const evaluate = (lv: LevelVersion) => evaluatePod(lv.level, minorOf(lv.version), metadata, spec)
    const auditAnnotations: Record<string, string> = {}
    if (policy.errors.length) {
      const agg = policy.errors.length === 1 ? policy.errors[0]! : `[${policy.errors.join(', ')}]`
      auditAnnotations[`${LABEL_PREFIX}error`] = `Failed to parse policy: ${agg}`
    }
    const enforceString = levelVersionString(policy.enforce)
    auditAnnotations[`${LABEL_PREFIX}enforce-policy`] = enforceString
    const enforced = evaluate(policy.enforce)
    const audited = evaluate(policy.audit)
    if (audited.length) {
      auditAnnotations[`${LABEL_PREFIX}audit-violations`] = wouldViolateMessage(
        levelVersionString(policy.audit),
        forbiddenDetail(audited),
      )
    }
    if (enforced.length) {
      const deny = forbidden(
        input,
        violatesMessage(enforceString, forbiddenDetail(enforced)),
        `the pod violates the "${enforceString}" Pod Security Standard (${enforced.map((f) => f.reason).join(', ')})`,
      )
      return deny.kind === 'deny' ? { ...deny, auditAnnotations } : deny
    }
    const warned = evaluate(policy.warn)
    const warnings = warned.length
      ? [wouldViolateMessage(levelVersionString(policy.warn), forbiddenDetail(warned))]
      : []
    const note = warnings.length
      ? `allowed by "${enforceString}", but warn mode "${levelVersionString(policy.warn)}" finds violations: a Warning header goes back to the client`
      : audited.length
        ? `allowed by "${enforceString}"; audit mode records the violations in the audit log only`
        : `the pod meets the "${enforceString}" Pod Security Standard`
    return { kind: 'admit', pod: input.pod, note, warnings, auditAnnotations }
  },
}
