/**
 * `kubectl describe pod <name>` as kubectl v1.34 prints it, reimplemented from
 * kubernetes/kubectl pkg/describe/describe.go (describePod, DescribeEvents,
 * printLabelsMultiline, printAnnotationsMultiline,
 * printTolerationsMultilineWithIndent) at v0.34. Pure: the text depends only
 * on the stored pod, its Event objects and the instant kubectl runs.
 *
 * kubectl ≤1.34 prints container events without the `spec.containers{name}: `
 * prefix that later versions add (PR #133627), and shows only the component in
 * From, not the host.
 */
import { storyPod } from '../protocol/pods'
import type { Container, Pod, Toleration } from '../model/objects'
import { podQOSClass } from '../model/qos'
import type { Timeline } from '../protocol/timeline'
import { DEFAULT_START_TIME } from '../simulate'
import { describeContainers, describeResources } from './describe-containers'
import { printAnnotationsMultiline, printLabelsMultiline } from './describe-metadata'
import { describeVolumes } from './describe-volumes'
import { recordEvents, type EventOccurrence, type EventRecord } from './event-records'
import { asArr, asObj, asStr, compareStrings, tabbedString, type PrefixWriter } from './prefix-writer'
import { formatRFC1123Z, parseTime, timestampSince } from './time-format'

export interface DescribeOptions {
  /** Wall-clock instant of Enter (epoch ms) the timeline was simulated with; DEFAULT_START_TIME when absent. */
  readonly startTime?: number
}

/**
 * What `kubectl describe pod` prints right after `timeline.events[index]`, or
 * null while no pod is stored (kubectl would answer NotFound).
 *
 * @example describePod(timeline, timeline.events.length - 1)
 */
export function describePod(timeline: Timeline, index: number, options: DescribeOptions = {}): string | null {
  const frame = timeline.frames[index]
  const pod = frame ? storyPod(frame) : null
  if (!pod) return null
  const startTime = options.startTime ?? DEFAULT_START_TIME
  const now = startTime + timeline.events[index]!.at
  return describePodAt(pod, recordEvents(podEventOccurrences(timeline, index, pod, startTime)), now)
}

/** Every Event recorded about `pod` up to and including `timeline.events[index]`, with its wall-clock time. */
export function podEventOccurrences(
  timeline: Timeline,
  index: number,
  pod: Pod,
  startTime: number = DEFAULT_START_TIME,
): EventOccurrence[] {
  const object = `Pod/${pod.metadata.name ?? ''}`
  const out: EventOccurrence[] = []
  for (const e of timeline.events.slice(0, index + 1)) {
    if (e.kind === 'k8s.event' && e.payload.object === object)
      out.push({ event: e.payload, at: startTime + e.at })
  }
  return out
}

/** The describe text of a stored pod with its Event objects, at `now` (epoch ms). */
export function describePodAt(pod: Pod, events: readonly EventRecord[] | null, now: number): string {
  return tabbedString((w) => {
    const spec = pod.spec
    const status = pod.status ?? {}
    w.write(0, `Name:\t${pod.metadata.name ?? ''}\n`)
    w.write(0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`)
    if (typeof spec.priority === 'number') w.write(0, `Priority:\t${spec.priority}\n`)
    if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`)
    if (asStr(spec['runtimeClassName']))
      w.write(0, `Runtime Class Name:\t${asStr(spec['runtimeClassName'])}\n`)
    if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`)
    w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n')
    const started = parseTime(status.startTime)
    if (started !== null) w.write(0, `Start Time:\t${formatRFC1123Z(started)}\n`)
    printLabelsMultiline(w, 'Labels', pod.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations)
    const deletion = parseTime(pod.metadata['deletionTimestamp'])
    if (deletion !== null && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(0, `Status:\tTerminating (lasts ${timestampSince(deletion, now)})\n`)
      w.write(0, `Termination Grace Period:\t${asStr(pod.metadata['deletionGracePeriodSeconds'])}s\n`)
    } else {
      w.write(0, `Status:\t${status.phase ?? ''}\n`)
    }
    if (asStr(status['reason'])) w.write(0, `Reason:\t${asStr(status['reason'])}\n`)
    if (asStr(status['message'])) w.write(0, `Message:\t${asStr(status['message'])}\n`)
    const seccomp = asObj(asObj(spec['securityContext'])?.['seccompProfile'])
    if (seccomp) {
      w.write(0, `SeccompProfile:\t${asStr(seccomp['type'])}\n`)
      if (seccomp['type'] === 'Localhost')
        w.write(0, `LocalhostProfile:\t${asStr(seccomp['localhostProfile'])}\n`)
    }
    w.write(0, `IP:\t${status.podIP ?? ''}\n`)
    const podIPs = status.podIPs ?? []
    if (podIPs.length === 0) w.write(0, 'IPs:\t<none>\n')
    else {
      w.write(0, 'IPs:\n')
      for (const ip of podIPs) w.write(1, `IP:\t${ip.ip}\n`)
    }
    const controller = asArr(pod.metadata['ownerReferences'])
      .map((r) => asObj(r) ?? {})
      .find((r) => r['controller'] === true)
    if (controller) w.write(0, `Controlled By:\t${asStr(controller['kind'])}/${asStr(controller['name'])}\n`)
    if (asStr(status['nominatedNodeName']))
      w.write(0, `NominatedNodeName:\t${asStr(status['nominatedNodeName'])}\n`)
    const podResources = asObj(spec['resources'])
    if (podResources) {
      w.write(0, 'Resources:\n')
      describeResources(podResources, w, 1)
    }
    const initContainers = spec.initContainers ?? []
    if (initContainers.length > 0) {
      describeContainers('Init Containers', initContainers, asArr(status['initContainerStatuses']), pod, w)
    }
    describeContainers('Containers', spec.containers, status.containerStatuses ?? [], pod, w)
    const ephemeral = asArr(spec['ephemeralContainers']) as readonly Container[]
    if (ephemeral.length > 0) {
      // The EphemeralContainerCommon part, as a Container (targetContainerName is not printed).
      describeContainers(
        'Ephemeral Containers',
        ephemeral,
        asArr(status['ephemeralContainerStatuses']),
        pod,
        w,
      )
    }
    describeReadinessGates(pod, w)
    const conditions = status.conditions ?? []
    if (conditions.length > 0) {
      w.write(0, 'Conditions:\n  Type\tStatus\n')
      for (const c of conditions) w.write(1, `${c.type} \t${c.status} \n`)
    }
    describeVolumes(spec.volumes ?? [], w)
    w.write(0, `QoS Class:\t${status.qosClass || podQOSClass(pod)}\n`)
    printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector)
    printTolerations(w, spec.tolerations ?? [])
    describeTopologySpread(asArr(spec['topologySpreadConstraints']), w)
    if (events) describeEvents(events, now, w)
  })
}

function describeReadinessGates(pod: Pod, w: PrefixWriter): void {
  const gates = asArr(pod.spec['readinessGates'])
  if (gates.length === 0) return
  w.write(0, 'Readiness Gates:\n  Type\tStatus\n')
  for (const g of gates) {
    const type = asStr(asObj(g)?.['conditionType'])
    const condition = (pod.status?.conditions ?? []).find((c) => c.type === type)
    w.write(1, `${type} \t${condition?.status ?? '<none>'} \n`)
  }
}

/**
 * printTolerationsMultilineWithIndent: `key=value:Effect op=Exists for 300s`, sorted by key. The pod
 * template's section titles it with its two-space indent (`  Tolerations`).
 */
export function printTolerations(
  w: PrefixWriter,
  tolerations: readonly Toleration[],
  title = 'Tolerations',
): void {
  w.write(0, `${title}:\t`)
  if (tolerations.length === 0) {
    w.writeLine('<none>')
    return
  }
  const sorted = [...tolerations].sort((a, b) => compareStrings(a.key ?? '', b.key ?? ''))
  sorted.forEach((t, i) => {
    if (i > 0) w.write(0, '\t')
    let line = t.key ?? ''
    if (t.value) line += `=${t.value}`
    if (t.effect) line += `:${t.effect}`
    if (t.operator === 'Exists' && !t.value) line += t.key || t.effect ? ' op=Exists' : 'op=Exists'
    if (typeof t.tolerationSeconds === 'number') line += ` for ${t.tolerationSeconds}s`
    w.write(0, `${line}\n`)
  })
}

/** describeTopologySpreadConstraints (label selectors shown as matchLabels only). */
function describeTopologySpread(constraints: readonly unknown[], w: PrefixWriter): void {
  if (constraints.length === 0) return
  const sorted = constraints
    .map((c) => asObj(c) ?? {})
    .sort((a, b) => compareStrings(asStr(a['topologyKey']), asStr(b['topologyKey'])))
  w.write(0, 'Topology Spread Constraints:\t')
  sorted.forEach((c, i) => {
    if (i > 0) w.write(0, '\t')
    let line = `${asStr(c['topologyKey'])}:${asStr(c['whenUnsatisfiable'])} when max skew ${asStr(c['maxSkew'])} is exceeded`
    const labels = asObj(asObj(c['labelSelector'])?.['matchLabels'])
    if (labels) {
      const selector = Object.keys(labels)
        .sort(compareStrings)
        .map((k) => `${k}=${asStr(labels[k])}`)
        .join(',')
      line += ` for selector ${selector}`
    }
    w.write(0, `${line}\n`)
  })
}

/**
 * DescribeEvents: flush first (the table's columns are its own), sort by
 * lastTimestamp (events.k8s.io/v1 events have none, so they come first), and
 * fold repeats into `<last> (xN over <first>)`.
 */
export function describeEvents(events: readonly EventRecord[], now: number, w: PrefixWriter): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n')
    return
  }
  w.flush()
  const sorted = [...events].sort((a, b) => (a.lastTimestamp ?? -Infinity) - (b.lastTimestamp ?? -Infinity))
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(1, '----\t------\t----\t----\t-------\n')
  for (const e of sorted) {
    const first =
      e.eventTime !== null ? timestampSince(e.eventTime, now) : timestampSince(e.firstTimestamp, now)
    const age = e.series
      ? `${timestampSince(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`
      : e.count > 1
        ? `${timestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`
        : first
    w.write(1, `${e.type}\t${e.reason}\t${age}\t${e.from}\t${e.message.trim()}\n`)
  }
}
