/**
 * kube-scheduler as a component: it learns of an unscheduled pod through its
 * watch, runs one scheduling cycle, and binds the pod by POSTing a Binding to
 * the apiserver (it never writes to etcd itself). An unschedulable pod gets a
 * FailedScheduling event and a PodScheduled=False condition, and is retried
 * when it has waited in the unschedulable queue for 5 minutes.
 * Upstream: pkg/scheduler/schedule_one.go, pkg/scheduler/backend/queue/scheduling_queue.go
 */
import type { Step } from '../sim/step'
import { StepWriter } from '../sim/step'
import type { SimContext } from '../sim/context'
import { timestamp } from '../sim/context'
import type { World } from '../sim/world'
import type { HttpRequest } from '../sim/events'
import type { Message } from '../sim/messages'
import type { Pod } from '../model/objects'
import { buildNodeInfo } from './framework/node-info'
import { scheduleOne } from './framework/run'
import { DEFAULT_PROFILE } from './framework/profile'
import type { NodeInfo } from './framework/types'
import type { Cluster } from '../model/cluster'

type SchedulerMessage = Extract<Message, { to: 'kube-scheduler' }>

/** podMaxInUnschedulablePodsDuration, flushed by a loop every 30 s. */
const UNSCHEDULABLE_RETRY_MS = 5 * 60 * 1000
const FLUSH_PERIOD_MS = 30 * 1000
const SCHEDULER_SUBJECT = 'CN=system:kube-scheduler'

export function schedulerStep(world: World, msg: SchedulerMessage, ctx: SimContext): Step {
  const w = new StepWriter(world)
  switch (msg.type) {
    case 'watch':
      if (
        msg.watchType === 'ADDED' &&
        !msg.pod.spec.nodeName &&
        (msg.pod.spec.schedulerName ?? 'default-scheduler') === DEFAULT_PROFILE.schedulerName
      ) {
        w.send(1, { to: 'kube-scheduler', type: 'schedule', pod: msg.pod })
      }
      break
    case 'schedule':
      schedule(w, ctx, msg.pod)
      break
    case 'response':
      onBindResponse(w, msg.pod, msg.node, msg.response.code)
      break
    default:
      msg satisfies never
  }
  return w.done()
}

export function snapshotNodes(cluster: Cluster): NodeInfo[] {
  const byNode = new Map<string, Pod[]>()
  for (const p of cluster.pods) {
    const n = p.spec.nodeName
    if (!n) continue
    const phase = p.status?.phase
    if (phase === 'Succeeded' || phase === 'Failed') continue
    const list = byNode.get(n) ?? []
    list.push(p)
    byNode.set(n, list)
  }
  return cluster.nodes.map((node) => buildNodeInfo(node, byNode.get(node.metadata.name ?? '') ?? []))
}

function schedule(w: StepWriter, ctx: SimContext, pod: Pod): void {
  const current = w.world.pod
  if (!current || current.spec.nodeName) return
  const nodes = snapshotNodes(ctx.cluster)
  const out = scheduleOne({
    pod: current,
    nodes,
    profile: DEFAULT_PROFILE,
    rng: w.world.rng,
    nextStartNodeIndex: w.world.schedulerStartIndex,
  })
  w.update({ ...w.world, rng: out.rng, schedulerStartIndex: out.nextStartNodeIndex })
  const r = out.result
  const feasible = r.nodes.filter((n) => n.filter.passed).length
  w.emit({
    kind: 'scheduler.cycle',
    component: 'kube-scheduler',
    stage: 'scheduling',
    summary: r.selected
      ? `${feasible}/${nodes.length} nodes feasible; selected ${r.selected}`
      : `0/${nodes.length} nodes feasible`,
    narration: r.selected
      ? `The scheduler filters the ${nodes.length} nodes (${feasible} fit), scores the feasible ones with its plugins and picks ${r.selected} (${r.tieBreak}).`
      : `No node passes the filters. ${r.message}`,
    payload: r,
  })
  const name = pod.metadata.name ?? ''
  const ns = pod.metadata.namespace ?? 'default'
  if (r.selected) {
    const request: HttpRequest = {
      id: w.world.nextRequestId,
      from: 'kube-scheduler',
      method: 'POST',
      path: `/api/v1/namespaces/${ns}/pods/${name}/binding`,
      query: {},
      headers: {
        Accept: 'application/vnd.kubernetes.protobuf, */*',
        'Content-Type': 'application/vnd.kubernetes.protobuf',
        'User-Agent': 'kube-scheduler/v1.34.0 (linux/amd64) kubernetes/f28b4c9/scheduler',
        'X-Podlife-Client-Subject': SCHEDULER_SUBJECT,
      },
      body: {
        kind: 'Binding',
        apiVersion: 'v1',
        metadata: { name, namespace: ns, uid: current.metadata.uid ?? '' },
        target: { kind: 'Node', name: r.selected },
      },
    }
    w.update({ ...w.world, nextRequestId: request.id + 1 })
    w.emit({
      kind: 'http.request',
      component: 'kube-scheduler',
      from: 'kube-scheduler',
      to: 'kube-apiserver',
      stage: 'scheduling',
      summary: `POST ${request.path} → ${r.selected}`,
      narration: `The DefaultBinder plugin binds the pod: it POSTs a Binding object naming node ${r.selected} to the pod's binding subresource. The scheduler never writes spec.nodeName itself.`,
      payload: request,
    })
    w.send(1, { to: 'kube-apiserver', type: 'request', request })
    return
  }
  w.emit(
    {
      kind: 'k8s.event',
      component: 'kube-scheduler',
      from: 'kube-scheduler',
      to: 'kube-apiserver',
      stage: 'scheduling',
      summary: `Warning FailedScheduling: ${r.message}`,
      narration:
        'The scheduler records a FailedScheduling event and marks the pod PodScheduled=False. The pod stays Pending and waits in the unschedulable queue until the cluster changes, or for 5 minutes.',
      payload: {
        type: 'Warning',
        reason: 'FailedScheduling',
        message: r.message,
        source: 'default-scheduler',
        object: `Pod/${name}`,
      },
    },
    {
      ...w.world,
      events: [
        ...w.world.events,
        {
          type: 'Warning',
          reason: 'FailedScheduling',
          message: r.message,
          source: 'default-scheduler',
          object: `Pod/${name}`,
        },
      ],
      pod: {
        ...current,
        status: {
          ...current.status,
          conditions: [
            {
              type: 'PodScheduled',
              status: 'False',
              lastProbeTime: null,
              lastTransitionTime: timestamp(ctx),
              reason: 'Unschedulable',
              message: r.message,
            },
          ],
        },
      },
    },
  )
  const retryAt = Math.ceil((ctx.at + UNSCHEDULABLE_RETRY_MS) / FLUSH_PERIOD_MS) * FLUSH_PERIOD_MS
  w.send(retryAt - ctx.at, { to: 'kube-scheduler', type: 'schedule', pod })
}

function onBindResponse(w: StepWriter, pod: Pod, node: string, code: number): void {
  if (code !== 201) return
  const name = pod.metadata.name ?? ''
  const ns = pod.metadata.namespace ?? 'default'
  const event = {
    type: 'Normal' as const,
    reason: 'Scheduled',
    message: `Successfully assigned ${ns}/${name} to ${node}`,
    source: 'default-scheduler' as const,
    object: `Pod/${name}`,
  }
  w.emit(
    {
      kind: 'k8s.event',
      component: 'kube-scheduler',
      from: 'kube-scheduler',
      to: 'kube-apiserver',
      stage: 'scheduling',
      summary: `Normal Scheduled: ${event.message}`,
      narration: `The binding succeeded. The scheduler records the Scheduled event (through the events.k8s.io/v1 API): "${event.message}".`,
      payload: event,
    },
    { ...w.world, events: [...w.world.events, event] },
  )
}
