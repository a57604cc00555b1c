import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_CLUSTER, DEFAULT_MANIFEST } from '../engine/index'

// A saved manifest the engine cannot simulate at all (here: one that makes it throw), as a saved
// 1,200-pod file once did. The store must open anyway, never blank the page.
const POISON = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: poison\n'
vi.mock('../engine/index', async (importOriginal) => {
  const real = await importOriginal<typeof import('../engine/index')>()
  return {
    ...real,
    simulate: (input: Parameters<typeof real.simulate>[0], options: Parameters<typeof real.simulate>[1]) => {
      if (input.manifest === POISON) throw new Error('simulation produced more than 50000 events')
      return real.simulate(input, options)
    },
  }
})

const { createAppStore } = await import('./create-app-store')

describe('a saved manifest that cannot be simulated', () => {
  it('opens the default scenario with a notice, and Undo gives the saved text back without losing the run', () => {
    const saved: string[] = []
    const store = createAppStore(
      POISON,
      { debounceMs: 0, saveManifest: (t) => void saved.push(t) },
      DEFAULT_CLUSTER,
    )
    const s = store.getState()
    expect(s.manifest).toBe(DEFAULT_MANIFEST)
    expect(s.timeline.outcome.kind).toBe('Running')
    expect(s.notice?.text).toMatch(/could not be simulated \(the simulation stopped on an internal error/)
    // Nothing was written over the saved file.
    expect(saved).toEqual([])
    s.undoLoad()
    const after = store.getState()
    expect(after.manifest).toBe(POISON)
    // The last good run stays on screen, with the reason the saved one cannot run.
    expect(after.timeline.outcome.kind).toBe('Running')
    expect(after.clusterError).toMatch(/internal error/)
  })
})

describe('storage that refuses or cannot be read', () => {
  it('says once that edits are not kept, and keeps them in memory', () => {
    const store = createAppStore(DEFAULT_MANIFEST, { debounceMs: 0, saveManifest: () => false })
    store.getState().setManifest(DEFAULT_MANIFEST + '\n')
    expect(store.getState().notice?.text).toMatch(/not keeping your edits/)
    store.getState().showNotice(null)
    store.getState().setManifest(DEFAULT_MANIFEST + '\n\n')
    expect(store.getState().notice).toBeNull()
    expect(store.getState().manifest).toBe(DEFAULT_MANIFEST + '\n\n')
  })

  it('a saved cluster that cannot be read back ends the "Loading" notice and says so', async () => {
    const store = createAppStore(DEFAULT_MANIFEST, { debounceMs: 0 })
    store.getState().restoreCluster(Promise.resolve(null))
    expect(store.getState().clusterLoading).toMatch(/Loading/)
    await Promise.resolve()
    await Promise.resolve()
    expect(store.getState().clusterLoading).toBeNull()
    expect(store.getState().notice?.text).toMatch(/could not be read back/)
  })
})

describe('a cluster object of the wrong shape', () => {
  it('is reported with where it is, and the last good run stays', () => {
    const store = createAppStore(DEFAULT_MANIFEST, { debounceMs: 0 })
    store
      .getState()
      .setCluster(
        DEFAULT_CLUSTER + '\n---\napiVersion: podlife.dev/v1alpha1\nkind: APIServer\nauthorizationModes: 7\n',
      )
    store.getState().resimulate()
    const s = store.getState()
    expect(s.clusterError).toBe(
      'cluster.yaml cannot be loaded: line 93: APIServer: authorizationModes: must be a list of strings',
    )
    expect(s.timeline.outcome.kind).toBe('Running')
  })
})
