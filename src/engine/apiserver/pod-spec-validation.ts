/**
 * More of ValidatePodCreate: labels, volumes, env, volume mounts, container
 * ports and host port conflicts, negative quantities and activeDeadlineSeconds,
 * with upstream's paths and texts.
 * Upstream: pkg/apis/core/validation/validation.go (ValidateVolumes, ValidateEnv,
 * ValidateVolumeMounts, validateContainerPorts, AccumulateUniqueHostPorts,
 * checkHostPortConflicts, ValidateResourceRequirements, ValidatePodSpec),
 * k8s.io/apimachinery pkg/apis/meta/v1/validation/validation.go (ValidateLabels),
 * pkg/util/validation/validation.go (IsQualifiedName, IsValidLabelValue, IsRelaxedEnvVarName,
 * IsValidPortName, IsValidPortNum).
 *
 * Go iterates label and resource maps in random order; here keys are taken
 * sorted so the error list is deterministic.
 */
import type { Container, ContainerPort, JsonObject, Pod } from '../model/objects'
import { invalid, required, duplicate, unsupported } from '../model/field-errors'
import { isDNS1123Label, isDNS1123Subdomain } from '../model/names'
import { parseQuantity } from '../model/quantity'

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'
const QUALIFIED_NAME = new RegExp(`^${QUALIFIED_NAME_FMT}$`)
/** validation.go qualifiedNameErrMsg through RegexError (two spaces before "or", as upstream builds it). */
export const QUALIFIED_NAME_MESSAGE = `must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '${QUALIFIED_NAME_FMT}')`
const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`
/** validation.go labelValueErrMsg through RegexError. */
export const LABEL_VALUE_MESSAGE = `a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '${LABEL_VALUE_FMT}')`
/** validation.go relaxedEnvVarNameFmtErrMsg (RelaxedEnvironmentVariableValidation is GA in 1.34). */
export const RELAXED_ENV_VAR_NAME_MESSAGE =
  "a valid environment variable name must consist only of printable ASCII characters other than '='"
/** core validation isNegativeErrorMsg. */
export const NEGATIVE_MESSAGE = 'must be greater than or equal to 0'
/** validation.InclusiveRangeError(1, math.MaxInt32). */
export const ACTIVE_DEADLINE_RANGE = 'must be between 1 and 2147483647, inclusive'

const maxLen = (n: number) => `must be no more than ${n} characters`
export const notFound = (path: string, value: unknown): string =>
  `${path}: Not found: ${JSON.stringify(value)}`

/** IsQualifiedName. */
export function isQualifiedName(value: string): string[] {
  const parts = value.split('/')
  if (parts.length > 2)
    return [
      `a qualified name ${QUALIFIED_NAME_MESSAGE} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ]
  const errs: string[] = []
  const name = parts.length === 2 ? parts[1]! : parts[0]!
  if (parts.length === 2) {
    const prefix = parts[0]!
    if (!prefix) errs.push('prefix part must be non-empty')
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`))
  }
  if (!name) errs.push('name part must be non-empty')
  else if (name.length > 63) errs.push(`name part ${maxLen(63)}`)
  if (!QUALIFIED_NAME.test(name)) errs.push(`name part ${QUALIFIED_NAME_MESSAGE}`)
  return errs
}

/** ValidateLabels: each key (IsQualifiedName) then its value (IsValidLabelValue), all at `path`. */
export function validateLabels(labels: Readonly<Record<string, string>> | undefined, path: string): string[] {
  const errs: string[] = []
  for (const key of Object.keys(labels ?? {}).sort()) {
    const value = String(labels![key] ?? '')
    for (const m of isQualifiedName(key)) errs.push(invalid(path, key, m))
    if (value.length > 63) errs.push(invalid(path, value, maxLen(63)))
    if (!new RegExp(`^${LABEL_VALUE_FMT}$`).test(value)) errs.push(invalid(path, value, LABEL_VALUE_MESSAGE))
  }
  return errs
}

/** ValidateVolumes: names required, DNS-1123 labels, unique. */
export function validateVolumes(pod: Pod): string[] {
  const errs: string[] = []
  const seen = new Set<string>()
  ;(pod.spec.volumes ?? []).forEach((v, i) => {
    const path = `spec.volumes[${i}].name`
    const name = typeof v['name'] === 'string' ? v['name'] : ''
    if (!name) errs.push(required(path))
    else {
      for (const m of isDNS1123Label(name)) errs.push(invalid(path, name, m))
      if (seen.has(name)) errs.push(duplicate(path, name))
    }
    seen.add(name)
  })
  return errs
}

/** ValidateEnv and ValidateVolumeMounts for one container at `path` (`spec.containers[0]`). */
export function validateContainerEnvAndMounts(pod: Pod, c: Container, path: string): string[] {
  const errs: string[] = []
  const env = (Array.isArray(c['env']) ? c['env'] : []) as readonly JsonObject[]
  env.forEach((e, i) => {
    const name = typeof e['name'] === 'string' ? e['name'] : ''
    if (!name) errs.push(required(`${path}.env[${i}].name`))
    else if ([...name].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) > 0x7e || ch === '='))
      errs.push(invalid(`${path}.env[${i}].name`, name, RELAXED_ENV_VAR_NAME_MESSAGE))
  })
  const volumes = new Set((pod.spec.volumes ?? []).map((v) => v['name']))
  const mountPaths = new Set<string>()
  ;(c.volumeMounts ?? []).forEach((m, i) => {
    const p = `${path}.volumeMounts[${i}]`
    if (!m.name) errs.push(required(`${p}.name`))
    if (!volumes.has(m.name)) errs.push(notFound(`${p}.name`, m.name ?? ''))
    if (!m.mountPath) errs.push(required(`${p}.mountPath`))
    else if (mountPaths.has(m.mountPath)) errs.push(invalid(`${p}.mountPath`, m.mountPath, 'must be unique'))
    if (m.mountPath) mountPaths.add(m.mountPath)
  })
  return errs
}

/** ValidateResourceQuantityValue for every limit, then every request. */
export function validateNonNegativeResources(c: Container, path: string): string[] {
  const errs: string[] = []
  for (const kind of ['limits', 'requests'] as const) {
    const list = c.resources?.[kind] ?? {}
    for (const name of Object.keys(list).sort()) {
      const q = parseQuantity(list[name]!)
      if (q.ok && q.quantity.nanos < 0n)
        errs.push(invalid(`${path}.resources.${kind}[${name}]`, String(list[name]), NEGATIVE_MESSAGE))
    }
  }
  return errs
}

/** ValidatePodSpec's activeDeadlineSeconds range. */
export function validateActiveDeadlineSeconds(pod: Pod): string[] {
  const v = pod.spec['activeDeadlineSeconds']
  if (typeof v !== 'number') return []
  return v < 1 || v > 2147483647 ? [invalid('spec.activeDeadlineSeconds', v, ACTIVE_DEADLINE_RANGE)] : []
}

/** validation.InclusiveRangeError(1, 65535), IsValidPortNum's message. */
export const PORT_RANGE_MESSAGE = 'must be between 1 and 65535, inclusive'
const PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP']

/** IsValidPortName: an IANA_SVC_NAME. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = []
  if (port.length > 15) errs.push(maxLen(15))
  if (!/^[-a-z0-9]+$/.test(port))
    errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)')
  if (port.includes('--')) errs.push('must not contain consecutive hyphens')
  if (port.startsWith('-') || port.endsWith('-')) errs.push('must not begin or end with a hyphen')
  return errs
}

/** validateContainerPorts for one container's ports at `path` (`spec.containers[0].ports`). */
export function validateContainerPorts(ports: readonly ContainerPort[], path: string): string[] {
  const errs: string[] = []
  const names = new Set<string>()
  ports.forEach((p, i) => {
    const pp = `${path}[${i}]`
    if (p.name) {
      const msgs = isValidPortName(p.name)
      for (const m of msgs) errs.push(invalid(`${pp}.name`, p.name, m))
      if (msgs.length === 0 && names.has(p.name)) errs.push(duplicate(`${pp}.name`, p.name))
      else if (msgs.length === 0) names.add(p.name)
    }
    if (!p.containerPort) errs.push(required(`${pp}.containerPort`))
    else if (!(p.containerPort >= 1 && p.containerPort <= 65535))
      errs.push(invalid(`${pp}.containerPort`, p.containerPort, PORT_RANGE_MESSAGE))
    if (p.hostPort && !(p.hostPort >= 1 && p.hostPort <= 65535))
      errs.push(invalid(`${pp}.hostPort`, p.hostPort, PORT_RANGE_MESSAGE))
    // SetDefaults_ContainerPort has made an empty protocol TCP before validation runs.
    if (p.protocol && !PORT_PROTOCOLS.includes(p.protocol))
      errs.push(unsupported(`${pp}.protocol`, p.protocol, PORT_PROTOCOLS))
  })
  return errs
}

/**
 * checkHostPortConflicts (AccumulateUniqueHostPorts): a hostPort may appear once
 * per protocol and hostIP across `containers`, listed under `path`. The value
 * reported is `<protocol>/<hostIP>/<hostPort>`, so `TCP//8080` when no hostIP is set.
 */
export function checkHostPortConflicts(containers: readonly Container[], path: string): string[] {
  const errs: string[] = []
  const seen = new Set<string>()
  containers.forEach((c, ci) => {
    ;(c.ports ?? []).forEach((p, pi) => {
      if (!p.hostPort) return
      const key = `${p.protocol || 'TCP'}/${p.hostIP ?? ''}/${p.hostPort}`
      if (seen.has(key)) errs.push(duplicate(`${path}[${ci}].ports[${pi}].hostPort`, key))
      else seen.add(key)
    })
  })
  return errs
}
