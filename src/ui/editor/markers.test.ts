import { describe, expect, it } from 'vitest'
import { DEFAULT_MANIFEST, parseManifest } from '../../engine/index'
import { createAppStore } from '../../store/create-app-store'
import { toMarkers } from './markers'

describe('manifest error markers', () => {
  it('marks a YAML syntax error at its line, with the text kubectl prints', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n spec: [\n'
    const r = parseManifest(text)
    expect(r.ok).toBe(false)
    if (r.ok) return
    const lines = text.split('\n')
    const markers = toMarkers(r.errors, (n) => lines[n - 1]?.length ?? 0)
    expect(markers).toHaveLength(1)
    expect(markers[0]!.startLineNumber).toBeGreaterThanOrEqual(4)
    expect(markers[0]!.message).toMatch(
      /^error parsing pod\.yaml: error converting YAML to JSON: yaml: line \d+: /,
    )
    expect(markers[0]!.endColumn).toBeGreaterThan(markers[0]!.startColumn)
  })

  it('clears the markers once the manifest is valid again', () => {
    // The editor marks the store's errors (PodEditor): a fixed manifest must leave none behind.
    const broken = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n spec: [\n'
    const store = createAppStore(broken, { debounceMs: 0 })
    const lineLength = () => 20
    expect(toMarkers(store.getState().errors, lineLength)).toHaveLength(1)
    store.getState().setManifest(DEFAULT_MANIFEST)
    store.getState().resimulate()
    expect(toMarkers(store.getState().errors, lineLength)).toEqual([])
  })
})
