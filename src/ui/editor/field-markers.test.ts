import { describe, expect, it } from 'vitest'
import { parseManifest, simulate } from '../../engine/index'
import { locateProblems, serverFieldProblems, toPositionPath } from './field-markers'

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  restartPolicy: Sometimes
  containers:
  - name: app
    resources:
      requests:
        cpu: "2"
      limits:
        cpu: "1"
`

describe('server errors on the manifest lines', () => {
  it('turns field paths into manifest paths', () => {
    expect(toPositionPath('spec.containers[0].resources.requests[cpu]')).toBe(
      'spec.containers.0.resources.requests.cpu',
    )
  })

  it('puts each 422 cause on the line of its field', () => {
    const t = simulate({ manifest }, { seed: 1 })
    const parsed = parseManifest(manifest)
    if (!parsed.ok) throw new Error('fixture must parse')
    const located = locateProblems(serverFieldProblems(t), parsed.documents[0]!.positions)
    const byLine = Object.fromEntries(located.map((m) => [m.line, m.message.split(':')[0]]))
    expect(byLine[6]).toBe('spec.restartPolicy')
    expect(byLine[8]).toBe('spec.containers[0].image')
    expect(byLine[10]).toBe('spec.containers[0].resources.requests')
  })

  it('puts an unknown field on its own line', () => {
    const text = manifest
      .replace('  restartPolicy: Sometimes\n', '')
      .replace('  - name: app\n', '  - name: app\n    image: nginx\n    imagePullPolice: Always\n')
    const t = simulate({ manifest: text }, { seed: 1 })
    const parsed = parseManifest(text)
    if (!parsed.ok) throw new Error('fixture must parse')
    const located = locateProblems(serverFieldProblems(t), parsed.documents[0]!.positions)
    expect(located).toEqual([
      expect.objectContaining({ line: 9, message: 'unknown field "spec.containers[0].imagePullPolice"' }),
    ])
  })
})
