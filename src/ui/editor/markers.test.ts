import { describe, expect, it } from 'vitest'
import { parseManifest } from '../../engine/index'
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

  it('gives no markers for a valid manifest', () => {
    const r = parseManifest('apiVersion: v1\nkind: Pod\n')
    expect(r.ok).toBe(true)
  })
})
