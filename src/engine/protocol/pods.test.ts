/**
 * Every pod is first-class: keyed by namespace/name from the moment the apiserver stores it, whether a
 * manifest document named it or the apiserver did (generateName: staging/src/k8s.io/apiserver/pkg/
 * registry/rest/create.go BeforeCreate → names.SimpleNameGenerator, 5 random characters), and each then
 * goes through the scheduler and its node's kubelet as its own pod.
 */
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { initialWorld } from '../initial-world'
import { loadCluster } from '../model/cluster'
import { writePod } from '../etcd/write-pod'
import { makeCluster, makePod } from '../testing/builders'
import { StepWriter } from './step'
import { allPods, podOf, resolveAbout, storyPod } from './pods'

const generated = (prefix: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: ${prefix}\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.27\n`

describe('a pod the apiserver names (generateName)', () => {
  it('gets its record under the generated name and runs like a named pod', () => {
    const t = simulate({ manifest: generated('web-'), command: 'kubectl create -f pod.yaml' }, { seed: 1 })
    const end = t.frames.at(-1)!
    expect(end.podOrder).toHaveLength(1)
    const key = end.podOrder[0]!
    expect(key).toMatch(/^default\/web-[a-z0-9]{5}$/)
    expect(end.pods[key]!.doc).toBe(0)
    // The kubelet's memory of it is keyed by that name too.
    expect(end.pods[key]!.worker).toBeDefined()
    expect(storyPod(end)?.metadata.name).toBe(key.slice('default/'.length))
    expect(t.outcome).toMatchObject({ kind: 'Running' })
  })

  it('two of them in a List: two pods, two keys, each scheduled and run', () => {
    const items = [generated('web-'), generated('web-')]
      .map((d) => `- ${d.trimEnd().split('\n').join('\n  ')}\n`)
      .join('')
    const t = simulate(
      { manifest: `apiVersion: v1\nkind: List\nitems:\n${items}`, command: 'kubectl create -f pod.yaml' },
      { seed: 1 },
    )
    const end = t.frames.at(-1)!
    expect(end.podOrder).toHaveLength(2)
    expect(new Set(end.podOrder).size).toBe(2)
    expect(end.podOrder.map((k) => end.pods[k]!.doc)).toEqual([0, 1])
    expect(allPods(end).map((p) => p.status?.phase)).toEqual(['Running', 'Running'])
    expect(t.outcome.pods?.map((p) => p.outcome.kind)).toEqual(['Running', 'Running'])
    // The second pod's steps are told apart by its document (SimEvent.slot), from its binding on.
    expect(t.events.some((e) => e.slot === 1 && e.summary.includes('/binding'))).toBe(true)
  })
})

describe('the record hook (etcd/write-pod.ts)', () => {
  const world = () => initialWorld(loadCluster(makeCluster()), 1)

  it('a pod written by a step about no document (a controller) gets a record without one', () => {
    const w = new StepWriter(world(), {})
    const pod = makePod({ name: 'web-7xk2p', namespace: 'default' })
    writePod(w, pod, {
      what: 'create',
      stage: 'storage',
      summary: () => '',
      narration: () => '',
    })
    expect(w.about).toEqual({ pod: 'default/web-7xk2p' })
    expect(w.world.pods['default/web-7xk2p']).toEqual({})
    expect(w.world.podOrder).toEqual(['default/web-7xk2p'])
    expect(podOf(w.world, 'default/web-7xk2p')?.metadata.resourceVersion).toBe(String(w.world.etcd.revision))
    // What it sends from here on is about that pod.
    w.send(1, { to: 'kube-scheduler', type: 'schedule', pod })
    expect(w.done().deliveries[0]!.about).toEqual({ pod: 'default/web-7xk2p' })
  })

  it('a later write of the same pod keeps its record (components keep their memory)', () => {
    const w = new StepWriter(world(), { doc: 2 })
    const write = { what: 'create', stage: 'storage', summary: () => '', narration: () => '' } as const
    writePod(w, makePod({ name: 'a', namespace: 'default' }), write)
    w.updateRecord({ queue: { attempts: 1, lastFailureAt: 0, token: 1 } })
    writePod(w, makePod({ name: 'a', namespace: 'default', nodeName: 'worker-1' }), write)
    expect(w.world.pods['default/a']).toEqual({ doc: 2, queue: { attempts: 1, lastFailureAt: 0, token: 1 } })
    expect(podOf(w.world, 'default/a')?.spec.nodeName).toBe('worker-1')
  })

  it('resolveAbout: a document finds its pod once stored; a pod finds its document', () => {
    const w = new StepWriter(world(), { doc: 3 })
    expect(resolveAbout(w.world, { doc: 3 })).toEqual({ doc: 3 })
    writePod(w, makePod({ name: 'b', namespace: 'default' }), {
      what: 'create',
      stage: 'storage',
      summary: () => '',
      narration: () => '',
    })
    expect(resolveAbout(w.world, { doc: 3 })).toEqual({ doc: 3, pod: 'default/b' })
    expect(resolveAbout(w.world, { pod: 'default/b' })).toEqual({ pod: 'default/b', doc: 3 })
  })
})
