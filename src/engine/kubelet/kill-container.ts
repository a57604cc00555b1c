/**
 * killContainer: the grace period, the preStop hook (waited for, or cut off when it outlasts the
 * grace period), then StopContainer with what is left of it.
 * Upstream: pkg/kubelet/kuberuntime/kuberuntime_container.go (killContainer, executePreStopHook)
 */
import type { StepWriter } from '../protocol/step'
import type { RuntimeContainer } from '../protocol/world'
import type { Container, Pod } from '../model/objects'
import { goDuration } from '../model/go-duration'
import {
  gracePeriodFor,
  MSG_PRE_STOP_FAILED,
  planKill,
  preStopOf,
  REASON_FAILED_PRE_STOP_HOOK,
} from './prestop'
import { setWs, ws } from './worker-state'
import { cri, sandboxOf } from './cri-client'
import { recordEvent } from './event-recorder'
import { PROBE_FIELDS } from './probe-workers'

/**
 * killContainer (kuberuntime_container.go): the grace period (the pod's, or the failing probe's own
 * terminationGracePeriodSeconds), then the preStop hook if there is one, then StopContainer with what is
 * left of the grace period (at least 2 seconds). The Killing event is recorded by the caller, before this.
 */
export function killContainer(
  w: StepWriter,
  node: string,
  pod: Pod,
  c: Container,
  rc: RuntimeContainer,
  probe?: 'liveness' | 'startup',
): void {
  const probeSpec = probe ? (c[PROBE_FIELDS[probe]] as { terminationGracePeriodSeconds?: number }) : undefined
  const grace = gracePeriodFor(
    pod.spec['terminationGracePeriodSeconds'] as number | undefined,
    probeSpec?.terminationGracePeriodSeconds,
    probe !== undefined,
  )
  const plan = planKill(c, grace, sandboxOf(w, node, pod)?.ip ?? '')
  if (!plan.hook) return stopContainer(w, node, pod, c.name, rc.id, plan.timeout)
  const h = preStopOf(c)!
  const what = h.exec
    ? `exec ${JSON.stringify((h.exec.command ?? []).join(' '))}`
    : h.httpGet
      ? `httpGet ${h.httpGet.path ?? '/'} on port ${h.httpGet.port}`
      : h.sleep
        ? `sleep ${h.sleep.seconds}s`
        : 'handler'
  const took = plan.hook.ms === Infinity ? 'never ends by itself' : `takes ${goDuration(plan.hook.ms)}`
  w.emit({
    kind: 'kubelet.sync',
    component: 'kubelet',
    stage: 'containers',
    summary: `preStop hook of ${c.name}: ${what}`,
    narration: plan.cutOff
      ? `Before it stops ${c.name}, the kubelet runs its preStop hook (${what}). The hook ${took}, longer than the ${grace}s grace period: the kubelet waits ${grace}s, then stops the container anyway with the 2-second minimum.`
      : `Before it stops ${c.name}, the kubelet runs its preStop hook (${what}) and waits for it. The hook ${took}${plan.hook.ok ? '' : ' and fails'}; the whole seconds it took come off the ${grace}s grace period, so StopContainer gets ${plan.timeout}s.`,
    payload: { node, action: 'preStop hook' },
  })
  w.send(plan.stopAfterMs, {
    to: 'kubelet',
    type: 'prestop-done',
    node,
    container: c.name,
    containerId: rc.id,
    failed: plan.failedAtMs !== null,
    cutOffExec: plan.cutOff && h.exec !== undefined,
    timeout: plan.timeout,
  })
}

function stopContainer(
  w: StepWriter,
  node: string,
  pod: Pod,
  name: string,
  id: string,
  timeout: number,
): void {
  cri(w, 1, node, { call: 'StopContainer', pod, container: name, request: { container_id: id, timeout } })
}

/** executePreStopHook returned (the hook ended, or the grace period did): record a failure, then stop. */
export function onPreStopDone(
  w: StepWriter,
  node: string,
  name: string,
  id: string,
  failed: boolean,
  cutOffExec: boolean,
  timeout: number,
): void {
  const pod = w.pod
  if (!pod) return
  if (failed)
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      REASON_FAILED_PRE_STOP_HOOK,
      MSG_PRE_STOP_FAILED,
      `${name}'s preStop hook failed. The kubelet leaves the hook's output out of the event (it could hold secrets) and stops the container all the same.`,
    )
  if (cutOffExec) setWs(w, { preStopCutOff: [...(ws(w).preStopCutOff ?? []), name] })
  stopContainer(w, node, pod, name, id, timeout)
}
