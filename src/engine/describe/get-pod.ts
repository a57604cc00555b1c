/**
 * `kubectl get pod`, `kubectl get pod -o wide` and `kubectl get pod -w` as
 * kubectl v1.34 prints them. The row is what the apiserver's table printer
 * computes (kubernetes/kubernetes pkg/printers/internalversion/printers.go
 * printPod; `-o wide` adds the Priority 1 columns IP, NODE, NOMINATED NODE and
 * READINESS GATES); kubectl lays it out with cli-runtime's tabwriter
 * (minwidth 6, padding 3, RememberWidths) and, when watching, prints one row
 * per watch event and flushes after each, so columns only ever grow
 * (kubernetes/kubectl pkg/cmd/get/get.go watch).
 */
import { storyPod } from '../protocol/pods'
import type { Pod } from '../model/objects'
import { podDisplayStatus } from '../model/pod-display-status'
import type { Timeline } from '../protocol/timeline'
import { DEFAULT_START_TIME } from '../simulate'
import { podKey } from '../etcd/store'
import { storedPodAt, type PodRef } from './stored-pod'
import { asArr, asObj, asStr, type Obj } from './prefix-writer'
import { createTabWriter, GET_TABWRITER } from './tabwriter'
import { parseTime, timestampSince } from './time-format'

export interface PodRow {
  readonly name: string
  /** Ready containers / containers (restartable init containers count too): `1/1`. */
  readonly ready: string
  readonly status: string
  /** `0`, or `3 (12s ago)` since the most recent container termination. */
  readonly restarts: string
  readonly age: string
}

export const POD_COLUMNS = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'] as const

/** printPod's row with `options.Wide`: every empty value is printed as `<none>`. */
export interface PodWideRow extends PodRow {
  /** `status.podIPs[0].ip` (printPod reads podIPs, not podIP). */
  readonly ip: string
  readonly node: string
  readonly nominatedNode: string
  /** `<none>` without readiness gates, else gates whose condition is True / gates: `1/2`. */
  readonly readinessGates: string
}

/** The column headers of `-o wide`: the server's column names upper-cased by kubectl's table printer. */
export const POD_WIDE_COLUMNS = [...POD_COLUMNS, 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] as const

/** The `kubectl get pod` row of a stored pod at `now` (epoch ms). */
export function getPodRow(pod: Pod, now: number): PodRow {
  const status = pod.status ?? {}
  const restartable = new Set(
    (pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name),
  )
  const total = pod.spec.containers.length + restartable.size
  let ready = 0
  let restarts = 0
  let sidecarRestarts = 0
  let lastRestart: number | null = null
  let lastSidecarRestart: number | null = null
  const later = (a: number | null, b: number | null): number | null =>
    b !== null && (a === null || b > a) ? b : a
  const finishedAt = (c: Obj): number | null =>
    parseTime(asObj(asObj(c['lastState'])?.['terminated'])?.['finishedAt'])

  const initStatuses = (status['initContainerStatuses'] as readonly Obj[] | undefined) ?? []
  let initializing = false
  for (const c of initStatuses) {
    const count = Number(c['restartCount'] ?? 0)
    restarts += count
    lastRestart = later(lastRestart, finishedAt(c))
    const sidecar = restartable.has(asStr(c['name']))
    if (sidecar) {
      sidecarRestarts += count
      lastSidecarRestart = later(lastSidecarRestart, finishedAt(c))
    }
    const terminated = asObj(asObj(c['state'])?.['terminated'])
    if (terminated && Number(terminated['exitCode'] ?? 0) === 0) continue
    if (sidecar && c['started'] === true) {
      if (c['ready'] === true) ready++
      continue
    }
    initializing = true
    break
  }
  const initialized = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True')
  if (!initializing || initialized) {
    restarts = sidecarRestarts
    lastRestart = lastSidecarRestart
    for (const c of (status.containerStatuses ?? []) as readonly Obj[]) {
      restarts += Number(c['restartCount'] ?? 0)
      lastRestart = later(lastRestart, finishedAt(c))
      const state = asObj(c['state'])
      const waiting = asStr(asObj(state?.['waiting'])?.['reason'])
      const terminated = asObj(state?.['terminated'])
      if (!waiting && !terminated && c['ready'] === true && asObj(state?.['running'])) ready++
    }
  }
  return {
    name: pod.metadata.name ?? '',
    ready: `${ready}/${total}`,
    status: podStatusColumn(pod),
    restarts:
      restarts !== 0 && lastRestart !== null
        ? `${restarts} (${timestampSince(lastRestart, now)} ago)`
        : String(restarts),
    age: timestampSince(parseTime(pod.metadata.creationTimestamp), now),
  }
}

/** The `kubectl get pod -o wide` row of a stored pod at `now` (epoch ms). */
export function getPodWideRow(pod: Pod, now: number): PodWideRow {
  const status = pod.status ?? {}
  const none = (v: string): string => (v === '' ? '<none>' : v)
  const gates = asArr(pod.spec['readinessGates'])
  let readinessGates = '<none>'
  if (gates.length > 0) {
    // printPod: for each gate, the first condition of its type counts when it is True.
    const conditions = status.conditions ?? []
    const trueGates = gates.filter((g) => {
      const type = asStr(asObj(g)?.['conditionType'])
      return conditions.find((c) => c.type === type)?.status === 'True'
    }).length
    readinessGates = `${trueGates}/${gates.length}`
  }
  return {
    ...getPodRow(pod, now),
    ip: none(status.podIPs?.[0]?.ip ?? ''),
    node: none(pod.spec.nodeName ?? ''),
    nominatedNode: none(asStr(status['nominatedNodeName'])),
    readinessGates,
  }
}

/** printPod's STATUS, with the SchedulingGated rule podDisplayStatus does not apply. */
function podStatusColumn(pod: Pod): string {
  const gated = (pod.status?.conditions ?? []).some(
    (c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated',
  )
  const noStatuses =
    (pod.status?.containerStatuses ?? []).length === 0 &&
    ((pod.status?.['initContainerStatuses'] as readonly unknown[] | undefined) ?? []).length === 0
  if (gated && noStatuses && !pod.metadata['deletionTimestamp']) return 'SchedulingGated'
  return podDisplayStatus(pod)
}

const cells = (row: PodRow): string => [row.name, row.ready, row.status, row.restarts, row.age].join('\t')
const wideCells = (row: PodWideRow): string =>
  [cells(row), row.ip, row.node, row.nominatedNode, row.readinessGates].join('\t')

/**
 * `kubectl get pod <name>…` (with `-o wide` when `wide`): one header, then a row per pod in the
 * order given, laid out by one tabwriter as kubectl prints the rows of one resource type together.
 * An empty list prints nothing (kubectl then says "No resources found" on stderr).
 */
export function getPodsTable(pods: readonly Pod[], now: number, wide = false): string {
  if (pods.length === 0) return ''
  const w = createTabWriter(GET_TABWRITER)
  w.write(`${(wide ? POD_WIDE_COLUMNS : POD_COLUMNS).join('\t')}\n`)
  for (const pod of pods)
    w.write(`${wide ? wideCells(getPodWideRow(pod, now)) : cells(getPodRow(pod, now))}\n`)
  w.flush()
  return w.output()
}

/** `kubectl get pod <name>`: the header and the pod's row, laid out. */
export function getPodTable(pod: Pod, now: number): string {
  return getPodsTable([pod], now)
}

/** `kubectl get pod <name> -o wide`: the header and the pod's wide row, laid out. */
export function getPodWideTable(pod: Pod, now: number): string {
  return getPodsTable([pod], now, true)
}

/**
 * The lines `kubectl get pod -w` prints while the timeline runs: the header,
 * then one row per watch event about the pod, aged at the instant of the event.
 *
 * Without `target`, the manifest's pod (`storyPod(frame)`) watched from before Enter:
 * every write of it to etcd is one event, the first its creation. With
 * `target`, `kubectl get pod <name> -w` started at Enter: kubectl first prints
 * the object it read (when it exists then), then one row per write; the watch's
 * synthetic ADDED event for a single object is not printed (get.go watch sets
 * outputObjects false for it).
 *
 * A deletion ends the pod's events with DELETED, whose object is the pod's last
 * stored state; kubectl prints it like any other event, so the final row
 * repeats the last state (get.go watch: printer.PrintObj(e.Object) for every
 * event type).
 */
export function getPodWatchLines(
  timeline: Timeline,
  startTime: number = DEFAULT_START_TIME,
  target?: PodRef,
): string[] {
  const w = createTabWriter(GET_TABWRITER)
  let emitted = 0
  let watchedKey = target ? podKey(target.namespace, target.name) : null
  let last: Pod | null = null
  const lines: string[] = []
  const print = (pod: Pod, at: number): void => {
    if (last === null) w.write(`${POD_COLUMNS.join('\t')}\n`)
    last = pod
    w.write(`${cells(getPodRow(pod, startTime + at))}\n`)
    w.flush()
    const text = w.output()
    lines.push(...text.slice(emitted).replace(/\n$/, '').split('\n'))
    emitted = text.length
  }
  if (target) {
    const atEnter = storedPodAt(timeline, -1, target)
    if (atEnter) print(atEnter, 0)
  }
  timeline.events.forEach((e, i) => {
    if (e.kind !== 'etcd.put' || !e.payload.key.startsWith('/registry/pods/')) return
    if (e.payload.what === 'deleted') {
      if (e.payload.key === watchedKey && last) print(last, e.at)
      return
    }
    const frame = timeline.frames[i]
    const pod = target ? storedPodAt(timeline, i, target) : frame ? storyPod(frame) : null
    if (!pod) return
    const key = podKey(pod.metadata.namespace ?? 'default', pod.metadata.name ?? '')
    if (e.payload.key !== key) return
    watchedKey = key
    print(pod, e.at)
  })
  return lines
}
