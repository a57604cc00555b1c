import { describe, expect, it } from 'vitest'
import { storyPod } from './protocol/pods'
import { simulate, parseClusterText } from './simulate'
import { DEFAULT_CLUSTER, DEFAULT_MANIFEST } from './scenario/default-scenario'
import { POD_STAGES } from './protocol/stages'
import type { SimEvent } from './protocol/events'
import type { Timeline } from './protocol/timeline'
import type { KubeObject, Node } from './model/objects'
import { deepFreeze, makeContainer, makePod, manifestOf } from './testing/builders'

const SEED = 1

function defaultCluster(): KubeObject[] {
  const r = parseClusterText(DEFAULT_CLUSTER)
  if (!r.ok) throw new Error(r.error)
  return r.objects
}

function run(manifest: string, cluster?: readonly KubeObject[], seed = SEED): Timeline {
  return simulate({ manifest, ...(cluster ? { cluster } : {}) }, { seed })
}

const kubeEvents = (t: Timeline) => t.events.flatMap((e) => (e.kind === 'k8s.event' ? [e.payload] : []))

const stderrOf = (t: Timeline) => t.frames[t.frames.length - 1]?.kubectl?.stderr ?? ''

function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0)
}

function inCidr(ip: string, cidr: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/')
  const size = 2 ** (32 - Number(bits))
  const network = Math.floor(ipToInt(base) / size) * size
  const n = ipToInt(ip)
  return n >= network && n < network + size
}

describe('simulate: the default nginx Pod', () => {
  const t = run(DEFAULT_MANIFEST)

  it('ends Running on worker-2 at 3001.5 virtual ms', () => {
    expect(t.outcome).toEqual({ kind: 'Running', at: 3001.5, node: 'worker-2' })
  })

  it('every stage a learner steps through occurs, each event in exactly one of them', () => {
    const ids = POD_STAGES.map((s) => s.id as string)
    expect(new Set(t.events.map((e) => e.stage))).toEqual(new Set(ids))
    for (const e of t.events) expect(ids).toContain(e.stage)
  })

  it('stages first appear in the order kubectl → authn → authz → admission → storage → scheduling → kubelet → sandbox → containers → status', () => {
    const firstOccurrence = [...new Set(t.events.map((e) => e.stage))]
    expect(firstOccurrence).toEqual([
      'kubectl',
      'authn',
      'authz',
      'admission',
      'storage',
      'scheduling',
      'kubelet',
      'sandbox',
      'containers',
      'status',
    ])
    expect(firstOccurrence).toEqual(POD_STAGES.map((s) => s.id))
  })

  it('the kubelet’s first Pending status write belongs to the kubelet stage; the Running one to status', () => {
    const puts = t.events.filter((e) => e.kind === 'etcd.put' && e.payload.what === 'status')
    expect(puts.map((e) => [e.stage, e.summary])).toEqual([
      ['kubelet', 'PUT /registry/pods/default/nginx (status: Pending) → revision 1230'],
      ['status', 'PUT /registry/pods/default/nginx (status: Running) → revision 1231'],
    ])
    expect(t.events[t.events.length - 1]!.stage).toBe('status')
  })

  it('events are sorted by (at, seq) and seq is the position in the timeline', () => {
    t.events.forEach((e, i) => {
      expect(e.seq).toBe(i)
      if (i > 0) expect(e.at).toBeGreaterThanOrEqual(t.events[i - 1]!.at)
    })
    expect(t.frames).toHaveLength(t.events.length)
  })

  it('after the first etcd.put the Pod exists, unbound and Pending, with resourceVersion equal to the revision', () => {
    const i = t.events.findIndex((e) => e.kind === 'etcd.put')
    const e = t.events[i] as Extract<SimEvent, { kind: 'etcd.put' }>
    expect(e.payload).toEqual({
      key: '/registry/pods/default/nginx',
      revision: 1228,
      createRevision: 1228,
      what: 'create',
    })
    const pod = storyPod(t.frames[i]!)!
    expect(pod.metadata.resourceVersion).toBe(String(e.payload.revision))
    expect(pod.spec.nodeName ?? '').toBe('')
    expect(pod.status?.phase).toBe('Pending')
    expect(t.frames[i]!.etcd.revision).toBe(1228)
    // Before it, nothing is stored.
    expect(storyPod(t.frames[i - 1]!)).toBeNull()
  })

  it('after the binding is stored, spec.nodeName is the chosen node and PodScheduled is True', () => {
    const i = t.events.findIndex((e) => e.kind === 'etcd.put' && e.payload.what === 'binding')
    const pod = storyPod(t.frames[i]!)!
    expect(pod.spec.nodeName).toBe('worker-2')
    expect(pod.metadata.resourceVersion).toBe('1229')
    expect(pod.status?.conditions?.map((c) => [c.type, c.status])).toEqual([['PodScheduled', 'True']])
  })

  it('at the end the Pod is Running with the five conditions in kubelet order and an IP from the node’s podCIDR', () => {
    const pod = storyPod(t.frames[t.frames.length - 1]!)!
    expect(pod.status?.phase).toBe('Running')
    expect(pod.status?.conditions?.map((c) => [c.type, c.status])).toEqual([
      ['PodReadyToStartContainers', 'True'],
      ['Initialized', 'True'],
      ['Ready', 'True'],
      ['ContainersReady', 'True'],
      ['PodScheduled', 'True'],
    ])
    const node = defaultCluster().find(
      (o) => o.kind === 'Node' && o.metadata.name === pod.spec.nodeName,
    ) as unknown as Node
    const cidr = node.spec.podCIDR!
    const ip = pod.status!.podIP!
    expect(cidr).toBe('10.244.2.0/24')
    expect(inCidr(ip, cidr)).toBe(true)
    expect(ip).not.toBe('10.244.2.1')
    // cache-0 already holds .2 on worker-2, so host-local hands out .3.
    expect(ip).toBe('10.244.2.3')
    expect(pod.status?.podIPs).toEqual([{ ip }])
  })

  it('records Scheduled, Pulling, Pulled, Created, Started with the kubelet’s and scheduler’s texts', () => {
    expect(kubeEvents(t).map((e) => [e.type, e.reason, e.message])).toEqual([
      ['Normal', 'Scheduled', 'Successfully assigned default/nginx to worker-2'],
      ['Normal', 'Pulling', 'Pulling image "nginx:1.27"'],
      [
        'Normal',
        'Pulled',
        'Successfully pulled image "nginx:1.27" in 2.235s (2.235s including waiting). Image size: 72400000 bytes.',
      ],
      ['Normal', 'Created', 'Created container: nginx'],
      ['Normal', 'Started', 'Started container nginx'],
    ])
  })

  it('kubectl apply prints pod/nginx created and exits 0', () => {
    expect(t.frames[t.frames.length - 1]!.kubectl).toEqual({
      exitCode: 0,
      stdout: 'pod/nginx created\n',
      stderr: '',
    })
  })
})

describe('simulate: determinism and immutability', () => {
  it('the same input and seed give a deep-equal timeline, with frozen input and frozen frames', () => {
    const cluster = deepFreeze(defaultCluster())
    const input = deepFreeze({ manifest: DEFAULT_MANIFEST, cluster })
    const a = simulate(input, { seed: 42 })
    deepFreeze(a)
    const b = simulate(input, { seed: 42 })
    expect(b).toEqual(a)
  })

  it('a run cut short shows the same frames as the full run, so no frame changes after it is emitted', () => {
    const full = run(DEFAULT_MANIFEST)
    deepFreeze(full)
    const cuts = [...new Set(full.events.map((e) => e.at))].filter((_, i) => i % 5 === 0)
    for (const until of cuts) {
      const part = simulate({ manifest: DEFAULT_MANIFEST }, { seed: SEED, until })
      const n = part.events.length
      expect(n).toBe(full.events.filter((e) => e.at <= until).length)
      expect(part.events).toEqual(full.events.slice(0, n))
      // The last frame of a cut run may include state a later step would add; the others must match.
      expect(part.frames.slice(0, n - 1)).toEqual(full.frames.slice(0, n - 1))
    }
  })

  it('the input manifest text and cluster objects are left untouched', () => {
    const cluster = defaultCluster()
    const before = JSON.stringify(cluster)
    run(DEFAULT_MANIFEST, cluster)
    expect(JSON.stringify(cluster)).toBe(before)
  })
})

describe('simulate: images', () => {
  it('changing the image to busybox:1.36 changes the Pulling text', () => {
    const t = run(DEFAULT_MANIFEST.replace('image: nginx:1.27', 'image: busybox:1.36'))
    const pulling = kubeEvents(t).find((e) => e.reason === 'Pulling')
    expect(pulling?.message).toBe('Pulling image "busybox:1.36"')
    expect(kubeEvents(t).find((e) => e.reason === 'Pulled')?.message).toBe(
      'Successfully pulled image "busybox:1.36" in 480ms (480ms including waiting). Image size: 2200000 bytes.',
    )
  })

  it('an image already on the node (IfNotPresent) is not pulled: "Container image … already present on machine"', () => {
    const withImage = defaultCluster().map((o) =>
      o.kind === 'Node' && o.metadata.name !== 'control-plane'
        ? {
            ...o,
            status: {
              ...(o['status'] as Node['status']),
              images: [
                ...((o['status'] as Node['status']).images ?? []),
                { names: ['docker.io/library/nginx:1.27'], sizeBytes: 72_400_000 },
              ],
            },
          }
        : o,
    )
    const t = run(DEFAULT_MANIFEST, withImage)
    expect(kubeEvents(t).map((e) => [e.reason, e.message])).toEqual([
      ['Scheduled', 'Successfully assigned default/nginx to worker-2'],
      ['Pulled', 'Container image "nginx:1.27" already present on machine'],
      ['Created', 'Created container: nginx'],
      ['Started', 'Started container nginx'],
    ])
    expect(t.events.some((e) => e.kind === 'registry.pull')).toBe(false)
    expect(t.outcome.kind).toBe('Running')
  })

  it('a Pod built from builders as JSON runs like the YAML one', () => {
    const pod = makePod({
      containers: [
        makeContainer({
          name: 'nginx',
          image: 'nginx:1.27',
          requests: { cpu: '250m', memory: '64Mi' },
          limits: { memory: '128Mi' },
        }),
      ],
    })
    const t = run(manifestOf(pod))
    expect(t.outcome).toEqual({ kind: 'Running', at: 3001.5, node: 'worker-2' })
  })
})

describe('simulate: failures a user sees', () => {
  const neverStored = (t: Timeline) =>
    expect(t.events.some((e) => e.kind === 'etcd.put' && e.payload.key.startsWith('/registry/pods/'))).toBe(
      false,
    )

  it('a YAML syntax error is rejected by kubectl before any request', () => {
    const t = run('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n spec: 1\n')
    expect(t.outcome.kind).toBe('Rejected')
    expect(t.outcome.kind === 'Rejected' && t.outcome.exitCode).toBe(1)
    expect(stderrOf(t)).toMatch(/^error: error parsing pod\.yaml: error converting YAML to JSON: yaml: line /)
    expect(stderrOf(t)).toBe(
      // go-yaml v2 reports a parser error at the 0-based line of the token: line 4 (checked against go-yaml v2.4).
      'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key\n',
    )
    expect(t.events.some((e) => e.kind === 'http.request')).toBe(false)
    neverStored(t)
  })

  it('a manifest without kind: "error validating data: kind not set"', () => {
    const t = run('apiVersion: v1\nmetadata:\n  name: x\n')
    expect(t.outcome).toEqual({
      kind: 'Rejected',
      at: 0,
      exitCode: 1,
      message:
        'error: error validating "pod.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false',
    })
  })

  it('an unknown field imagePullPolice is a strict decoding error (400 BadRequest)', () => {
    const t = run(
      DEFAULT_MANIFEST.replace(
        '    image: nginx:1.27\n',
        '    image: nginx:1.27\n    imagePullPolice: Always\n',
      ),
    )
    expect(stderrOf(t)).toBe(
      'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolice"\n',
    )
    const response = t.events.filter((e) => e.kind === 'http.response').at(-1)
    expect(response?.kind === 'http.response' && response.payload.code).toBe(400)
    neverStored(t)
  })

  it('two validation errors (no image, restartPolicy Sometimes) give 422 and kubectl’s bulleted list', () => {
    const t = run(
      manifestOf(
        makePod({ name: 'x', restartPolicy: 'Sometimes', containers: [makeContainer({ name: 'x' })] }),
      ),
    )
    const response = t.events.filter((e) => e.kind === 'http.response').at(-1)
    expect(response?.kind === 'http.response' && response.payload.code).toBe(422)
    expect(t.outcome.kind === 'Rejected' && t.outcome.exitCode).toBe(1)
    expect(stderrOf(t)).toBe(
      'The Pod "x" is invalid: \n' +
        '* spec.containers[0].image: Required value\n' +
        '* spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"\n',
    )
    neverStored(t)
  })

  it('a namespace that does not exist: namespaces "dev" not found', () => {
    const t = run(manifestOf(makePod({ namespace: 'dev' })))
    expect(stderrOf(t)).toBe(
      'Error from server (NotFound): error when creating "pod.yaml": namespaces "dev" not found\n',
    )
    neverStored(t)
  })

  // 64 CPUs exceed each worker's allocatable itself, so v1.34 NodeResourcesFit answers
  // UnschedulableAndUnresolvable there too (noderesources/fit.go Filter) and preemption helps nowhere.
  it('a Pod requesting 64 CPUs stays Pending with the upstream FailedScheduling message', () => {
    const t = run(DEFAULT_MANIFEST.replace('cpu: 250m', 'cpu: "64"'))
    const message =
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. ' +
      'no new claims to deallocate, preemption: 0/3 nodes are available: ' +
      '3 Preemption is not helpful for scheduling.'
    expect(t.outcome).toEqual({ kind: 'Pending', reason: 'Unschedulable', message })
    const failed = kubeEvents(t).find((e) => e.reason === 'FailedScheduling')
    expect(failed).toMatchObject({ type: 'Warning', message })
    expect(
      failed?.message.startsWith(
        '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu.',
      ),
    ).toBe(true)
    const pod = storyPod(t.frames[t.frames.length - 1]!)!
    expect(pod.spec.nodeName ?? '').toBe('')
    expect(pod.status?.conditions?.find((c) => c.type === 'PodScheduled')).toMatchObject({
      status: 'False',
      reason: 'Unschedulable',
      message,
    })
  })
})
