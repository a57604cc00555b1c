/**
 * The Pod Security Standards checks, one function per upstream check, with
 * upstream's exact reasons and details. A check returns null when the pod
 * passes. Checks run in upstream order: baseline check IDs sorted, then
 * restricted check IDs sorted; at the restricted level a restricted check
 * replaces the baseline check it overrides.
 * Upstream: kubernetes/pod-security-admission v0.34 policy/check_*.go,
 * policy/registry.go (populate, orderedIDs), policy/checks.go (ForbiddenDetail),
 * policy/helpers.go (joinQuote, pluralize), policy/visitor.go (visitContainers)
 */
import type { ObjectMeta, PodSpec } from '../../../model/objects'

export type PsaLevel = 'privileged' | 'baseline' | 'restricted'

export interface CheckFailure {
  readonly reason: string
  readonly detail: string
}

/* eslint-disable @typescript-eslint/no-explicit-any -- pod fields arrive as untyped JSON */
type Obj = Record<string, any>

interface Check {
  readonly id: string
  readonly level: 'baseline' | 'restricted'
  /** Minor version (1.x) from which the check exists. */
  readonly since: number
  /** Baseline check IDs this restricted check replaces. */
  readonly overrides?: readonly string[]
  readonly run: (meta: ObjectMeta, spec: Obj, minor: number) => CheckFailure | null
}

/** The newest policy version this engine knows (Kubernetes 1.34); later versions evaluate as it. */
export const MAX_POLICY_MINOR = 34

const joinQuote = (items: readonly string[]): string => (items.length ? `"${items.join('", "')}"` : '')
const pluralize = (singular: string, plural: string, n: number): string => (n === 1 ? singular : plural)
const containersPhrase = (names: readonly string[]) =>
  `${pluralize('container', 'containers', names.length)} ${joinQuote(names)}`
/** Go's sets.NewString(...).List(): unique and sorted. */
const sortedSet = (s: Iterable<string>): string[] => [...new Set(s)].sort()

/** Init containers, then containers, then ephemeral containers (visitor.go). */
function containers(spec: Obj): Obj[] {
  const list = (k: string): Obj[] => (Array.isArray(spec[k]) ? (spec[k] as Obj[]) : [])
  return [...list('initContainers'), ...list('containers'), ...list('ephemeralContainers')]
}
const sc = (c: Obj): Obj | undefined =>
  c['securityContext'] && typeof c['securityContext'] === 'object' ? c['securityContext'] : undefined
const podSc = (spec: Obj): Obj | undefined => sc(spec)
const isWindows = (spec: Obj) => spec['os']?.['name'] === 'windows'
const nameOf = (c: Obj) => String(c['name'] ?? '')

// ---- baseline ----------------------------------------------------------------------------

const CAPABILITIES_ALLOWED_BASELINE = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
])

function appArmorProfile(meta: ObjectMeta, spec: Obj): CheckFailure | null {
  const allowedType = (t: unknown) => t === 'RuntimeDefault' || t === 'Localhost'
  const setters: string[] = []
  const badValues: string[] = []
  const podProfile = podSc(spec)?.['appArmorProfile']
  if (podProfile && !allowedType(podProfile['type'])) {
    setters.push('pod')
    badValues.push(String(podProfile['type'] ?? ''))
  }
  const bad: string[] = []
  for (const c of containers(spec)) {
    const p = sc(c)?.['appArmorProfile']
    if (p && !allowedType(p['type'])) {
      bad.push(nameOf(c))
      badValues.push(String(p['type'] ?? ''))
    }
  }
  if (bad.length) setters.push(containersPhrase(bad))
  const annotations: string[] = []
  for (const [k, v] of Object.entries(meta.annotations ?? {})) {
    if (
      k.startsWith('container.apparmor.security.beta.kubernetes.io/') &&
      !(v === '' || v === 'runtime/default' || v.startsWith('localhost/'))
    )
      annotations.push(`${k}=${JSON.stringify(v)}`)
  }
  const values = sortedSet(badValues)
  if (annotations.length) {
    values.push(...annotations.sort())
    setters.push(pluralize('annotation', 'annotations', annotations.length))
  }
  if (!setters.length) return null
  return {
    reason: pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', values.length),
    detail: `${setters.join(' and ')} must not set AppArmor profile type to ${joinQuote(values)}`,
  }
}

function capabilitiesBaseline(_m: ObjectMeta, spec: Obj): CheckFailure | null {
  const bad: string[] = []
  const caps: string[] = []
  for (const c of containers(spec)) {
    const add = sc(c)?.['capabilities']?.['add']
    if (!Array.isArray(add)) continue
    const extra = add.map(String).filter((x) => !CAPABILITIES_ALLOWED_BASELINE.has(x))
    if (extra.length) {
      bad.push(nameOf(c))
      caps.push(...extra)
    }
  }
  if (!bad.length) return null
  return {
    reason: 'non-default capabilities',
    detail: `${containersPhrase(bad)} must not include ${joinQuote(sortedSet(caps))} in securityContext.capabilities.add`,
  }
}

function hostNamespaces(_m: ObjectMeta, spec: Obj): CheckFailure | null {
  const set: string[] = []
  if (spec['hostNetwork'] === true) set.push('hostNetwork=true')
  if (spec['hostPID'] === true) set.push('hostPID=true')
  if (spec['hostIPC'] === true) set.push('hostIPC=true')
  return set.length ? { reason: 'host namespaces', detail: set.join(', ') } : null
}

function hostPathVolumes(_m: ObjectMeta, spec: Obj): CheckFailure | null {
  const vols = (Array.isArray(spec['volumes']) ? (spec['volumes'] as Obj[]) : [])
    .filter((v) => v['hostPath'] !== undefined && v['hostPath'] !== null)
    .map((v) => String(v['name'] ?? ''))
  if (!vols.length) return null
  return {
    reason: 'hostPath volumes',
    detail: `${pluralize('volume', 'volumes', vols.length)} ${joinQuote(vols)}`,
  }
}

function hostPorts(_m: ObjectMeta, spec: Obj): CheckFailure | null {
  const bad: string[] = []
  const ports: string[] = []
  for (const c of containers(spec)) {
    const used = (Array.isArray(c['ports']) ? (c['ports'] as Obj[]) : [])
      .map((p) => Number(p['hostPort'] ?? 0))
      .filter((p) => p !== 0)
    if (used.length) {
      bad.push(nameOf(c))
      ports.push(...used.map(String))
    }
  }
  if (!bad.length) return null
  const list = sortedSet(ports)
  return {
    reason: 'hostPort',
    detail: `${containersPhrase(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('hostPort', 'hostPorts', list.length)} ${list.join(', ')}`,
  }
}

function hostProbesAndHostLifecycle(_m: ObjectMeta, spec: Obj): CheckFailure | null {
  const bad = new Set<string>()
  const hosts = new Set<string>()
  const hostsOf = (h: Obj | undefined): string[] => {
    if (!h || typeof h !== 'object') return []
    const out: string[] = []
    if (h['httpGet']?.['host']) out.push(String(h['httpGet']['host']))
    if (h['tcpSocket']?.['host']) out.push(String(h['tcpSocket']['host']))
    return out
  }
  for (const c of containers(spec)) {
    const handlers = [
      c['livenessProbe'],
      c['readinessProbe'],
      c['startupProbe'],
      c['lifecycle']?.['postStart'],
      c['lifecycle']?.['preStop'],
    ]
    for (const h of handlers) {
      const found = hostsOf(h)
      if (found.length) {
        bad.add(nameOf(c))
        found.forEach((x) => hosts.add(x))
      }
    }
  }
  if (!bad.size) return null
  return {
    reason: 'probe or lifecycle host',
    detail: `${containersPhrase(sortedSet(bad))} ${pluralize('uses', 'use', bad.size)} ${pluralize('probe or lifecycle host', 'probe or lifecycle hosts', hosts.size)} ${joinQuote(sortedSet(hosts))}`,
  }
}

function privileged(_m: ObjectMeta, spec: Obj): CheckFailure | null {
  const bad = containers(spec)
    .filter((c) => sc(c)?.['privileged'] === true)
    .map(nameOf)
  if (!bad.length) return null
  return {
    reason: 'privileged',
    detail: `${containersPhrase(bad)} must not set securityContext.privileged=true`,
  }
}

function procMount(_m: ObjectMeta, spec: Obj): CheckFailure | null {
  const bad: string[] = []
  const types: string[] = []
  for (const c of containers(spec)) {
    const p = sc(c)?.['procMount']
    if (p === undefined || p === null) continue
    if (p !== 'Default') {
      bad.push(nameOf(c))
      types.push(String(p))
    }
  }
  if (!bad.length) return null
  return {
    reason: 'procMount',
    detail: `${containersPhrase(bad)} must not set securityContext.procMount to ${joinQuote(sortedSet(types))}`,
  }
}

function seLinuxOptions(_m: ObjectMeta, spec: Obj, minor: number): CheckFailure | null {
  const allowed = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t'])
  if (minor >= 31) allowed.add('container_engine_t')
  const badTypes: string[] = []
  let setUser = false
  let setRole = false
  const valid = (o: Obj) => {
    let ok = true
    const type = String(o['type'] ?? '')
    if (!allowed.has(type)) {
      ok = false
      badTypes.push(type)
    }
    if (o['user']) {
      ok = false
      setUser = true
    }
    if (o['role']) {
      ok = false
      setRole = true
    }
    return ok
  }
  const setters: string[] = []
  const podOpts = podSc(spec)?.['seLinuxOptions']
  if (podOpts && typeof podOpts === 'object' && !valid(podOpts)) setters.push('pod')
  const bad: string[] = []
  for (const c of containers(spec)) {
    const o = sc(c)?.['seLinuxOptions']
    if (o && typeof o === 'object' && !valid(o)) bad.push(nameOf(c))
  }
  if (bad.length) setters.push(containersPhrase(bad))
  if (!setters.length) return null
  const data: string[] = []
  const types = sortedSet(badTypes)
  if (types.length) data.push(`${pluralize('type', 'types', types.length)} ${joinQuote(types)}`)
  if (setUser) data.push('user may not be set')
  if (setRole) data.push('role may not be set')
  return {
    reason: 'seLinuxOptions',
    detail: `${setters.join(' and ')} set forbidden securityContext.seLinuxOptions: ${data.join('; ')}`,
  }
}

const validSeccomp = (t: unknown) => t === 'Localhost' || t === 'RuntimeDefault'

function seccompProfileBaseline(meta: ObjectMeta, spec: Obj, minor: number): CheckFailure | null {
  if (minor < 19) {
    const validValue = (v: string) =>
      v === 'runtime/default' || v === 'docker/default' || v.startsWith('localhost/')
    const forbidden: string[] = []
    const annotations = meta.annotations ?? {}
    const podKey = 'seccomp.security.alpha.kubernetes.io/pod'
    if (podKey in annotations && !validValue(annotations[podKey]!))
      forbidden.push(`${podKey}=${JSON.stringify(annotations[podKey])}`)
    for (const c of containers(spec)) {
      const key = `container.seccomp.security.alpha.kubernetes.io/${nameOf(c)}`
      if (key in annotations && !validValue(annotations[key]!))
        forbidden.push(`${key}=${JSON.stringify(annotations[key])}`)
    }
    if (!forbidden.length) return null
    const list = sortedSet(forbidden)
    return {
      reason: 'seccompProfile',
      detail: `forbidden ${pluralize('annotation', 'annotations', list.length)} ${list.join(', ')}`,
    }
  }
  const setters: string[] = []
  const values: string[] = []
  const podProfile = podSc(spec)?.['seccompProfile']
  if (podProfile && !validSeccomp(podProfile['type'])) {
    setters.push('pod')
    values.push(String(podProfile['type'] ?? ''))
  }
  const bad: string[] = []
  for (const c of containers(spec)) {
    const p = sc(c)?.['seccompProfile']
    if (p && !validSeccomp(p['type'])) {
      bad.push(nameOf(c))
      values.push(String(p['type'] ?? ''))
    }
  }
  if (bad.length) setters.push(containersPhrase(bad))
  if (!setters.length) return null
  return {
    reason: 'seccompProfile',
    detail: `${setters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(values))}`,
  }
}

const SYSCTLS_1_0 = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
]
const SYSCTLS_1_27 = ['net.ipv4.ip_local_reserved_ports']
const SYSCTLS_1_29 = [
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]
const SYSCTLS_1_32 = ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem']

function sysctls(_m: ObjectMeta, spec: Obj, minor: number): CheckFailure | null {
  const allowed = new Set([
    ...SYSCTLS_1_0,
    ...(minor >= 27 ? SYSCTLS_1_27 : []),
    ...(minor >= 29 ? SYSCTLS_1_29 : []),
    ...(minor >= 32 ? SYSCTLS_1_32 : []),
  ])
  const list = podSc(spec)?.['sysctls']
  const bad = (Array.isArray(list) ? (list as Obj[]) : [])
    .map((s) => String(s['name'] ?? ''))
    .filter((n) => !allowed.has(n))
  return bad.length ? { reason: 'forbidden sysctls', detail: bad.join(', ') } : null
}

function windowsHostProcess(_m: ObjectMeta, spec: Obj): CheckFailure | null {
  const bad = containers(spec)
    .filter((c) => sc(c)?.['windowsOptions']?.['hostProcess'] === true)
    .map(nameOf)
  const setters: string[] = []
  if (podSc(spec)?.['windowsOptions']?.['hostProcess'] === true) setters.push('pod')
  if (bad.length) setters.push(containersPhrase(bad))
  if (!setters.length) return null
  return {
    reason: 'hostProcess',
    detail: `${setters.join(' and ')} must not set securityContext.windowsOptions.hostProcess=true`,
  }
}

// ---- restricted --------------------------------------------------------------------------

function allowPrivilegeEscalation(_m: ObjectMeta, spec: Obj, minor: number): CheckFailure | null {
  if (minor >= 25 && isWindows(spec)) return null
  const bad = containers(spec)
    .filter((c) => sc(c)?.['allowPrivilegeEscalation'] !== false)
    .map(nameOf)
  if (!bad.length) return null
  return {
    reason: 'allowPrivilegeEscalation != false',
    detail: `${containersPhrase(bad)} must set securityContext.allowPrivilegeEscalation=false`,
  }
}

function capabilitiesRestricted(_m: ObjectMeta, spec: Obj, minor: number): CheckFailure | null {
  if (minor >= 25 && isWindows(spec)) return null
  const missingDropAll: string[] = []
  const adding: string[] = []
  const caps: string[] = []
  for (const c of containers(spec)) {
    const capabilities = sc(c)?.['capabilities']
    if (!capabilities || typeof capabilities !== 'object') {
      missingDropAll.push(nameOf(c))
      continue
    }
    const drop = Array.isArray(capabilities['drop']) ? capabilities['drop'] : []
    if (!drop.includes('ALL')) missingDropAll.push(nameOf(c))
    const add = (Array.isArray(capabilities['add']) ? capabilities['add'] : []).map(String)
    const forbidden = add.filter((x: string) => x !== 'NET_BIND_SERVICE')
    if (forbidden.length) {
      adding.push(nameOf(c))
      caps.push(...forbidden)
    }
  }
  const details: string[] = []
  if (missingDropAll.length)
    details.push(`${containersPhrase(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`)
  if (adding.length)
    details.push(
      `${containersPhrase(adding)} must not include ${joinQuote(sortedSet(caps))} in securityContext.capabilities.add`,
    )
  return details.length ? { reason: 'unrestricted capabilities', detail: details.join('; ') } : null
}

/** Volume sources the restricted level allows (check_restrictedVolumes.go). */
const ALLOWED_VOLUME_SOURCES = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
])
/** The restricted sources in the order upstream's switch tests them. */
const RESTRICTED_VOLUME_SOURCES = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
]

function restrictedVolumes(_m: ObjectMeta, spec: Obj): CheckFailure | null {
  const bad: string[] = []
  const types: string[] = []
  for (const v of Array.isArray(spec['volumes']) ? (spec['volumes'] as Obj[]) : []) {
    const has = (k: string) => v[k] !== undefined && v[k] !== null
    if ([...ALLOWED_VOLUME_SOURCES].some(has)) continue
    bad.push(String(v['name'] ?? ''))
    types.push(RESTRICTED_VOLUME_SOURCES.find(has) ?? 'unknown')
  }
  if (!bad.length) return null
  const list = sortedSet(types)
  return {
    reason: 'restricted volume types',
    detail: `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('restricted volume type', 'restricted volume types', list.length)} ${joinQuote(list)}`,
  }
}

function runAsNonRoot(_m: ObjectMeta, spec: Obj): CheckFailure | null {
  const setters: string[] = []
  let podNonRoot = false
  const podValue = podSc(spec)?.['runAsNonRoot']
  if (podValue !== undefined && podValue !== null) {
    if (podValue !== true) setters.push('pod')
    else podNonRoot = true
  }
  const explicit: string[] = []
  const implicit: string[] = []
  for (const c of containers(spec)) {
    const v = sc(c)?.['runAsNonRoot']
    if (v !== undefined && v !== null) {
      if (v !== true) explicit.push(nameOf(c))
    } else if (!podNonRoot) implicit.push(nameOf(c))
  }
  if (explicit.length) setters.push(containersPhrase(explicit))
  if (setters.length)
    return {
      reason: 'runAsNonRoot != true',
      detail: `${setters.join(' and ')} must not set securityContext.runAsNonRoot=false`,
    }
  if (implicit.length)
    return {
      reason: 'runAsNonRoot != true',
      detail: `pod or ${containersPhrase(implicit)} must set securityContext.runAsNonRoot=true`,
    }
  return null
}

function runAsUser(_m: ObjectMeta, spec: Obj): CheckFailure | null {
  const setters: string[] = []
  if (podSc(spec)?.['runAsUser'] === 0) setters.push('pod')
  const bad = containers(spec)
    .filter((c) => sc(c)?.['runAsUser'] === 0)
    .map(nameOf)
  if (bad.length) setters.push(containersPhrase(bad))
  if (!setters.length) return null
  return { reason: 'runAsUser=0', detail: `${setters.join(' and ')} must not set runAsUser=0` }
}

function seccompProfileRestricted(_m: ObjectMeta, spec: Obj, minor: number): CheckFailure | null {
  if (minor >= 25 && isWindows(spec)) return null
  const setters: string[] = []
  const values: string[] = []
  let podSet = false
  const podProfile = podSc(spec)?.['seccompProfile']
  if (podProfile) {
    if (!validSeccomp(podProfile['type'])) {
      setters.push('pod')
      values.push(String(podProfile['type'] ?? ''))
    } else podSet = true
  }
  const explicit: string[] = []
  const implicit: string[] = []
  for (const c of containers(spec)) {
    const p = sc(c)?.['seccompProfile']
    if (p) {
      if (!validSeccomp(p['type'])) {
        explicit.push(nameOf(c))
        values.push(String(p['type'] ?? ''))
      }
    } else if (!podSet) implicit.push(nameOf(c))
  }
  if (explicit.length) setters.push(containersPhrase(explicit))
  if (setters.length)
    return {
      reason: 'seccompProfile',
      detail: `${setters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(values))}`,
    }
  if (implicit.length)
    return {
      reason: 'seccompProfile',
      detail: `pod or ${containersPhrase(implicit)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
    }
  return null
}

const CHECKS: readonly Check[] = [
  { id: 'allowPrivilegeEscalation', level: 'restricted', since: 8, run: allowPrivilegeEscalation },
  { id: 'appArmorProfile', level: 'baseline', since: 0, run: appArmorProfile },
  { id: 'capabilities_baseline', level: 'baseline', since: 0, run: capabilitiesBaseline },
  {
    id: 'capabilities_restricted',
    level: 'restricted',
    since: 22,
    overrides: ['capabilities_baseline'],
    run: capabilitiesRestricted,
  },
  { id: 'hostNamespaces', level: 'baseline', since: 0, run: hostNamespaces },
  { id: 'hostPathVolumes', level: 'baseline', since: 0, run: hostPathVolumes },
  { id: 'hostPorts', level: 'baseline', since: 0, run: hostPorts },
  { id: 'hostProbesAndHostLifecycle', level: 'baseline', since: 34, run: hostProbesAndHostLifecycle },
  { id: 'privileged', level: 'baseline', since: 0, run: privileged },
  { id: 'procMount', level: 'baseline', since: 0, run: procMount },
  {
    id: 'restrictedVolumes',
    level: 'restricted',
    since: 0,
    overrides: ['hostPathVolumes'],
    run: restrictedVolumes,
  },
  { id: 'runAsNonRoot', level: 'restricted', since: 0, run: runAsNonRoot },
  { id: 'runAsUser', level: 'restricted', since: 23, run: runAsUser },
  { id: 'seLinuxOptions', level: 'baseline', since: 0, run: seLinuxOptions },
  { id: 'seccompProfile_baseline', level: 'baseline', since: 0, run: seccompProfileBaseline },
  {
    id: 'seccompProfile_restricted',
    level: 'restricted',
    since: 19,
    overrides: ['seccompProfile_baseline'],
    run: seccompProfileRestricted,
  },
  { id: 'sysctls', level: 'baseline', since: 0, run: sysctls },
  { id: 'windowsHostProcess', level: 'baseline', since: 0, run: windowsHostProcess },
]

/** Upstream sorts IDs with Go's byte order, which JavaScript's default sort matches for ASCII. */
const byId = (a: Check, b: Check) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** The checks a level and policy minor version run, in upstream's order (registry.go populate). */
export function checksFor(level: PsaLevel, minor: number): readonly Check[] {
  if (level === 'privileged') return []
  const v = Math.min(minor, MAX_POLICY_MINOR)
  const present = CHECKS.filter((c) => c.since <= v)
  const baseline = present.filter((c) => c.level === 'baseline').sort(byId)
  if (level === 'baseline') return baseline
  const restricted = present.filter((c) => c.level === 'restricted').sort(byId)
  const overridden = new Set(restricted.flatMap((c) => c.overrides ?? []))
  return [...baseline.filter((c) => !overridden.has(c.id)), ...restricted]
}

/** Every failed check of the level, in order; empty when the pod is allowed (EvaluatePod). */
export function evaluatePod(
  level: PsaLevel,
  minor: number,
  meta: ObjectMeta,
  spec: PodSpec,
): readonly CheckFailure[] {
  const v = Math.min(minor, MAX_POLICY_MINOR)
  const out: CheckFailure[] = []
  for (const check of checksFor(level, v)) {
    const r = check.run(meta, spec as Obj, v)
    if (r) out.push({ reason: r.reason || 'unknown forbidden reason', detail: r.detail })
  }
  return out
}

/** `reason (detail), reason (detail)` (AggregateCheckResult.ForbiddenDetail). */
export function forbiddenDetail(failures: readonly CheckFailure[]): string {
  return failures.map((f) => (f.detail ? `${f.reason} (${f.detail})` : f.reason)).join(', ')
}
