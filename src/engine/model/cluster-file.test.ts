import { describe, expect, it } from 'vitest'
import { parseClusterText } from './cluster-file'
import { DEFAULT_CLUSTER } from '../scenario/default-scenario'

describe('cluster files', () => {
  it('reads the default cluster: three nodes and two existing pods', () => {
    const r = parseClusterText(DEFAULT_CLUSTER)
    expect(r.ok && r.objects.map((o) => o.kind)).toEqual(['Node', 'Node', 'Node', 'Pod', 'Pod'])
  })

  it('unwraps a List, as kubectl get -o yaml prints it', () => {
    const r = parseClusterText(
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, status: {} }],
      }),
    )
    expect(r.ok && r.objects[0]!.metadata.name).toBe('n1')
  })

  it.each([
    ['a YAML syntax error', 'kind: [Node\n', /^line \d+: Flow sequence/],
    ['an object without kind', 'apiVersion: v1\nmetadata: {name: a}\n', /kind not set/],
    ['a kind that is not a string', 'apiVersion: v1\nkind: [Node]\nmetadata: {name: a}\n', /kind not set/],
    ['a node without a name', 'apiVersion: v1\nkind: Node\nstatus: {}\n', /Node has no metadata.name/],
    [
      'a node with an invalid capacity',
      'apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus: {allocatable: {cpu: 4 cores}}\n',
      /Node n status.allocatable.cpu: "4 cores": quantities must match/,
    ],
    [
      'a pod with an invalid request',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, resources: {requests: {memory: 1GB}}}]}\n',
      /Pod p requests.memory: "1GB": quantities must match/,
    ],
  ])('reports %s with where it is, instead of crashing later', (_name, text, message) => {
    const r = parseClusterText(text)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(message)
  })
})
