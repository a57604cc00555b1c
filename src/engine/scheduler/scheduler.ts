/**
 * kube-scheduler as a component: it learns of an unscheduled pod through its
 * watch, runs PreEnqueue (SchedulingGates) and one scheduling cycle, and binds
 * the pod by POSTing a Binding to the apiserver (it never writes to etcd
 * itself). An unschedulable pod gets a FailedScheduling event and a status
 * PATCH (PodScheduled=False, and nominatedNodeName when preemption found a
 * node); preemption DELETEs the victims. The pod is retried when an assigned
 * pod is deleted (after its backoff: 1 s doubling to 10 s per failed attempt),
 * or by the unschedulable queue's flush after 5 minutes.
 * Upstream: pkg/scheduler/schedule_one.go (handleSchedulingFailure, updatePod),
 * pkg/scheduler/backend/queue/scheduling_queue.go (calculateBackoffDuration,
 * flushUnschedulablePodsLeftover), pkg/scheduler/framework/preemption/preemption.go (prepareCandidate)
 */
import { podOf } from '../protocol/pods'
import type { LabelSelector } from '../model/label-selector'
import type { Step } from '../protocol/step'
import { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import { timestamp } from '../protocol/context'
import type { World } from '../protocol/world'
import { podDeletions, type PodDeletion } from '../etcd/objects'
import { disruptionBudgets } from '../model/disruption-budget'
import type { HttpRequest } from '../protocol/http'
import type { Json, KubeEvent, PluginVerdict, SchedulingResult } from '../protocol/events'
import type { Message } from '../protocol/messages'
import type { KubeObject, Node, Pod, PodCondition } from '../model/objects'
import type { Labels } from '../model/label-selector'
import { buildNodeInfo } from './framework/node-info'
import { pluginContext, scheduleOne } from './framework/run'
import { DEFAULT_PROFILE } from './framework/profile'
import type { NodeInfo, PluginContext } from './framework/types'
import type { Cluster } from '../model/cluster'
import type { Candidate } from './plugins/default-preemption'

type SchedulerMessage = Extract<Message, { to: 'kube-scheduler' }>

/** podMaxInUnschedulablePodsDuration, flushed by a loop every 30 s. */
const UNSCHEDULABLE_RETRY_MS = 5 * 60 * 1000
const FLUSH_PERIOD_MS = 30 * 1000
/** podInitialBackoffDuration and podMaxBackoffDuration. */
const INITIAL_BACKOFF_MS = 1000
const MAX_BACKOFF_MS = 10_000
const SCHEDULER_SUBJECT = 'CN=system:kube-scheduler'
const USER_AGENT = 'kube-scheduler/v1.34.0 (linux/amd64) kubernetes/f28b4c9/scheduler'

export function schedulerStep(world: World, msg: SchedulerMessage, ctx: SimContext): Step {
  const w = new StepWriter(world, ctx.about)
  switch (msg.type) {
    case 'watch':
      if (
        msg.watchType === 'ADDED' &&
        !msg.pod.spec.nodeName &&
        (msg.pod.spec.schedulerName ?? 'default-scheduler') === DEFAULT_PROFILE.schedulerName
      ) {
        enqueue(w, msg.pod)
      }
      break
    case 'schedule':
      if (msg.token !== undefined && msg.token !== w.record?.queue?.token) break
      schedule(w, ctx, msg.pod)
      break
    case 'pod-deleted':
      requeue(
        w,
        ctx,
        `a pod on ${msg.node} was deleted`,
        `A pod on ${msg.node} is gone, an event that may make the pending pod schedulable`,
      )
      break
    case 'node-added':
      requeue(
        w,
        ctx,
        `node ${msg.node} was added`,
        `A new node, ${msg.node}, has joined: an event (NodeAdd) that may make the pending pod schedulable`,
      )
      break
    case 'response':
      onBindResponse(w, msg.pod, msg.node, msg.response.code)
      break
    default:
      msg satisfies never
  }
  return w.done()
}

/** PreEnqueue: a gated pod waits outside the active queue, without a cycle or an event. */
function enqueue(w: StepWriter, pod: Pod): void {
  const verdicts: PluginVerdict[] = DEFAULT_PROFILE.preEnqueue.map((p) => {
    const s = p.preEnqueue(pod)
    return { plugin: p.name, code: s.code as PluginVerdict['code'], reasons: s.reasons }
  })
  const gated = verdicts.find((v) => v.code !== 'Success')
  if (gated) {
    w.emit({
      kind: 'scheduler.queue',
      component: 'kube-scheduler',
      stage: 'scheduling',
      summary: `PreEnqueue ${gated.plugin}: ${gated.reasons.join(', ')}`,
      narration:
        'The pod has scheduling gates, so the SchedulingGates plugin keeps it out of the active queue: no scheduling cycle runs and no event is recorded. It stays Pending with PodScheduled=False (SchedulingGated) until every gate is removed.',
      payload: { action: 'gated', preEnqueue: verdicts },
    })
    return
  }
  w.send(1, { to: 'kube-scheduler', type: 'schedule', pod })
}

const snapshotCache = new WeakMap<
  Cluster,
  {
    deleted: Readonly<Record<string, PodDeletion>> | undefined
    nodes: NodeInfo[]
    ctx: Omit<PluginContext, 'allNodes'>
  }
>()

/**
 * The scheduler cache's snapshot: every node with the pods assigned to it;
 * finished pods and deleted ones do not count, terminating ones still do.
 */
export function snapshotNodes(cluster: Cluster, deleted?: Readonly<Record<string, PodDeletion>>): NodeInfo[] {
  return snapshot(cluster, deleted).nodes
}

/**
 * The nodes and their pods: the costly half of the snapshot (a 5,000-node, 150,000-pod cluster), which
 * depends only on the cluster's Node and Pod lists and the deletions. A write of any other object (a
 * Deployment's status, a ReplicaSet) makes a new Cluster but keeps those lists, so this half is shared.
 */
const nodesCache = new WeakMap<
  readonly Node[],
  WeakMap<
    readonly Pod[],
    {
      deleted: Readonly<Record<string, PodDeletion>> | undefined
      nodes: NodeInfo[]
      base: Omit<PluginContext, 'allNodes' | 'namespaceLabels'>
    }
  >
>()

function nodeInfos(cluster: Cluster, deleted?: Readonly<Record<string, PodDeletion>>) {
  let byPods = nodesCache.get(cluster.nodes)
  if (!byPods) nodesCache.set(cluster.nodes, (byPods = new WeakMap()))
  const hit = byPods.get(cluster.pods)
  if (hit && hit.deleted === deleted) return hit
  const byNode = new Map<string, Pod[]>()
  for (const p of cluster.pods) {
    const n = p.spec.nodeName
    if (!n) continue
    const phase = p.status?.phase
    if (phase === 'Succeeded' || phase === 'Failed') continue
    const d = deleted?.[`${p.metadata.namespace ?? 'default'}/${p.metadata.name ?? ''}`]
    if (d?.state === 'Deleted') continue
    const pod: Pod =
      d?.state === 'Terminating'
        ? { ...p, metadata: { ...p.metadata, deletionTimestamp: d.deletionTimestamp } }
        : p
    const list = byNode.get(n) ?? []
    list.push(pod)
    byNode.set(n, list)
  }
  const nodes = cluster.nodes.map((node) => buildNodeInfo(node, byNode.get(node.metadata.name ?? '') ?? []))
  const { allNodes: _all, namespaceLabels: _ns, ...base } = pluginContext(nodes)
  const entry = { deleted, nodes, base }
  byPods.set(cluster.pods, entry)
  return entry
}

function snapshot(cluster: Cluster, deleted?: Readonly<Record<string, PodDeletion>>) {
  const cached = snapshotCache.get(cluster)
  if (cached && cached.deleted === deleted) return cached
  const { nodes, base } = nodeInfos(cluster, deleted)
  const namespaceLabels = new Map<string, Labels>()
  for (const ns of cluster.objects['Namespace'] ?? [])
    namespaceLabels.set(ns.metadata.name ?? '', ns.metadata.labels ?? {})
  const persistentVolumeClaims = new Map<string, string>()
  const volumeClaims = new Map<string, KubeObject>()
  for (const c of cluster.objects['PersistentVolumeClaim'] ?? []) {
    const key = `${c.metadata.namespace ?? 'default'}/${c.metadata.name ?? ''}`
    persistentVolumeClaims.set(
      key,
      String((c['status'] as { phase?: string } | undefined)?.phase ?? 'Pending'),
    )
    volumeClaims.set(key, c)
  }
  const byName = (kind: string) =>
    new Map((cluster.objects[kind] ?? []).map((o) => [o.metadata.name ?? '', o] as const))
  const persistentVolumes = cluster.objects['PersistentVolume'] ? byName('PersistentVolume') : undefined
  const storageClasses = byName('StorageClass')
  const podDisruptionBudgets = disruptionBudgets(cluster)
  const replicaSetSelectors = new Map<string, LabelSelector>()
  for (const rs of cluster.objects['ReplicaSet'] ?? []) {
    const selector = (rs['spec'] as { selector?: LabelSelector } | undefined)?.selector
    if (selector)
      replicaSetSelectors.set(`${rs.metadata.namespace ?? 'default'}/${rs.metadata.name ?? ''}`, selector)
  }
  const serviceSelectors = new Map<string, Readonly<Record<string, string>>[]>()
  for (const svc of cluster.objects['Service'] ?? []) {
    const selector = (svc['spec'] as { selector?: Record<string, string> } | undefined)?.selector
    if (!selector || Object.keys(selector).length === 0) continue
    const ns = svc.metadata.namespace ?? 'default'
    serviceSelectors.set(ns, [...(serviceSelectors.get(ns) ?? []), selector])
  }
  const entry = {
    deleted,
    nodes,
    ctx: {
      ...base,
      namespaceLabels,
      persistentVolumeClaims,
      volumeClaims,
      ...(persistentVolumes ? { persistentVolumes } : {}),
      storageClasses,
      podDisruptionBudgets,
      replicaSetSelectors,
      serviceSelectors,
    },
  }
  snapshotCache.set(cluster, entry)
  return entry
}

/**
 * The manifest's other pods that are already bound occupy their nodes like any assigned pod
 * (a multi-document manifest: protocol/pods.ts). The cached snapshot holds the cluster file's pods only.
 */
function withManifestPods(
  snap: ReturnType<typeof snapshot>,
  others: readonly Pod[],
): ReturnType<typeof snapshot> {
  const byNode = new Map<string, Pod[]>()
  for (const p of others) {
    const n = p.spec.nodeName
    if (!n || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue
    byNode.set(n, [...(byNode.get(n) ?? []), p])
  }
  if (byNode.size === 0) return snap
  const nodes = snap.nodes.map((n) => {
    const extra = byNode.get(n.name)
    return extra ? buildNodeInfo(n.node, [...n.pods, ...extra]) : n
  })
  const { allNodes: _all, ...base } = pluginContext(nodes)
  return { ...snap, nodes, ctx: { ...snap.ctx, ...base, namespaceLabels: snap.ctx.namespaceLabels } }
}

/**
 * The run's other pods as the scheduler's cache holds them: bound ones on their node, and ones whose
 * cycle chose a node but whose binding is not stored yet on the node they were assumed on.
 */
function cachedPods(w: StepWriter): Pod[] {
  const out: Pod[] = []
  for (const key of w.world.podOrder) {
    if (key === w.podKey) continue
    const pod = podOf(w.world, key)
    if (!pod) continue
    const assumed = w.world.pods[key]!.queue?.assumedNode
    out.push(pod.spec.nodeName || !assumed ? pod : { ...pod, spec: { ...pod.spec, nodeName: assumed } })
  }
  return out
}

function schedule(w: StepWriter, ctx: SimContext, _pod: Pod): void {
  const current = w.pod
  if (!current || current.spec.nodeName) return
  const snap = withManifestPods(snapshot(ctx.cluster, podDeletions(w.world.etcd)), cachedPods(w))
  const nodes = snap.nodes
  const out = scheduleOne({
    pod: current,
    nodes,
    profile: DEFAULT_PROFILE,
    rng: w.world.rng,
    nextStartNodeIndex: w.world.schedulerStartIndex,
    pluginContext: snap.ctx,
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
    payload: { ...r, pod: `${current.metadata.namespace ?? 'default'}/${current.metadata.name ?? ''}` },
  })
  if (r.selected) {
    // AssumePod: the cache counts the pod on its node at once, so the next cycle (another replica)
    // sees it there before the binding is stored (pkg/scheduler/schedule_one.go assume).
    w.updateRecord({
      queue: { attempts: 0, lastFailureAt: 0, token: 0, ...w.record?.queue, assumedNode: r.selected },
    })
    bind(w, current, r.selected)
  } else fail(w, ctx, current, r, out.preemption)
}

function request(
  w: StepWriter,
  r: Omit<HttpRequest, 'id' | 'from' | 'query' | 'headers'>,
  contentType: string,
): HttpRequest {
  const req: HttpRequest = {
    id: w.world.nextRequestId,
    from: 'kube-scheduler',
    query: {},
    headers: {
      Accept: 'application/vnd.kubernetes.protobuf, */*',
      'Content-Type': contentType,
      'User-Agent': USER_AGENT,
      'X-Podlife-Client-Subject': SCHEDULER_SUBJECT,
    },
    ...r,
  }
  w.update({ ...w.world, nextRequestId: req.id + 1 })
  return req
}

function bind(w: StepWriter, pod: Pod, node: string): void {
  const name = pod.metadata.name ?? ''
  const ns = pod.metadata.namespace ?? 'default'
  const req = request(
    w,
    {
      method: 'POST',
      path: `/api/v1/namespaces/${ns}/pods/${name}/binding`,
      body: {
        kind: 'Binding',
        apiVersion: 'v1',
        metadata: { name, namespace: ns, uid: pod.metadata.uid ?? '' },
        target: { kind: 'Node', name: node },
      },
    },
    'application/vnd.kubernetes.protobuf',
  )
  w.emit({
    kind: 'http.request',
    component: 'kube-scheduler',
    from: 'kube-scheduler',
    to: 'kube-apiserver',
    stage: 'scheduling',
    summary: `POST ${req.path} → ${node}`,
    narration: `The DefaultBinder plugin binds the pod: it POSTs a Binding object naming node ${node} to the pod's binding subresource. The scheduler never writes spec.nodeName itself.`,
    payload: req,
  })
  w.send(1, { to: 'kube-apiserver', type: 'request', request: req })
}

/** calculateBackoffDuration: 1 s, doubled per earlier failed attempt, at most 10 s. */
export function backoffMs(attempts: number): number {
  let d = INITIAL_BACKOFF_MS
  for (let i = 1; i < attempts; i++) {
    d *= 2
    if (d >= MAX_BACKOFF_MS) return MAX_BACKOFF_MS
  }
  return d
}

/** handleSchedulingFailure: the event, then the status PATCH (skipped when nothing changed), then the retry. */
function fail(
  w: StepWriter,
  ctx: SimContext,
  pod: Pod,
  r: SchedulingResult,
  preemption: Candidate | null,
): void {
  const name = pod.metadata.name ?? ''
  const ns = pod.metadata.namespace ?? 'default'
  recordEvent(
    w,
    { type: 'Warning', reason: 'FailedScheduling', message: r.message, object: `Pod/${name}` },
    preemption
      ? `The scheduler records a FailedScheduling event: the pod does not fit now, but preempting ${preemption.victims.length} lower-priority pod(s) on ${preemption.node} makes room.`
      : 'The scheduler records a FailedScheduling event. The pod stays Pending and waits in the unschedulable queue until the cluster changes, or for 5 minutes.',
  )
  const old = pod.status?.conditions?.find((c) => c.type === 'PodScheduled')
  const conditionChanged =
    !old || old.status !== 'False' || old.reason !== 'Unschedulable' || old.message !== r.message
  const nominate =
    preemption && pod.status?.['nominatedNodeName'] !== preemption.node ? preemption.node : null
  if (conditionChanged || nominate) {
    const condition: PodCondition = {
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: old?.status === 'False' ? old.lastTransitionTime : timestamp(ctx),
      reason: 'Unschedulable',
      message: r.message,
    }
    const req = request(
      w,
      {
        method: 'PATCH',
        path: `/api/v1/namespaces/${ns}/pods/${name}/status`,
        body: {
          status: { conditions: [condition], ...(nominate ? { nominatedNodeName: nominate } : {}) },
        } as unknown as Json,
      },
      'application/strategic-merge-patch+json',
    )
    w.emit({
      kind: 'http.request',
      component: 'kube-scheduler',
      from: 'kube-scheduler',
      to: 'kube-apiserver',
      stage: 'scheduling',
      summary: `PATCH ${req.path} (PodScheduled=False${nominate ? `, nominatedNodeName=${nominate}` : ''})`,
      narration: nominate
        ? `The scheduler PATCHes the pod's status: PodScheduled=False with the message, and status.nominatedNodeName=${nominate}, the node it is making room on.`
        : "The scheduler PATCHes the pod's status: the PodScheduled condition becomes False, reason Unschedulable, with the same message as the event (what kubectl describe shows under Conditions).",
      payload: req,
    })
    w.send(1, { to: 'kube-apiserver', type: 'request', request: req })
  }
  if (preemption) for (const v of preemption.victims) evict(w, ctx, pod, v, preemption.node)
  const attempts = (w.record?.queue?.attempts ?? 0) + 1
  const token = (w.record?.queue?.token ?? 0) + 1
  w.updateRecord({ queue: { attempts, lastFailureAt: ctx.at, token } })
  const retryAt = Math.ceil((ctx.at + UNSCHEDULABLE_RETRY_MS) / FLUSH_PERIOD_MS) * FLUSH_PERIOD_MS
  w.send(retryAt - ctx.at, { to: 'kube-scheduler', type: 'schedule', pod, token })
}

/**
 * prepareCandidate (framework/preemption/preemption.go): for each victim, the DisruptionTarget
 * condition (PATCH of its status), then its graceful DELETE, then the Preempted event.
 */
function evict(w: StepWriter, ctx: SimContext, preemptor: Pod, victim: Pod, node: string): void {
  const name = victim.metadata.name ?? ''
  const ns = victim.metadata.namespace ?? 'default'
  const patch = request(
    w,
    {
      method: 'PATCH',
      path: `/api/v1/namespaces/${ns}/pods/${name}/status`,
      body: disruptionTargetPatch(ctx, preemptor, victim) as unknown as Json,
    },
    'application/strategic-merge-patch+json',
  )
  w.emit({
    kind: 'http.request',
    component: 'kube-scheduler',
    from: 'kube-scheduler',
    to: 'kube-apiserver',
    stage: 'scheduling',
    summary: `PATCH ${patch.path} (DisruptionTarget=True)`,
    narration: `Before deleting ${name}, the scheduler marks it with the DisruptionTarget condition (reason PreemptionByScheduler), so its controller and its users can tell a preemption from a crash.`,
    payload: patch,
  })
  w.send(1, { to: 'kube-apiserver', type: 'request', request: patch })
  const req = request(
    w,
    { method: 'DELETE', path: `/api/v1/namespaces/${ns}/pods/${name}`, body: null },
    'application/vnd.kubernetes.protobuf',
  )
  w.emit({
    kind: 'http.request',
    component: 'kube-scheduler',
    from: 'kube-scheduler',
    to: 'kube-apiserver',
    stage: 'scheduling',
    summary: `DELETE ${req.path}`,
    narration: `The scheduler deletes the victim ${name}; deletion is graceful, so it keeps its resources until its containers have stopped.`,
    payload: req,
  })
  w.send(1.2, { to: 'kube-apiserver', type: 'request', request: req })
  recordEvent(
    w,
    {
      type: 'Normal',
      reason: 'Preempted',
      message: `Preempted by pod ${preemptor.metadata.uid ?? ''} on node ${node}`,
      object: `Pod/${name}`,
    },
    `DefaultPreemption evicts ${ns}/${name} (priority ${victim.spec.priority ?? 0}), lower than the pending pod's ${preemptor.spec.priority ?? 0}.`,
  )
}

/**
 * The status patch util.PatchPodStatus sends: a two-way strategic merge patch that adds the condition;
 * with conditions already there, `$setElementOrder/conditions` keeps their order, the new one last
 * (apipod.UpdatePodCondition appends).
 */
function disruptionTargetPatch(ctx: SimContext, preemptor: Pod, victim: Pod): Record<string, unknown> {
  const generation = victim.metadata['generation']
  const condition = {
    lastProbeTime: null,
    lastTransitionTime: timestamp(ctx),
    message: `${preemptor.spec.schedulerName ?? DEFAULT_PROFILE.schedulerName}: preempting to accommodate a higher priority pod`,
    // PodObservedGenerationTracking (beta, on in v1.34): the condition records the generation it saw.
    ...(typeof generation === 'number' && generation > 0 ? { observedGeneration: generation } : {}),
    reason: 'PreemptionByScheduler',
    status: 'True',
    type: 'DisruptionTarget',
  }
  const existing = (victim.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget')
  return {
    status: {
      ...(existing.length > 0
        ? {
            '$setElementOrder/conditions': [
              ...existing.map((c) => ({ type: c.type })),
              { type: 'DisruptionTarget' },
            ],
          }
        : {}),
      conditions: [condition],
    },
  }
}

/**
 * A cluster event that may make the pod schedulable (AssignedPodDelete, NodeAdd) moves it from the
 * unschedulable queue to the backoff queue: it is retried once its backoff has passed.
 */
function requeue(w: StepWriter, ctx: SimContext, what: string, why: string): void {
  const pod = w.pod
  const q = w.record?.queue
  if (!pod || pod.spec.nodeName || !q) return
  const retryAt = Math.max(ctx.at, q.lastFailureAt + backoffMs(q.attempts))
  const token = q.token + 1
  w.updateRecord({ queue: { ...q, token } })
  w.emit({
    kind: 'scheduler.queue',
    component: 'kube-scheduler',
    stage: 'scheduling',
    summary: `requeued: ${what}; retry at ${(retryAt / 1000).toFixed(3)}s`,
    narration: `${why}, so it leaves the unschedulable queue. After its backoff (${backoffMs(q.attempts) / 1000} s after attempt ${q.attempts}) it is scheduled again.`,
    payload: { action: 'requeued', retryAt },
  })
  w.send(retryAt - ctx.at, { to: 'kube-scheduler', type: 'schedule', pod, token })
}

/** The scheduler's events (events.k8s.io/v1, reportingController default-scheduler): one step each. */
function recordEvent(w: StepWriter, e: Omit<KubeEvent, 'source'>, narration: string): void {
  const event: KubeEvent = { ...e, source: 'default-scheduler' }
  w.emit(
    {
      kind: 'k8s.event',
      component: 'kube-scheduler',
      from: 'kube-scheduler',
      to: 'kube-apiserver',
      stage: 'scheduling',
      summary: `${event.type} ${event.reason}: ${event.message}`,
      narration,
      payload: event,
    },
    { ...w.world, events: w.world.events.append(event) },
  )
}

function onBindResponse(w: StepWriter, pod: Pod, node: string, code: number): void {
  if (code !== 201) return
  const name = pod.metadata.name ?? ''
  const ns = pod.metadata.namespace ?? 'default'
  const message = `Successfully assigned ${ns}/${name} to ${node}`
  recordEvent(
    w,
    { type: 'Normal', reason: 'Scheduled', message, object: `Pod/${name}` },
    `The binding succeeded. The scheduler records the Scheduled event (through the events.k8s.io/v1 API): "${message}".`,
  )
}
