import { describe, expect, it } from 'vitest'
import { appendDocument, editDocument, editObjects } from './document-edit'
import { DEFAULT_CLUSTER } from '../scenario/default-scenario'

const isPod = (o: { kind?: unknown }) => o.kind === 'Pod'

describe('editing a manifest keeps what the user wrote', () => {
  const text = `# my pod
apiVersion: v1
kind: Pod
metadata:
  name: big # the name
spec:
  containers:
  - name: app
    image: nginx:1.27
    command: ["sleep", "5"]
    resources:
      requests:
        cpu: "6"   # six!
        memory: 1Gi
---
# second
apiVersion: v1
kind: ConfigMap
metadata:
  name: x

---
apiVersion: v1
kind: Pod
metadata: {name: other}
spec: {containers: [{name: a, image: busybox}]}
`
  it('changes one value and leaves comments, quoting, flow lists and the other documents alone', () => {
    const out = editDocument(text, isPod, (e) =>
      e.set(['spec', 'containers', 0, 'resources', 'requests', 'cpu'], '2000m'),
    )
    expect(out).toBe(text.replace('cpu: "6"   # six!', 'cpu: "2000m" # six!'))
  })
  it('adds a list where there was none, indented as the file indents lists', () => {
    const out = editDocument(text, isPod, (e) =>
      e.append(['spec', 'tolerations'], { key: 'k', operator: 'Exists', effect: 'NoSchedule' }),
    )
    expect(out).toContain(
      '  tolerations:\n  - key: k\n    operator: Exists\n    effect: NoSchedule\n---\n# second',
    )
  })
  it('picks the document the match names and edits flow maps in place', () => {
    const out = editDocument(
      text,
      (o) => o.kind === 'Pod' && (o.metadata as { name?: string }).name === 'other',
      (e) => e.set(['spec', 'containers', 0, 'image'], 'busybox:1.36'),
    )
    expect(out).toBe(text.replace('image: busybox}', 'image: busybox:1.36}'))
  })
  it('renames a key in place and removes emptied maps', () => {
    const renamed = editDocument(text, isPod, (e) => e.rename(['spec', 'containers', 0, 'command'], 'args'))
    expect(renamed).toContain('    args: ["sleep", "5"]\n    resources:')
    const removed = editDocument(text, isPod, (e) => {
      e.remove(['spec', 'containers', 0, 'resources', 'requests', 'cpu'])
      e.remove(['spec', 'containers', 0, 'resources', 'requests', 'memory'])
    })
    expect(removed).not.toContain('resources')
  })
  it('returns null when nothing changes or nothing matches', () => {
    expect(editDocument(text, isPod, (e) => e.set(['kind'], 'Pod'))).toBeNull()
    expect(
      editDocument(
        text,
        (o) => o.kind === 'Service',
        (e) => e.set(['a'], 1),
      ),
    ).toBeNull()
  })
  it('edits JSON as JSON', () => {
    const json = '{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "metadata": {"name": "a"},\n  "spec": {}\n}\n'
    const out = editDocument(json, isPod, (e) => e.set(['spec', 'nodeName'], 'worker-1'))
    expect(JSON.parse(out!)).toMatchObject({ spec: { nodeName: 'worker-1' } })
    expect(out!.endsWith('}\n')).toBe(true)
  })
  it('round-trips the built-in cluster file byte for byte outside the edited node', () => {
    const out = editDocument(
      DEFAULT_CLUSTER,
      (o) => o.kind === 'Node' && (o.metadata as { name?: string }).name === 'worker-2',
      (e) => e.set(['spec', 'unschedulable'], true),
    )
    expect(out).toBe(
      DEFAULT_CLUSTER.replace('podCIDR: 10.244.2.0/24', 'podCIDR: 10.244.2.0/24\n  unschedulable: true'),
    )
  })
  it('appends a document and edits object lists without touching the input', () => {
    expect(appendDocument('a: 1\n', { kind: 'X', metadata: { name: 'y' } })).toBe(
      'a: 1\n---\nkind: X\nmetadata:\n  name: y\n',
    )
    const objects = [{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n', labels: { a: 'b' } } }]
    const out = editObjects(
      objects,
      () => true,
      (e) => e.set(['metadata', 'labels', 'c'], 'd'),
    )
    expect(out?.[0]?.metadata.labels).toEqual({ a: 'b', c: 'd' })
    expect(objects[0]!.metadata.labels).toEqual({ a: 'b' })
  })
})
