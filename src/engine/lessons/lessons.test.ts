import { describe, expect, it } from 'vitest'
import { storyPod } from '../protocol/pods'
import { parseManifest } from '../kubectl/parse'
import type { SimEvent } from '../protocol/events'
import type { Timeline } from '../protocol/timeline'
import { simulate } from '../simulate'
import { buildStory } from '../story/build-story'
import type { Story } from '../story/types'
import { deepFreeze } from '../testing/builders'
import { matchesAnchor } from './anchor'
import { isAnswerVisible } from './answer-visibility'
import { lessonInput } from './lesson-input'
import { LESSONS } from './lessons'
import { resolveLesson } from './resolve-lesson'
import type { Lesson, ResolvedStop } from './types'

/** Sentences end with . ! or ? followed by a space; paths (kubelet.go) and versions (v1.24) do not. */
const sentences = (text: string): number => text.trim().split(/(?<=[.!?])\s+/).length

/** Each lesson simulated once with seed 1, as the app runs it, and resolved. */
const RUNS = LESSONS.map((lesson) => {
  const timeline = deepFreeze(simulate(lessonInput(lesson), { seed: 1 }))
  const story = buildStory(timeline)
  return { lesson, timeline, story, resolution: resolveLesson(lesson, timeline, story) }
})

function resolved(lesson: Lesson): { t: Timeline; story: Story; stops: readonly ResolvedStop[] } {
  const run = RUNS.find((r) => r.lesson === lesson)!
  if (!run.resolution.ok) throw new Error(run.resolution.error)
  return { t: run.timeline, story: run.story, stops: run.resolution.stops }
}

/** The events of the stop's step and of the steps before it in the same chapter (stage). */
function chapterEvents(t: Timeline, story: Story, step: number): SimEvent[] {
  let first = step
  while (first > 0 && story.steps[first - 1]!.stage === story.steps[step]!.stage) first--
  return t.events.slice(story.steps[first]!.first, story.steps[step]!.last + 1)
}

describe('LESSONS: the shipped set', () => {
  it('has at least the six lessons a class needs, with unique ids', () => {
    const ids = LESSONS.map((l) => l.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(
      expect.arrayContaining([
        'birth-of-a-pod',
        'why-pending',
        'crash-loop-back-off',
        'admission',
        'authn-authz',
        'pod-ip',
      ]),
    )
  })
})

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
  it('has a one-sentence summary, 4 to 10 stops with unique ids, and 1 or 2 questions', () => {
    expect(sentences(lesson.summary)).toBe(1)
    expect(lesson.stops.length).toBeGreaterThanOrEqual(4)
    expect(lesson.stops.length).toBeLessThanOrEqual(10)
    expect(new Set(lesson.stops.map((s) => s.id)).size).toBe(lesson.stops.length)
    const questions = lesson.stops.filter((s) => s.predict).length
    expect(questions).toBeGreaterThanOrEqual(1)
    expect(questions).toBeLessThanOrEqual(2)
  })

  it('says each stop in 2 to 4 sentences and names an upstream source', () => {
    for (const s of lesson.stops) {
      const n = sentences(s.text)
      expect(n, `${s.id}: ${n} sentences`).toBeGreaterThanOrEqual(2)
      expect(n, `${s.id}: ${n} sentences`).toBeLessThanOrEqual(4)
      // A source reads like a path: pkg/kubelet/kubelet.go, containerd internal/cri/…, flannel-io/flannel …
      expect(s.text, s.id).toMatch(/\([^)]*\/[^)]*\)/)
    }
  })

  it('simulates, and every stop resolves in order', () => {
    const run = RUNS.find((r) => r.lesson === lesson)!
    expect(run.resolution.ok ? '' : run.resolution.error).toBe('')
    const { stops } = resolved(lesson)
    expect(stops.map((s) => s.stop.id)).toEqual(lesson.stops.map((s) => s.id))
    for (let k = 1; k < stops.length; k++)
      expect(stops[k]!.eventIndex).toBeGreaterThanOrEqual(stops[k - 1]!.eventIndex)
  })

  it("lands each stop on the last event of the step holding the anchor's event", () => {
    const { t, story, stops } = resolved(lesson)
    for (const r of stops) {
      const at = r.stop.at
      if (at === 'start') {
        expect([r.anchorIndex, r.eventIndex, r.step]).toEqual([-1, -1, -1])
        continue
      }
      if (at === 'end') {
        expect(r.eventIndex).toBe(t.events.length - 1)
        continue
      }
      const step = story.steps[r.step]!
      expect(matchesAnchor(t.events[r.anchorIndex]!, at), r.stop.id).toBe(true)
      expect(r.anchorIndex).toBeGreaterThanOrEqual(step.first)
      expect(r.anchorIndex).toBeLessThanOrEqual(step.last)
      expect(r.eventIndex).toBe(step.last)
    }
  })

  it('opens a component that takes part in the stop’s step or earlier in its chapter', () => {
    const { t, story, stops } = resolved(lesson)
    for (const r of stops) {
      if (!r.stop.open) continue
      expect(r.step, `${r.stop.id} opens an inspector before anything happened`).toBeGreaterThanOrEqual(0)
      const parties = new Set(chapterEvents(t, story, r.step).flatMap((e) => [e.component, e.from, e.to]))
      expect([...parties], r.stop.id).toContain(r.stop.open)
    }
  })

  it('highlights only fields that are in the manifest', () => {
    const parsed = parseManifest(lessonInput(lesson).manifest)
    if (!parsed.ok) throw new Error('the scenario manifest does not parse')
    const positions = parsed.documents[0]!.positions
    for (const s of lesson.stops.filter((x) => x.field))
      expect(positions[s.field!], `${s.id}: ${s.field}`).toBeDefined()
  })

  it('asks each question before its answer shows, from choices of the run, and reveals it later', () => {
    const { t, stops } = resolved(lesson)
    for (const r of stops.filter((x) => x.stop.predict)) {
      const p = r.prediction!
      expect(p.kind).toBe(r.stop.predict)
      expect(p.choices.length).toBeGreaterThanOrEqual(2)
      expect(p.choices.length).toBeLessThanOrEqual(5)
      expect(new Set(p.choices).size).toBe(p.choices.length)
      expect(p.choices).toContain(p.answer)
      expect(p.revealIndex).toBeGreaterThan(r.eventIndex)
      expect(isAnswerVisible(p, t, r.eventIndex), `${r.stop.id}: visible at the stop`).toBe(false)
      expect(isAnswerVisible(p, t, p.revealIndex), `${r.stop.id}: hidden at reveal`).toBe(true)
      for (let i = r.eventIndex; i < p.revealIndex; i++)
        expect(isAnswerVisible(p, t, i), `${r.stop.id}: visible early at ${i}`).toBe(false)
    }
  })
})

/** What a stop's text claims, checked on the frame or events of the step it lands on. */
type Claim = (t: Timeline, r: ResolvedStop, stops: readonly ResolvedStop[]) => void
const at = (stops: readonly ResolvedStop[], id: string) => stops.find((s) => s.stop.id === id)!
const frame = (t: Timeline, r: ResolvedStop) => (r.eventIndex < 0 ? t.initial : t.frames[r.eventIndex]!)

const CLAIMS: readonly (readonly [lesson: string, stop: string, name: string, check: Claim])[] = [
  [
    'birth-of-a-pod',
    'stored',
    'the pod is stored under /registry/pods/default/nginx with no node, Pending (apiserver storage)',
    (t, r) => {
      const w = frame(t, r)
      expect(w.etcd.keys['/registry/pods/default/nginx']).toBeDefined()
      expect(storyPod(w)?.spec.nodeName).toBeFalsy()
      expect(storyPod(w)?.status?.phase ?? 'Pending').toBe('Pending')
    },
  ],
  [
    'birth-of-a-pod',
    'admission-changes-it',
    'ServiceAccount sets serviceAccountName: default (plugin/pkg/admission/serviceaccount/admission.go)',
    (t, r) => {
      const e = t.events[r.anchorIndex]!
      if (e.kind !== 'admission.verdict') throw new Error(e.kind)
      expect(e.payload.patch).toContainEqual({
        op: 'add',
        path: '/spec/serviceAccountName',
        value: 'default',
      })
    },
  ],
  [
    'birth-of-a-pod',
    'running',
    'the pod ends Running with a pod IP (pkg/kubelet/status/status_manager.go)',
    (t, r) => {
      expect(storyPod(frame(t, r))?.status?.phase).toBe('Running')
      expect(storyPod(frame(t, r))?.status?.podIP).toBeTruthy()
    },
  ],
  [
    'why-pending',
    'resources-fit',
    'NodeResourcesFit reports Insufficient cpu on both workers (noderesources/fit.go)',
    (t, r) => {
      const e = t.events[r.anchorIndex]!
      if (e.kind !== 'scheduler.cycle') throw new Error(e.kind)
      const workers = e.payload.nodes.filter((n) => n.name.startsWith('worker-'))
      expect(workers.map((n) => [n.filter.plugin, n.filter.reasons])).toEqual([
        ['NodeResourcesFit', ['Insufficient cpu']],
        ['NodeResourcesFit', ['Insufficient cpu']],
      ])
    },
  ],
  [
    'why-pending',
    'taint',
    'TaintToleration rejects the control-plane as UnschedulableAndUnresolvable (tainttoleration/taint_toleration.go)',
    (t, r) => {
      const e = t.events[r.anchorIndex]!
      if (e.kind !== 'scheduler.cycle') throw new Error(e.kind)
      const cp = e.payload.nodes.find((n) => n.name === 'control-plane')!
      expect([cp.filter.plugin, cp.filter.code]).toEqual(['TaintToleration', 'UnschedulableAndUnresolvable'])
    },
  ],
  [
    'why-pending',
    'preemption',
    'DefaultPreemption is not helpful on any node (noderesources/fit.go Unresolvable, defaultpreemption/default_preemption.go)',
    (t, r) => {
      const e = t.events[r.anchorIndex]!
      if (e.kind !== 'scheduler.cycle') throw new Error(e.kind)
      const verdict = e.payload.postFilter?.find((v) => v.plugin === 'DefaultPreemption')
      expect(verdict?.code).toBe('Unschedulable')
      expect(verdict?.reasons.join()).toBe(
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
      )
      expect(e.payload.nodes.map((n) => n.filter.code)).toEqual([
        'UnschedulableAndUnresolvable',
        'UnschedulableAndUnresolvable',
        'UnschedulableAndUnresolvable',
      ])
      expect(e.payload.preemption).toBeUndefined()
    },
  ],
  [
    'why-pending',
    'pod-scheduled-false',
    'PodScheduled=False, reason Unschedulable (pkg/scheduler/schedule_one.go)',
    (t, r) => {
      const c = storyPod(frame(t, r))?.status?.conditions?.find((x) => x.type === 'PodScheduled')
      expect([c?.status, c?.reason]).toEqual(['False', 'Unschedulable'])
    },
  ],
  [
    'why-pending',
    'retry',
    'the unschedulable pod is retried after 5 minutes (scheduling_queue.go podMaxInUnschedulablePodsDuration)',
    (t, r, stops) => {
      const first = t.events[at(stops, 'resources-fit').anchorIndex]!.at
      expect(t.events[r.anchorIndex]!.at - first).toBeGreaterThanOrEqual(5 * 60 * 1000)
      expect(storyPod(frame(t, r))?.spec.nodeName).toBeFalsy()
    },
  ],
  [
    'crash-loop-back-off',
    'waited',
    'the first back-off is 10 s after the exit and the phase stays Running (kubelet.go backOffPeriod; getPhase)',
    (t, r) => {
      const exits = t.events.filter(
        (e) => e.kind === 'runtime.step' && e.payload.action === 'container exited',
      )
      const lastExit = exits.filter((e) => e.at < t.events[r.anchorIndex]!.at).pop()!
      expect(t.events[r.anchorIndex]!.at - lastExit.at).toBe(10_000)
      expect(storyPod(frame(t, r))?.status?.phase).toBe('Running')
    },
  ],
  [
    'crash-loop-back-off',
    'cap',
    'the waits double, 10 s to 160 s, before the cap (client-go util/flowcontrol/backoff.go)',
    (t) => {
      const events = t.events
      const waits = events.flatMap((e, i) => {
        if (e.kind !== 'kubelet.sync' || e.payload.action !== 'back-off expired') return []
        const exit = events
          .slice(0, i)
          .filter((x) => x.kind === 'runtime.step' && x.payload.action === 'container exited')
        return [e.at - exit[exit.length - 1]!.at]
      })
      expect(waits).toEqual([10_000, 20_000, 40_000, 80_000, 160_000])
    },
  ],
  [
    'crash-loop-back-off',
    'still-looping',
    'the back-off is capped at 5m0s, the pod still Running (kubelet.go MaxContainerBackOff)',
    (t, r) => {
      const s = storyPod(frame(t, r))?.status?.containerStatuses?.[0]
      expect(JSON.stringify(s?.state)).toContain('back-off 5m0s restarting failed container=app')
      expect(storyPod(frame(t, r))?.status?.phase).toBe('Running')
    },
  ],
  [
    'admission',
    'validation',
    'validation runs after every mutating plugin and before the validating ones (apiserver pkg/registry/rest/create.go)',
    (t, r) => {
      const before = t.events.slice(0, r.anchorIndex)
      const after = t.events.slice(r.anchorIndex + 1)
      expect(before.some((e) => e.kind === 'admission.verdict' && e.payload.phase === 'validating')).toBe(
        false,
      )
      expect(after.some((e) => e.kind === 'admission.verdict' && e.payload.phase === 'mutating')).toBe(false)
    },
  ],
  [
    'admission',
    'refused',
    'a refused pod is never written to etcd (apiserver pkg/admission/chain.go)',
    (t, r) => {
      expect(frame(t, r).etcd.keys['/registry/pods/secure/plain']).toBeUndefined()
      expect(t.events.some((e) => e.kind === 'etcd.put')).toBe(false)
    },
  ],
  [
    'authn-authz',
    'no-opinion',
    'Node and RBAC both answer NoOpinion for jane (authorization/union/union.go)',
    (t, r) => {
      const e = t.events[r.anchorIndex]!
      if (e.kind !== 'authz.verdict') throw new Error(e.kind)
      expect(e.payload.decisions.map((d) => [d.authorizer, d.decision])).toEqual([
        ['Node', 'NoOpinion'],
        ['RBAC', 'NoOpinion'],
      ])
    },
  ],
  [
    'anonymous',
    'anonymous',
    'no credentials authenticate as system:anonymous in system:unauthenticated (authentication/request/anonymous)',
    (t, r) => {
      const e = t.events[r.anchorIndex]!
      if (e.kind !== 'authn.verdict') throw new Error(e.kind)
      expect([e.payload.user?.name, e.payload.user?.groups]).toEqual([
        'system:anonymous',
        ['system:unauthenticated'],
      ])
    },
  ],
  [
    'pod-ip',
    'ipam',
    'host-local hands out an address in the node podCIDR, never the gateway (plugins/ipam/host-local)',
    (t, r) => {
      const e = t.events[r.anchorIndex]!
      if (e.kind !== 'cni.add') throw new Error(e.kind)
      const ip = (e.payload.result as { ips: { address: string; gateway: string }[] }).ips[0]!
      expect(ip.address.startsWith('10.244.2.')).toBe(true)
      expect(ip.address.split('/')[0]).not.toBe(ip.gateway)
      expect(ip.gateway).toBe('10.244.2.1')
    },
  ],
]

describe('what each stop claims is what its step shows', () => {
  it.each(CLAIMS.map(([l, s, name, check]) => [`${l}/${s}: ${name}`, l, s, check] as const))(
    '%s',
    (_name, lessonId, stopId, check) => {
      const lesson = LESSONS.find((l) => l.id === lessonId)!
      const { t, stops } = resolved(lesson)
      check(t, at(stops, stopId), stops)
    },
  )
})
