import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { SCENARIOS } from '../scenario/scenarios'
import { deepFreeze } from '../testing/builders'
import type { Timeline } from '../protocol/timeline'
import { containerLanes, type ContainerLane, type LaneSegment } from './container-lanes'
import { containerStatesOf } from './container-states'

const run = (id: string, until?: number): Timeline => {
  const s = SCENARIOS.find((x) => x.id === id)!
  return deepFreeze(
    simulate({ manifest: s.manifest, ...(s.cluster ? { cluster: s.cluster } : {}) }, { seed: 1, until }),
  )
}
const lane = (t: Timeline, name: string): ContainerLane => {
  const l = containerLanes(t).lanes.find((x) => x.name === name)
  if (!l) throw new Error(`no lane ${name}`)
  return l
}
const first = (l: ContainerLane, pred: (s: LaneSegment) => boolean): LaneSegment => {
  const s = l.segments.find(pred)
  if (!s) throw new Error(`no such segment in ${l.segments.map((x) => x.summary).join(', ')}`)
  return s
}

/** Segments of a lane follow each other without gaps up to the timeline's end. */
function expectContiguous(l: ContainerLane, end: number): void {
  for (let i = 1; i < l.segments.length; i++) expect(l.segments[i]!.from).toBe(l.segments[i - 1]!.to)
  expect(l.segments[l.segments.length - 1]!.to).toBe(end)
}

describe('per-container lanes', () => {
  it('busybox with no command: runs, exits 0, restarts, then waits in CrashLoopBackOff with growing back-off', () => {
    const t = run('crashloop')
    const { end, lanes } = containerLanes(t)
    expect(lanes.map((l) => [l.name, l.kind])).toEqual([['app', 'regular']])
    const app = lanes[0]!
    expectContiguous(app, end)
    expect(app.segments[0]).toMatchObject({ state: 'waiting', reason: 'ContainerCreating', ok: true })
    const ran = first(app, (s) => s.state === 'running')
    const exited = first(app, (s) => s.state === 'terminated')
    expect(exited).toMatchObject({ reason: 'Completed', exitCode: 0, ok: true, restartCount: 0 })
    expect(exited.from).toBeGreaterThan(ran.from)
    const loop = first(app, (s) => s.reason === 'CrashLoopBackOff')
    expect(loop).toMatchObject({ state: 'waiting', ok: false, summary: 'waiting: CrashLoopBackOff' })
    // Each restart is marked once, in order; the last span carries the final restart count.
    const restarts = app.marks.filter((m) => m.kind === 'restart')
    expect(restarts.map((m) => m.text)).toEqual(restarts.map((_, i) => `restart ${i + 1}`))
    expect(restarts.length).toBeGreaterThanOrEqual(5)
    expect(app.segments[app.segments.length - 1]!.restartCount).toBe(restarts.length)
    // The back-off between restarts doubles (10s, 20s, 40s, …), so the gaps grow.
    const gaps = restarts.slice(1).map((m, i) => m.at - restarts[i]!.at)
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]!)
    expect(app.segments.filter((s) => s.state === 'running')).toHaveLength(restarts.length + 1)
  })

  it('an init container runs to completion before the app container starts', () => {
    const t = run('init-container')
    const { end, lanes } = containerLanes(t)
    expect(lanes.map((l) => [l.name, l.kind])).toEqual([
      ['init-db', 'init'],
      ['app', 'regular'],
    ])
    const init = lanes[0]!
    const app = lanes[1]!
    expectContiguous(init, end)
    expectContiguous(app, end)
    expect(init.segments.map((s) => s.summary)).toEqual([
      'waiting: PodInitializing',
      'running',
      'terminated: Completed (exit code 0)',
    ])
    expect(app.segments[0]).toMatchObject({ state: 'waiting', reason: 'PodInitializing' })
    const done = first(init, (s) => s.state === 'terminated')
    const appRuns = first(app, (s) => s.state === 'running')
    expect(appRuns.from).toBeGreaterThan(done.from)
    expect(first(init, (s) => s.state === 'running').unready).toBe(false)
  })

  it('a native sidecar starts first and keeps running beside the app', () => {
    const t = run('sidecar')
    const { end, lanes } = containerLanes(t)
    expect(lanes.map((l) => [l.name, l.kind])).toEqual([
      ['log-shipper', 'sidecar'],
      ['app', 'regular'],
    ])
    const sidecar = lanes[0]!
    const app = lanes[1]!
    const sidecarRuns = first(sidecar, (s) => s.state === 'running')
    expect(sidecarRuns.to).toBe(end)
    expect(first(app, (s) => s.state === 'running').from).toBeGreaterThan(sidecarRuns.from)
    expect(sidecar.marks).toEqual([])
  })

  it('a failing readiness probe: the container runs but is never ready, and each failure is marked', () => {
    const t = run('readiness', 60_000)
    const web = lane(t, 'web')
    const runs = first(web, (s) => s.state === 'running')
    expect(runs).toMatchObject({ ready: false, unready: true, summary: 'running, not ready' })
    const probes = web.marks.filter((m) => m.kind === 'probe-failed')
    expect(probes.length).toBeGreaterThanOrEqual(10)
    for (const m of probes) {
      expect(m.text).toBe('Readiness probe failed: HTTP probe failed with statuscode: 404')
      expect(m.at).toBeGreaterThan(runs.from)
    }
    // periodSeconds: 5
    expect(probes[1]!.at - probes[0]!.at).toBe(5000)
    expect(web.marks.some((m) => m.kind === 'restart')).toBe(false)
  })

  it('an image typo waits in ErrImagePull and ImagePullBackOff and never runs', () => {
    const app = lane(run('image-typo', 60_000), 'app')
    const reasons = app.segments.map((s) => s.reason)
    expect(reasons).toContain('ErrImagePull')
    expect(reasons).toContain('ImagePullBackOff')
    expect(app.segments.every((s) => s.state === 'waiting')).toBe(true)
    expect(first(app, (s) => s.reason === 'ImagePullBackOff').ok).toBe(false)
  })

  it('a container killed for memory terminates with OOMKilled and exit code 137', () => {
    const stress = lane(run('oom', 30_000), 'stress')
    expect(first(stress, (s) => s.state === 'terminated')).toMatchObject({
      reason: 'OOMKilled',
      exitCode: 137,
      ok: false,
      summary: 'terminated: OOMKilled (exit code 137)',
    })
  })

  it('a pod the apiserver rejects has no lanes', () => {
    expect(containerLanes(run('invalid')).lanes).toEqual([])
  })

  it('agrees with the container states at every instant', () => {
    const t = run('crashloop', 40_000)
    const lanes = containerLanes(t).lanes
    t.events.forEach((e, i) => {
      // Several events can share an instant; the lanes show the state after the last of them.
      if (t.events[i + 1]?.at === e.at) return
      const now = containerStatesOf(t.frames[i]!) ?? []
      for (const c of now) {
        const segs = lanes.find((l) => l.name === c.name)!.segments.filter((s) => s.from <= e.at)
        expect(segs[segs.length - 1]!.summary).toBe(c.summary)
      }
    })
  })
})
