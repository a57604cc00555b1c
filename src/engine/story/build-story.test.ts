import { describe, expect, it } from 'vitest'
import { SCENARIOS } from '../scenario/scenarios'
import type { SimEvent } from '../protocol/events'
import { POD_STAGES } from '../protocol/stages'
import { buildStory } from './build-story'
import { isProtected } from './event-classes'
import { runScenario } from './scenario-run'
import { simulate } from '../simulate'
import { IDENTITIES } from '../scenario/identities'
import { DEFAULT_MANIFEST } from '../scenario/default-scenario'

describe('buildStory: every scenario', () => {
  it.each(SCENARIOS.map((s) => [s.id]))('%s: steps cover every event once, in order', (id) => {
    const t = runScenario(id)
    const story = buildStory(t)
    let next = 0
    story.steps.forEach((s, k) => {
      expect(s.first).toBe(next)
      expect(s.last).toBeGreaterThanOrEqual(s.first)
      for (let i = s.first; i <= s.last; i++) expect(story.stepOf(i)).toBe(k)
      next = s.last + 1
    })
    expect(next).toBe(t.events.length)
    expect(story.stepOf(-1)).toBe(-1)
    // The last event is a step of its own; protected events are never folded into a group.
    const last = story.steps[story.steps.length - 1]!
    expect([last.first, last.last, last.kind]).toEqual([t.events.length - 1, t.events.length - 1, 'event'])
    for (const s of story.steps.filter((x) => x.kind === 'group'))
      for (let i = s.first; i <= s.last; i++)
        expect(isProtected(t.events[i]!), `${id} event ${i}`).toBe(false)
  })
})

describe('buildStory: the stories a class follows', () => {
  it('nginx, the happy path: 32 steps, every stage still there', () => {
    const story = buildStory(runScenario('default'))
    expect(story.steps).toHaveLength(32)
    expect(new Set(story.steps.map((s) => s.stage))).toEqual(new Set(POD_STAGES.map((s) => s.id)))
    expect(story.steps.filter((s) => s.kind === 'group').map((s) => s.title)).toContain(
      '5 mutating admission plugins let the pod through unchanged; the pod passes validation; 10 validating admission plugins let the pod through unchanged',
    )
  })

  it.each([
    ['the scheduling cycle is a key moment', (e: SimEvent) => e.kind === 'scheduler.cycle', 1.4],
    [
      'the binding is a key moment',
      (e: SimEvent) => e.kind === 'etcd.put' && e.payload.what === 'binding',
      1.4,
    ],
    ['the SyncLoop ADD is an ordinary minor step', (e: SimEvent) => e.kind === 'kubelet.sync', 0.6],
  ])('nginx: %s', (_name, test, weight) => {
    const t = runScenario('default')
    const story = buildStory(t)
    expect(story.steps[story.stepOf(t.events.findIndex(test))]!.weight).toBe(weight)
  })

  it("nginx: apply's GET before its POST is one step; the POST keeps its authentication and authorization steps", () => {
    const t = runScenario('default')
    const story = buildStory(t)
    const get =
      story.steps[
        story.stepOf(
          t.events.findIndex((e) => e.kind === 'http.request' && e.payload.path.endsWith('/pods/nginx')),
        )
      ]!
    expect(t.events.slice(get.first, get.last + 1).map((e) => e.kind)).toEqual([
      'http.request',
      'authn.verdict',
      'authz.verdict',
      'http.response',
    ])
    const post = t.events.findIndex((e) => e.kind === 'http.request' && e.payload.method === 'POST')
    expect(story.steps[story.stepOf(post + 1)]!.stage).toBe('authn')
    expect(story.steps[story.stepOf(post + 2)]!.stage).toBe('authz')
  })

  // cli-runtime query_param_verifier_v3.go: the index (304 from a warm cache) and the v1 document.
  it("nginx: kubectl's OpenAPI check before its first request is one step", () => {
    const t = runScenario('default')
    const story = buildStory(t)
    const first = t.events.findIndex((e) => e.kind === 'http.request')
    const step = story.steps[story.stepOf(first)]!
    expect(
      t.events
        .slice(step.first, step.last + 1)
        .map((e) =>
          e.kind === 'http.request' ? e.payload.path : e.kind === 'http.response' ? e.payload.code : e.kind,
        ),
    ).toEqual(['/openapi/v3', 'authn.verdict', 'authz.verdict', 304, '/openapi/v3/api/v1', 200])
  })

  it("a GET that is forbidden is not folded: jane's refusal is a step of its own", () => {
    const jane = IDENTITIES.find((i) => i.id === 'jane')!
    const t = simulate({ manifest: DEFAULT_MANIFEST, kubeconfig: jane.kubeconfig }, { seed: 1 })
    const story = buildStory(t)
    const denied = t.events.findIndex((e) => e.kind === 'authz.verdict' && !e.payload.allowed)
    expect(denied).toBeGreaterThan(0)
    expect(story.steps[story.stepOf(denied)]!.kind).toBe('event')
  })

  it('nginx: unchanged admission plugins are a minor step that does not matter', () => {
    const story = buildStory(runScenario('default'))
    const group = story.steps.find((s) => s.title?.startsWith('5 mutating admission plugins'))!
    expect([group.matters, group.weight]).toEqual([false, 0.6])
  })

  it.each([
    ['readiness', /^The readiness probe failed \d+ more times \(t = 10 s … 9 min 50 s\)$/, 60],
    [
      'crashloop',
      /^The kubelet restarted container app 3 more times, backing off longer after each exit \(t = /,
      80,
    ],
    ['image-typo', /^The kubelet tried to pull image "ngnix:1.27" \d+ more times \(t = /, 80],
    ['missing-configmap-volume', /^Mounting the pod's volumes failed \d+ more times/, 60],
  ])('%s: repeated cycles collapse into one step', (id, title, most) => {
    const story = buildStory(runScenario(id))
    const repeat = story.steps.find((s) => s.kind === 'repeat')
    expect(repeat?.title).toMatch(title)
    expect(repeat!.repeats).toBeGreaterThan(0)
    expect(story.steps.length).toBeLessThan(most)
  })
})
