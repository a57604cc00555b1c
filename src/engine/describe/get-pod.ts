/**
 * `kubectl get pod` and `kubectl get pod -w` as kubectl v1.34 prints them.
 * The row is what the apiserver's table printer computes
 * (kubernetes/kubernetes pkg/printers/internalversion/printers.go printPod);
 * kubectl lays it out with cli-runtime's tabwriter (minwidth 6, padding 3,
 * RememberWidths) and, when watching, flushes after every event, so columns
 * only ever grow (pkg/cmd/get/get.go watch).
 */
import { storyPod } from '../protocol/pods'
import type { Pod } from '../model/objects'
import { podDisplayStatus } from '../model/pod-display-status'
import type { Timeline } from '../protocol/timeline'
import { DEFAULT_START_TIME } from '../simulate'
import { asObj, asStr, type Obj } from './prefix-writer'
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

/** `kubectl get pod <name>`: the header and the pod's row, laid out. */
export function getPodTable(pod: Pod, now: number): string {
  const w = createTabWriter(GET_TABWRITER)
  w.write(`${POD_COLUMNS.join('\t')}\n${cells(getPodRow(pod, now))}\n`)
  w.flush()
  return w.output()
}

/**
 * The lines `kubectl get pod -w` prints while the timeline runs: the header,
 * then one row per write of the pod to etcd (each write is one watch event),
 * aged at the instant of the write. Line i + 1 belongs to the i-th write.
 */
export function getPodWatchLines(timeline: Timeline, startTime: number = DEFAULT_START_TIME): string[] {
  const w = createTabWriter(GET_TABWRITER)
  let header = true
  let emitted = 0
  const lines: string[] = []
  timeline.events.forEach((e, i) => {
    if (e.kind !== 'etcd.put' || !e.payload.key.startsWith('/registry/pods/')) return
    const frame = timeline.frames[i]
    const pod = frame ? storyPod(frame) : null
    if (
      !pod ||
      e.payload.key !== `/registry/pods/${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`
    )
      return
    if (header) w.write(`${POD_COLUMNS.join('\t')}\n`)
    header = false
    w.write(`${cells(getPodRow(pod, startTime + e.at))}\n`)
    w.flush()
    const text = w.output()
    lines.push(...text.slice(emitted).replace(/\n$/, '').split('\n'))
    emitted = text.length
  })
  return lines
}
