/**
 * A manifest with several objects: `---` documents or a List. kubectl sends them one after the other
 * and reports every failure at the end; each created pod then lives its own life in the cluster.
 * Upstream: staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go (Run: GetObjects errors first, then one
 * applyOneObject per object, errors aggregated), create/create.go (RunCreate, ContinueOnError visitor),
 * cmd/util/helpers.go (checkErr: an aggregate of one is unwrapped; MultipleErrors prints each error on
 * its own line through StandardErrorMessage), cli-runtime resource/visitor.go (StreamVisitor stops at a
 * YAML error, RequireNamespace), apimachinery util/yaml/decoder.go (line numbers within the document).
 */
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { toContractReport } from '../report/contract'

const pod = (name: string, container = '{name: c, image: nginx}', extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n${extra}spec:\n  containers: [${container}]\n`

function run(manifest: string, command = 'kubectl apply -f pods.yaml', until = 60_000) {
  const timeline = simulate({ manifest, manifestName: 'pods.yaml', command }, { seed: 1, until })
  return toContractReport(timeline, { command })
}

const kubectlRequests = (r: ReturnType<typeof run>) =>
  r.requests.filter((q) => q.from === 'kubectl').map((q) => `${q.method} ${q.path} ${q.response?.code}`)
/** The validator's requests before the first object (warm cache): the index revalidated, the v1 document from the HTTP cache. */
const OPENAPI = ['GET /openapi/v3 304', 'GET /openapi/v3/api/v1 200']

describe('several documents', () => {
  it('apply sends each object in file order, GET then POST, and prints one line per object', () => {
    const r = run(`${pod('a')}---\n${pod('b')}`)
    expect(r.kubectl).toEqual({ exitCode: 0, stdout: 'pod/a created\npod/b created\n', stderr: '' })
    expect(kubectlRequests(r)).toEqual([
      ...OPENAPI,
      'GET /api/v1/namespaces/default/pods/a 404',
      'POST /api/v1/namespaces/default/pods 201',
      'GET /api/v1/namespaces/default/pods/b 404',
      'POST /api/v1/namespaces/default/pods 201',
    ])
    // One session for the whole command.
    const sessions = new Set(
      r.requests.filter((q) => q.from === 'kubectl').map((q) => q.headers['Kubectl-Session']),
    )
    expect(sessions.size).toBe(1)
  })

  it('every pod is scheduled, started and reported, each with its own IP', () => {
    const r = run(`${pod('a')}---\n${pod('b')}---\n${pod('c')}`)
    expect(r.pods.map((p) => [p.metadata.name, p.status?.phase])).toEqual([
      ['a', 'Running'],
      ['b', 'Running'],
      ['c', 'Running'],
    ])
    expect(r.pod?.metadata.name).toBe('a')
    const ips = r.pods.map((p) => p.status?.podIP)
    expect(new Set(ips).size).toBe(3)
    expect(r.scheduling.map((s) => [s.pod, s.result])).toEqual([
      ['default/a', 'Scheduled'],
      ['default/b', 'Scheduled'],
      ['default/c', 'Scheduled'],
    ])
    // Timeline entries about the later documents say which one they are about.
    expect(r.timeline.some((e) => e.slot === 2 && e.summary.includes('pods/c/binding'))).toBe(true)
    for (const name of ['a', 'b', 'c']) {
      const reasons = r.events.filter((e) => e.object === `Pod/${name}`).map((e) => e.reason)
      expect(reasons).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started'])
    }
  })

  it('a pod already bound counts on its node when the next one is scored', () => {
    const r = run(`${pod('a')}---\n${pod('b')}`)
    const [first, second] = r.scheduling
    const node = first!.selected!
    const fitBefore = first!.nodes.find((n) => n.name === node)!.scores['NodeResourcesFit']!.raw
    const fitAfter = second!.nodes.find((n) => n.name === node)!.scores['NodeResourcesFit']!.raw
    expect(fitAfter).toBeLessThan(fitBefore)
  })

  it('the second pod is Pending when the first took the only room', () => {
    const big = '{name: c, image: nginx, resources: {requests: {cpu: "2"}}}'
    const r = run(`${pod('a', big)}---\n${pod('b', big)}---\n${pod('c', big)}`)
    const phases = r.pods.map((p) => p.status?.phase)
    expect(phases.filter((p) => p === 'Running').length).toBeGreaterThan(0)
    const pending = r.scheduling.filter((s) => s.result === 'Unschedulable')
    expect(pending.length).toBeGreaterThan(0)
    expect(pending[0]!.message).toMatch(/^0\/3 nodes are available: .*Insufficient cpu/)
  })

  it('a List is flattened: each item is sent', () => {
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: ['a', 'b'].map((name) => ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name },
        spec: { containers: [{ name: 'c', image: 'nginx' }] },
      })),
    }
    const r = run(JSON.stringify(list), 'kubectl create -f pods.yaml')
    expect(r.kubectl.stdout).toBe('pod/a created\npod/b created\n')
    expect(kubectlRequests(r)).toEqual([
      ...OPENAPI,
      'POST /api/v1/namespaces/default/pods 201',
      'POST /api/v1/namespaces/default/pods 201',
    ])
  })

  it('one refused object: the others are still created, and its error is printed alone, as for one object', () => {
    const r = run(`${pod('a')}---\n${pod('b', '{name: c}')}---\n${pod('c')}`, 'kubectl create -f pods.yaml')
    expect(r.kubectl).toEqual({
      exitCode: 1,
      stdout: 'pod/a created\npod/c created\n',
      stderr: 'The Pod "b" is invalid: spec.containers[0].image: Required value\n',
    })
    expect(r.pods.map((p) => p.metadata.name)).toEqual(['a', 'c'])
  })

  it('several failures print as an aggregate: one line each, Invalid as a plain server error', () => {
    const r = run(
      `${pod('a', '{name: c}')}---\napiVersion: v1\nkind: Pdo\nmetadata: {name: d}\n---\n${pod('b', '{name: c}')}`,
      'kubectl create -f pods.yaml',
    )
    expect(r.kubectl.exitCode).toBe(1)
    expect(r.kubectl.stdout).toBe('')
    expect(r.kubectl.stderr).toBe(
      'Error from server (Invalid): error when creating "pods.yaml": Pod "a" is invalid: spec.containers[0].image: Required value\n' +
        'resource mapping not found for name: "d" namespace: "" from "pods.yaml": no matches for kind "Pdo" in version "v1"\nensure CRDs are installed first\n' +
        'Error from server (Invalid): error when creating "pods.yaml": Pod "b" is invalid: spec.containers[0].image: Required value\n',
    )
  })

  it('apply reports client-side failures before the server’s, create in file order', () => {
    const manifest = `${pod('a', '{name: c}')}---\napiVersion: v1\nmetadata: {name: d}\n`
    const clientSide =
      'error validating "pods.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n'
    const server =
      'Error from server (Invalid): error when creating "pods.yaml": Pod "a" is invalid: spec.containers[0].image: Required value\n'
    expect(run(manifest).kubectl.stderr).toBe(clientSide + server)
    expect(run(manifest, 'kubectl create -f pods.yaml').kubectl.stderr).toBe(server + clientSide)
  })

  // StreamVisitor.Visit returns ValidateSchema's error, so the documents after it are never read (kubectl
  // v1.32 against an unreachable server prints only this error for such a file, nothing for the pod after).
  it('an object missing both apiVersion and kind names both, as an aggregate, and the stream stops there', () => {
    const r = run(`metadata: {name: x}\n---\n${pod('a')}`)
    expect(r.kubectl.stdout).toBe('')
    expect(r.pods).toEqual([])
    expect(r.kubectl.stderr).toBe(
      'error: error validating "pods.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n',
    )
  })

  it('a YAML error ends the stream: the documents before it are sent, the line counts from its own document', () => {
    const broken = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n  labels: {a: b\n'
    const r = run(`${pod('a')}---\n${broken}`)
    expect(r.kubectl.stdout).toBe('pod/a created\n')
    expect(r.kubectl.stderr).toMatch(
      /^error: error parsing pods\.yaml: error converting YAML to JSON: yaml: line [1-6]: /,
    )
    expect(kubectlRequests(r)).toHaveLength(OPENAPI.length + 2)
  })

  it('with -n, an object naming another namespace is refused and the others are sent there', () => {
    const r = run(
      `${pod('a', undefined, '  namespace: kube-system\n')}---\n${pod('b')}`,
      'kubectl apply -f pods.yaml -n default',
    )
    expect(r.kubectl).toEqual({
      exitCode: 1,
      stdout: 'pod/b created\n',
      stderr:
        'error: the namespace from the provided object "kube-system" does not match the namespace "default". You must pass \'--namespace=kube-system\' to perform this operation.\n',
    })
  })

  it('objects in different namespaces each go to their own', () => {
    const r = run(`${pod('a', undefined, '  namespace: kube-system\n')}---\n${pod('b')}`)
    expect(kubectlRequests(r)).toEqual([
      ...OPENAPI,
      'GET /api/v1/namespaces/kube-system/pods/a 404',
      'POST /api/v1/namespaces/kube-system/pods 201',
      'GET /api/v1/namespaces/default/pods/b 404',
      'POST /api/v1/namespaces/default/pods 201',
    ])
  })

  it('the same name twice: apply creates it, then finds it and has nothing to change', () => {
    const r = run(`${pod('a')}---\n${pod('a')}`)
    expect(r.kubectl).toEqual({ exitCode: 0, stdout: 'pod/a created\npod/a unchanged\n', stderr: '' })
    expect(r.pods).toHaveLength(1)
  })

  it('the same name twice: create fails the second with AlreadyExists', () => {
    const r = run(`${pod('a')}---\n${pod('a')}`, 'kubectl create -f pods.yaml')
    expect(r.kubectl).toEqual({
      exitCode: 1,
      stdout: 'pod/a created\n',
      stderr: 'Error from server (AlreadyExists): error when creating "pods.yaml": pods "a" already exists\n',
    })
  })

  it('the same input gives the same timeline', () => {
    const manifest = `${pod('a')}---\n${pod('b')}`
    const one = simulate({ manifest }, { seed: 7, until: 20_000 })
    const two = simulate({ manifest }, { seed: 7, until: 20_000 })
    expect(two.events).toEqual(one.events)
    expect(two.frames.at(-1)).toEqual(one.frames.at(-1))
  })
})
