import { describe, expect, it } from 'vitest'
import { simulate } from '../../simulate'
import { toContractReport } from '../../report/contract'
import { makeCluster, makeNode, manifestOf } from '../../testing/builders'
import type { KubeObject } from '../../model/objects'

const worker = makeNode('worker-1', {
  capacity: { cpu: '8', memory: '16Gi', pods: '110' },
  podCIDR: '10.244.1.0/24',
})
const staticKubelet = {
  apiVersion: 'podlife.dev/v1alpha1',
  kind: 'Kubelet',
  metadata: { name: 'worker-1' },
  config: { cpuManagerPolicy: 'static', reservedSystemCPUs: '0,4' },
  machine: { sockets: 1, coresPerSocket: 4, threadsPerCore: 2 },
}

const guaranteed = (cpu: string, name = 'app') => ({
  name,
  image: 'nginx:1.27',
  resources: { requests: { cpu, memory: '256Mi' }, limits: { cpu, memory: '256Mi' } },
})

function run(containers: unknown[], objects: unknown[] = [staticKubelet]) {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'pinned' },
    spec: { nodeName: 'worker-1', containers },
  }
  const cluster = makeCluster({ nodes: [worker], objects: objects as KubeObject[] })
  const t = simulate({ manifest: manifestOf(pod), cluster }, { seed: 1, until: 20_000 })
  return { t, r: toContractReport(t, { command: 'kubectl apply -f pod.yaml' }) }
}

/** cpuset_cpus of each CreateContainer request, by container name. */
function cpusets(r: ReturnType<typeof run>['r']): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const c of r.cri) {
    if (c.call !== 'CreateContainer') continue
    const cfg = (
      c.request as { config: { metadata: { name: string }; linux: { resources: { cpuset_cpus: string } } } }
    ).config
    out[cfg.metadata.name] = cfg.linux.resources.cpuset_cpus
  }
  return out
}

// pkg/kubelet/cm/internal_container_lifecycle_linux.go (PreCreateContainer), cpumanager/policy_static.go,
// pkg/kubelet/cm/admission/errors.go, pkg/kubelet/kubelet.go (rejectPod)
describe('the CPU manager in a run', () => {
  it('none (the default): no cpuset in the CRI config; the narration says the containers share the node', () => {
    const { t, r } = run([guaranteed('2')], [])
    expect(cpusets(r)).toEqual({ app: '' })
    expect(r.pod!.status!.phase).toBe('Running')
    const admitted = t.events.find((e) => e.kind === 'kubelet.sync' && e.summary.endsWith('admitted'))
    expect(admitted?.narration).toContain('none policy')
  })

  it('static: a Guaranteed container with 2 CPUs gets a core of its own; the rest share the pool with the reserved CPUs', () => {
    const { t, r } = run([guaranteed('2'), guaranteed('500m', 'sidecar')])
    expect(cpusets(r)).toEqual({ app: '1,5', sidecar: '0,2-4,6-7' })
    expect(r.pod!.status!.phase).toBe('Running')
    const admitted = t.events.find((e) => e.kind === 'kubelet.sync' && e.summary.endsWith('admitted'))
    expect(admitted?.narration).toContain(
      'Its CPU manager has the static policy: app gets CPUs 1,5 to itself; sidecar runs on the shared pool (its CPU request is not a whole number of CPUs). CPUs 0,4 stay reserved for the system and are never handed out.',
    )
    const created = t.events.find((e) => e.kind === 'cri.call' && e.payload.call === 'CreateContainer')
    expect(created?.narration).toContain('Its cpuset cgroup holds CPUs 1,5 only')
  })

  it('static: a Burstable pod is not pinned', () => {
    const { r } = run([{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '2' } } }])
    expect(cpusets(r)).toEqual({ app: '0-7' })
  })

  it('static: more whole CPUs than are free outside the reserved ones: UnexpectedAdmissionError, before the resource fit', () => {
    const { r } = run([guaranteed('7')])
    const message =
      'Allocate failed due to not enough cpus available to satisfy request: requested=7, available=6, which is unexpected'
    expect(r.events.filter((e) => e.source === 'kubelet').map((e) => [e.type, e.reason, e.message])).toEqual([
      ['Warning', 'UnexpectedAdmissionError', message],
    ])
    expect(r.pod!.status).toMatchObject({
      phase: 'Failed',
      reason: 'UnexpectedAdmissionError',
      message: `Pod was rejected: ${message}`,
    })
    expect(r.cri).toEqual([])
  })

  it('full-pcpus-only: an odd CPU count on a 2-thread core is refused with SMTAlignmentError', () => {
    const kubelet = {
      ...staticKubelet,
      config: { ...staticKubelet.config, cpuManagerPolicyOptions: { 'full-pcpus-only': 'true' } },
    }
    const { r } = run([guaranteed('3')], [kubelet])
    expect(r.pod!.status).toMatchObject({
      phase: 'Failed',
      reason: 'SMTAlignmentError',
      message: 'Pod was rejected: SMT Alignment Error: requested 3 cpus not multiple cpus per core = 2',
    })
  })

  it('an existing Guaranteed pod on the node already holds its CPUs', () => {
    const existing = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'db', namespace: 'default', uid: 'db-uid' },
      spec: { nodeName: 'worker-1', containers: [guaranteed('2', 'db')] },
      status: { phase: 'Running' },
    }
    const { r } = run([guaranteed('2')], [staticKubelet, existing])
    expect(cpusets(r)).toEqual({ app: '2,6' })
  })

  it('a static Kubelet without reserved CPUs: the cluster is refused with the kubelet error', () => {
    const bad = { ...staticKubelet, config: { cpuManagerPolicy: 'static' } }
    const { t } = run([guaranteed('2')], [bad])
    expect(JSON.stringify(t.outcome)).toContain(
      'Kubelet \\"worker-1\\": the kubelet would not start: [cpumanager] unable to determine reserved CPU resources for static policy',
    )
  })
})
