/**
 * `kubectl describe deployment <name>` as kubectl v1.34 prints it, reimplemented from
 * kubernetes/kubectl pkg/describe/describe.go (DeploymentDescriber.Describe, describeDeployment,
 * printReplicaSetsByLabels) and pkg/util/deployment/deployment.go (GetAllReplicaSetsInChunks: the
 * sets listed by the Deployment's selector and controlled by it, sorted by creation time then name;
 * the new one is the oldest whose template equals the Deployment's ignoring pod-template-hash; the
 * old ones, all the others, are printed whatever their replicas) at v0.34.
 */
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../controllers/apps-types'
import { POD_TEMPLATE_HASH } from '../controllers/apps-types'
import { matchesSelector, toSelector } from '../model/label-selector'
import type { Timeline } from '../protocol/timeline'
import { DEFAULT_START_TIME } from '../simulate'
import { describeEvents } from './describe-pod'
import { printAnnotationsMultiline, printLabelsMultiline } from './describe-metadata'
import { describePodTemplate } from './describe-pod-template'
import { recordEvents, type EventOccurrence, type EventRecord } from './event-records'
import { intOrString } from './get-workloads'
import { compareStrings, tabbedString } from './prefix-writer'
import { formatRFC1123Z, parseTime, ZERO_TIME_RFC1123Z } from './time-format'
import { controllerRefOf, desiredReplicas, workloadObjectsOf } from './workload-objects'
import { labelSelectorString } from './workload-selector'
import { worldAt } from './stored-pod'

/** apiequality.Semantic.DeepEqual on JSON: an absent field, an empty list and an empty map are equal. */
function semanticEqual(a: unknown, b: unknown): boolean {
  const empty = (v: unknown): boolean =>
    v === undefined ||
    v === null ||
    (Array.isArray(v) && v.length === 0) ||
    (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0)
  if (empty(a) && empty(b)) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((x, i) => semanticEqual(x, b[i]))
  }
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    const ao = a as Record<string, unknown>
    const bo = b as Record<string, unknown>
    return [...new Set([...Object.keys(ao), ...Object.keys(bo)])].every((k) => semanticEqual(ao[k], bo[k]))
  }
  return a === b
}

/** EqualIgnoreHash: the templates without their pod-template-hash label. */
function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  const strip = (t: PodTemplateSpec) => {
    const { [POD_TEMPLATE_HASH]: _hash, ...labels } = t.metadata?.labels ?? {}
    return { ...t, metadata: { ...t.metadata, labels } }
  }
  return semanticEqual(strip(a), strip(b))
}

/** The Deployment's sets: old ones (oldest first) and the new one, or none. */
export function replicaSetsOfDeployment(
  d: Deployment,
  replicaSets: readonly ReplicaSet[],
): { readonly old: readonly ReplicaSet[]; readonly new: ReplicaSet | null } {
  const selector = toSelector(d.spec.selector)
  const owned = replicaSets
    .filter(
      (rs) =>
        (rs.metadata.namespace ?? 'default') === (d.metadata.namespace ?? 'default') &&
        matchesSelector(selector, rs.metadata.labels) &&
        controllerRefOf(rs)?.uid === d.metadata.uid,
    )
    .sort((a, b) => {
      const ta = parseTime(a.metadata.creationTimestamp) ?? 0
      const tb = parseTime(b.metadata.creationTimestamp) ?? 0
      return ta !== tb ? ta - tb : compareStrings(a.metadata.name ?? '', b.metadata.name ?? '')
    })
  const newRS = owned.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template)) ?? null
  return { old: owned.filter((rs) => rs !== newRS), new: newRS }
}

/** printReplicaSetsByLabels: `name (current/desired replicas created)`, comma-separated, or `<none>`. */
function printReplicaSets(sets: readonly ReplicaSet[]): string {
  const list = sets
    .map(
      (rs) =>
        `${rs.metadata.name ?? ''} (${rs.status?.replicas ?? 0}/${desiredReplicas(rs)} replicas created)`,
    )
    .join(', ')
  return list === '' ? '<none>' : list
}

/** The describe text of a stored Deployment, its sets and its Event objects (null: no Events section), at `now`. */
export function describeDeploymentText(
  d: Deployment,
  sets: { readonly old: readonly ReplicaSet[]; readonly new: ReplicaSet | null },
  events: readonly EventRecord[] | null,
  now: number,
): string {
  return tabbedString((w) => {
    const status = d.status ?? {}
    w.write(0, `Name:\t${d.metadata.name ?? ''}\n`)
    w.write(0, `Namespace:\t${d.metadata.namespace ?? ''}\n`)
    const created = parseTime(d.metadata.creationTimestamp)
    w.write(0, `CreationTimestamp:\t${created === null ? ZERO_TIME_RFC1123Z : formatRFC1123Z(created)}\n`)
    printLabelsMultiline(w, 'Labels', d.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations)
    w.write(0, `Selector:\t${labelSelectorString(d.spec.selector) ?? ''}\n`)
    w.write(
      0,
      `Replicas:\t${desiredReplicas(d)} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ` +
        `${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    )
    w.write(0, `StrategyType:\t${d.spec.strategy?.type ?? ''}\n`)
    w.write(0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`)
    const ru = d.spec.strategy?.rollingUpdate
    if (ru)
      w.write(
        0,
        `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`,
      )
    describePodTemplate(d.spec.template, w)
    const conditions = status.conditions ?? []
    if (conditions.length > 0) {
      w.write(0, 'Conditions:\n  Type\tStatus\tReason\n')
      w.write(1, '----\t------\t------\n')
      for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason}\n`)
    }
    if (sets.old.length > 0 || sets.new) {
      w.write(0, `OldReplicaSets:\t${printReplicaSets(sets.old)}\n`)
      w.write(0, `NewReplicaSet:\t${printReplicaSets(sets.new ? [sets.new] : [])}\n`)
    }
    if (events) describeEvents(events, now, w)
  })
}

/** Every Event recorded about `<kind>/<name>` up to and including `timeline.events[index]`, with its wall-clock time. */
export function objectEventOccurrences(
  timeline: Timeline,
  index: number,
  object: string,
  startTime: number = DEFAULT_START_TIME,
): EventOccurrence[] {
  const out: EventOccurrence[] = []
  for (const e of timeline.events.slice(0, index + 1))
    if (e.kind === 'k8s.event' && e.payload.object === object)
      out.push({ event: e.payload, at: startTime + e.at })
  return out
}

export interface DescribeWorkloadOptions {
  /** Wall-clock instant of Enter (epoch ms); DEFAULT_START_TIME when absent. */
  readonly startTime?: number
  /** The Deployment's namespace; kubectl's context namespace (`default`) when absent. */
  readonly namespace?: string
}

/**
 * What `kubectl describe deployment <name>` prints right after `timeline.events[index]` (-1: at
 * Enter), run at that event's instant, or null while no such Deployment is stored (kubectl would
 * answer NotFound).
 */
export function describeDeploymentAt(
  timeline: Timeline,
  index: number,
  name: string,
  options: DescribeWorkloadOptions = {},
): string | null {
  const world = worldAt(timeline, index)
  const namespace = options.namespace ?? world.kubectlMemory?.namespace ?? 'default'
  const objects = workloadObjectsOf(world, timeline.cluster, namespace)
  const d = objects.deployments.find((x) => x.metadata.name === name)
  if (!d) return null
  const startTime = options.startTime ?? DEFAULT_START_TIME
  const now = startTime + (timeline.events[index]?.at ?? 0)
  const events = recordEvents(objectEventOccurrences(timeline, index, `Deployment/${name}`, startTime))
  return describeDeploymentText(d, replicaSetsOfDeployment(d, objects.replicaSets), events, now)
}

/** `kubectl describe deployment` of every Deployment of the namespace (kubectl describes them in list order), at that event's instant. */
export function describeDeploymentsAt(
  timeline: Timeline,
  index: number,
  options: DescribeWorkloadOptions = {},
): { readonly name: string; readonly namespace: string; readonly text: string }[] {
  const world = worldAt(timeline, index)
  const namespace = options.namespace ?? world.kubectlMemory?.namespace ?? 'default'
  return workloadObjectsOf(world, timeline.cluster, namespace).deployments.flatMap((d) => {
    const name = d.metadata.name ?? ''
    const text = describeDeploymentAt(timeline, index, name, { ...options, namespace })
    return text === null ? [] : [{ name, namespace, text }]
  })
}
