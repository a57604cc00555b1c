import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { toContractReport } from '../report/contract'
import type { KubeObject, Pod } from '../model/objects'
import { makeCluster, makeContainer, makeNode, makePod, manifestOf } from '../testing/builders'
import { backoffMs } from './scheduler'

// Upstream: pkg/scheduler/schedule_one.go (handleSchedulingFailure, updatePod),
// pkg/scheduler/backend/queue/scheduling_queue.go (backoff, unschedulable pods flush),
// pkg/scheduler/framework/preemption/preemption.go (prepareCandidate),
// pkg/registry/core/pod/strategy.go (scheduling gates on create).

const small = (name: string) => makeNode(name, { capacity: { cpu: '1', memory: '2Gi', pods: '110' } })
const cpuPod = (name: string, cpu: string) =>
  makePod({ name, containers: [makeContainer({ name: 'c', image: 'nginx:1.27', requests: { cpu } })] })
const existing = (name: string, node: string, cpu: string, priority = 0): Pod => ({
  ...cpuPod(name, cpu),
  metadata: { name, namespace: 'default', uid: `uid-${name}` },
  spec: { ...cpuPod(name, cpu).spec, nodeName: node, priority },
  status: { phase: 'Running', startTime: '2025-08-01T00:00:00Z' },
})
const high: KubeObject = {
  apiVersion: 'scheduling.k8s.io/v1',
  kind: 'PriorityClass',
  metadata: { name: 'high' },
  value: 1000,
}

function report(pod: Pod, pods: Pod[], until = 400_000) {
  const cluster = makeCluster({ nodes: [small('n1'), small('n2')], pods, objects: [high] })
  return toContractReport(simulate({ manifest: manifestOf(pod), cluster }, { seed: 1, until }), {
    command: 'kubectl apply -f pod.yaml',
  })
}

const MSG =
  '0/2 nodes are available: 2 Insufficient cpu. no new claims to deallocate, preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.'

describe('kube-scheduler: a pod that fits nowhere', () => {
  const r = report(cpuPod('big', '500m'), [existing('v1', 'n1', '800m'), existing('v2', 'n2', '800m')])

  it('records FailedScheduling on every attempt: at once, then after the 5-minute unschedulable flush', () => {
    const failed = r.events.filter((e) => e.reason === 'FailedScheduling')
    expect(failed.map((e) => [e.t, e.type, e.message, e.source])).toEqual([
      [failed[0]!.t, 'Warning', MSG, 'default-scheduler'],
      [330, 'Warning', MSG, 'default-scheduler'],
    ])
    expect(r.scheduling.map((s) => s.result)).toEqual(['Unschedulable', 'Unschedulable'])
  })

  it('PATCHes PodScheduled=False through the apiserver (stored in etcd), once: the retry changes nothing', () => {
    const patches = r.requests.filter((q) => q.from === 'kube-scheduler' && q.method === 'PATCH')
    expect(patches).toHaveLength(1)
    expect(patches[0]!.path).toBe('/api/v1/namespaces/default/pods/big/status')
    expect(patches[0]!.response?.code).toBe(200)
    const cond = r.pod?.status?.conditions?.find((c) => c.type === 'PodScheduled')
    expect([cond?.status, cond?.reason, cond?.message]).toEqual(['False', 'Unschedulable', MSG])
    // The apiserver stores it a moment later: a new etcd revision for the pod.
    const t = patches[0]!.t
    expect(r.etcd.some((e) => e.t > t && e.t < t + 0.01 && e.key === '/registry/pods/default/big')).toBe(true)
  })
})

describe('kube-scheduler: preemption', () => {
  const pod = { ...cpuPod('big', '500m'), spec: { ...cpuPod('big', '500m').spec, priorityClassName: 'high' } }
  const r = report(pod, [existing('v1', 'n1', '800m'), existing('v2', 'n2', '800m')], 30_000)

  it('nominates a node, evicts the lower-priority victim gracefully, then binds the preemptor there', () => {
    const nominated = String(r.pod?.status?.['nominatedNodeName'])
    const victim = nominated === 'n1' ? 'v1' : 'v2'
    expect(r.events.map((e) => e.reason)).toEqual(
      expect.arrayContaining(['FailedScheduling', 'Preempted', 'Killing', 'Scheduled']),
    )
    const preempted = r.events.find((e) => e.reason === 'Preempted')!
    expect(preempted.object).toBe(`Pod/${victim}`)
    expect(preempted.message).toBe(`Preempted by pod ${r.pod?.metadata.uid} on node ${nominated}`)
    const del = r.requests.find((q) => q.method === 'DELETE')!
    expect([del.from, del.path, del.response?.code]).toEqual([
      'kube-scheduler',
      `/api/v1/namespaces/default/pods/${victim}`,
      200,
    ])
    expect(r.pod?.spec.nodeName).toBe(nominated)
    expect(r.scheduling.at(-1)?.tieBreak).toBe('only one feasible node: no scoring')
  })

  // framework/preemption/preemption.go prepareCandidate: PatchPodStatus with DisruptionTarget, then DeletePod.
  it('marks the victim DisruptionTarget=True (PreemptionByScheduler) before deleting it', () => {
    const nominated = String(r.pod?.status?.['nominatedNodeName'])
    const victim = nominated === 'n1' ? 'v1' : 'v2'
    const calls = r.requests.filter((q) => q.from === 'kube-scheduler' && q.path.includes(`/pods/${victim}`))
    expect(calls.map((q) => `${q.method} ${q.path} ${q.response?.code}`)).toEqual([
      `PATCH /api/v1/namespaces/default/pods/${victim}/status 200`,
      `DELETE /api/v1/namespaces/default/pods/${victim} 200`,
    ])
    expect(calls[0]!.headers['Content-Type']).toBe('application/strategic-merge-patch+json')
    const condition = (calls[0]!.body as { status: { conditions: Record<string, unknown>[] } }).status
      .conditions[0]
    expect(condition).toMatchObject({
      type: 'DisruptionTarget',
      status: 'True',
      reason: 'PreemptionByScheduler',
      message: 'default-scheduler: preempting to accommodate a higher priority pod',
      lastProbeTime: null,
    })
    const stored = (calls[0]!.response!.body as { status: { conditions: { type: string }[] } }).status
      .conditions
    expect(stored.map((c) => c.type)).toContain('DisruptionTarget')
  })
})

describe('kube-scheduler: scheduling gates', () => {
  it('a gated pod gets PodScheduled=False/SchedulingGated from the apiserver and no scheduling cycle', () => {
    const p = makePod({ name: 'gated' })
    const r = report(
      { ...p, spec: { ...p.spec, schedulingGates: [{ name: 'example.com/wait' }] } },
      [],
      10_000,
    )
    expect(r.scheduling).toEqual([])
    expect(r.events.filter((e) => e.source === 'default-scheduler')).toEqual([])
    const cond = r.pod?.status?.conditions?.find((c) => c.type === 'PodScheduled')
    expect([cond?.status, cond?.reason, cond?.message]).toEqual([
      'False',
      'SchedulingGated',
      'Scheduling is blocked due to non-empty scheduling gates',
    ])
  })
})

describe('backoff', () => {
  it('podInitialBackoffDuration 1 s doubles per attempt up to podMaxBackoffDuration 10 s', () => {
    expect([1, 2, 3, 4, 5, 6].map(backoffMs)).toEqual([1000, 2000, 4000, 8000, 10000, 10000])
  })
})

describe('a cluster pasted from kubectl get nodes -o yaml', () => {
  const nodeYaml = (name: string, gpu: string) => `
- apiVersion: v1
  kind: Node
  metadata:
    name: ${name}
    labels: {kubernetes.io/hostname: ${name}, kubernetes.io/os: linux, topology.kubernetes.io/zone: us-east-1a}
    annotations: {node.alpha.kubernetes.io/ttl: "0"}
  spec:
    podCIDR: 10.244.${name === 'gpu-1' ? 1 : 2}.0/24
  status:
    capacity: {cpu: "8", ephemeral-storage: 101430960Ki, hugepages-1Gi: "0", memory: 32863332Ki, nvidia.com/gpu: "${gpu}", pods: "110"}
    allocatable: {cpu: 7800m, ephemeral-storage: "93478772582", hugepages-1Gi: "0", memory: 32248932Ki, nvidia.com/gpu: "${gpu}", pods: "110"}
    addresses: [{type: InternalIP, address: 192.168.1.${name === 'gpu-1' ? 11 : 12}}, {type: Hostname, address: ${name}}]
    conditions:
    - {type: MemoryPressure, status: "False", reason: KubeletHasSufficientMemory, lastHeartbeatTime: "2025-09-01T08:59:00Z", lastTransitionTime: "2025-08-01T00:00:00Z", message: kubelet has sufficient memory available}
    - {type: Ready, status: "True", reason: KubeletReady, lastHeartbeatTime: "2025-09-01T08:59:00Z", lastTransitionTime: "2025-08-01T00:00:00Z", message: kubelet is posting ready status}
    images:
    - names: [docker.io/library/nginx@sha256:0123, docker.io/library/nginx:1.27]
      sizeBytes: 72400000
    nodeInfo: {kubeletVersion: v1.34.1, containerRuntimeVersion: "containerd://2.1.4", architecture: amd64, operatingSystem: linux}`
  const cluster = `apiVersion: v1\nkind: List\nitems:${nodeYaml('gpu-1', '1')}${nodeYaml('cpu-1', '0')}\n`
  const gpuPod = (n: string) =>
    makePod({
      name: 'train',
      containers: [
        makeContainer({
          name: 'c',
          image: 'nginx:1.27',
          requests: { 'nvidia.com/gpu': n },
          limits: { 'nvidia.com/gpu': n },
        }),
      ],
    })
  const run = (pod: Pod) =>
    toContractReport(simulate({ manifest: manifestOf(pod), cluster }, { seed: 1, until: 5_000 }), {
      command: 'kubectl apply -f pod.yaml',
    })

  it('an extended resource from allocatable: the pod goes to the node with a free GPU', () => {
    const r = run(gpuPod('1'))
    expect(r.scheduling[0]?.selected).toBe('gpu-1')
    expect(r.scheduling[0]?.nodes.find((n) => n.name === 'cpu-1')?.filter.reasons).toEqual([
      'Insufficient nvidia.com/gpu',
    ])
  })

  // 2 GPUs exceed every node's allocatable (1 or 0): v1.34 fit.go marks that Unresolvable.
  it('asking for more GPUs than any node has is reported per resource', () => {
    expect(run(gpuPod('2')).scheduling[0]?.message).toBe(
      '0/2 nodes are available: 2 Insufficient nvidia.com/gpu. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    )
  })
})

describe('existing pods count for pod anti-affinity and topology spread', () => {
  const web = (name: string, node: string): Pod => ({
    ...makePod({ name, nodeName: node, labels: { app: 'web' } }),
    metadata: { name, namespace: 'default', labels: { app: 'web' } },
    status: { phase: 'Running' },
  })
  const antiAffine = (): Pod => {
    const p = makePod({ name: 'web-new', labels: { app: 'web' } })
    return {
      ...p,
      spec: {
        ...p.spec,
        affinity: {
          podAntiAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' },
            ],
          },
        },
      },
    }
  }
  const run = (pod: Pod, pods: Pod[]) =>
    toContractReport(
      simulate({ manifest: manifestOf(pod), cluster: makeCluster({ pods }) }, { seed: 1, until: 5_000 }),
      {
        command: 'kubectl apply -f pod.yaml',
      },
    )

  it('required anti-affinity avoids the worker that already runs a matching pod', () => {
    const r = run(antiAffine(), [web('web-1', 'worker-1')])
    expect(r.scheduling[0]?.selected).toBe('worker-2')
    expect(r.scheduling[0]?.nodes.find((n) => n.name === 'worker-1')?.filter).toEqual({
      examined: true,
      passed: false,
      plugin: 'InterPodAffinity',
      reasons: ["node(s) didn't match pod anti-affinity rules"],
      code: 'Unschedulable',
    })
  })

  it('with a matching pod on every worker the message counts both reasons', () => {
    const r = run(antiAffine(), [web('web-1', 'worker-1'), web('web-2', 'worker-2')])
    expect(r.scheduling[0]?.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match pod anti-affinity rules. no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    )
  })

  it('a hostname spread constraint (maxSkew 1) sends the pod to the emptier worker', () => {
    const p = makePod({ name: 'web-new', labels: { app: 'web' } })
    const pod: Pod = {
      ...p,
      spec: {
        ...p.spec,
        topologySpreadConstraints: [
          {
            maxSkew: 1,
            topologyKey: 'kubernetes.io/hostname',
            whenUnsatisfiable: 'DoNotSchedule',
            labelSelector: { matchLabels: { app: 'web' } },
          },
        ],
      },
    }
    const r = run(pod, [web('web-1', 'worker-1'), web('web-2', 'worker-1')])
    expect(r.scheduling[0]?.selected).toBe('worker-2')
    expect(r.scheduling[0]?.nodes.find((n) => n.name === 'worker-1')?.filter.reasons).toEqual([
      "node(s) didn't match pod topology spread constraints",
    ])
  })
})
