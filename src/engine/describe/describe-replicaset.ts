/**
 * `kubectl describe replicaset <name>` as kubectl v1.34 prints it, reimplemented from
 * kubernetes/kubectl pkg/describe/describe.go (ReplicaSetDescriber.Describe, describeReplicaSet,
 * getPodStatusForController, printController) at v0.34. Pods Status counts the pods that match the
 * set's selector and whose controller ownerReference is the set (by uid), by phase; a pod in another
 * phase (Unknown) counts nowhere.
 */
import type { ReplicaSet } from '../controllers/apps-types'
import { matchesSelector, toSelector } from '../model/label-selector'
import type { Pod } from '../model/objects'
import type { Timeline } from '../protocol/timeline'
import { DEFAULT_START_TIME } from '../simulate'
import { describeEvents } from './describe-pod'
import { printAnnotationsMultiline, printLabelsMultiline } from './describe-metadata'
import { describePodTemplate } from './describe-pod-template'
import { objectEventOccurrences, type DescribeWorkloadOptions } from './describe-deployment'
import { recordEvents, type EventRecord } from './event-records'
import { asObj, asStr, tabbedString } from './prefix-writer'
import { worldAt } from './stored-pod'
import { controllerRefOf, desiredReplicas, workloadObjectsOf } from './workload-objects'
import { formatLabelSelector } from './workload-selector'

export interface PodPhaseCounts {
  readonly running: number
  readonly waiting: number
  readonly succeeded: number
  readonly failed: number
}

/** getPodStatusForController: the set's own pods (selector and controller uid) by phase. */
export function podStatusForController(rs: ReplicaSet, pods: readonly Pod[]): PodPhaseCounts {
  const selector = toSelector(rs.spec.selector)
  const counts = { running: 0, waiting: 0, succeeded: 0, failed: 0 }
  for (const pod of pods) {
    if ((pod.metadata.namespace ?? 'default') !== (rs.metadata.namespace ?? 'default')) continue
    if (!matchesSelector(selector, pod.metadata.labels)) continue
    if (controllerRefOf(pod)?.uid !== rs.metadata.uid) continue
    switch (pod.status?.phase) {
      case 'Running':
        counts.running++
        break
      case 'Pending':
        counts.waiting++
        break
      case 'Succeeded':
        counts.succeeded++
        break
      case 'Failed':
        counts.failed++
        break
      default:
        break
    }
  }
  return counts
}

/** The describe text of a stored ReplicaSet, its pods' phases and its Event objects (null: no Events section), at `now`. */
export function describeReplicaSetText(
  rs: ReplicaSet,
  pods: PodPhaseCounts,
  events: readonly EventRecord[] | null,
  now: number,
): string {
  return tabbedString((w) => {
    w.write(0, `Name:\t${rs.metadata.name ?? ''}\n`)
    w.write(0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`)
    w.write(0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`)
    printLabelsMultiline(w, 'Labels', rs.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations)
    const controller = controllerRefOf(rs)
    if (controller) w.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`)
    w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${desiredReplicas(rs)} desired\n`)
    w.write(0, 'Pods Status:\t')
    w.write(
      0,
      `${pods.running} Running / ${pods.waiting} Waiting / ${pods.succeeded} Succeeded / ${pods.failed} Failed\n`,
    )
    describePodTemplate(rs.spec.template, w)
    const conditions = rs.status?.conditions ?? []
    if (conditions.length > 0) {
      w.write(0, 'Conditions:\n  Type\tStatus\tReason\n')
      w.write(1, '----\t------\t------\n')
      for (const raw of conditions) {
        const c = asObj(raw) ?? {}
        w.write(1, `${asStr(c['type'])} \t${asStr(c['status'])}\t${asStr(c['reason'])}\n`)
      }
    }
    if (events) describeEvents(events, now, w)
  })
}

/**
 * What `kubectl describe replicaset <name>` prints right after `timeline.events[index]` (-1: at
 * Enter), run at that event's instant, or null while no such ReplicaSet is stored.
 */
export function describeReplicaSetAt(
  timeline: Timeline,
  index: number,
  name: string,
  options: DescribeWorkloadOptions = {},
): string | null {
  const world = worldAt(timeline, index)
  const namespace = options.namespace ?? world.kubectlMemory?.namespace ?? 'default'
  const objects = workloadObjectsOf(world, timeline.cluster, namespace)
  const rs = objects.replicaSets.find((x) => x.metadata.name === name)
  if (!rs) return null
  const startTime = options.startTime ?? DEFAULT_START_TIME
  const now = startTime + (timeline.events[index]?.at ?? 0)
  const events = recordEvents(objectEventOccurrences(timeline, index, `ReplicaSet/${name}`, startTime))
  return describeReplicaSetText(rs, podStatusForController(rs, objects.pods), events, now)
}
