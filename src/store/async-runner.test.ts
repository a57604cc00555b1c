import { describe, expect, it } from 'vitest'
import { createAppStore } from './create-app-store'
import { openApp, type Opening } from './opening'
import { inlineRunner, runJob, type SimJob, type SimResult, type SimRunner } from './sim-runner'
import { DEFAULT_CLUSTER, DEFAULT_MANIFEST, storyPod } from '../engine/index'

/** A runner that answers only when the test says, in any order: the page's worker, slowed down. */
function deferredRunner() {
  const queue: { job: SimJob; done: (r: SimResult) => void }[] = []
  const runner: SimRunner = { request: (job, done) => void queue.push({ job, done }) }
  const answer = (i: number) => queue[i]!.done(runJob(queue[i]!.job))
  return { runner, queue, answer }
}

const named = (name: string) => DEFAULT_MANIFEST.replace('name: nginx', `name: ${name}`)
type Store = ReturnType<typeof createAppStore>
const shownPod = (store: Store) => {
  const t = store.getState().timeline
  return storyPod(t.frames[t.frames.length - 1]!)?.metadata.name
}

function opened(runner: SimRunner, manifest: string, cluster = DEFAULT_CLUSTER): Opening {
  let opening: Opening | undefined
  openApp(runner, manifest, cluster, null, (o) => (opening = o))
  if (!opening) throw new Error('no opening')
  return opening
}

function storeWith(d: ReturnType<typeof deferredRunner>, manifest = DEFAULT_MANIFEST) {
  return createAppStore(
    manifest,
    { debounceMs: 0, runner: d.runner },
    DEFAULT_CLUSTER,
    null,
    opened(inlineRunner, manifest),
  )
}

describe('the store with an engine that answers later (the page worker, issue 12)', () => {
  it('keeps the last run on screen while the next is simulated, and applies only the newest answer', () => {
    const d = deferredRunner()
    const store = storeWith(d)
    store.getState().setManifest(named('first'))
    store.getState().resimulate()
    store.getState().setManifest(named('second'))
    store.getState().resimulate()
    expect(store.getState().simulating).toBe(true)
    expect(shownPod(store)).toBe('nginx')
    // The newer run answers first; the older one's late answer is ignored.
    d.answer(1)
    expect(shownPod(store)).toBe('second')
    expect(store.getState().simulating).toBe(false)
    d.answer(0)
    expect(shownPod(store)).toBe('second')
  })

  it('a scenario load starts from the beginning once its run is in', () => {
    const d = deferredRunner()
    const store = storeWith(d)
    store.getState().seekEnd()
    store.getState().loadScenario(named('loaded'), DEFAULT_CLUSTER)
    d.answer(0)
    expect(shownPod(store)).toBe('loaded')
    expect(store.getState().cursor.index).toBe(-1)
  })

  it('End pressed while a chosen scenario is on its way goes to the end of that scenario', () => {
    const d = deferredRunner()
    const store = storeWith(d)
    store.getState().loadScenario(named('chosen'), DEFAULT_CLUSTER)
    expect(store.getState().storyLoading).toBe(true)
    store.getState().seekEnd()
    // A place in the story on screen means nothing in the one on its way: ignored.
    store.getState().seekIndex(3)
    d.answer(0)
    const s = store.getState()
    expect(s.storyLoading).toBe(false)
    expect(s.cursor.index).toBe(s.timeline.events.length - 1)
    expect(shownPod(store)).toBe('chosen')
  })

  it('a replaced cluster says "Loading" until a run of it is in, even when an edit overtook its run', () => {
    const d = deferredRunner()
    const store = createAppStore(
      DEFAULT_MANIFEST,
      { debounceMs: 0, runner: d.runner, afterPaint: (fn) => fn() },
      DEFAULT_CLUSTER,
      null,
      opened(inlineRunner, DEFAULT_MANIFEST),
    )
    store.getState().replaceCluster(DEFAULT_CLUSTER + '\n')
    expect(store.getState().clusterLoading).toMatch(/^Loading the cluster file/)
    store.getState().setManifest(named('edited'))
    store.getState().resimulate()
    d.answer(1)
    expect(store.getState().clusterLoading).toBeNull()
    expect(shownPod(store)).toBe('edited')
  })

  it('opens on saved files that cannot be simulated, asking the runner for the default scenario', () => {
    const jobs: string[] = []
    const failing: SimRunner = {
      request(job, done) {
        jobs.push(job.manifest === DEFAULT_MANIFEST ? 'default' : 'saved')
        done(
          job.manifest === DEFAULT_MANIFEST
            ? runJob(job)
            : { run: { ok: false, error: 'the simulation was stopped after 20 s' }, errors: [] },
        )
      },
    }
    const o = opened(failing, named('saved'))
    expect(jobs).toEqual(['saved', 'saved', 'default'])
    expect(o.manifest).toBe(DEFAULT_MANIFEST)
    expect(o.recovered?.manifest).toBe(named('saved'))
    expect(o.notice?.text).toMatch(/could not be simulated \(the simulation was stopped after 20 s\)/)
  })

  it('a runner that cannot run at all (a worker that does not load) opens with the engine in the page', () => {
    const broken: SimRunner = {
      request: (_job, done) => done({ run: { ok: false, error: 'no worker' }, errors: [] }),
    }
    const o = opened(broken, named('saved'))
    expect(o.manifest).toBe(named('saved'))
    expect(o.timeline.outcome.kind).toBe('Running')
    expect(o.notice).toBeNull()
  })

  it("the cluster tab's nodes and kinds come with the run, never from a parse on the page", () => {
    const d = deferredRunner()
    const store = storeWith(d)
    const first = store.getState().clusterSummary!
    expect(first.nodes.map((n) => n.name)).toEqual(['control-plane', 'worker-1', 'worker-2'])
    expect(first.kinds.find(([k]) => k === 'Node')?.[1]).toBe(3)
    const solo =
      'apiVersion: v1\nkind: Node\nmetadata: {name: solo}\nspec: {unschedulable: true}\nstatus:\n  allocatable: {cpu: "8", memory: 16Gi, pods: "110"}\n'
    store.getState().setCluster(solo)
    store.getState().resimulate()
    // Until the run of the new file is in, the panel keeps the rows it had.
    expect(store.getState().clusterSummary).toBe(first)
    d.answer(0)
    expect(store.getState().clusterSummary!.nodes).toEqual([
      { name: 'solo', cpu: '8', memory: '16Gi', pods: 0, taints: [], cordoned: true },
    ])
    // A file that does not load has no rows: the panel hides, the error is said above it.
    store.getState().setCluster('kind: [')
    store.getState().resimulate()
    d.answer(1)
    expect(store.getState().clusterSummary).toBeNull()
    expect(store.getState().clusterError).toMatch(/^cluster\.yaml cannot be loaded/)
  })
})
