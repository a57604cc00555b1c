/**
 * DELETE of an existing pod (the ones the cluster file holds), as preemption
 * sends it: graceful deletion sets deletionTimestamp and
 * deletionGracePeriodSeconds and stores the pod again; the kubelet on its node
 * stops the containers (Killing events), and the object is then removed, which
 * the scheduler sees as a watch DELETED event.
 * Upstream: staging/src/k8s.io/apiserver/pkg/registry/rest/delete.go (BeforeDelete),
 * pkg/kubelet/kuberuntime/kuberuntime_container.go (killContainer: "Stopping container")
 */
import type { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import { timestamp } from '../protocol/context'
import type { HttpRequest, ResponseAudit } from '../protocol/http'
import type { Json, KubeEvent } from '../protocol/events'
import type { EtcdState } from '../protocol/world'
import type { Pod, PodCondition } from '../model/objects'
import { respond } from './respond'
import { notFound } from './status'
import { etcdDelete, etcdStore, podKey } from '../etcd/store'
import { podDeletions } from '../etcd/objects'
import { notifyOwner } from '../etcd/write-pod'
import type { StageId } from '../protocol/stages'
import { EVENT, MSG_STOPPING } from '../kubelet/kubelet-messages'

/** How long a container takes to exit after SIGTERM in the simulation (ms). */
const STOP_MS = 800

const keyOf = (ns: string, name: string) => `${ns}/${name}`

export function findExistingPod(ctx: SimContext, ns: string, name: string): Pod | undefined {
  return ctx.cluster.pods.find((p) => p.metadata.name === name && (p.metadata.namespace ?? 'default') === ns)
}

/** Handles DELETE pods/<name> for a pod of the cluster file; false when it is not one (the caller answers). */
export function deleteExistingPod(
  w: StepWriter,
  ctx: SimContext,
  request: HttpRequest,
  ns: string,
  name: string,
  audit: ResponseAudit,
): boolean {
  const pod = findExistingPod(ctx, ns, name)
  if (!pod) return false
  const prior = podDeletions(w.world.etcd)?.[keyOf(ns, name)]
  if (prior?.state === 'Deleted') {
    respond(w, {
      request,
      code: 404,
      body: notFound('pods', name),
      audit,
      stage: 'scheduling',
      summary: `404 NotFound pods "${name}"`,
      narration: 'The pod is already gone.',
    })
    return true
  }
  // The chapter the deletion belongs to: preemption's (scheduling) or a controller's scale-down.
  const chapter: StageId = request.from === 'kube-controller-manager' ? 'controllers' : 'scheduling'
  const grace = Number(pod.spec['terminationGracePeriodSeconds'] ?? 30)
  const deletionTimestamp = prior?.deletionTimestamp ?? timestamp(ctx, ctx.at + grace * 1000)
  const etcdKey = podKey(ns, name)
  const node = pod.spec.nodeName ?? ''
  const { etcd, stored } = etcdStore(
    w.world.etcd,
    etcdKey,
    `Pod ${ns}/${name} (protobuf, terminating)`,
    (resourceVersion): Pod => ({
      ...pod,
      metadata: { ...pod.metadata, resourceVersion, deletionTimestamp, deletionGracePeriodSeconds: grace },
    }),
  )
  w.emit(
    {
      kind: 'etcd.put',
      component: 'etcd',
      from: 'kube-apiserver',
      to: 'etcd',
      stage: chapter,
      summary: `PUT ${etcdKey} (deletionTimestamp set) → revision ${etcd.revision}`,
      narration: `Graceful deletion: the apiserver does not remove ${name} at once. It sets deletionTimestamp (now + ${grace}s, the grace period) and stores the pod again; the kubelet on ${node} now stops its containers.`,
      payload: {
        key: etcdKey,
        revision: etcd.revision,
        createRevision: etcd.keys[etcdKey]!.createRevision,
        what: 'delete',
      },
    },
    // Terminating from here on: the stored pod has its deletionTimestamp (etcd/objects.ts podDeletions).
    { ...w.world, etcd },
  )
  respond(w, {
    request,
    code: 200,
    body: stored as unknown as Json,
    audit,
    stage: chapter,
    summary: `200 OK pods/${name} (terminating)`,
    narration: `The apiserver answers 200 with the pod, now terminating.`,
  })
  notifyOwner(w, stored, 'MODIFIED')
  if (!prior) {
    w.send(2, {
      to: 'kube-apiserver',
      type: 'continue',
      step: { phase: 'pod-deletion', stage: 'kill', pod: stored, chapter },
    })
    w.send(STOP_MS, {
      to: 'kube-apiserver',
      type: 'continue',
      step: { phase: 'pod-deletion', stage: 'remove', pod: stored, chapter },
    })
  }
  return true
}

function etcdRemove(state: EtcdState, key: string): EtcdState {
  return etcdDelete(state, key)
}

/** The two later steps of a graceful deletion: the kubelet's Killing events, then the object's removal. */
export function podDeletionStep(
  w: StepWriter,
  _ctx: SimContext,
  stage: 'kill' | 'remove',
  pod: Pod,
  chapter: StageId = 'scheduling',
): void {
  const ns = pod.metadata.namespace ?? 'default'
  const name = pod.metadata.name ?? ''
  const node = pod.spec.nodeName ?? ''
  if (stage === 'kill') {
    for (const c of pod.spec.containers) {
      const event: KubeEvent = {
        type: 'Normal',
        reason: EVENT.Killing,
        message: MSG_STOPPING(c.name),
        source: 'kubelet',
        host: node,
        object: `Pod/${name}`,
      }
      w.emit(
        {
          kind: 'k8s.event',
          component: 'kubelet',
          from: 'kubelet',
          to: 'kube-apiserver',
          stage: chapter,
          summary: `Normal Killing: ${event.message}`,
          narration: `The kubelet on ${node} sees the deletionTimestamp and stops container ${c.name} of ${name} (SIGTERM, then SIGKILL when the grace period ends).`,
          payload: event,
        },
        { ...w.world, events: w.world.events.append(event) },
      )
    }
    return
  }
  const etcdKey = podKey(ns, name)
  const etcd = etcdRemove(w.world.etcd, etcdKey)
  const key = keyOf(ns, name)
  w.emit(
    {
      kind: 'etcd.put',
      component: 'etcd',
      from: 'kube-apiserver',
      to: 'etcd',
      stage: chapter,
      summary: `DELETE ${etcdKey} → revision ${etcd.revision}`,
      narration: `Its containers have stopped, so the kubelet confirms the deletion (grace period 0) and the apiserver removes ${name} from etcd. Its node's resources are free again.`,
      payload: { key: etcdKey, revision: etcd.revision, createRevision: 0, what: 'deleted' },
    },
    // Deleted from here on: its key is gone.
    { ...w.world, etcd },
  )
  w.send(1, { to: 'kube-scheduler', type: 'pod-deleted', key, node })
  notifyOwner(w, pod, 'DELETED')
}

/**
 * PATCH pods/<name>/status for a pod of the cluster file: preemption's DisruptionTarget condition on a
 * victim (the scheduler's util.PatchPodStatus). Stored as a new revision and answered with the pod.
 */
export function patchExistingPodStatus(
  w: StepWriter,
  ctx: SimContext,
  request: HttpRequest,
  ns: string,
  name: string,
  audit: ResponseAudit,
): boolean {
  const pod = findExistingPod(ctx, ns, name)
  if (!pod || podDeletions(w.world.etcd)?.[keyOf(ns, name)]?.state === 'Deleted') return false
  const patch = (request.body ?? {}) as { status?: { conditions?: PodCondition[] } }
  const added = patch.status?.conditions ?? []
  const conditions = [
    ...(pod.status?.conditions ?? []).filter((c) => !added.some((a) => a.type === c.type)),
    ...added,
  ]
  const etcdKey = podKey(ns, name)
  const { etcd, stored } = etcdStore(w.world.etcd, etcdKey, `Pod ${ns}/${name} (protobuf)`, {
    ...pod,
    status: { ...pod.status, conditions },
  })
  w.emit(
    {
      kind: 'etcd.put',
      component: 'etcd',
      from: 'kube-apiserver',
      to: 'etcd',
      stage: 'scheduling',
      summary: `PUT ${etcdKey} (status) → revision ${etcd.revision}`,
      narration: `The apiserver stores ${name} with its new condition${added.length === 1 ? '' : 's'} (${added.map((c) => c.type).join(', ')}).`,
      payload: {
        key: etcdKey,
        revision: etcd.revision,
        createRevision: etcd.keys[etcdKey]!.createRevision,
        what: 'status',
      },
    },
    { ...w.world, etcd },
  )
  respond(w, {
    request,
    code: 200,
    body: stored as unknown as Json,
    audit,
    stage: 'scheduling',
    summary: `200 OK pods/${name}/status`,
    narration: 'The apiserver answers 200 with the updated pod.',
  })
  return true
}
