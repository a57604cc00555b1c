import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { toContractReport } from '../report/contract'
import { manifestOf } from '../testing/builders'
import type { Container } from '../model/objects'
import type { Timeline } from '../protocol/timeline'
import { gracePeriodFor, planKill, type KillPlan, type LifecycleHandler } from './prestop'

// Upstream: pkg/kubelet/kuberuntime/kuberuntime_container.go (killContainer, executePreStopHook,
// setTerminationGracePeriod, minimumGracePeriodInSeconds = 2), pkg/kubelet/lifecycle/handlers.go,
// pkg/kubelet/events/event.go (FailedPreStopHook). Event text "PreStopHook failed" from executePreStopHook.

const withHook = (image: string, preStop?: LifecycleHandler, command?: string[]): Container =>
  ({
    name: 'app',
    image,
    ...(command ? { command } : {}),
    ...(preStop ? { lifecycle: { preStop } } : {}),
  }) as unknown as Container

describe('killContainer timing (planKill)', () => {
  const exec = (...command: string[]): LifecycleHandler => ({ exec: { command } })
  const cases: { name: string; c: Container; grace: number; want: Partial<KillPlan> }[] = [
    {
      name: 'no hook: StopContainer at once with the whole grace period',
      c: withHook('nginx:1.27'),
      grace: 30,
      want: { stopAfterMs: 0, timeout: 30, hook: null },
    },
    {
      name: 'no hook and terminationGracePeriodSeconds 0: the 2-second minimum',
      c: withHook('nginx:1.27'),
      grace: 0,
      want: { stopAfterMs: 0, timeout: 2, hook: null },
    },
    {
      name: 'exec sleep 5: StopContainer after the hook, with 25s left',
      c: withHook('nginx:1.27', exec('sleep', '5')),
      grace: 30,
      want: { stopAfterMs: 5015, timeout: 25, failedAtMs: null, cutOff: false },
    },
    {
      name: 'an exec hook that exits 1 fails at once; the grace period is untouched',
      c: withHook('busybox:1.36', exec('sh', '-c', 'exit 1'), ['sleep', '3600']),
      grace: 30,
      want: { stopAfterMs: 15, timeout: 30, failedAtMs: 15, cutOff: false },
    },
    {
      name: 'a command the image lacks fails (status 127)',
      c: withHook('nginx:1.27', exec('/bin/drain')),
      grace: 30,
      want: { failedAtMs: 15, timeout: 30 },
    },
    {
      name: 'the elapsed time is truncated to whole seconds: sleep 2 in a 3s grace period leaves 1s, raised to 2',
      c: withHook('nginx:1.27', exec('sleep', '2')),
      grace: 3,
      want: { stopAfterMs: 2015, timeout: 2 },
    },
    {
      name: 'exec sleep 60 outlasts a 30s grace period: stop at 30s with the 2-second minimum',
      c: withHook('nginx:1.27', exec('sleep', '60')),
      grace: 30,
      want: { stopAfterMs: 30_000, timeout: 2, failedAtMs: null, cutOff: true },
    },
    {
      name: 'exec sleep infinity never ends: stop when the grace period is over',
      c: withHook('nginx:1.27', exec('sleep', 'infinity')),
      grace: 10,
      want: { stopAfterMs: 10_000, timeout: 2, cutOff: true },
    },
    {
      name: 'the sleep action waits its seconds and succeeds',
      c: withHook('nginx:1.27', { sleep: { seconds: 10 } }),
      grace: 30,
      want: { stopAfterMs: 10_000, timeout: 20, failedAtMs: null },
    },
    {
      name: 'httpGet on a path nginx serves succeeds',
      c: withHook('nginx:1.27', { httpGet: { path: '/', port: 80 } }),
      grace: 30,
      want: { stopAfterMs: 5, timeout: 30, failedAtMs: null },
    },
    {
      name: 'httpGet on a port nobody listens on fails',
      c: withHook('nginx:1.27', { httpGet: { path: '/shutdown', port: 8080 } }),
      grace: 30,
      want: { failedAtMs: 5, timeout: 30 },
    },
    {
      name: 'a grace period of 0 leaves no time for the hook: it does not run',
      c: withHook('nginx:1.27', exec('sleep', '5')),
      grace: 0,
      want: { stopAfterMs: 0, timeout: 2, hook: null },
    },
  ]
  it.each(cases)('$name', ({ c, grace, want }) => {
    expect(planKill(c, grace, '10.244.1.2')).toMatchObject(want)
  })
})

describe('the grace period killContainer starts from (setTerminationGracePeriod)', () => {
  const cases = [
    { name: 'the pod default is 30s', pod: undefined, probe: undefined, forProbe: false, want: 30 },
    { name: "the pod's terminationGracePeriodSeconds", pod: 60, probe: undefined, forProbe: true, want: 60 },
    { name: "a liveness kill uses the probe's own value", pod: 60, probe: 5, forProbe: true, want: 5 },
    { name: 'other kills ignore the probe value', pod: 60, probe: 5, forProbe: false, want: 60 },
  ]
  it.each(cases)('$name', ({ pod, probe, forProbe, want }) => {
    expect(gracePeriodFor(pod, probe, forProbe)).toBe(want)
  })
})

// End to end: a liveness probe on a path nginx lacks fails three times (period 1s), the kubelet kills.
function run(
  container: Record<string, unknown>,
  extra: Record<string, unknown> = {},
  until = 40_000,
): Timeline {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web' },
    spec: { ...extra, containers: [{ name: 'app', ...container }] },
  }
  return simulate({ manifest: manifestOf(pod) }, { seed: 1, until })
}
const failingLiveness = { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 1 }
const kubeletEvents = (t: Timeline) =>
  toContractReport(t, { command: 'kubectl apply -f pod.yaml' }).events.filter((e) => e.source === 'kubelet')
const stops = (t: Timeline) =>
  toContractReport(t, { command: 'kubectl apply -f pod.yaml' }).cri.filter((c) => c.call === 'StopContainer')

describe('preStop hooks when the kubelet kills a container', () => {
  it('liveness kill with preStop exec sleep 5: StopContainer 5s after Killing, with 25s left', () => {
    const t = run({
      image: 'nginx:1.27',
      livenessProbe: failingLiveness,
      lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } },
    })
    const killing = kubeletEvents(t).find((e) => e.reason === 'Killing')!
    expect(killing.message).toBe('Container app failed liveness probe, will be restarted')
    const stop = stops(t)[0]!
    expect(stop.request).toMatchObject({ timeout: 25 })
    expect(stop.t - killing.t).toBeCloseTo(5.016, 3)
    expect(kubeletEvents(t).map((e) => e.reason)).not.toContain('FailedPreStopHook')
  })

  it('a failing preStop hook: Warning FailedPreStopHook "PreStopHook failed", and the container is stopped anyway', () => {
    const t = run({
      image: 'nginx:1.27',
      livenessProbe: failingLiveness,
      lifecycle: { preStop: { exec: { command: ['sh', '-c', 'exit 1'] } } },
    })
    const events = kubeletEvents(t)
    const i = events.findIndex((e) => e.reason === 'Killing')
    expect(events[i + 1]).toMatchObject({
      type: 'Warning',
      reason: 'FailedPreStopHook',
      message: 'PreStopHook failed',
    })
    expect(stops(t)[0]!.request).toMatchObject({ timeout: 30 })
  })

  it('a failed postStart hook kills the container through killContainer: the preStop hook runs first', () => {
    const t = run({
      image: 'nginx:1.27',
      lifecycle: { postStart: { exec: { command: ['false'] } }, preStop: { sleep: { seconds: 3 } } },
    })
    const events = kubeletEvents(t)
    expect(events.slice(0, 7).map((e) => `${e.reason}: ${e.message}`)).toEqual([
      'Pulling: Pulling image "nginx:1.27"',
      expect.stringMatching(/^Pulled: Successfully pulled image/),
      'Created: Created container: app',
      'Started: Started container app',
      'FailedPostStartHook: PostStartHook failed',
      'Killing: FailedPostStartHook',
      expect.stringMatching(/^(Pulled|Created|BackOff)/),
    ])
    const killing = events.find((e) => e.reason === 'Killing')!
    const stop = stops(t)[0]!
    expect(stop.request).toMatchObject({ timeout: 27 })
    expect(stop.t - killing.t).toBeCloseTo(3.001, 3)
  })

  it('an exec hook that outlasts the grace period: stop at the end of it (2s), then FailedPreStopHook', () => {
    const t = run(
      {
        image: 'busybox:1.36',
        command: ['sleep', 'infinity'],
        livenessProbe: { exec: { command: ['false'] }, periodSeconds: 1 },
        lifecycle: { preStop: { exec: { command: ['sleep', '60'] } } },
      },
      { terminationGracePeriodSeconds: 5 },
    )
    const events = kubeletEvents(t)
    const killing = events.find((e) => e.reason === 'Killing')!
    const stop = stops(t)[0]!
    expect(stop.request).toMatchObject({ timeout: 2 })
    expect(stop.t - killing.t).toBeCloseTo(5.001, 3)
    // sleep as PID 1 ignores SIGTERM: SIGKILL after 2s; the hook's exec dies with it.
    const failed = events.find((e) => e.reason === 'FailedPreStopHook')!
    expect(failed.message).toBe('PreStopHook failed')
    expect(failed.t - stop.t).toBeGreaterThan(2)
    expect(failed.t - stop.t).toBeLessThan(2.1)
  })

  it("a liveness probe's own terminationGracePeriodSeconds is the StopContainer timeout", () => {
    const t = run(
      { image: 'nginx:1.27', livenessProbe: { ...failingLiveness, terminationGracePeriodSeconds: 7 } },
      { terminationGracePeriodSeconds: 60 },
    )
    expect(stops(t)[0]!.request).toMatchObject({ timeout: 7 })
  })
})
