import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { DEFAULT_MANIFEST } from '../scenario/default-scenario'
import { seconds, toContractReport } from './contract'

const COMMAND = 'kubectl apply -f pod.yaml'

function reportFor(manifest: string, until?: number) {
  const timeline = simulate({ manifest }, { seed: 1, ...(until !== undefined ? { until } : {}) })
  return { timeline, report: toContractReport(timeline, { command: COMMAND }) }
}

describe('toContractReport on the default scenario', () => {
  const { timeline, report } = reportFor(DEFAULT_MANIFEST)

  it('names the version and the command, and prints what kubectl prints', () => {
    expect(report.kubernetesVersion).toBe('1.34')
    expect(report.command).toBe(COMMAND)
    expect(report.kubectl).toEqual({ exitCode: 0, stdout: 'pod/nginx created\n', stderr: '' })
  })

  it('lists the requests in order: apply GET 404, POST 201, binding, then the kubelet status PATCHes', () => {
    expect(report.requests.map((r) => [r.from, r.method, r.path, r.response?.code])).toEqual([
      // kubectl's validator first (cli-runtime query_param_verifier_v3.go): the index, revalidated
      // (304), and the v1 document, which kubectl's HTTP cache answers (fromCache).
      ['kubectl', 'GET', '/openapi/v3', 304],
      ['kubectl', 'GET', '/openapi/v3/api/v1', 200],
      ['kubectl', 'GET', '/api/v1/namespaces/default/pods/nginx', 404],
      ['kubectl', 'POST', '/api/v1/namespaces/default/pods', 201],
      ['kube-scheduler', 'POST', '/api/v1/namespaces/default/pods/nginx/binding', 201],
      ['kubelet', 'PATCH', '/api/v1/namespaces/default/pods/nginx/status', 200],
      ['kubelet', 'PATCH', '/api/v1/namespaces/default/pods/nginx/status', 200],
    ])
    expect(report.requests[1]!.response?.fromCache).toBe(true)
    const post = report.requests[3]!
    expect(post.query).toEqual({ fieldManager: 'kubectl-client-side-apply', fieldValidation: 'Strict' })
    expect(post.headers['Content-Type']).toBe('application/json')
    expect(post.body).toMatchObject({ kind: 'Pod', metadata: { name: 'nginx' } })
    const ts = report.requests.map((r) => r.t)
    expect([...ts].sort((a, b) => a - b)).toEqual(ts)
  })

  it('leaves out the pseudo-headers that stand for TLS client certificates', () => {
    for (const r of report.requests) {
      expect(Object.keys(r.headers).filter((h) => h.toLowerCase().startsWith('x-podlife-'))).toEqual([])
    }
  })

  it('carries authentication and authorization from the response', () => {
    const post = report.requests[3]!
    expect(post.authn).toEqual({
      authenticator: 'x509',
      user: { name: 'kubernetes-admin', uid: '', groups: ['kubeadm:cluster-admins', 'system:authenticated'] },
    })
    expect(post.authz.map((d) => [d.authorizer, d.decision])).toEqual([
      ['Node', 'NoOpinion'],
      ['RBAC', 'Allow'],
    ])
    expect(report.requests[4]!.authn?.user.name).toBe('system:kube-scheduler')
    // The document kubectl's HTTP cache answered never met the apiserver's filters.
    expect(report.requests[1]!.authn).toBeNull()
    expect(report.requests[1]!.authz).toEqual([])
  })

  it('flattens admission: skipped plugins come before the plugin that ran after them', () => {
    const names = report.admission.map((a) => `${a.plugin}/${a.phase}/${a.verdict}`)
    expect(names.slice(0, 3)).toEqual([
      'NamespaceLifecycle/mutating/admit',
      'LimitRanger/mutating/admit',
      'ServiceAccount/mutating/admit',
    ])
    const webhook = names.indexOf('MutatingAdmissionWebhook/mutating/admit')
    expect(names.slice(webhook - 2, webhook)).toEqual([
      'PodTopologyLabels/mutating/skip',
      'MutatingAdmissionPolicy/mutating/skip',
    ])
    expect(names.at(-1)).toBe('ResourceQuota/validating/admit')
    // Every mutating plugin comes before every validating one.
    const firstValidating = report.admission.findIndex((a) => a.phase === 'validating')
    expect(report.admission.slice(firstValidating).every((a) => a.phase === 'validating')).toBe(true)
    expect(report.admission.find((a) => a.plugin === 'Priority')?.patch).toEqual([
      { op: 'add', path: '/spec/priority', value: 0 },
      { op: 'add', path: '/spec/preemptionPolicy', value: 'PreemptLowerPriority' },
    ])
    expect(report.admission.every((a) => !('note' in a))).toBe(true)
  })

  it('records the Kubernetes events in order, with the host for kubelet events', () => {
    expect(report.events.map((e) => e.reason)).toEqual([
      'Scheduled',
      'Pulling',
      'Pulled',
      'Created',
      'Started',
    ])
    const [scheduled, pulling] = report.events
    expect(scheduled).toEqual({
      t: scheduled!.t,
      type: 'Normal',
      reason: 'Scheduled',
      message: 'Successfully assigned default/nginx to worker-2',
      source: 'default-scheduler',
      object: 'Pod/nginx',
    })
    expect(pulling).toMatchObject({ source: 'kubelet', host: 'worker-2', object: 'Pod/nginx' })
  })

  it('shows one scheduling cycle with every node of the cluster', () => {
    expect(report.scheduling).toHaveLength(1)
    const cycle = report.scheduling[0]!
    expect(cycle.result).toBe('Scheduled')
    expect(cycle.selected).toBe('worker-2')
    expect(cycle.nodes.map((n) => n.name)).toEqual(['control-plane', 'worker-1', 'worker-2'])
    const cp = cycle.nodes[0]!
    expect(cp.filter).toEqual({
      code: 'UnschedulableAndUnresolvable',
      examined: true,
      passed: false,
      plugin: 'TaintToleration',
      reasons: ['node(s) had untolerated taint(s)'],
    })
    expect(cp.scores).toEqual({})
    expect(cp.total).toBeNull()
  })

  it('lists etcd puts of the pod key with increasing revisions', () => {
    expect(report.etcd.length).toBeGreaterThanOrEqual(4)
    expect(report.etcd.every((p) => p.op === 'put' && p.key === '/registry/pods/default/nginx')).toBe(true)
    const revisions = report.etcd.map((p) => p.revision)
    for (let i = 1; i < revisions.length; i++) expect(revisions[i]!).toBeGreaterThan(revisions[i - 1]!)
    expect(String(revisions.at(-1))).toBe(report.pod?.metadata.resourceVersion)
  })

  it('lists CRI calls and the CNI ADD on the selected node', () => {
    expect(report.cri.map((c) => c.call)).toEqual([
      'RunPodSandbox',
      'PodSandboxStatus',
      'ImageStatus',
      'PullImage',
      'CreateContainer',
      'StartContainer',
    ])
    expect(report.cri.every((c) => c.node === 'worker-2')).toBe(true)
    expect(report.cni).toHaveLength(1)
    expect(report.cni[0]).toMatchObject({ node: 'worker-2', command: 'ADD' })
    expect(report.cni[0]!.t).toBeLessThan(report.cri[1]!.t)
  })

  it('shows the stored pod Running on the selected node', () => {
    expect(report.pod?.spec.nodeName).toBe('worker-2')
    expect(report.pod?.status?.phase).toBe('Running')
  })

  it('has one timeline entry per event, in seconds', () => {
    expect(report.timeline).toHaveLength(timeline.events.length)
    expect(report.timeline[2]).toEqual({
      t: 0,
      component: 'kubectl',
      from: 'kubectl',
      to: 'kube-apiserver',
      kind: 'http.request',
      summary: 'GET /openapi/v3?timeout=32s',
    })
    expect(report.timeline.map((e) => e.t)).toEqual(timeline.events.map((e) => seconds(e.at)))
    expect(report.timeline.every((e) => e.from === null || typeof e.from === 'string')).toBe(true)
  })

  it('is plain JSON: it survives a round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report)
  })
})

describe('toContractReport at an earlier instant', () => {
  it('shows only what happened by then, and requests still waiting have no response', () => {
    const { timeline } = reportFor(DEFAULT_MANIFEST)
    // 0.001 s: kubectl's GET is on the wire, the apiserver has not answered.
    const report = toContractReport(timeline, { command: COMMAND, until: 1 })
    expect(report.requests).toHaveLength(1)
    expect(report.requests[0]).toMatchObject({ method: 'GET', response: null, authn: null, authz: [] })
    expect(report.kubectl).toEqual({ exitCode: null, stdout: '', stderr: '' })
    expect(report.pod).toBeNull()
    expect(report.events).toEqual([])
  })

  it('agrees with a simulation that stopped at that instant', () => {
    const full = reportFor(DEFAULT_MANIFEST).timeline
    const short = simulate({ manifest: DEFAULT_MANIFEST }, { seed: 1, until: 100 })
    expect(toContractReport(full, { command: COMMAND, until: 100 })).toEqual(
      toContractReport(short, { command: COMMAND }),
    )
  })
})

describe('toContractReport when kubectl cannot read the manifest', () => {
  it("prints kubectl's YAML error, exits 1 and stores no pod", () => {
    const { report } = reportFor('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   bad: [\n')
    expect(report.kubectl.exitCode).toBe(1)
    expect(report.kubectl.stdout).toBe('')
    expect(report.kubectl.stderr).toMatch(
      /^error: error parsing pod\.yaml: error converting YAML to JSON: yaml: line \d+: .+\n$/,
    )
    expect(report.pod).toBeNull()
    expect(report.requests).toEqual([])
    expect(report.admission).toEqual([])
    expect(report.etcd).toEqual([])
  })
})
