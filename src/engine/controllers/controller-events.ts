/**
 * What the controllers record when a call is answered: Kubernetes Events (ScalingReplicaSet,
 * SuccessfulCreate, FailedCreate, SuccessfulDelete, FailedDelete, with upstream's texts) and the
 * replicaset controller's expectations (CreationObserved, DeletionObserved).
 * Upstream: pkg/controller/controller_utils.go (RealPodControl createPods, DeletePod) and
 * pkg/controller/deployment/sync.go (scaleReplicaSet's event).
 */
import type { SimContext } from '../protocol/context'
import type { KubeEvent } from '../protocol/events'
import type { Json } from '../model/objects'
import type { StepWriter } from '../protocol/step'
import type { ControllerName, Effect } from './plan'
import { CONTROLLER_SOURCE } from './plan'
import { put, stateOf } from './cm-state'

function recordEvent(
  w: StepWriter,
  controller: ControllerName,
  about: { kind: string; name: string },
  type: KubeEvent['type'],
  reason: string,
  message: string,
): void {
  const event: KubeEvent = {
    type,
    reason,
    message,
    source: CONTROLLER_SOURCE[controller],
    object: `${about.kind}/${about.name}`,
  }
  w.emit(
    {
      kind: 'k8s.event',
      component: 'kube-controller-manager',
      from: 'kube-controller-manager',
      to: 'kube-apiserver',
      stage: 'controllers',
      summary: `${type} ${reason}: ${message}`,
      narration: `The ${controller} controller records an Event on ${about.kind} ${about.name}: ${message}.`,
      payload: event,
    },
    { ...w.world, events: w.world.events.append(event) },
  )
}

export function applyEffect(
  w: StepWriter,
  ctx: SimContext,
  effect: Effect,
  ok: boolean,
  body: Json,
  error: string | undefined,
): void {
  void ctx
  if (effect.type === 'event') {
    if (ok)
      recordEvent(
        w,
        effect.about.kind === 'Deployment' ? 'deployment' : 'replicaset',
        effect.about,
        effect.eventType,
        effect.reason,
        effect.message,
      )
    return
  }
  const rsKey = `${effect.replicaSet.namespace}/${effect.replicaSet.name}`
  if (effect.type === 'pod-created') {
    if (ok) {
      const name = ((body as { metadata?: { name?: string } }).metadata?.name ?? '') as string
      recordEvent(w, 'replicaset', effect.replicaSet, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`)
    } else {
      recordEvent(
        w,
        'replicaset',
        effect.replicaSet,
        'Warning',
        'FailedCreate',
        `Error creating: ${error ?? ''}`,
      )
      observe(w, rsKey, (e) => ({ ...e, add: Math.max(0, e.add - 1) }))
    }
    return
  }
  if (ok)
    recordEvent(
      w,
      'replicaset',
      effect.replicaSet,
      'Normal',
      'SuccessfulDelete',
      `Deleted pod: ${effect.pod}`,
    )
  else {
    recordEvent(
      w,
      'replicaset',
      effect.replicaSet,
      'Warning',
      'FailedDelete',
      `Error deleting: ${error ?? ''}`,
    )
    observe(w, rsKey, (e) => ({
      ...e,
      del: e.del.filter((k) => k !== `${effect.replicaSet.namespace}/${effect.pod}`),
    }))
  }
}

export function observe(
  w: StepWriter,
  rsKey: string,
  f: (e: { add: number; del: readonly string[] }) => { add: number; del: readonly string[] },
): void {
  const s = stateOf(w.world)
  const e = s.expectations[rsKey]
  if (e) put(w, { ...s, expectations: { ...s.expectations, [rsKey]: f(e) } })
}
