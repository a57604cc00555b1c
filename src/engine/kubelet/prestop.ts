/**
 * How the kubelet kills a container that has a preStop hook (killContainer → executePreStopHook):
 * the hook runs first, within the grace period; the kubelet waits for it or for the grace period,
 * whichever ends first; the whole seconds it took come off the grace period, and StopContainer gets
 * what is left, but never less than 2 seconds (minimumGracePeriodInSeconds). A failed hook gives
 * `Warning FailedPreStopHook PreStopHook failed` (the handler's output is left out on purpose, so that
 * secrets do not leak into events); the container is stopped all the same.
 * An exec hook still running when the grace period ends is not waited for: StopContainer kills the
 * container and the exec with it, so ExecSync fails and the event comes once the container is gone.
 * Nothing here reads the world: a container spec and a hook in, a plan out.
 * Upstream: pkg/kubelet/kuberuntime/kuberuntime_container.go (killContainer, executePreStopHook,
 * setTerminationGracePeriod, minimumGracePeriodInSeconds), pkg/kubelet/lifecycle/handlers.go
 * (HandlerRunner.Run: exec, httpGet, sleep), pkg/kubelet/events/event.go (FailedPreStopHook).
 */
import type { Container } from '../model/objects'
import { execRun } from './container-behaviour'
import { runHandler, type ProbeSpec } from './probes'

/** A lifecycle handler: exec, httpGet, or sleep (PodLifecycleSleepAction, on by default since 1.30). */
export interface LifecycleHandler extends ProbeSpec {
  readonly sleep?: { readonly seconds: number }
}

export const REASON_FAILED_PRE_STOP_HOOK = 'FailedPreStopHook'
/** kuberuntime_container.go executePreStopHook: the event carries no handler output. */
export const MSG_PRE_STOP_FAILED = 'PreStopHook failed'
/** kuberuntime_container.go: always give containers a minimal shutdown window to avoid unnecessary SIGKILLs. */
export const MINIMUM_GRACE_PERIOD_SECONDS = 2
/** How long an httpGet handler's request takes here. */
const HTTP_HOOK_MS = 5

export function preStopOf(c: Container): LifecycleHandler | undefined {
  return (c['lifecycle'] as { preStop?: LifecycleHandler } | undefined)?.preStop
}

/** What a hook does: whether it succeeds and how long it runs (Infinity: it would not end by itself). */
export function runHook(c: Container, h: LifecycleHandler, podIP: string): { ok: boolean; ms: number } {
  if (h.sleep) return { ok: true, ms: Math.max(0, h.sleep.seconds) * 1000 }
  if (h.exec) {
    const r = execRun(c, h.exec.command ?? [])
    return { ok: r.status === 0, ms: r.afterMs }
  }
  return { ok: runHandler(c, h, podIP).ok, ms: HTTP_HOOK_MS }
}

export interface KillPlan {
  /** When the kubelet calls StopContainer, in ms after it decided to kill. */
  readonly stopAfterMs: number
  /** The StopContainer timeout, in seconds. */
  readonly timeout: number
  /** When FailedPreStopHook is recorded, in ms after the decision to kill; null when there is none. */
  readonly failedAtMs: number | null
  /** The hook was still running when the grace period ended (the kubelet stopped waiting for it). */
  readonly cutOff: boolean
  /** The hook's run, or null when the container has no preStop hook (or the grace period is 0). */
  readonly hook: { readonly ok: boolean; readonly ms: number } | null
}

/**
 * The grace period killContainer starts from (setTerminationGracePeriod): the pod's
 * terminationGracePeriodSeconds (default 30), or the failing probe's own terminationGracePeriodSeconds
 * when the kill is for a liveness or startup probe.
 */
export function gracePeriodFor(
  podGrace: number | undefined,
  probeGrace: number | undefined,
  forProbe: boolean,
): number {
  const base = podGrace ?? 30
  return forProbe && probeGrace !== undefined ? probeGrace : base
}

/** killContainer's timing for a container with grace period `grace` (seconds). */
export function planKill(c: Container, grace: number, podIP: string): KillPlan {
  const h = preStopOf(c)
  if (!h || grace <= 0)
    return {
      stopAfterMs: 0,
      timeout: Math.max(grace, MINIMUM_GRACE_PERIOD_SECONDS),
      failedAtMs: null,
      cutOff: false,
      hook: null,
    }
  const hook = runHook(c, h, podIP)
  const graceMs = grace * 1000
  if (hook.ms < graceMs) {
    // The elapsed time is truncated to whole seconds: int64(metav1.Now().Sub(start.Time).Seconds()).
    const left = grace - Math.trunc(hook.ms / 1000)
    return {
      stopAfterMs: hook.ms,
      timeout: Math.max(left, MINIMUM_GRACE_PERIOD_SECONDS),
      failedAtMs: hook.ok ? null : hook.ms,
      cutOff: false,
      hook,
    }
  }
  // The grace period ends first: nothing is left of it, so StopContainer gets the 2-second minimum.
  // An exec hook dies with the container (its ExecSync then fails); sleep and httpGet handlers just end.
  return {
    stopAfterMs: graceMs,
    timeout: MINIMUM_GRACE_PERIOD_SECONDS,
    failedAtMs: null,
    cutOff: true,
    hook,
  }
}
