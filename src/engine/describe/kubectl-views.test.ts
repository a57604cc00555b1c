import { storyPod } from '../protocol/pods'
import { describe, expect, it } from 'vitest'
import { DEFAULT_START_TIME, simulate } from '../simulate'
import { SCENARIOS } from '../scenario/scenarios'
import { allPods } from '../protocol/pods'
import { describePod, describePodAt, podEventOccurrences } from './describe-pod'
import { recordEvents } from './event-records'
import { getPodTable, getPodWideTable } from './get-pod'
import { podYaml } from './pod-yaml'
import { KUBECTL_VIEWS, kubectlViewAt, type KubectlView } from './kubectl-views'

const run = (s: (typeof SCENARIOS)[number]) =>
  simulate({ manifest: s.manifest, ...(s.cluster ? { cluster: s.cluster } : {}) }, { seed: 1 })

describe('the kubectl views equal what the app shows at the same instant', () => {
  // The app's inspector shows describePod / getPodWideTable / podYaml of storyPod(frame) at the cursor's event.
  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s, at its last event', (_id, s) => {
    const timeline = run(s)
    const index = timeline.events.length - 1
    const at = timeline.events[index]!.at
    const now = DEFAULT_START_TIME + at
    const pod = storyPod(timeline.frames[index]!)
    const app: Record<KubectlView, string> = {
      describe: describePod(timeline, index) ?? '',
      get: pod ? getPodTable(pod, now) : '',
      wide: pod ? getPodWideTable(pod, now) : '',
      yaml: pod ? podYaml(pod) : '',
    }
    for (const view of KUBECTL_VIEWS) expect(kubectlViewAt(timeline, view, at).stdout).toBe(app[view])
  })
})

describe('kubectlViewAt', () => {
  const scenario = SCENARIOS.find((s) => s.id === 'default')!
  const timeline = run(scenario)

  it('measures ages at the instant asked for, not at the last change of the pod', () => {
    expect(kubectlViewAt(timeline, 'get', 600_000).stdout).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\nnginx   1/1     Running   0          10m\n',
    )
  })

  it("before kubectl's POST the pod is not found (Error from server (NotFound) on stderr)", () => {
    for (const view of KUBECTL_VIEWS)
      expect(kubectlViewAt(timeline, view, 0)).toEqual({
        stdout: '',
        stderr: 'Error from server (NotFound): pods "nginx" not found\n',
      })
  })

  it('a rejected pod is never stored: NotFound at any instant', () => {
    const invalid = run(SCENARIOS.find((s) => s.id === 'invalid')!)
    expect(kubectlViewAt(invalid, 'describe', 600_000)).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "Bad_Name" not found\n',
    })
  })

  it('a manifest kubectl cannot read names no pod: the empty-list notice', () => {
    const broken = simulate({ manifest: 'kind: [' }, { seed: 1 })
    expect(kubectlViewAt(broken, 'get', 600_000)).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
    })
  })

  it('two names, one refused: a List of the one pod found, and NotFound for the other', () => {
    // Captured from kubectl 1.32: `kubectl get pods a missing -o yaml` prints a List with one item.
    const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: ok
spec:
  containers:
  - name: app
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: Bad_Name
spec:
  containers:
  - name: app
    image: nginx:1.27
`
    const mixed = simulate({ manifest }, { seed: 1 })
    const view = kubectlViewAt(mixed, 'yaml', 600_000)
    expect(view.stderr).toBe('Error from server (NotFound): pods "Bad_Name" not found\n')
    expect(view.stdout.match(/^- apiVersion: v1$/gm)).toHaveLength(1)
    expect(view.stdout.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true)
  })

  describe('several pods, as kubectl prints several objects', () => {
    const two = `apiVersion: v1
kind: Pod
metadata:
  name: first
spec:
  containers:
  - name: app
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: second-with-a-longer-name
spec:
  containers:
  - name: app
    image: nginx:1.27
`
    const timeline2 = simulate({ manifest: two }, { seed: 1 })
    const at = 600_000
    const index = timeline2.events.length - 1
    const pods = allPods(timeline2.frames[index]!)
    const now = DEFAULT_START_TIME + at

    it('the manifest stored both pods, in document order', () => {
      expect(pods.map((p) => p.metadata.name)).toEqual(['first', 'second-with-a-longer-name'])
    })

    // kubernetes/kubectl pkg/cmd/describe/describe.go Run: the first text, then "\n\n%s" for each further one.
    it('describe prints each pod in turn with a blank line between them', () => {
      const each = pods.map((p) =>
        describePodAt(p, recordEvents(podEventOccurrences(timeline2, index, p)), now),
      )
      expect(kubectlViewAt(timeline2, 'describe', at).stdout).toBe(`${each[0]!}\n\n${each[1]!}`)
    })

    it('get prints one table with one header, columns as wide as the longest name', () => {
      const lines = kubectlViewAt(timeline2, 'get', at).stdout.split('\n')
      expect(lines).toHaveLength(4)
      expect(lines[0]).toBe('NAME                        READY   STATUS    RESTARTS   AGE')
      expect(lines[1]).toMatch(/^first {23}1\/1 {5}Running {3}0 {10}10m$/)
      expect(lines[2]).toMatch(/^second-with-a-longer-name {3}1\/1 /)
    })

    // kubernetes/kubectl pkg/cmd/get/get.go printGeneric: several infos become a List with
    // apiVersion v1, kind List and metadata.resourceVersion "".
    it('yaml wraps several pods in a kind: List', () => {
      const text = kubectlViewAt(timeline2, 'yaml', at).stdout
      expect(text.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n')).toBe(true)
      expect(text.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true)
      expect(text.match(/^- apiVersion: v1$/gm)).toHaveLength(2)
    })
  })
})
