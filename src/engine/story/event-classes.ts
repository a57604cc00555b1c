/**
 * What a learner can see of one event, decided from its kind and payload (never from its summary
 * text): whether it is quiet (changes nothing visible, so a run of them can be collapsed), whether it
 * must always stay a step of its own, and whether it changes the pod.
 */
import { storyPod } from '../protocol/pods'
import type { SimEvent } from '../protocol/events'
import type { World } from '../protocol/world'

/**
 * CRI calls that only read state. The kubelet makes them between the calls that do something
 * (kuberuntime_manager.go SyncPod reads PodSandboxStatus after RunPodSandbox; EnsureImageExists
 * asks ImageStatus before PullImage). Upstream: staging/src/k8s.io/cri-api/pkg/apis/runtime/v1/api.proto
 */
const READ_ONLY_CRI_CALLS: ReadonlySet<string> = new Set([
  'PodSandboxStatus',
  'ImageStatus',
  'ContainerStatus',
  'ListContainers',
  'ListPodSandbox',
  'ListImages',
  'Status',
])

/** True when the event changes nothing a learner can see: a routine check that passed. */
export function isQuiet(e: SimEvent): boolean {
  switch (e.kind) {
    case 'admission.verdict':
      return e.payload.verdict === 'admit' && e.payload.patch.length === 0 && !e.payload.warnings?.length
    case 'apiserver.validation':
      return e.payload.errors.length === 0
    case 'apiserver.decode':
      return e.payload.defaults.length === 0 && e.payload.unknownFields.length === 0
    case 'kubectl.kubeconfig':
      return true
    case 'cri.call':
      return READ_ONLY_CRI_CALLS.has(e.payload.call)
    default:
      return false
  }
}

/** True when the event is a rejection: a 4xx/5xx answer or the verdict that causes one. */
export function isRejection(e: SimEvent): boolean {
  switch (e.kind) {
    case 'http.response':
      // kubectl apply's GET answered 404 is "not there yet, create it" (apply.go), not a refusal.
      return (
        e.payload.code >= 400 &&
        !(e.payload.code === 404 && e.payload.to === 'kubectl' && e.stage === 'kubectl')
      )
    case 'authn.verdict':
      return e.payload.user === null
    case 'authz.verdict':
      return !e.payload.allowed
    case 'admission.verdict':
      return e.payload.verdict === 'deny'
    case 'apiserver.validation':
      return e.payload.errors.length > 0
    case 'apiserver.decode':
      return e.payload.unknownFields.length > 0 && e.payload.fieldValidation === 'Strict'
    case 'scheduler.cycle':
      return e.payload.result === 'Unschedulable'
    default:
      return false
  }
}

export const isWarning = (e: SimEvent): boolean => e.kind === 'k8s.event' && e.payload.type === 'Warning'

/**
 * Events that must stay visible as steps of their own: rejections, Warnings, a mutating plugin that
 * changed the pod or warned, kubectl's output.
 */
export function isProtected(e: SimEvent): boolean {
  if (isRejection(e) || isWarning(e) || e.kind === 'kubectl.output') return true
  if (e.kind === 'admission.verdict') return e.payload.patch.length > 0 || !!e.payload.warnings?.length
  return false
}

/** The parts of the stored pod a learner sees change: phase, conditions, containers, node, IP. */
function podFace(w: World | undefined): string {
  const pod = w ? storyPod(w) : null
  if (!pod) return ''
  const s = pod.status ?? {}
  return JSON.stringify([
    s.phase,
    s.conditions,
    s.containerStatuses,
    s['initContainerStatuses'],
    pod.spec.nodeName,
    s['podIP'],
    s['reason'],
    pod.metadata['deletionTimestamp'],
  ])
}

/** True when the stored pod looks different after the event than before it. */
export function changesPod(before: World | undefined, after: World | undefined): boolean {
  if ((before ? storyPod(before) : null) === (after ? storyPod(after) : null)) return false
  return podFace(before) !== podFace(after)
}

/** True when a message travels between two components. */
export const travels = (e: SimEvent): boolean => !!e.from && !!e.to && e.from !== e.to

/** The resource a request path names, singular: `/api/v1/namespaces/default/pods/nginx/status` → `pod`. */
export function resourceOfPath(path: string): string {
  const parts = path.split('?')[0]!.split('/').filter(Boolean)
  const ns = parts.indexOf('namespaces')
  const resource = ns >= 0 && parts.length > ns + 2 ? parts[ns + 2] : parts[parts.length - 1]
  return (resource ?? '').replace(/s$/, '')
}
