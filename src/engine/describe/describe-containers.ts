/**
 * The Init Containers / Containers sections of `kubectl describe pod`.
 * Upstream: kubernetes/kubectl pkg/describe/describe.go (describeContainers
 * and the describeContainer* helpers, describeStatus) at v0.34. Probes are in
 * describe-probe.ts, the environment in describe-env.ts.
 */
import type { Container, Pod } from '../model/objects'
import { parseQuantity } from '../model/quantity'
import { describeEnv, describeEnvFrom } from './describe-env'
import { describeProbe } from './describe-probe'
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

const stringOrNone = (s: string): string => (s === '' ? '<none>' : s)
/** describe.go printBool. */
const printBool = (b: boolean): string => (b ? 'True' : 'False')

export function describeContainers(
  label: string,
  containers: readonly Container[],
  statuses: readonly unknown[],
  /** null for a pod template: field references are not resolved (DescribePodTemplate passes no resolver). */
  pod: Pod | null,
  w: PrefixWriter,
  /** DescribePodTemplate's "  ": prefixes the label and indents each container name by one more space. */
  space = '',
): void {
  const byName = new Map<string, Obj>()
  for (const s of statuses) {
    const status = asObj(s)
    if (status) byName.set(asStr(status['name']), status)
  }
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`)
  for (const container of containers) {
    const status = byName.get(container.name)
    describeBasicInfo(container, status, space === '' ? '' : ' ', w)
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

function describeBasicInfo(
  container: Container,
  status: Obj | undefined,
  nameIndent: string,
  w: PrefixWriter,
): void {
  w.write(1, `${nameIndent}${container.name}:\n`)
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
