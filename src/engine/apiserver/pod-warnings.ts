/**
 * The warnings the apiserver sends back with a Pod create (`Warning:` headers,
 * which kubectl prints on stderr). They never block the create: the registry
 * computes them only once validation has passed, after mutating admission and
 * before validating admission.
 * Upstream: pkg/registry/core/pod/strategy.go (WarningsOnCreate),
 * pkg/api/pod/warnings.go (GetWarningsForPod, warningsForPodSpecAndMeta),
 * staging/src/k8s.io/apiserver/pkg/registry/rest/create.go (BeforeCreate).
 * The scheduling and volume parts live in pod-warnings-scheduling.ts and
 * pod-warnings-volumes.ts; this file puts them in upstream's order.
 */
import type { Container, ContainerPort, Pod } from '../model/objects'
import { isDNS1123Label } from '../model/names'
import { parseQuantity, quantityMilliValue } from '../model/quantity'
import { goQuote } from './go-quote'
import { getWarningsForIP } from './ip-warnings'
import { podAffinityWarnings, schedulingWarnings } from './pod-warnings-scheduling'
import { deprecatedVolumePluginWarnings, overlappingPathWarnings } from './pod-warnings-volumes'
import { isSet, rawArray, rawObject, rawString, type RawObject } from './raw-fields'

/** warnings.go deprecatedAnnotations, in upstream's order. */
const DEPRECATED_ANNOTATIONS: readonly (readonly [key: string, message: string])[] = [
  [
    'scheduler.alpha.kubernetes.io/critical-pod',
    'non-functional in v1.16+; use the "priorityClassName" field instead',
  ],
  ['security.alpha.kubernetes.io/sysctls', 'non-functional in v1.11+; use the "sysctls" field instead'],
  [
    'security.alpha.kubernetes.io/unsafe-sysctls',
    'non-functional in v1.11+; use the "sysctls" field instead',
  ],
]

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod'
const SECCOMP_CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/'
const SECCOMP_MESSAGE = 'non-functional in v1.27+; use the "seccompProfile" field instead'
const FRACTIONAL = (value: string) => `fractional byte value ${goQuote(value)} is invalid, must be an integer`

/** WarningsOnCreate: the pod-name warning, then GetWarningsForPod. */
export function warningsOnPodCreate(pod: Pod): string[] {
  const name = pod.metadata.name ?? ''
  const msgs = isDNS1123Label(name)
  return [
    ...(msgs.length
      ? [
          `metadata.name: this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: [${msgs.join(' ')}]`,
        ]
      : []),
    ...getWarningsForPod(pod),
  ]
}

/** pods.VisitContainersWithPath: init containers, then containers, then ephemeral containers. */
function allContainers(pod: Pod): [Container, string][] {
  const list = (field: string) =>
    rawArray(pod.spec[field]).map((c, i): [Container, string] => [c as Container, `spec.${field}[${i}]`])
  return [...list('initContainers'), ...list('containers'), ...list('ephemeralContainers')]
}

function fractionalWarning(list: unknown, resource: string, path: string): string[] {
  const raw = rawObject(list)?.[resource]
  // A quantity may be written as a bare number (memory: 128).
  if (typeof raw !== 'string' && typeof raw !== 'number') return []
  const q = parseQuantity(String(raw))
  if (!q.ok || quantityMilliValue(q.quantity) % 1000 === 0) return []
  return [`${path}[${resource}]: ${FRACTIONAL(q.quantity.canonical)}`]
}

function containerWarnings(pod: Pod, annotations: RawObject): string[] {
  const warnings: string[] = []
  for (const [c, path] of allContainers(pod)) {
    const seccompKey = SECCOMP_CONTAINER_ANNOTATION_PREFIX + c.name
    if (!isSet(rawObject(c['securityContext'])?.['seccompProfile']) && seccompKey in annotations)
      warnings.push(`metadata.annotations[${seccompKey}]: ${SECCOMP_MESSAGE}`)
    // The AppArmor annotation warning applies to pod templates only; for a Pod
    // it comes from PrepareForCreate (applyAppArmorVersionSkew), not modelled here.
    const limits = c.resources?.limits
    const requests = c.resources?.requests
    warnings.push(
      ...fractionalWarning(limits, 'memory', `${path}.resources.limits`),
      ...fractionalWarning(requests, 'memory', `${path}.resources.requests`),
      ...fractionalWarning(limits, 'ephemeral-storage', `${path}.resources.limits`),
      ...fractionalWarning(requests, 'ephemeral-storage', `${path}.resources.requests`),
    )
    const env = rawArray(c['env']).map((e) => rawObject(e) ?? {})
    const seen = new Set<string>()
    env.forEach((item, i) => {
      const name = rawString(item['name'])
      if (!seen.has(name)) {
        seen.add(name)
        return
      }
      // A later definition may refer to the earlier one ($(X)); anything else hides it.
      const ref = `$(${name})`
      const value = rawString(item['value'])
      if (isSet(item['valueFrom']) || value === ref || !value.includes(ref))
        warnings.push(
          `${path}.env[${i}]: hides previous definition of ${goQuote(name)}, which may be dropped when using apply`,
        )
    })
  }
  return warnings
}

/** Go's %+v of core.ContainerPort (fields in struct order, strings unquoted). */
function formatPort(p: ContainerPort): string {
  return `{Name:${p.name ?? ''} HostPort:${p.hostPort ?? 0} ContainerPort:${p.containerPort ?? 0} Protocol:${p.protocol || 'TCP'} HostIP:${p.hostIP ?? ''}}`
}

function portWarnings(pod: Pod): string[] {
  const warnings: string[] = []
  const allPorts = new Map<string, { path: string; port: ContainerPort }[]>()
  for (const [c, path] of allContainers(pod)) {
    ;(c.ports ?? []).forEach((port, i) => {
      const here = `${path}.ports[${i}]`
      const hostIP = port.hostIP ?? ''
      const hostPort = port.hostPort ?? 0
      if (hostIP !== '' && hostPort === 0)
        warnings.push(`${here}: hostIP set without hostPort: ${formatPort(port)}`)
      // SetDefaults_ContainerPort has made an empty protocol TCP by now.
      const key = `${port.containerPort ?? 0}/${port.protocol || 'TCP'}`
      const others = allPorts.get(key) ?? []
      for (const other of others) {
        const otherIP = other.port.hostIP ?? ''
        const otherPort = other.port.hostPort ?? 0
        if (hostIP === otherIP && hostPort === otherPort)
          warnings.push(`${here}: duplicate port definition with ${other.path}`)
        else if (hostPort === 0 || otherPort === 0)
          warnings.push(`${here}: overlapping port definition with ${other.path}`)
        else if (hostPort === otherPort && (hostIP === '') !== (otherIP === ''))
          warnings.push(`${here}: dangerously ambiguous port definition with ${other.path}`)
      }
      allPorts.set(key, [...others, { path: here, port }])
    })
  }
  const names = new Map<string, string>()
  for (const [c, path] of allContainers(pod)) {
    ;(c.ports ?? []).forEach((port, i) => {
      if (!port.name) return
      const other = names.get(port.name)
      if (other)
        warnings.push(
          `${path}.ports[${i}]: duplicate port name ${goQuote(port.name)} with ${other}, services and probes that select ports by name will use ${other}`,
        )
      else names.set(port.name, `${path}.ports[${i}]`)
    })
  }
  return warnings
}

function duplicateWarnings(values: readonly string[], path: (i: number) => string, what: string): string[] {
  if (values.length < 2) return []
  const seen = new Set<string>()
  return values.flatMap((v, i) => {
    if (seen.has(v)) return [`${path(i)}: duplicate ${what} ${goQuote(v)}`]
    seen.add(v)
    return []
  })
}

/** GetWarningsForPod for a Pod being created (no old Pod). */
export function getWarningsForPod(pod: Pod): string[] {
  const spec = pod.spec
  const annotations: RawObject = pod.metadata.annotations ?? {}
  const volumes = rawArray(spec.volumes).map((v) => rawObject(v) ?? {})
  const hostAliases = rawArray(spec['hostAliases']).map((a) => rawString(rawObject(a)?.['ip']))
  const pullSecrets = rawArray(spec['imagePullSecrets']).map((s) => rawString(rawObject(s)?.['name']))
  const affinity = rawObject(spec.affinity)
  const grace = spec['terminationGracePeriodSeconds']
  return [
    ...schedulingWarnings(pod),
    ...DEPRECATED_ANNOTATIONS.flatMap(([key, message]) =>
      key in annotations ? [`metadata.annotations[${key}]: ${message}`] : [],
    ),
    ...deprecatedVolumePluginWarnings(volumes),
    ...overlappingPathWarnings(volumes),
    ...duplicateWarnings(hostAliases, (i) => `spec.hostAliases[${i}].ip`, 'ip'),
    ...duplicateWarnings(pullSecrets, (i) => `spec.imagePullSecrets[${i}].name`, 'name'),
    ...pullSecrets.flatMap((name, i) =>
      name === '' ? [`spec.imagePullSecrets[${i}].name: invalid empty name ${goQuote(name)}`] : [],
    ),
    ...fractionalWarning(spec['overhead'], 'memory', 'spec.overhead'),
    ...fractionalWarning(spec['overhead'], 'ephemeral-storage', 'spec.overhead'),
    ...(!isSet(rawObject(spec['securityContext'])?.['seccompProfile']) &&
    SECCOMP_POD_ANNOTATION in annotations
      ? [`metadata.annotations[${SECCOMP_POD_ANNOTATION}]: ${SECCOMP_MESSAGE}`]
      : []),
    ...containerWarnings(pod, annotations),
    ...portWarnings(pod),
    ...(typeof grace === 'number' && grace < 0
      ? [
          'spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1',
        ]
      : []),
    ...podAffinityWarnings(affinity, 'podAffinity'),
    ...podAffinityWarnings(affinity, 'podAntiAffinity'),
    ...rawArray(rawObject(spec['dnsConfig'])?.['nameservers']).flatMap((ns, i) =>
      getWarningsForIP(`spec.dnsConfig.nameservers[${i}]`, rawString(ns)),
    ),
    ...hostAliases.flatMap((ip, i) => getWarningsForIP(`spec.hostAliases[${i}].ip`, ip)),
  ]
}
