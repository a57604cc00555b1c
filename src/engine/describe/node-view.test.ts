import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { SCENARIOS } from '../scenario/scenarios'
import { DEFAULT_MANIFEST } from '../scenario/default-scenario'
import { deepFreeze } from '../testing/builders'
import type { Timeline } from '../protocol/timeline'
import type { SimEvent } from '../protocol/events'
import { describeNodeView } from './node-view'

const run = (manifest: string, until?: number): Timeline =>
  deepFreeze(simulate({ manifest }, { seed: 1, ...(until ? { until } : {}) }))
const scenario = (id: string) => SCENARIOS.find((s) => s.id === id)!.manifest
const indexOf = (t: Timeline, pred: (e: SimEvent) => boolean): number => {
  const i = t.events.findIndex(pred)
  if (i < 0) throw new Error('no such event')
  return i
}

describe('node view', () => {
  const t = run(DEFAULT_MANIFEST)
  const last = t.events.length - 1

  it('is absent until the pod is bound to a node', () => {
    expect(describeNodeView(t, -1)).toBeNull()
    const bind = indexOf(t, (e) => e.kind === 'etcd.put' && /nodeName=/.test(e.summary))
    expect(describeNodeView(t, bind - 1)).toBeNull()
    expect(describeNodeView(t, bind)?.node).toBe('worker-2')
  })

  it('draws the nginx pod on worker-2: eth0 10.244.2.3/24 ↔ veth ↔ cni0 10.244.2.1 ↔ node eth0', () => {
    const v = describeNodeView(t, last)!
    const add = t.events.find((e) => e.kind === 'cni.add' && e.payload.command === 'ADD')!
    expect(v).toMatchObject({
      node: 'worker-2',
      nodeIP: '192.168.56.12',
      podCIDR: '10.244.2.0/24',
      pod: 'nginx',
    })
    expect(v.network).toMatchObject({
      state: 'up',
      podAddress: '10.244.2.3/24',
      bridge: 'cni0',
      bridgeExists: true,
      gateway: '10.244.2.1',
      prefix: 24,
    })
    expect(add.summary).toContain(`${v.network.veth} ↔ cni0`)
    expect(v.network.eth0Mac).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/)
    expect(v.network.podRoutes).toEqual([
      'default via 10.244.2.1 dev eth0',
      '10.244.2.0/24 dev eth0 proto kernel scope link src 10.244.2.3',
    ])
    expect(v.network.nodeRoutes).toEqual([
      '10.244.2.0/24 dev cni0 proto kernel scope link src 10.244.2.1',
      '10.244.0.0/24 via 10.244.0.0 dev flannel.1 onlink',
      '10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink',
    ])
    expect(v.neighbours).toEqual([{ pod: 'cache-0', ip: '10.244.2.2' }])
    expect(v.sandbox).toMatchObject({ ready: true, pauseImage: 'registry.k8s.io/pause:3.10' })
    expect(v.sandbox!.namespaces).toEqual([
      { name: 'network', shared: true },
      { name: 'ipc', shared: true },
      { name: 'uts', shared: true },
      { name: 'pid', shared: false },
    ])
    expect(v.containers.map((c) => [c.name, c.summary, c.restartCount])).toEqual([
      ['nginx', 'running, ready', 0],
    ])
  })

  it('says it all in words, for the text alternative', () => {
    expect(describeNodeView(t, last)!.caption).toEqual([
      'Node worker-2, eth0 192.168.56.12, podCIDR 10.244.2.0/24.',
      expect.stringMatching(
        /^Pod nginx: sandbox [0-9a-f]{13} ready; the pause container \(registry\.k8s\.io\/pause:3\.10\) holds the shared network, IPC, UTS \(hostname\) namespaces; PID: one per container\.$/,
      ),
      'Container nginx (regular): running, ready, 0 restarts.',
      expect.stringMatching(
        /^eth0 10\.244\.2\.3\/24 in the pod's network namespace is one end of a veth pair; the other end, veth[0-9a-f]{8}, is on the node, attached to the cni0 bridge \(10\.244\.2\.1\/24, the pod's gateway\)\. The node's own eth0 is 192\.168\.56\.12\.$/,
      ),
      'Routes in the pod: default via 10.244.2.1 dev eth0; 10.244.2.0/24 dev eth0 proto kernel scope link src 10.244.2.3.',
      'Routes on the node: 10.244.2.0/24 dev cni0 proto kernel scope link src 10.244.2.1; 10.244.0.0/24 via 10.244.0.0 dev flannel.1 onlink; 10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink.',
      'Also on cni0: cache-0 10.244.2.2.',
      // The kubelet's default cpuManagerPolicy: no cpuset (pkg/kubelet/cm/cpumanager/policy_none.go).
      "CPU manager: none policy (the default). Every container may run on any of the node's 2 CPUs (0-1); no cpuset is set.",
    ])
  })

  it('builds up step by step: sandbox, then CNI ADD, then the pause container', () => {
    const run = indexOf(t, (e) => e.kind === 'cri.call' && e.payload.call === 'RunPodSandbox')
    const add = indexOf(t, (e) => e.kind === 'cni.add')
    const before = describeNodeView(t, run - 1)!
    expect(before.sandbox).toBeNull()
    expect(before.containers.map((c) => c.summary)).toEqual(['waiting: ContainerCreating'])
    const created = describeNodeView(t, run)!
    expect(created.sandbox?.ready).toBe(false)
    expect(created.network.state).toBe('none')
    expect(created.focus).toEqual({ part: 'sandbox' })
    const wired = describeNodeView(t, add)!
    expect(wired.network.state).toBe('up')
    expect(wired.focus).toEqual({ part: 'network' })
    expect(describeNodeView(t, add + 1)!.sandbox?.ready).toBe(true)
  })

  it('marks the container a CRI call works on', () => {
    const start = indexOf(t, (e) => e.kind === 'cri.call' && e.payload.call === 'StartContainer')
    expect(describeNodeView(t, start)!.focus).toEqual({ part: 'container', container: 'nginx' })
  })

  it('shares the PID namespace when shareProcessNamespace is set', () => {
    const shared = run(DEFAULT_MANIFEST.replace('spec:\n', 'spec:\n  shareProcessNamespace: true\n'))
    const v = describeNodeView(shared, shared.events.length - 1)!
    expect(v.sandbox!.namespaces.find((n) => n.name === 'pid')).toEqual({ name: 'pid', shared: true })
    expect(v.caption[1]).toContain('holds the shared network, IPC, UTS (hostname), PID namespaces.')
  })

  it('a pod that completes: CNI DEL removes the veth pair and the address goes back to IPAM', () => {
    const job = run(scenario('job-style'), 60_000)
    const del = indexOf(job, (e) => e.kind === 'cni.add' && e.payload.command === 'DEL')
    const v = describeNodeView(job, del)!
    expect(v.sandbox?.ready).toBe(false)
    expect(v.network).toMatchObject({ state: 'removed', podAddress: '10.244.2.3/24', podRoutes: [] })
    expect(v.containers.map((c) => c.summary)).toEqual(['terminated: Completed (exit code 0)'])
    expect(v.caption).toContain(
      'CNI DEL removed eth0 and its veth peer; 10.244.2.3/24 went back to host-local IPAM.',
    )
  })

  it('shows the restart count of a crash-looping container', () => {
    const crashy = run(scenario('crashloop'), 40_000)
    const v = describeNodeView(crashy, crashy.events.length - 1)!
    expect(v.containers[0]).toMatchObject({
      name: 'app',
      state: 'waiting',
      reason: 'CrashLoopBackOff',
      ok: false,
    })
    expect(v.containers[0]!.restartCount).toBeGreaterThanOrEqual(2)
  })
})

describe('node view in a large cluster', () => {
  it('names a few of the per-node routes in its caption and counts the rest', () => {
    const nodes = Array.from({ length: 40 }, (_, i) => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: `node-${i}` },
      spec: { podCIDR: `10.244.${i}.0/24` },
      status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } },
    }))
    const t = simulate({ manifest: DEFAULT_MANIFEST, cluster: nodes }, { seed: 1 })
    const v = describeNodeView(t, t.events.length - 1)!
    expect(v.network.nodeRoutes).toHaveLength(40)
    const line = v.caption.find((l) => l.startsWith('Routes on the node:'))!
    expect(line.split('; ')).toHaveLength(7)
    expect(line).toMatch(/; and 34 more like them, one per other node\.$/)
  })
})
