/**
 * Fixes for a pod the PodSecurity admission plugin refused: set the securityContext fields its
 * message names, or relax the namespace's `pod-security.kubernetes.io/enforce` label (baseline, and
 * privileged if baseline is not enough).
 *
 * The message is upstream's: `violates PodSecurity "restricted:latest": reason (detail), …`, each
 * detail saying who "must set securityContext.<field>=<value>" or "must not set …"
 * (kubernetes/pod-security-admission policy/check_*.go, admission/admission.go EvaluatePod).
 */
import {
  containersOf,
  editClusterObject,
  objectMatch,
  podChange,
  podNamespace,
  writtenPod,
  type FixContext,
  type FixFamily,
} from './fix-context'
import type { Path } from './document-edit'
import type { Candidate } from './types'

const ENFORCE = 'pod-security.kubernetes.io/enforce'

/** "pod or container "web" must set securityContext.runAsNonRoot=true", "container "web" must set …=false". */
const MUST_SET =
  /(pod or )?containers? ((?:"[^"]*"(?:, )?)+) must set securityContext\.([A-Za-z.]+)(?:=(\[[^\]]*\]|[A-Za-z0-9]+)| to "([A-Za-z]+)")/g
/** "containers "a" and pod must not set securityContext.privileged=true" (booleans only). */
const MUST_NOT_SET = /([^(,;]*?) must not set securityContext\.([A-Za-z.]+)=(true|false)/g

interface Setting {
  readonly path: Path
  readonly value: unknown
}

function settingsFrom(message: string, containers: ReturnType<typeof containersOf>): Setting[] | null {
  const out: Setting[] = []
  const byName = (names: string) =>
    [...names.matchAll(/"([^"]*)"/g)].map(
      (m) => containers.find((c) => c.container.name === m[1])?.path ?? null,
    )
  for (const m of message.matchAll(MUST_SET)) {
    const field = m[3]!.split('.')
    const value: unknown = m[5] ?? JSON.parse(m[4]!)
    if (m[1]) out.push({ path: ['spec', 'securityContext', ...field], value })
    else
      for (const path of byName(m[2]!)) {
        if (!path) return null
        out.push({ path: [...path, 'securityContext', ...field], value })
      }
  }
  for (const m of message.matchAll(MUST_NOT_SET)) {
    const field = m[2]!.split('.')
    const value = m[3] !== 'true'
    // Upstream lists the setters as `pod and containers "a", "b"`.
    const who = m[1]!.trim()
    if (/^pod\b/.test(who)) out.push({ path: ['spec', 'securityContext', ...field], value })
    for (const path of byName(who)) {
      if (!path) return null
      out.push({ path: [...path, 'securityContext', ...field], value })
    }
  }
  return out
}

function podSecurityFixes(ctx: FixContext): Candidate[] {
  const r = ctx.refusal
  const verdict = r?.verdicts.find(
    (e) => e.kind === 'admission.verdict' && e.payload.plugin === 'PodSecurity',
  )
  if (!r || r.code !== 403 || verdict?.kind !== 'admission.verdict' || verdict.payload.verdict !== 'deny')
    return []
  const message = verdict.payload.message ?? r.message
  const policy = /violates PodSecurity "([^"]+)"/.exec(message)?.[1] ?? 'restricted:latest'
  // The reasons without their details: upstream joins "reason (detail)" with ", ".
  const reasons = message.replace(/^.*?violates PodSecurity "[^"]+": /, '').replace(/ \([^()]*\)/g, '')
  const why = `PodSecurity refused the pod: it violates "${policy}" (${reasons}).`
  const out: Candidate[] = []
  const written = writtenPod(ctx)
  const settings = written ? settingsFrom(message, containersOf(written)) : null
  if (settings && settings.length > 0) {
    const change = podChange(ctx, (e) => settings.forEach((s) => e.set(s.path, s.value)))
    if (change)
      out.push({
        id: 'pod-security:security-context',
        title: `Add the ${settings.length} securityContext setting${settings.length === 1 ? '' : 's'} "${policy}" asks for`,
        why,
        change,
      })
  }
  const ns = podNamespace(ctx)
  const relax = (level: string): Candidate | null => {
    const change = editClusterObject(ctx, objectMatch('Namespace', ns), (e) =>
      e.set(['metadata', 'labels', ENFORCE], level),
    )
    return change
      ? { id: `pod-security:namespace:${level}`, title: `Relax namespace ${ns} to "${level}"`, why, change }
      : null
  }
  const baseline = relax('baseline')
  const privileged = relax('privileged')
  if (baseline) out.push(privileged ? { ...baseline, otherwise: privileged } : baseline)
  return out
}

export const PodSecurityFixes: FixFamily = { name: 'PodSecurity', candidates: podSecurityFixes }
