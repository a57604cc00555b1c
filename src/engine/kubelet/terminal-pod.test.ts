import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { toContractReport } from '../report/contract'
import { manifestOf } from '../testing/builders'
import type { Timeline } from '../protocol/timeline'
import { SCENARIOS } from '../scenario/scenarios'

// A pod that reaches Succeeded or Failed gives its sandbox back: the pod worker's SyncTerminatingPod kills
// the pod (KillPod → killPodWithSyncResult → StopPodSandbox); containerd stops the pause container, runs
// CNI DEL (bridge deletes eth0 and its veth peer, host-local releases the address) and removes the netns.
// The API status keeps its podIP (SyncTerminatingPod copies the last IPs, PR #125404, v1.31+).
// Upstream: kubernetes pkg/kubelet/kubelet.go (SyncPod, SyncTerminatingPod), pod_workers.go,
// kuberuntime/kuberuntime_manager.go (killPodWithSyncResult); containerd internal/cri/server/sandbox_stop.go
// (stopPodSandbox, teardownPodNetwork); containernetworking/plugins plugins/main/bridge/bridge.go (cmdDel),
// plugins/ipam/host-local/main.go (cmdDel).

function run(spec: Record<string, unknown>, until = 30_000): Timeline {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'job' }, spec }
  return simulate({ manifest: manifestOf(pod) }, { seed: 1, until })
}
const report = (t: Timeline) => toContractReport(t, { command: 'kubectl apply -f pod.yaml' })
const last = (t: Timeline) => t.frames[t.frames.length - 1]!

const busybox = (command: string[]) => [{ name: 'app', image: 'busybox:1.36', command }]

describe('a terminal pod releases its sandbox', () => {
  const cases = [
    {
      name: 'restartPolicy Never, exit 0: Succeeded',
      spec: { restartPolicy: 'Never', containers: busybox(['sh', '-c', 'sleep 2; exit 0']) },
      phase: 'Succeeded',
    },
    {
      name: 'restartPolicy Never, exit 3: Failed',
      spec: { restartPolicy: 'Never', containers: busybox(['sh', '-c', 'exit 3']) },
      phase: 'Failed',
    },
    {
      name: 'restartPolicy OnFailure, sleep 2 then exit 0: Succeeded',
      spec: { restartPolicy: 'OnFailure', containers: busybox(['sleep', '2']) },
      phase: 'Succeeded',
    },
  ]

  it.each(cases)('$name: StopPodSandbox, then CNI DEL', ({ spec, phase }) => {
    const t = run(spec)
    const r = report(t)
    expect(r.pod!.status!.phase).toBe(phase)
    expect(r.cri.map((c) => c.call).slice(-1)).toEqual(['StopPodSandbox'])
    expect(r.cri.filter((c) => c.call === 'StopPodSandbox')).toHaveLength(1)
    expect(r.cni.map((c) => c.command)).toEqual(['ADD', 'DEL'])
    const [add, del] = r.cni
    // The same network list is handed to DEL; DEL prints nothing on success (CNI SPEC).
    expect(del!.config).toEqual(add!.config)
    expect(del!.result).toBeNull()
    // The kubelet stops the sandbox only after it has written the terminal phase.
    const terminalPatch = r.requests.find(
      (q) => q.from === 'kubelet' && (q.body as { status?: { phase?: string } }).status?.phase === phase,
    )!
    const stop = r.cri.find((c) => c.call === 'StopPodSandbox')!
    expect(stop.t).toBeGreaterThan(terminalPatch.t)
    expect(stop.request).toEqual(r.cri.find((c) => c.call === 'RunPodSandbox')!.response)
    // Teardown takes tens of milliseconds, not seconds.
    expect(del!.t - stop.t).toBeGreaterThan(0)
    expect(del!.t - stop.t).toBeLessThan(0.1)
  })

  it.each(cases)('$name: the address goes back to host-local, the API keeps podIP', ({ spec }) => {
    const t = run(spec)
    const r = report(t)
    const ip = ((r.cni[0]!.result as { ips: { address: string }[] }).ips[0]!.address ?? '').split('/')[0]!
    const node = r.pod!.spec.nodeName!
    const world = last(t)
    expect(world.nodes[node]!.ipam.allocated).not.toContain(ip)
    const veth = (r.cni[0]!.result as { interfaces: { name: string }[] }).interfaces[1]!.name
    expect(world.nodes[node]!.interfaces).not.toContain(veth)
    expect(world.nodes[node]!.interfaces).toContain('cni0')
    expect(world.nodes[node]!.sandboxes.map((s) => [s.state, s.ip])).toEqual([['SANDBOX_NOTREADY', null]])
    expect(r.pod!.status!.podIP).toBe(ip)
    expect(r.pod!.status!.podIPs).toEqual([{ ip }])
    expect(r.pod!.status!.conditions!.find((c) => c.type === 'PodReadyToStartContainers')?.status).toBe(
      'False',
    )
  })

  it('the events of the teardown come in upstream order: pause container, CNI DEL, netns removed, status', () => {
    const t = run(cases[0]!.spec)
    const from = t.events.findIndex((e) => e.kind === 'cri.call' && e.payload.call === 'StopPodSandbox')
    expect(t.events.slice(from).map((e) => `${e.component} ${e.kind}`)).toEqual([
      'containerd cri.call',
      'containerd runtime.step',
      'cni cni.add',
      'containerd runtime.step',
      'kubelet http.request',
      'etcd etcd.put',
      'kube-apiserver http.response',
    ])
    expect(t.events.slice(from).map((e) => e.summary)[2]).toMatch(
      /^CNI DEL: 10\.244\.\d+\.\d+ released, veth/,
    )
  })

  it('a pod that restarts (restartPolicy Always) keeps its sandbox and its address', () => {
    const t = run({ containers: busybox(['sh', '-c', 'exit 1']) }, 15_000)
    const r = report(t)
    expect(r.pod!.status!.phase).toBe('Running')
    expect(r.cri.map((c) => c.call)).not.toContain('StopPodSandbox')
    expect(r.cni.map((c) => c.command)).toEqual(['ADD'])
  })
})

describe('scenarios', () => {
  const scenario = (id: string) => SCENARIOS.find((s) => s.id === id)!
  const reportOf = (id: string, until = 60_000) =>
    report(simulate({ manifest: scenario(id).manifest }, { seed: 1, until }))

  it('job-style: Succeeded, then StopPodSandbox and CNI DEL', () => {
    const r = reportOf('job-style')
    expect(r.pod!.status!.phase).toBe('Succeeded')
    expect(r.cni.map((c) => c.command)).toEqual(['ADD', 'DEL'])
    expect(r.pod!.status!.podIP).toBeTruthy()
  })

  it('pre-stop: Killing, then StopContainer 5s later with a 25s timeout', () => {
    const r = reportOf('pre-stop')
    const killing = r.events.find((e) => e.reason === 'Killing')!
    const stop = r.cri.find((c) => c.call === 'StopContainer')!
    expect(stop.request).toMatchObject({ timeout: 25 })
    expect(stop.t - killing.t).toBeGreaterThan(5)
    expect(stop.t - killing.t).toBeLessThan(5.1)
  })

  it('sysctl-forbidden: rejected by the kubelet with SysctlForbidden', () => {
    const r = reportOf('sysctl-forbidden')
    expect(r.pod!.status).toMatchObject({ phase: 'Failed', reason: 'SysctlForbidden' })
  })
})
