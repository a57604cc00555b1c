/**
 * The kubelet as a component. It receives its node's pods through a watch,
 * admits the pod, reports a first status, and drives the container runtime
 * over CRI one call at a time: sandbox, then for each container image,
 * create and start. PLEG notices the running containers on its next relist
 * (every second) and the status manager PATCHes the Running status.
 * Upstream: pkg/kubelet/kubelet.go (SyncPod), kuberuntime/kuberuntime_manager.go
 * (SyncPod), images/image_manager.go (EnsureImageExists), status/status_manager.go
 */
import type { Step } from '../sim/step'
import { StepWriter } from '../sim/step'
import type { SimContext } from '../sim/context'
import { timestamp } from '../sim/context'
import type { World } from '../sim/world'
import type { HttpRequest, Json, KubeEvent } from '../sim/events'
import type { Message } from '../sim/messages'
import type { Pod } from '../model/objects'
import type { CriMessage, CriReply } from '../cri/messages'
import { generatePodStatus } from './status'
import { containerConfig, sandboxConfig } from './cri-config'
import { parseImageReference } from '../model/image-reference'
import { goDuration } from '../model/go-duration'

type KubeletMessage = Extract<Message, { to: 'kubelet' }>

/** PLEG's generic relist period. */
const RELIST_MS = 1000

export function kubeletStep(world: World, msg: KubeletMessage, ctx: SimContext): Step {
  const w = new StepWriter(world)
  switch (msg.type) {
    case 'watch':
      admit(w, ctx, msg.node, msg.pod)
      break
    case 'cri-reply':
      onReply(w, ctx, msg.node, msg.reply)
      break
    case 'sync':
      relist(w, ctx, msg.node, msg.pod)
      break
    case 'response':
      break
    default:
      msg satisfies never
  }
  return w.done()
}

function hostIP(ctx: SimContext, node: string): string {
  const n = ctx.cluster.nodes.find((x) => x.metadata.name === node)
  return n?.status.addresses?.find((a) => a.type === 'InternalIP')?.address ?? ''
}

function recordEvent(
  w: StepWriter,
  node: string,
  pod: Pod,
  type: KubeEvent['type'],
  reason: string,
  message: string,
  narration: string,
  stage: 'containers' | 'kubelet' = 'containers',
): void {
  const event: KubeEvent = {
    type,
    reason,
    message,
    source: 'kubelet',
    host: node,
    object: `Pod/${pod.metadata.name ?? ''}`,
  }
  w.emit(
    {
      kind: 'k8s.event',
      component: 'kubelet',
      from: 'kubelet',
      to: 'kube-apiserver',
      stage,
      summary: `${type} ${reason}: ${message}`,
      narration,
      payload: event,
    },
    { ...w.world, events: [...w.world.events, event] },
  )
}

function sendStatus(
  w: StepWriter,
  ctx: SimContext,
  node: string,
  pod: Pod,
  narration: string,
  stage: 'kubelet' | 'status',
): void {
  const runtime = w.world.nodes[node]!
  const status = generatePodStatus({
    pod,
    runtime,
    hostIP: hostIP(ctx, node),
    now: timestamp(ctx),
    startedAt: startedTimes(w.world, node, pod),
    imageDigest: (ref) => digestOf(ref),
  })
  const request: HttpRequest = {
    id: w.world.nextRequestId,
    from: 'kubelet',
    method: 'PATCH',
    path: `/api/v1/namespaces/${pod.metadata.namespace ?? 'default'}/pods/${pod.metadata.name ?? ''}/status`,
    query: {},
    headers: {
      Accept: 'application/vnd.kubernetes.protobuf, */*',
      'Content-Type': 'application/strategic-merge-patch+json',
      'User-Agent': 'kubelet/v1.34.0 (linux/amd64) kubernetes/f28b4c9',
      'X-Podlife-Client-Subject': `CN=system:node:${node},O=system:nodes`,
    },
    body: {
      metadata: { uid: pod.metadata.uid ?? '' },
      status: {
        '$setElementOrder/conditions': (status.conditions ?? []).map((c) => ({ type: c.type })),
        ...status,
      },
    } as unknown as Json,
  }
  w.update({ ...w.world, nextRequestId: request.id + 1 })
  w.emit({
    kind: 'http.request',
    component: 'kubelet',
    from: 'kubelet',
    to: 'kube-apiserver',
    stage,
    summary: `PATCH ${request.path} (phase ${status.phase})`,
    narration,
    payload: request,
  })
  w.send(1.5, { to: 'kube-apiserver', type: 'request', request })
}

/** A stable fake digest per image reference, as containerd would report its repo digest. */
function digestOf(ref: string): string {
  let h = 2166136261
  for (const ch of ref) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0
  let hex = ''
  let x = h
  for (let i = 0; i < 8; i++) {
    x = Math.imul(x ^ (x >>> 13), 0x5bd1e995) >>> 0
    hex += x.toString(16).padStart(8, '0')
  }
  return `sha256:${hex}`
}

function startedTimes(world: World, node: string, pod: Pod): Record<string, string> {
  const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`
  const out: Record<string, string> = {}
  for (const c of world.nodes[node]?.containers ?? [])
    if (c.pod === key && c.startedAt) out[c.name] = c.startedAt
  return out
}

function cri(w: StepWriter, delay: number, node: string, call: CriMessage): void {
  w.send(delay, { to: 'containerd', type: 'cri', node, call })
}

function admit(w: StepWriter, ctx: SimContext, node: string, pod: Pod): void {
  w.emit({
    kind: 'kubelet.sync',
    component: 'kubelet',
    stage: 'kubelet',
    summary: `SyncLoop ADD pods/${pod.metadata.name ?? ''}: admitted`,
    narration: `The kubelet on ${node} gets the pod from its watch (SyncLoop ADD). It admits it (the pod's requests fit what is left on this node), hands it to a pod worker, and reports a first status while it gets to work.`,
    payload: { node, action: 'admit' },
  })
  sendStatus(
    w,
    ctx,
    node,
    pod,
    'The status manager reports the first status: Pending, container waiting in ContainerCreating, PodReadyToStartContainers still False.',
    'kubelet',
  )
  cri(w, 25, node, { call: 'RunPodSandbox', pod, request: sandboxConfig(pod) })
}

function imageOf(pod: Pod, i: number): string {
  return pod.spec.containers[i]?.image ?? ''
}

function ensureImage(w: StepWriter, node: string, pod: Pod, i: number): void {
  const image = imageOf(pod, i)
  // The kubelet only appends :latest; containerd normalises the rest.
  const withTag =
    parseImageReference(image)?.tag === 'latest' && !image.includes(':') ? `${image}:latest` : image
  cri(w, 1, node, { call: 'ImageStatus', pod, container: i, request: { image: { image: withTag } } })
}

function onReply(w: StepWriter, ctx: SimContext, node: string, reply: CriReply): void {
  const pod = w.world.pod ?? reply.pod
  const i = reply.container ?? 0
  const c = pod.spec.containers[i]
  switch (reply.call) {
    case 'RunPodSandbox':
      cri(w, 1, node, {
        call: 'PodSandboxStatus',
        pod,
        request: { pod_sandbox_id: (reply.response as { pod_sandbox_id?: string }).pod_sandbox_id ?? '' },
      })
      return
    case 'PodSandboxStatus':
      ensureImage(w, node, pod, 0)
      return
    case 'ImageStatus': {
      const image = imageOf(pod, i)
      const present = (reply.response as { image?: unknown }).image != null
      const policy = c?.imagePullPolicy ?? 'IfNotPresent'
      if (present && policy !== 'Always') {
        recordEvent(
          w,
          node,
          pod,
          'Normal',
          'Pulled',
          `Container image "${image}" already present on machine`,
          `The image is already on ${node} and imagePullPolicy is ${policy}, so nothing is downloaded.`,
        )
        createContainer(w, node, pod, i)
        return
      }
      recordEvent(
        w,
        node,
        pod,
        'Normal',
        'Pulling',
        `Pulling image "${image}"`,
        `${image} is not on ${node} yet (or imagePullPolicy is Always), so the kubelet asks containerd to pull it.`,
      )
      w.update({ ...w.world, pullStartedAt: { ...(w.world.pullStartedAt ?? {}), [`${node}/${i}`]: ctx.at } })
      cri(w, 1, node, {
        call: 'PullImage',
        pod,
        container: i,
        request: { image: { image: parseImageReference(image)?.normalized ?? image } },
      })
      return
    }
    case 'PullImage': {
      const image = imageOf(pod, i)
      const started = w.world.pullStartedAt?.[`${node}/${i}`] ?? ctx.at
      const took = goDuration(Math.trunc(ctx.at - started))
      const size = sizeOfPulled(ctx, image)
      recordEvent(
        w,
        node,
        pod,
        'Normal',
        'Pulled',
        `Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${size} bytes.`,
        `The image is pulled and unpacked; it stays in containerd's store on ${node} for the next pod that needs it.`,
      )
      createContainer(w, node, pod, i)
      return
    }
    case 'CreateContainer':
      recordEvent(
        w,
        node,
        pod,
        'Normal',
        'Created',
        `Created container: ${c?.name ?? ''}`,
        `Container ${c?.name ?? ''} is created, not yet running.`,
      )
      cri(w, 1, node, {
        call: 'StartContainer',
        pod,
        container: i,
        request: { container_id: (reply.response as { container_id?: string }).container_id ?? '' },
      })
      return
    case 'StartContainer': {
      const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`
      const runtime = w.world.nodes[node]!
      w.update({
        ...w.world,
        nodes: {
          ...w.world.nodes,
          [node]: {
            ...runtime,
            containers: runtime.containers.map((x) =>
              x.pod === key && x.name === c?.name ? { ...x, startedAt: timestamp(ctx) } : x,
            ),
          },
        },
      })
      recordEvent(
        w,
        node,
        pod,
        'Normal',
        'Started',
        `Started container ${c?.name ?? ''}`,
        `Container ${c?.name ?? ''} is running.`,
      )
      if (i + 1 < pod.spec.containers.length) ensureImage(w, node, pod, i + 1)
      else
        w.send(RELIST_MS - (ctx.at % RELIST_MS), {
          to: 'kubelet',
          type: 'sync',
          node,
          pod,
          reason: 'PLEG ContainerStarted',
        })
      return
    }
    default:
      reply.call satisfies never
  }
}

function sizeOfPulled(ctx: SimContext, image: string): number {
  const ref = parseImageReference(image)
  const repo = ctx.cluster.registry.find((r) => r.name === ref?.repository)
  return repo?.tags[ref?.tag ?? 'latest']?.sizeBytes ?? 0
}

function createContainer(w: StepWriter, node: string, pod: Pod, i: number): void {
  const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`
  const sandbox = w.world.nodes[node]?.sandboxes.find((s) => s.pod === key)
  cri(w, 2, node, {
    call: 'CreateContainer',
    pod,
    container: i,
    request: containerConfig(pod, i, sandbox?.id ?? ''),
  })
}

function relist(w: StepWriter, ctx: SimContext, node: string, _pod: Pod): void {
  const pod = w.world.pod
  if (!pod) return
  w.emit({
    kind: 'kubelet.sync',
    component: 'kubelet',
    stage: 'status',
    summary: 'PLEG relist: containers running',
    narration:
      'The pod lifecycle event generator (PLEG) relists the runtime every second. It sees the container running and triggers another sync of the pod.',
    payload: { node, action: 'PLEG relist' },
  })
  sendStatus(
    w,
    ctx,
    node,
    pod,
    'The status manager PATCHes the new status: phase Running, all five conditions True, the pod IP and the container IDs.',
    'status',
  )
}
