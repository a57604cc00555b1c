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

// The Kubelet kind (docs/simulate.md): a configuration kubelet 1.34 refuses to start with is refused here
// with its error (pkg/kubelet/cm/cpumanager/cpu_manager.go NewManager, cmd/kubelet/app/server.go).
describe('cluster files: Kubelet objects', () => {
  const node = 'apiVersion: v1\nkind: Node\nmetadata: {name: w1}\nstatus: {capacity: {cpu: "4"}}\n---\n'
  const kubelet = (body: string) =>
    `${node}apiVersion: podlife.dev/v1alpha1\nkind: Kubelet\nmetadata: {name: w1}\n${body}`
  it.each([
    [
      'static without reserved CPUs',
      'config: {cpuManagerPolicy: static}\n',
      'line 5: Kubelet "w1": the kubelet would not start: [cpumanager] unable to determine reserved CPU resources for static policy',
    ],
    [
      'reservedSystemCPUs beyond the flat list of capacity.cpu CPUs',
      'config: {cpuManagerPolicy: static, reservedSystemCPUs: "4"}\n',
      'line 5: Kubelet "w1": the kubelet would not start: reserved-cpus: 4 is not a subset of online-cpus: 0-3',
    ],
    [
      'a kubeReserved that is not a quantity',
      'config: {kubeReserved: {cpu: one}}\n',
      /^line 5: Kubelet "w1": config.kubeReserved.cpu: "one": quantities must match/,
    ],
    [
      'a machine count of the wrong type',
      'machine: {sockets: two}\n',
      /^line 5: Kubelet "w1": machine.sockets: must be an integer/,
    ],
    [
      'a machine too big to model',
      'machine: {sockets: 64, coresPerSocket: 64, threadsPerCore: 2}\n',
      'line 5: Kubelet "w1": machine: 8192 CPUs; Podlife models at most 4096',
    ],
  ])('refuses %s', (_name, body, message) => {
    const r = parseClusterText(kubelet(body))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(message)
  })
  it('accepts a static kubelet with a reservation, and one for a node that is not there', () => {
    expect(
      parseClusterText(kubelet('config: {cpuManagerPolicy: static, kubeReserved: {cpu: 500m}}\n')).ok,
    ).toBe(true)
    expect(
      parseClusterText(kubelet('config: {cpuManagerPolicy: static}\n').replace('name: w1}\n', 'name: w9}\n'))
        .ok,
    ).toBe(true)
  })
})
