import { storyPod } from '../../engine/index'
import { describe, expect, it } from 'vitest'
import { simulate, DEFAULT_MANIFEST } from '../../engine/index'
import { SCENARIOS } from '../../engine/views'
import { inspectorSections } from './sections'

const t = simulate({ manifest: DEFAULT_MANIFEST }, { seed: 1 })
const last = t.events.length - 1

describe('inspector', () => {
  it('shows the scheduler table with the control-plane node rejected by TaintToleration', () => {
    const table = inspectorSections(t, last, 'kube-scheduler').find((s) => s.kind === 'table')
    expect(table?.kind).toBe('table')
    if (table?.kind !== 'table') return
    const cp = table.rows.find((r) => r[0]!.startsWith('control-plane'))
    expect(cp?.[1]).toBe('TaintToleration: node(s) had untolerated taint(s)')
  })

  it('shows the HTTP request kubectl sent, without the simulation-only headers', () => {
    const i = t.events.findIndex((e) => e.kind === 'http.request' && e.payload.method === 'POST')
    const req = inspectorSections(t, i, 'kubectl').find((s) => s.title === 'HTTP request')
    expect(req?.kind === 'text' && req.text).toMatch(
      /^POST \/api\/v1\/namespaces\/default\/pods\?fieldManager=kubectl-client-side-apply&fieldValidation=Strict\n/,
    )
    expect(req?.kind === 'text' && req.text).not.toContain('X-Podlife')
  })

  it('lists nothing that has not happened yet', () => {
    const early = inspectorSections(t, 0, 'kube-scheduler')
    expect(early[0]).toEqual({ kind: 'text', title: 'Scheduling queue', text: 'No pod to schedule yet.' })
  })
})

describe('the node-side inspectors', () => {
  it('draws the node for containerd and CNI, and the container lanes for the kubelet, once the pod is bound', () => {
    const bind = t.events.findIndex((e) => e.kind === 'etcd.put' && /nodeName=/.test(e.summary))
    for (const i of [bind - 1, last]) {
      const bound = i >= bind
      const cri = inspectorSections(t, i, 'containerd')[0]
      expect(cri?.kind === 'node-view').toBe(bound)
      expect(inspectorSections(t, i, 'cni')[0]?.kind === 'node-view').toBe(bound)
      expect(inspectorSections(t, i, 'kubelet')[0]?.kind === 'container-lanes').toBe(bound)
    }
    const net = inspectorSections(t, last, 'cni')[0]
    expect(net?.title).toBe('Node worker-2: the pod network')
    expect(net?.kind === 'node-view' && net.view.network.podAddress).toBe('10.244.2.3/24')
  })
})

describe('the kubectl inspector', () => {
  const text = (sections: ReturnType<typeof inspectorSections>, title: string): string | undefined => {
    const s = sections.find((x) => x.title === title)
    return s?.kind === 'text' ? s.text : undefined
  }

  it('shows kubectl get pod -o wide at the cursor, with the pod IP once the kubelet reports one', () => {
    const title = '$ kubectl get pod nginx -o wide'
    const created = t.frames.findIndex((f) => storyPod(f) !== null)
    const withIp = t.frames.findIndex((f) => (storyPod(f)?.status?.podIPs ?? []).length > 0)
    expect(created).toBeGreaterThanOrEqual(0)
    expect(withIp).toBeGreaterThan(created)
    expect(text(inspectorSections(t, created, 'kubectl'), title)?.split('\n')[1]).toMatch(
      /^nginx +0\/1 +Pending +0 +0s +<none> +<none> +<none> +<none>$/,
    )
    expect(text(inspectorSections(t, withIp, 'kubectl'), title)).toMatch(
      / 10\.244\.2\.3 +worker-2 +<none> +<none>\n$/,
    )
  })

  it('watches the pod preemption deletes until its DELETED event', () => {
    const s = SCENARIOS.find((x) => x.id === 'preemption')!
    const run = simulate({ manifest: s.manifest, cluster: s.cluster! }, { seed: 1 })
    const victims = inspectorSections(run, run.events.length - 1, 'kubectl').filter(
      (x) =>
        x.title.startsWith('$ kubectl get pod ') && x.title.endsWith(' -w') && !x.title.includes('urgent'),
    )
    expect(victims).toHaveLength(1)
    const lines = victims[0]?.kind === 'text' ? victims[0].text.split('\n') : []
    expect(lines.at(-1)).toMatch(/ Terminating /)
    // Before the preemption nothing is being deleted, so no such block.
    expect(inspectorSections(run, 0, 'kubectl').some((x) => x.title.endsWith(' -w'))).toBe(false)
  })
})

describe('the kube-controller-manager inspector', () => {
  const manifest = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    'spec:',
    '  replicas: 3',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec: {containers: [{name: nginx, image: "nginx:1.27"}]}',
  ].join('\n')
  const run = simulate({ manifest }, { seed: 1, until: 10_000 })
  const end = run.events.length - 1
  const titles = (i: number) => inspectorSections(run, i, 'kube-controller-manager').map((s) => s.title)

  it('before any sync: says so, and shows no kubectl views until the run has a Deployment', () => {
    const sections = inspectorSections(run, 0, 'kube-controller-manager')
    expect(sections[0]).toEqual({
      kind: 'text',
      title: 'Controllers',
      text: 'The deployment and replicaset controllers have not synced any object yet.',
    })
    expect(titles(0)).not.toContain('$ kubectl get deploy,rs,pods')
    expect(titles(0).some((x) => x.startsWith('$ kubectl describe deployment'))).toBe(false)
  })

  it("shows each controller's last decision per object, the expectations, get and describe", () => {
    const sections = inspectorSections(run, end, 'kube-controller-manager')
    const decisions = sections.find((s) => s.title === "Each controller's last decision")
    expect(decisions?.kind === 'table' && decisions.rows.map((r) => [r[0], r[1]])).toEqual([
      ['deployment-controller', 'Deployment default/web'],
      [
        'replicaset-controller',
        expect.stringMatching(/^ReplicaSet default\/web-[a-z0-9]+$/) as unknown as string,
      ],
    ])
    expect(titles(end)).toContain('replicaset-controller expectations')
    const get = sections.find((s) => s.title === '$ kubectl get deploy,rs,pods')
    expect(get?.kind === 'text' && get.text).toMatch(
      /^NAME +READY +UP-TO-DATE +AVAILABLE +AGE\ndeployment\.apps\/web /,
    )
    const describe = sections.find((s) => s.title === '$ kubectl describe deployment web')
    expect(describe?.kind === 'text' && describe.text).toMatch(/^Name: +web\n/)
  })

  it('shows a work queue only while it holds a key', () => {
    const queued = run.frames.findIndex((f) =>
      Object.values(f.controllerManager?.queues ?? {}).some((q) => q.dirty.length + q.processing.length > 0),
    )
    expect(queued).toBeGreaterThan(0)
    expect(titles(queued)).toContain('Work queues')
    expect(titles(end)).not.toContain('Work queues')
  })
})
