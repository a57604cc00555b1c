/**
 * The ending of a run that applied a Deployment: what its controller says of it (its Available and
 * Progressing conditions, as `kubectl rollout status` reads them), its pods' states, and the event
 * behind it. Upstream: kubectl pkg/polymorphichelpers/rollout_status.go (DeploymentStatusViewer) and
 * pkg/controller/deployment/progress.go for the conditions' reasons.
 */
import type { Deployment, ReplicaSet } from '../controllers/apps-types'
import type { Timeline } from '../protocol/timeline'
import type { World } from '../protocol/world'
import { podDisplayStatus } from '../model/pod-display-status'
import { controllerRefOf, workloadObjectsOf } from '../describe/workload-objects'
import { findLastEvent } from './ending-search'
import type { Ending, EndingCause } from './types'

/** The Deployment the manifest applied, as stored at the end, with its sets and pods; null when none. */
function appliedDeployment(timeline: Timeline, world: World) {
  for (const item of world.kubectlMemory?.items ?? []) {
    if (item.type !== 'object' || item.object['kind'] !== 'Deployment') continue
    const name = String((item.object['metadata'] as { name?: unknown } | undefined)?.name ?? '')
    const objects = workloadObjectsOf(world, timeline.cluster, item.namespace)
    const d = objects.deployments.find((x) => x.metadata.name === name)
    if (!d) continue
    const sets = objects.replicaSets.filter((rs) => controllerRefOf(rs)?.uid === d.metadata.uid)
    const uids = new Set(sets.map((rs) => rs.metadata.uid))
    const pods = objects.pods.filter((p) => uids.has(controllerRefOf(p)?.uid))
    return { d, sets, pods }
  }
  return null
}

const condition = (d: Deployment, type: 'Available' | 'Progressing') =>
  d.status?.conditions?.find((c) => c.type === type)

/** The last status write of the Deployment: where its conditions were set. */
function lastStatusWrite(timeline: Timeline, d: Deployment): number {
  const key = `/registry/deployments/${d.metadata.namespace ?? 'default'}/${d.metadata.name ?? ''}`
  return findLastEvent(timeline, (e) => e.kind === 'etcd.put' && e.payload.key === key)
}

export function workloadEnding(timeline: Timeline, world: World): Ending | null {
  const found = appliedDeployment(timeline, world)
  if (!found) return null
  const { d, sets, pods } = found
  const name = d.metadata.name ?? ''
  const desired = d.spec.replicas ?? 1
  const s = d.status ?? {}
  const progressing = condition(d, 'Progressing')
  const available = condition(d, 'Available')
  const newest = [...sets].sort((a, b) => revision(b) - revision(a))[0]
  const counts = `${s.readyReplicas ?? 0}/${desired} ready, ${s.updatedReplicas ?? 0} up to date, ${s.availableReplicas ?? 0} available`
  const states = pods.map((p) => `${p.metadata.name ?? ''} (${podDisplayStatus(p)})`).join(', ')
  const podsLine = pods.length ? ` Its pods: ${states}.` : ''
  const conditions = [available, progressing]
    .filter((c) => c !== undefined)
    .map((c) => `${c!.type}=${c!.status} (${c!.reason})`)
    .join(', ')
  const write = lastStatusWrite(timeline, d)
  const causes: EndingCause[] =
    write >= 0 ? [{ label: `deployment ${name}: ${conditions}`, eventIndex: write }] : []
  const warning = findLastEvent(timeline, (e) => e.kind === 'k8s.event' && e.payload.type === 'Warning')
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return {
      tone: 'rejected',
      headline: `deployment ${name} exceeded its progress deadline: ${counts}.`,
      explanation: `No replica became available within progressDeadlineSeconds (${d.spec.progressDeadlineSeconds ?? 600} s), so the deployment controller set Progressing=False; kubectl rollout status would now fail with: error: deployment "${name}" exceeded its progress deadline.${podsLine}`,
      message: progressing.message,
      causes: [
        ...causes,
        ...(warning >= 0 ? [{ label: 'the last Warning event', eventIndex: warning }] : []),
      ],
    }
  }
  const refused = findLastEvent(
    timeline,
    (e) => e.kind === 'k8s.event' && e.payload.reason === 'FailedCreate',
  )
  if (pods.length === 0 && refused >= 0) {
    const e = timeline.events[refused]!
    return {
      tone: 'rejected',
      headline: `deployment ${name} has no pods: the apiserver refuses every pod its ReplicaSet asks for (FailedCreate).`,
      explanation: `The Deployment and ReplicaSet ${newest?.metadata.name ?? ''} were stored, but each pod the replicaset controller creates is refused, so it records FailedCreate and tries again after a back-off that doubles each time.`,
      message: e.kind === 'k8s.event' ? e.payload.message : null,
      causes: [{ label: 'FailedCreate', eventIndex: refused }, ...causes],
    }
  }
  const complete = progressing?.reason === 'NewReplicaSetAvailable' && (s.updatedReplicas ?? 0) === desired
  if (complete && available?.status === 'True') {
    return {
      tone: 'accepted',
      headline: `deployment ${name} is rolled out: ${counts} (ReplicaSet ${newest?.metadata.name ?? ''}, revision ${revision(newest)}).`,
      explanation: `The deployment controller made ReplicaSet ${newest?.metadata.name ?? ''} for the pod template and the replicaset controller made its pods; every replica is updated and available, so Available and Progressing are both True.${podsLine}`,
      message: progressing.message,
      causes,
    }
  }
  const pending = pods.filter((p) => podDisplayStatus(p) === 'Pending')
  const failed = findLastEvent(
    timeline,
    (e) => e.kind === 'k8s.event' && e.payload.reason === 'FailedScheduling',
  )
  if (pending.length > 0 && failed >= 0) {
    const e = timeline.events[failed]!
    return {
      tone: 'waiting',
      headline: `deployment ${name} is still rolling out: ${counts}; ${pending.length} of its pods ${pending.length === 1 ? 'is' : 'are'} Pending (no node can run ${pending.length === 1 ? 'it' : 'them'}).`,
      explanation: `The replicaset controller made every pod it was asked for, but the scheduler found no node for ${pending.map((p) => p.metadata.name ?? '').join(', ')}.${conditions ? ` Its conditions: ${conditions}:` : ''} with maxUnavailable ${d.spec.strategy?.rollingUpdate?.maxUnavailable ?? '25%'} the Deployment can be Available while a pod waits.${podsLine}`,
      message: e.kind === 'k8s.event' ? e.payload.message : null,
      causes: [{ label: 'FailedScheduling', eventIndex: failed }, ...causes],
    }
  }
  return {
    tone: 'waiting',
    headline: `deployment ${name} is still rolling out: ${counts}.`,
    explanation: `${conditions ? `Its conditions: ${conditions}. ` : ''}The deployment controller waits for the pods of ReplicaSet ${newest?.metadata.name ?? ''} to become available.${podsLine}`,
    message: progressing?.message ?? null,
    causes: [...causes, ...(warning >= 0 ? [{ label: 'the last Warning event', eventIndex: warning }] : [])],
  }
}

function revision(rs: ReplicaSet | undefined): number {
  return Number.parseInt(rs?.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '0', 10) || 0
}
