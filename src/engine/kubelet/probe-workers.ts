/**
 * The prober: one worker per container and probe kind, ticking every period from when the pod was
 * added. A result that changes triggers a sync; a failed liveness or startup probe stops its worker
 * until the container is restarted.
 * Upstream: pkg/kubelet/prober/worker.go, prober/prober_manager.go
 */
import type { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import type { RuntimeContainer } from '../protocol/world'
import type { Container, Pod } from '../model/objects'
import { findContainer } from './status'
import type { ProbeKind } from './pod-state'
import { probeTiming, runHandler, type ProbeSpec } from './probes'
import * as M from './kubelet-messages'
import { setRecord, ws } from './worker-state'
import { sandboxOf } from './cri-client'
import { recordEvent } from './event-recorder'

export const PROBE_FIELDS: Readonly<Record<ProbeKind, string>> = {
  startup: 'startupProbe',
  liveness: 'livenessProbe',
  readiness: 'readinessProbe',
}
const PROBE_TITLE: Readonly<Record<ProbeKind, 'Startup' | 'Liveness' | 'Readiness'>> = {
  startup: 'Startup',
  liveness: 'Liveness',
  readiness: 'Readiness',
}
const INITIAL_RESULT: Readonly<Record<ProbeKind, 'Success' | 'Failure' | 'Unknown'>> = {
  startup: 'Unknown',
  liveness: 'Success',
  readiness: 'Failure',
}

/** The next prober tick at or after `from`: workers tick every period from when the pod was added. */
function nextTick(w: StepWriter, from: number, periodMs: number): number {
  const base = ws(w).admittedAt
  return base + Math.ceil(Math.max(0, from - base) / periodMs) * periodMs
}

export function scheduleProbes(
  w: StepWriter,
  ctx: SimContext,
  node: string,
  pod: Pod,
  c: Container,
  rc: RuntimeContainer,
): void {
  for (const kind of ['startup', 'liveness', 'readiness'] as const) {
    const spec = c[PROBE_FIELDS[kind]] as ProbeSpec | undefined
    if (!spec) continue
    const t = probeTiming(spec)
    const at = nextTick(w, Math.max(ctx.at + 1, (rc.startedAtMs ?? ctx.at) + t.initialDelayMs), t.periodMs)
    w.send(at - ctx.at, {
      to: 'kubelet',
      type: 'probe',
      node,
      container: c.name,
      containerId: rc.id,
      probe: kind,
    })
  }
  void pod
}

export function onProbe(
  w: StepWriter,
  ctx: SimContext,
  node: string,
  name: string,
  id: string,
  kind: ProbeKind,
): void {
  const pod = w.pod
  if (!pod || ws(w).terminal) return
  const rc = w.world.nodes[node]?.containers.find((x) => x.id === id)
  const c = findContainer(pod, name)?.c
  const spec = c?.[PROBE_FIELDS[kind]] as ProbeSpec | undefined
  if (!rc || rc.state !== 'CONTAINER_RUNNING' || !c || !spec) return
  const t = probeTiming(spec)
  const again = () =>
    w.send(t.periodMs, { to: 'kubelet', type: 'probe', node, container: name, containerId: id, probe: kind })
  const probes = ws(w).containers[name]?.probes ?? {}
  if (kind !== 'startup' && c['startupProbe'] && probes.startup?.result !== 'Success') return void again()
  const prev = probes[kind] ?? { successes: 0, failures: 0, result: INITIAL_RESULT[kind] }
  const r = runHandler(c, spec, sandboxOf(w, node, pod)?.ip ?? '')
  const next = r.ok
    ? {
        successes: prev.successes + 1,
        failures: 0,
        result: prev.successes + 1 >= t.successThreshold ? ('Success' as const) : prev.result,
      }
    : {
        successes: 0,
        failures: prev.failures + 1,
        result: prev.failures + 1 >= t.failureThreshold ? ('Failure' as const) : prev.result,
      }
  setRecord(w, name, { probes: { ...probes, [kind]: next } })
  if (!r.ok)
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      M.EVENT.Unhealthy,
      M.MSG_PROBE_FAILED(PROBE_TITLE[kind], r.output),
      `${PROBE_TITLE[kind]} probe of ${name} failed (${next.failures}/${t.failureThreshold}).`,
    )
  const changed = next.result !== prev.result
  if (kind === 'startup' && next.result === 'Success') {
    if (changed) triggerSync(w, ctx, node, 'startup probe succeeded')
    return
  }
  if ((kind === 'liveness' || kind === 'startup') && next.result === 'Failure') {
    if (changed) triggerSync(w, ctx, node, `${kind} probe failed`)
    return
  }
  again()
  if (changed) triggerSync(w, ctx, node, `readiness probe: ${next.result}`)
}

function triggerSync(w: StepWriter, ctx: SimContext, node: string, reason: string): void {
  const pod = w.pod
  if (pod) w.send(0.5, { to: 'kubelet', type: 'sync', node, pod, reason })
  void ctx
}
