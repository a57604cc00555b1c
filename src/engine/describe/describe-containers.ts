/**
 * The Init Containers / Containers sections of `kubectl describe pod`.
 * Upstream: kubernetes/kubectl pkg/describe/describe.go (describeContainers
 * and the describeContainer* helpers, DescribeProbe, describeStatus) at v0.34.
 */
import type { Container, Pod } from '../model/objects'
import { parseQuantity, quantityMilliValue, quantityValue } from '../model/quantity'
import {
  asArr,
  asBool,
  asNum,
  asObj,
  asStr,
  compareStrings,
  type Obj,
  type PrefixWriter,
} from './prefix-writer'
import { formatTimeField } from './time-format'

/** Go's `%v` of a []string: `[a b c]`. */
const goSlice = (items: readonly unknown[]): string => `[${items.map(asStr).join(' ')}]`
const stringOrNone = (s: string): string => (s === '' ? '<none>' : s)
/** describe.go printBool. */
const printBool = (b: boolean): string => (b ? 'True' : 'False')

export function describeContainers(
  label: string,
  containers: readonly Container[],
  statuses: readonly unknown[],
  pod: Pod,
  w: PrefixWriter,
): void {
  const byName = new Map<string, Obj>()
  for (const s of statuses) {
    const status = asObj(s)
    if (status) byName.set(asStr(status['name']), status)
  }
  w.write(0, `${label}:${containers.length === 0 ? ' <none>' : ''}\n`)
  for (const container of containers) {
    const status = byName.get(container.name)
    describeBasicInfo(container, status, w)
    describeCommand(container, w)
    if (status) describeState(status, w)
    describeResources(asObj(container.resources), w, 2)
    describeProbes(container, w)
    const envFrom = asArr(container['envFrom'])
    if (envFrom.length > 0) describeEnvFrom(envFrom, w)
    describeEnv(container, pod, w)
    describeMounts(container, w)
  }
}

function describeBasicInfo(container: Container, status: Obj | undefined, w: PrefixWriter): void {
  w.write(1, `${container.name}:\n`)
  if (status) w.write(2, `Container ID:\t${asStr(status['containerID'])}\n`)
  w.write(2, `Image:\t${container.image ?? ''}\n`)
  if (status) w.write(2, `Image ID:\t${asStr(status['imageID'])}\n`)
  const ports = container.ports ?? []
  const named = (port: number, p: (typeof ports)[number]): string =>
    `${port}/${p.protocol ?? ''}${p.name ? ` (${p.name})` : ''}`
  const portString = ports.map((p) => named(p.containerPort, p)).join(', ')
  if (portString.includes(',')) w.write(2, `Ports:\t${portString}\n`)
  else w.write(2, `Port:\t${stringOrNone(portString)}\n`)
  const hostPortString = ports.map((p) => named(p.hostPort ?? 0, p)).join(', ')
  if (hostPortString.includes(',')) w.write(2, `Host Ports:\t${hostPortString}\n`)
  else w.write(2, `Host Port:\t${stringOrNone(hostPortString)}\n`)
  const seccomp = asObj(asObj(container['securityContext'])?.['seccompProfile'])
  if (seccomp) {
    w.write(2, `SeccompProfile:\t${asStr(seccomp['type'])}\n`)
    if (seccomp['type'] === 'Localhost')
      w.write(3, `LocalhostProfile:\t${asStr(seccomp['localhostProfile'])}\n`)
  }
}

function describeCommand(container: Container, w: PrefixWriter): void {
  for (const [title, items] of [
    ['Command', container.command ?? []],
    ['Args', container.args ?? []],
  ] as const) {
    if (items.length === 0) continue
    w.write(2, `${title}:\n`)
    for (const item of items) for (const line of item.split('\n')) w.write(3, `${line}\n`)
  }
}

function describeState(status: Obj, w: PrefixWriter): void {
  describeStatus('State', asObj(status['state']) ?? {}, w)
  const last = asObj(status['lastState'])
  if (asObj(last?.['terminated'])) describeStatus('Last State', last!, w)
  w.write(2, `Ready:\t${printBool(asBool(status['ready']))}\n`)
  w.write(2, `Restart Count:\t${asNum(status['restartCount'])}\n`)
}

function describeStatus(name: string, state: Obj, w: PrefixWriter): void {
  const running = asObj(state['running'])
  const waiting = asObj(state['waiting'])
  const terminated = asObj(state['terminated'])
  if (running) {
    w.write(2, `${name}:\tRunning\n`)
    w.write(3, `Started:\t${formatTimeField(running['startedAt'])}\n`)
  } else if (waiting) {
    w.write(2, `${name}:\tWaiting\n`)
    if (asStr(waiting['reason'])) w.write(3, `Reason:\t${asStr(waiting['reason'])}\n`)
  } else if (terminated) {
    w.write(2, `${name}:\tTerminated\n`)
    if (asStr(terminated['reason'])) w.write(3, `Reason:\t${asStr(terminated['reason'])}\n`)
    if (asStr(terminated['message'])) w.write(3, `Message:\t${asStr(terminated['message'])}\n`)
    w.write(3, `Exit Code:\t${asNum(terminated['exitCode'])}\n`)
    if (asNum(terminated['signal']) > 0) w.write(3, `Signal:\t${asNum(terminated['signal'])}\n`)
    w.write(3, `Started:\t${formatTimeField(terminated['startedAt'])}\n`)
    w.write(3, `Finished:\t${formatTimeField(terminated['finishedAt'])}\n`)
  } else {
    w.write(2, `${name}:\tWaiting\n`)
  }
}

/** quantity.String(): the canonical text. */
const canonical = (v: unknown): string => {
  const r = parseQuantity(asStr(v))
  return r.ok ? r.quantity.canonical : asStr(v)
}

/** describe.go describeResources: Limits then Requests, resource names sorted. */
export function describeResources(resources: Obj | undefined, w: PrefixWriter, level: number): void {
  if (!resources) return
  for (const [title, list] of [
    ['Limits', asObj(resources['limits'])],
    ['Requests', asObj(resources['requests'])],
  ] as const) {
    const names = Object.keys(list ?? {}).sort()
    if (names.length > 0) w.write(level, `${title}:\n`)
    for (const name of names) w.write(level + 1, `${name}:\t${canonical(list![name])}\n`)
  }
}

function describeProbes(container: Container, w: PrefixWriter): void {
  for (const [title, field] of [
    ['Liveness', 'livenessProbe'],
    ['Readiness', 'readinessProbe'],
    ['Startup', 'startupProbe'],
  ] as const) {
    const probe = asObj(container[field])
    if (probe) w.write(2, `${title}:\t${describeProbe(probe)}\n`)
  }
}

/** describe.go DescribeProbe. Unset thresholds print the API defaults the apiserver would have stored. */
export function describeProbe(probe: Obj): string {
  const attrs =
    `delay=${asNum(probe['initialDelaySeconds'])}s timeout=${asNum(probe['timeoutSeconds'], 1)}s ` +
    `period=${asNum(probe['periodSeconds'], 10)}s #success=${asNum(probe['successThreshold'], 1)} ` +
    `#failure=${asNum(probe['failureThreshold'], 3)}`
  const exec = asObj(probe['exec'])
  const httpGet = asObj(probe['httpGet'])
  const tcp = asObj(probe['tcpSocket'])
  const grpc = asObj(probe['grpc'])
  if (exec) return `exec ${goSlice(asArr(exec['command']))} ${attrs}`
  if (httpGet) {
    const host = asStr(httpGet['host'])
    const port = asStr(httpGet['port'])
    const hostPort = port === '' ? host : `${host.includes(':') ? `[${host}]` : host}:${port}`
    let path = asStr(httpGet['path'])
    // net/url: a path without a leading slash gets one when there is a host.
    if (path !== '' && !path.startsWith('/') && hostPort !== '') path = `/${path}`
    const scheme = asStr(httpGet['scheme'] ?? 'HTTP').toLowerCase()
    return `http-get ${scheme}://${hostPort}${path} ${attrs}`
  }
  if (tcp) return `tcp-socket ${asStr(tcp['host'])}:${asStr(tcp['port'])} ${attrs}`
  if (grpc) return `grpc <pod>:${asNum(grpc['port'])} ${asStr(grpc['service'])} ${attrs}`
  return `unknown ${attrs}`
}

function describeEnvFrom(envFrom: readonly unknown[], w: PrefixWriter): void {
  w.write(2, 'Environment Variables from:\n')
  for (const raw of envFrom) {
    const e = asObj(raw) ?? {}
    const cm = asObj(e['configMapRef'])
    const secret = asObj(e['secretRef'])
    const ref = cm ?? secret
    const from = cm ? 'ConfigMap' : secret ? 'Secret' : ''
    const optional = asBool(ref?.['optional'])
    const prefix = asStr(e['prefix'])
    const what = prefix === '' ? from : `${from} with prefix '${prefix}'`
    w.write(3, `${asStr(ref?.['name'])}\t${what}\tOptional: ${optional}\n`)
  }
}

function describeEnv(container: Container, pod: Pod, w: PrefixWriter): void {
  const env = asArr(container['env'])
  w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`)
  for (const raw of env) {
    const e = asObj(raw) ?? {}
    const name = asStr(e['name'])
    const valueFrom = asObj(e['valueFrom'])
    if (!valueFrom) {
      asStr(e['value'])
        .split('\n')
        .forEach((line, i) => w.write(3, i === 0 ? `${name}:\t${line}\n` : `\t${line}\n`))
      continue
    }
    const fieldRef = asObj(valueFrom['fieldRef'])
    const resourceFieldRef = asObj(valueFrom['resourceFieldRef'])
    const secretKeyRef = asObj(valueFrom['secretKeyRef'])
    const configMapKeyRef = asObj(valueFrom['configMapKeyRef'])
    if (fieldRef) {
      const path = asStr(fieldRef['fieldPath'])
      w.write(3, `${name}:\t${fieldPathValue(pod, path)} (${asStr(fieldRef['apiVersion'])}:${path})\n`)
    } else if (resourceFieldRef) {
      const resource = asStr(resourceFieldRef['resource'])
      let value = containerResourceValue(container, resource, asStr(resourceFieldRef['divisor']))
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory'))
        value = 'node allocatable'
      w.write(3, `${name}:\t${value} (${resource})\n`)
    } else if (secretKeyRef) {
      w.write(
        3,
        `${name}:\t<set to the key '${asStr(secretKeyRef['key'])}' in secret '${asStr(secretKeyRef['name'])}'>\t` +
          `Optional: ${asBool(secretKeyRef['optional'])}\n`,
      )
    } else if (configMapKeyRef) {
      w.write(
        3,
        `${name}:\t<set to the key '${asStr(configMapKeyRef['key'])}' of config map '${asStr(configMapKeyRef['name'])}'>\t` +
          `Optional: ${asBool(configMapKeyRef['optional'])}\n`,
      )
    }
  }
}

/** The downward API fields describe can resolve (k8s.io/kubectl fieldpath.ExtractFieldPathAsString). */
function fieldPathValue(pod: Pod, path: string): string {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path)
  if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]!] ?? ''
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name ?? ''
    case 'metadata.namespace':
      return pod.metadata.namespace ?? ''
    case 'metadata.uid':
      return pod.metadata.uid ?? ''
    case 'spec.nodeName':
      return pod.spec.nodeName ?? ''
    case 'spec.serviceAccountName':
      return pod.spec.serviceAccountName ?? ''
    case 'status.hostIP':
      return pod.status?.hostIP ?? ''
    case 'status.podIP':
      return pod.status?.podIP ?? ''
    case 'status.podIPs':
      return (pod.status?.podIPs ?? []).map((p) => p.ip).join(',')
    case 'status.hostIPs':
      return (pod.status?.hostIPs ?? []).map((p) => p.ip).join(',')
    default:
      return ''
  }
}

/** resourcehelper.ExtractContainerResourceValue: the value divided by the divisor, rounded up. */
function containerResourceValue(container: Container, resource: string, divisorText: string): string {
  const [kind, name] = resource.split('.') as [string, string | undefined]
  const list = kind === 'limits' ? container.resources?.limits : container.resources?.requests
  const parsed = parseQuantity(list?.[name ?? ''] ?? '0')
  const divisor = parseQuantity(divisorText === '' ? '1' : divisorText)
  if (!parsed.ok || !divisor.ok || divisor.quantity.nanos === 0n) return ''
  if (name === 'cpu') {
    return String(Math.ceil(quantityMilliValue(parsed.quantity) / quantityMilliValue(divisor.quantity)))
  }
  return String(Math.ceil(quantityValue(parsed.quantity) / quantityValue(divisor.quantity)))
}

function describeMounts(container: Container, w: PrefixWriter): void {
  const mounts = [...(container.volumeMounts ?? [])]
  const none = mounts.length === 0 ? '\t<none>' : ''
  w.write(2, `Mounts:${none}\n`)
  mounts.sort((a, b) => compareStrings(a.mountPath, b.mountPath))
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw']
    const subPath = asStr((m as unknown as Obj)['subPath'])
    if (subPath) flags.push(`path=${JSON.stringify(subPath)}`)
    w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`)
  }
  const devices = asArr(container['volumeDevices'])
    .map((d) => asObj(d) ?? {})
    .sort((a, b) => compareStrings(asStr(a['devicePath']), asStr(b['devicePath'])))
  if (devices.length > 0) {
    w.write(2, `Devices:${none}\n`)
    for (const d of devices) w.write(3, `${asStr(d['devicePath'])} from ${asStr(d['name'])}\n`)
  }
}
