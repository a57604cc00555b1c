import { describe, expect, it } from 'vitest'
import { parseManifest, simulate } from '../index'
import { locateProblems, serverFieldProblems, toPositionPath } from './field-problems'

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
    const located = locateProblems(serverFieldProblems(t), parsed.documents)
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
    const located = locateProblems(serverFieldProblems(t), parsed.documents)
    expect(located).toEqual([
      expect.objectContaining({ line: 9, message: 'unknown field "spec.containers[0].imagePullPolice"' }),
    ])
  })

  it('puts a cause on the line of its field in the document that carried it', () => {
    const good =
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: a\n    image: nginx\n'
    const text = `${good}---\n${manifest}`
    const t = simulate({ manifest: text }, { seed: 1 })
    const parsed = parseManifest(text)
    if (!parsed.ok) throw new Error('fixture must parse')
    const byLine = Object.fromEntries(
      locateProblems(serverFieldProblems(t), parsed.documents).map((m) => [m.line, m.message.split(':')[0]]),
    )
    // The second document starts on line 10: its restartPolicy is on line 15, its container on 17.
    expect(byLine[15]).toBe('spec.restartPolicy')
    expect(byLine[17]).toBe('spec.containers[0].image')
  })

  it('finds the fields of a List item under that item', () => {
    const list = JSON.stringify(
      {
        apiVersion: 'v1',
        kind: 'List',
        items: [
          {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name: 'a' },
            spec: { containers: [{ name: 'a', image: 'nginx' }] },
          },
          { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b' }, spec: { containers: [{ name: 'b' }] } },
        ],
      },
      null,
      2,
    )
    const t = simulate({ manifest: list }, { seed: 1 })
    const parsed = parseManifest(list)
    if (!parsed.ok) throw new Error('fixture must parse')
    const [located] = locateProblems(serverFieldProblems(t), parsed.documents)
    const lines = list.split('\n')
    // The image is missing, so the marker sits on the container of item b (its nearest parent).
    expect(lines[located!.line - 1]).toMatch(/"name": "b"|\{/)
    expect(located!.line).toBeGreaterThan(lines.findIndex((l) => l.includes('"name": "b"')) - 3)
  })
})
