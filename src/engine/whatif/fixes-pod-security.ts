/**
 * Fixes for a pod whose security settings stop it: PodSecurity admission refused it, or the kubelet
 * would not create a container under runAsNonRoot.
 *
 * PodSecurity: set the securityContext fields its message names, or relax the namespace's
 * `pod-security.kubernetes.io/enforce` label (baseline, and privileged if baseline is not enough). The
 * message is upstream's: `violates PodSecurity "restricted:latest": reason (detail), …`, each detail
 * saying who "must set securityContext.<field>=<value>" or "must not set …"
 * (kubernetes/pod-security-admission policy/check_*.go, admission/admission.go EvaluatePod).
 * runAsNonRoot=true alone passes admission but not the kubelet when the image's user is root or a
 * name (kuberuntime/security_context_others.go verifyRunAsNonRoot), so the settings then add a
 * non-zero runAsUser too. Whether the program can run as that user is the re-run's to say: the
 * official nginx cannot (docs/container-behaviour.md), and then only the looser namespace is offered.
 *
 * The kubelet: its `Error: container has runAsNonRoot and image will run as root …` (or `… non-numeric
 * user …`, `container's runAsUser breaks non-root policy …`) is answered by a non-zero runAsUser, or
 * otherwise by letting the container run as root (runAsNonRoot removed).
 */
import {
  containersOf,
  editClusterObject,
  objectMatch,
  podChange,
  podNamespace,
  writtenPod,
  type ContainerAt,
  type FixContext,
  type FixFamily,
} from './fix-context'
import type { JsonObject, Pod } from '../model/objects'
import { findImage } from '../registry/registry'
import { userFromImage } from '../cri/image-calls'
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

/** A non-root uid for runAsUser, as in the Kubernetes docs' "Configure a Security Context for a Pod" example. */
const NON_ROOT_UID = 1000
/** math.MaxInt32, the largest uid validation.IsValidUserID accepts. */
const MAX_UID = 2147483647

type SecurityContext = JsonObject | undefined
const scOf = (o: { readonly [k: string]: unknown } | undefined): SecurityContext =>
  o?.['securityContext'] as SecurityContext

/** True when the image's config USER is a uid the kubelet can verify as non-root (verifyRunAsNonRoot). */
function imageHasNonRootUid(ctx: FixContext, image: string | undefined): boolean {
  const uid = userFromImage(findImage(ctx.timeline.cluster.registry, image ?? '')?.user ?? '').uid
  return uid !== undefined && uid > 0 && uid <= MAX_UID
}

/**
 * The runAsUser settings the kubelet needs once `settings` are applied: every container left with
 * runAsNonRoot: true, no runAsUser and an image whose user is root or a name gets one, at the level
 * its runAsNonRoot comes from (its own securityContext, or the pod's, once).
 */
function runAsUserSettings(ctx: FixContext, pod: Pod, settings: readonly Setting[]): Setting[] {
  const set = (path: Path) => settings.find((s) => s.path.join('/') === path.join('/'))?.value
  const podPath: Path = ['spec', 'securityContext']
  const podNonRoot = set([...podPath, 'runAsNonRoot']) ?? scOf(pod.spec)?.['runAsNonRoot']
  const podUser = scOf(pod.spec)?.['runAsUser']
  const out: Setting[] = []
  for (const { container, path } of containersOf(pod)) {
    const own = scOf(container)
    const ownNonRoot = set([...path, 'securityContext', 'runAsNonRoot']) ?? own?.['runAsNonRoot']
    if ((ownNonRoot ?? podNonRoot) !== true) continue
    if (typeof (own?.['runAsUser'] ?? podUser) === 'number') continue
    if (imageHasNonRootUid(ctx, container.image)) continue
    const at: Path = ownNonRoot === undefined ? podPath : [...path, 'securityContext']
    if (!out.some((s) => s.path.join('/') === [...at, 'runAsUser'].join('/')))
      out.push({ path: [...at, 'runAsUser'], value: NON_ROOT_UID })
  }
  return out
}

function podSecurityFixes(ctx: FixContext): Candidate[] {
  return [...admissionFixes(ctx), ...kubeletFixes(ctx)]
}

function admissionFixes(ctx: FixContext): Candidate[] {
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
  if (written && settings && settings.length > 0) {
    const users = runAsUserSettings(ctx, written, settings)
    const change = podChange(ctx, (e) => [...settings, ...users].forEach((s) => e.set(s.path, s.value)))
    const asked = `${settings.length} securityContext setting${settings.length === 1 ? '' : 's'} "${policy}" asks for`
    if (change)
      out.push({
        id: 'pod-security:security-context',
        title:
          users.length === 0
            ? `Add the ${asked}`
            : `Add the ${asked}, and runAsUser: ${NON_ROOT_UID} (the image would run as root)`,
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

// ---- the kubelet's runAsNonRoot check ---------------------------------------------------------

/** The kubelet's verifyRunAsNonRoot errors (kubelet/run-as-non-root.ts), after the `Error: ` of the event. */
const RUN_AS_NON_ROOT =
  /^Error: (container's runAsUser breaks non-root policy|container has runAsNonRoot and image (?:will run as root|has non-numeric user|has an invalid user id)).*\(pod: "[^"]*", container: ([^)]+)\)$/

function kubeletFixes(ctx: FixContext): Candidate[] {
  const failed = new Map<string, string>()
  for (const w of ctx.warnings) {
    const m = w.reason === 'Failed' ? RUN_AS_NON_ROOT.exec(w.message) : null
    if (m && !failed.has(m[2]!)) failed.set(m[2]!, w.message.slice('Error: '.length))
  }
  const pod = writtenPod(ctx)
  if (failed.size === 0 || !pod) return []
  const targets = containersOf(pod).filter((c) => failed.has(c.container.name))
  if (targets.length === 0) return []
  const names = targets.map((c) => c.container.name).join(', ')
  const why = `The kubelet would not create ${names}: "${failed.values().next().value}".`
  const runAsUser = podChange(ctx, (e) => targets.forEach((c) => setRunAsUser(e, pod, c)))
  const allowRoot = podChange(ctx, (e) => {
    const paths: Path[] = [
      ['spec', 'securityContext', 'runAsNonRoot'],
      ...targets.map((c) => [...c.path, 'securityContext', 'runAsNonRoot']),
    ]
    for (const path of paths) if (e.get(path) !== undefined) e.remove(path)
  })
  const rootCandidate: Candidate | null = allowRoot
    ? {
        id: 'pod-security:allow-root',
        title: `Let ${names} run as root: remove runAsNonRoot`,
        why,
        change: allowRoot,
      }
    : null
  if (!runAsUser) return rootCandidate ? [rootCandidate] : []
  const first: Candidate = {
    id: 'pod-security:run-as-user',
    title: `Run ${names} as uid ${NON_ROOT_UID} (runAsUser: ${NON_ROOT_UID})`,
    why,
    change: runAsUser,
  }
  return [rootCandidate ? { ...first, otherwise: rootCandidate } : first]
}

/** A non-zero runAsUser where the container's own (or, when it has none, the pod's) root one is. */
function setRunAsUser(e: { set(path: Path, value: unknown): void }, pod: Pod, c: ContainerAt): void {
  const own = scOf(c.container)?.['runAsUser']
  const podLevel = own === undefined && scOf(pod.spec)?.['runAsUser'] === 0
  e.set(
    podLevel ? ['spec', 'securityContext', 'runAsUser'] : [...c.path, 'securityContext', 'runAsUser'],
    NON_ROOT_UID,
  )
}

export const PodSecurityFixes: FixFamily = { name: 'PodSecurity', candidates: podSecurityFixes }
