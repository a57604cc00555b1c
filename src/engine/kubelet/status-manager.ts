/**
 * The status manager: it generates the pod status from what the runtime reports and what the pod
 * worker remembers, and PATCHes pods/<name>/status when it changed.
 * Upstream: pkg/kubelet/status/status_manager.go, pkg/util/pod/pod.go (PatchPodStatus)
 */
import type { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import { timestamp } from '../protocol/context'
import type { HttpRequest } from '../protocol/http'
import type { Json } from '../protocol/events'
import type { Pod, PodStatus } from '../model/objects'
import { podDisplayStatus } from '../model/pod-display-status'
import { generatePodStatus } from './status'
import { setWs, ws } from './worker-state'

function hostIP(ctx: SimContext, node: string): string {
  const n = ctx.cluster.nodes.find((x) => x.metadata.name === node)
  return n?.status.addresses?.find((a) => a.type === 'InternalIP')?.address ?? ''
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

/**
 * The status manager's PATCH of pods/<name>/status: a strategic merge patch carrying the pod's uid as a
 * precondition (pkg/util/pod/pod.go PatchPodStatus). Takes the next request id.
 */
export function statusPatch(
  w: StepWriter,
  node: string,
  pod: Pod,
  status: Record<string, unknown>,
): HttpRequest {
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
    body: { metadata: { uid: pod.metadata.uid ?? '' }, status } as unknown as Json,
  }
  w.update({ ...w.world, nextRequestId: request.id + 1 })
  return request
}

/**
 * The status manager: generates the status and PATCHes it when it differs from
 * the last one sent (an unchanged status is not sent again).
 */
export function sendStatus(
  w: StepWriter,
  ctx: SimContext,
  node: string,
  narration: (s: PodStatus, pod: Pod) => string,
  stage: 'kubelet' | 'status',
): PodStatus | null {
  const pod = w.pod
  if (!pod) return null
  const status = generatePodStatus({
    pod,
    runtime: w.world.nodes[node]!,
    hostIP: hostIP(ctx, node),
    now: timestamp(ctx),
    worker: ws(w),
    imageDigest: (ref) => digestOf(ref),
  })
  const json = JSON.stringify(status)
  if (json === ws(w).lastStatus) {
    setWs(w, { statusDirty: false })
    return status
  }
  setWs(w, { lastStatus: json, statusDirty: false })
  const request = statusPatch(w, node, pod, {
    '$setElementOrder/conditions': (status.conditions ?? []).map((c) => ({ type: c.type })),
    ...status,
  })
  const shown = podDisplayStatus({ ...pod, status })
  w.emit({
    kind: 'http.request',
    component: 'kubelet',
    from: 'kubelet',
    to: 'kube-apiserver',
    stage,
    summary: `PATCH ${request.path} (phase ${status.phase}${shown !== status.phase ? `, ${shown}` : ''})`,
    narration: narration(status, pod),
    payload: request,
  })
  w.send(1.5, { to: 'kube-apiserver', type: 'request', request })
  return status
}

export function statusNarration(s: PodStatus, pod: Pod): string {
  const shown = podDisplayStatus({ ...pod, status: s })
  return `The status manager PATCHes the new status: phase ${s.phase}; kubectl get pod now shows ${shown}.`
}
