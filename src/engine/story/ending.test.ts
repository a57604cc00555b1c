import { storyEnding } from './ending'
import { describe, expect, it } from 'vitest'
import { SCENARIOS } from '../scenario/scenarios'
import { simulate } from '../simulate'
import { runScenario } from './scenario-run'

/** For each scenario: the word the event behind the main cause must name, and how the headline starts. */
const EXPECTED: Readonly<Record<string, readonly [tone: string, cause: string, headline: string]>> = {
  default: ['accepted', 'Running', 'nginx is Running on worker-2 (IP 10.244.2.3), 1/1 containers ready.'],
  'insufficient-cpu': [
    'waiting',
    'Unschedulable',
    'big is Pending: no node can run it (0/3 nodes are available).',
  ],
  'node-selector': ['waiting', 'Unschedulable', 'ssd-only is Pending: no node can run it'],
  toleration: ['accepted', 'Running', 'on-control-plane is Running on control-plane'],
  'preferred-affinity': ['accepted', 'Running', 'prefers-worker-1 is Running on worker-1'],
  'host-port': ['accepted', 'Running', 'hostport is Running'],
  'image-typo': [
    'rejected',
    'Failed to pull image',
    'typo is in ImagePullBackOff: the kubelet on worker-2 cannot pull image "ngnix:1.27"',
  ],
  crashloop: [
    'rejected',
    'exited',
    'crashy is in CrashLoopBackOff: container app exited with code 0 (Completed)',
  ],
  'job-style': ['accepted', 'exited', 'once Completed: container task exited 0'],
  'init-container': ['accepted', 'Running', 'with-init is Running'],
  'unknown-field': ['rejected', 'unknown field', 'The apiserver refused the pod (400 BadRequest)'],
  invalid: ['rejected', 'Invalid value', 'The apiserver rejected Pod "Bad_Name" as invalid (422): 3 errors'],
  cordoned: ['accepted', 'Running', 'nginx is Running on worker-1'],
  'node-name': ['accepted', 'Running', 'pinned is Running on worker-1'],
  oom: ['rejected', 'OOMKilled', 'hungry is in CrashLoopBackOff: container stress was OOMKilled (exit 137)'],
  readiness: [
    'waiting',
    'Readiness probe failed',
    'not-ready is Running on worker-2 (IP 10.244.2.3) but not Ready (0/1)',
  ],
  'post-start': [
    'rejected',
    'PostStartHook',
    'bad-hook is in CrashLoopBackOff: the postStart hook of container web failed',
  ],
  sidecar: ['accepted', 'Running', 'with-sidecar is Running'],
  'private-image': ['rejected', 'Failed to pull image', 'private is in ImagePullBackOff'],
  'private-image-secret': ['accepted', 'Running', 'private-ok is Running'],
  'anti-affinity': ['accepted', 'Running', 'not-with-cache is Running'],
  'restricted-namespace': [
    'rejected',
    'PodSecurity',
    'The apiserver refused pod "plain" (403 Forbidden): the PodSecurity admission plugin decided',
  ],
  'insufficient-memory': ['waiting', 'Unschedulable', 'memory-hog is Pending'],
  'prefer-no-schedule': ['accepted', 'Running', 'nginx is Running on worker-1'],
  'no-execute': ['accepted', 'Running', 'nginx is Running on worker-1'],
  'host-port-clash': ['accepted', 'Running', 'wants-8080 is Running on worker-1'],
  'pod-affinity': ['accepted', 'Running', 'near-cache is Running'],
  'topology-spread': ['accepted', 'Running', 'api-2 is Running'],
  preemption: ['accepted', 'preemption', 'urgent is Running on worker-1'],
  'out-of-cpu': [
    'rejected',
    'OutOfcpu',
    'too-big-here Failed: the kubelet on worker-2 rejected it (OutOfcpu).',
  ],
  'pre-stop': [
    'rejected',
    'Liveness probe failed',
    'drain-first is in CrashLoopBackOff: container web failed its liveness probe',
  ],
  'sysctl-forbidden': [
    'rejected',
    'SysctlForbidden',
    'tuned Failed: the kubelet on worker-2 rejected it (SysctlForbidden).',
  ],
  'cpu-pinning': ['accepted', 'Running', 'pinned-cpu is Running on worker-2'],
  'cpu-pinning-refused': [
    'rejected',
    'UnexpectedAdmissionError',
    'wide Failed: the kubelet on worker-2 rejected it (UnexpectedAdmissionError).',
  ],
  'missing-configmap-volume': ['waiting', 'FailedMount', 'web is stuck in ContainerCreating'],
  'missing-secret-env': ['rejected', 'not found', 'web is in CreateContainerConfigError'],
  'namespace-and-configmap': ['accepted', 'Running', 'web is Running on worker-2'],
  'node-joins': ['accepted', 'worker-3', 'big is Running on worker-3'],
  deployment: [
    'accepted',
    'NewReplicaSetAvailable',
    'deployment web is rolled out: 3/3 ready, 3 up to date, 3 available',
  ],
  'deployment-unfit': ['waiting', 'Insufficient cpu', 'deployment web is still rolling out: 3/4 ready'],
  'deployment-selector-mismatch': [
    'rejected',
    'does not match',
    'The apiserver rejected Deployment "web" as invalid (422)',
  ],
  'deployment-bad-image': [
    'rejected',
    'ProgressDeadlineExceeded',
    'deployment web exceeded its progress deadline',
  ],
  'deployment-restricted-namespace': ['rejected', 'violates PodSecurity', 'deployment web has no pods'],
  'deployment-scale-down': ['accepted', 'NewReplicaSetAvailable', 'deployment web is rolled out: 1/1 ready'],
  'deployment-rolling-update': [
    'accepted',
    'NewReplicaSetAvailable',
    'deployment web is rolled out: 3/3 ready, 3 up to date, 3 available (ReplicaSet web-6579488b69, revision 2)',
  ],
}

describe('the ending of every scenario', () => {
  it('covers every scenario', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(SCENARIOS.map((s) => s.id).sort())
  })

  it.each(SCENARIOS.map((s) => [s.id]))('%s: its main cause links to an event that names it', (id) => {
    const t = runScenario(id)
    const ending = storyEnding(t)
    const [tone, word, headline] = EXPECTED[id]!
    expect(ending.tone).toBe(tone)
    expect(ending.headline.startsWith(headline), ending.headline).toBe(true)
    const main = t.events[ending.causes[0]!.eventIndex]!
    expect(`${main.summary} ${main.narration} ${JSON.stringify(main.payload)}`).toContain(word)
  })
})

describe('what an ending quotes and links', () => {
  it("a 422: kubectl's stderr whole, the validation event first, then the 422 and kubectl's exit", () => {
    const t = runScenario('invalid')
    const ending = storyEnding(t)
    expect(ending.message).toBe(t.frames[t.frames.length - 1]!.kubectl!.stderr)
    expect(ending.message!.split('\n').filter((l) => l.startsWith('* '))).toHaveLength(3)
    expect(ending.causes.map((c) => [c.label, t.events[c.eventIndex]!.kind])).toEqual([
      ['validation: 3 errors', 'apiserver.validation'],
      ['the 422 Invalid from the apiserver', 'http.response'],
      ['kubectl exits 1', 'kubectl.output'],
    ])
  })

  it('Pending: the FailedScheduling message whole, each node named in the explanation', () => {
    const t = runScenario('insufficient-cpu')
    const ending = storyEnding(t)
    expect(ending.message).toBe(t.outcome.kind === 'Pending' ? t.outcome.message : '')
    for (const node of ['control-plane', 'worker-1', 'worker-2']) expect(ending.explanation).toContain(node)
    expect(ending.explanation).toContain('worker-1: Insufficient cpu (NodeResourcesFit)')
    expect(ending.causes.map((c) => c.label)).toEqual([
      'scheduler: 0/3 nodes are available',
      'FailedScheduling',
    ])
  })

  it.each([
    ['crashloop', ['container app exited (code 0)', 'Back-off restarting failed container']],
    ['oom', ['OOM kill (exit 137)', 'Back-off restarting failed container']],
    [
      'out-of-cpu',
      ['OutOfcpu: the kubelet on worker-2 rejected the pod', 'kubelet admission (SyncLoop ADD)'],
    ],
    [
      'preemption',
      [
        'preemption: the scheduler evicted api-7d9f8b6c5-x2x7k',
        'status: Running',
        'scheduler: selected worker-1',
      ],
    ],
  ])('%s: the causes, main cause first', (id, labels) => {
    expect(storyEnding(runScenario(id)).causes.map((c) => c.label)).toEqual(labels)
  })

  it.each([
    [
      'a YAML error',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: [\n',
      'it could not parse the YAML',
    ],
    ['an unknown kind', 'apiVersion: v1\nkind: Pdo\nmetadata:\n  name: x\n', 'it does not know the kind'],
  ])('kubectl fails on its own, %s: its stderr whole, linked to its output', (_name, manifest, fragment) => {
    const t = simulate({ manifest }, { seed: 1 })
    const ending = storyEnding(t)
    expect(ending.tone).toBe('rejected')
    expect(ending.headline).toContain(fragment)
    expect(ending.message).toBe(t.frames[t.frames.length - 1]!.kubectl!.stderr)
    expect(t.events[ending.causes[0]!.eventIndex]!.kind).toBe('kubectl.output')
  })

  it('two pods in one manifest: the ending is about the first and names the other', () => {
    const doc = (name: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n`
    const ending = storyEnding(simulate({ manifest: `${doc('a')}---\n${doc('b')}` }, { seed: 1 }))
    expect(ending.headline).toMatch(/^a is Running/)
    expect(ending.explanation).toContain('The manifest also created pod b (Running).')
  })
})

describe('the ending of a kubelet runAsNonRoot refusal', () => {
  it('blames the image running as root, not a missing Secret (pkg/kubelet/kuberuntime/security_context_others.go verifyRunAsNonRoot)', () => {
    const t = simulate(
      {
        manifest: `apiVersion: v1
kind: Pod
metadata:
  name: rootless
spec:
  securityContext:
    runAsNonRoot: true
  containers:
  - name: web
    image: nginx:1.27
`,
      },
      { seed: 1 },
    )
    const e = storyEnding(t)
    expect(e.headline).toMatch(/^rootless is in CreateContainerConfigError/)
    expect(e.message).toMatch(
      /container has runAsNonRoot and image will run as root \(pod: "rootless_default\(/,
    )
    expect(e.explanation).toMatch(/runAsNonRoot/)
    expect(e.explanation).not.toMatch(/Secret or ConfigMap/)
  })
})
