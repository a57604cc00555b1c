// End-to-end tests: the built app in Debian's Chromium, used the way a person uses it.
import { BASE, SHOTS, assert, run, slug } from './harness.mjs'
import { classroomTests } from './classroom.mjs'
import { teachingTests } from './teaching.mjs'
import { robustnessTests } from './robustness.mjs'
import {
  expectText,
  inspect,
  jumpToEnd,
  open,
  replaceManifest,
  retypeLine,
  stepUntilStatus,
  waitForEditor,
} from './app.mjs'

const COMPONENTS = [
  'kubectl',
  'kube-apiserver',
  'etcd',
  'kube-scheduler',
  'kubelet',
  'containerd (CRI)',
  'CNI',
  'image registry',
]

const tests = [
  [
    'the graph shows every component, painted before the editor is ready',
    async (page) => {
      const t0 = Date.now()
      await page.goto(BASE)
      await page.locator('.react-flow__node').first().waitFor()
      const graphAt = Date.now() - t0
      await waitForEditor(page)
      const editorAt = Date.now() - t0
      assert(graphAt <= editorAt, `graph at ${graphAt} ms, editor at ${editorAt} ms`)
      for (const label of COMPONENTS) {
        const node = page.locator('.react-flow__node .component-label', { hasText: label })
        assert((await node.count()) === 1, `no graph node labelled ${label}`)
        assert(await node.first().isVisible(), `${label} not visible`)
      }
      await expectText(
        page.getByTestId('pod-status'),
        /Error from server \(NotFound\): pods "nginx" not found/,
      )
      await page.screenshot({ path: `${SHOTS}/01-first-visit.png` })
    },
  ],
  [
    'stepping forward takes the default nginx pod to Running, and stepping back undoes it',
    async (page) => {
      await open(page, BASE)
      await stepUntilStatus(page, /Pending/)
      await expectText(page.getByTestId('narration'), /etcd/)
      await stepUntilStatus(page, /ContainerCreating/)
      const steps = await stepUntilStatus(page, /^Running$/)
      assert(steps > 5, 'Running came too soon')
      await expectText(page.getByRole('status'), /nginx\s*ready 1\/1\s*Running\s*on worker-\d/)
      await page.screenshot({ path: `${SHOTS}/02-running.png` })
      const kubelet = await inspect(page, 'kubelet')
      await expectText(kubelet, /Started container nginx/)
      await expectText(kubelet, /Successfully pulled image "nginx:1\.27" in [\d.]+m?s/)
      for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step back' }).click()
      await expectText(page.getByTestId('pod-status'), /^ContainerCreating$/)
      await page.getByRole('button', { name: 'Reset' }).click()
      await expectText(page.getByTestId('pod-status'), /pods "nginx" not found/)
    },
  ],
  [
    'Play runs the story by itself and Pause stops it',
    async (page) => {
      await open(page, BASE)
      await page.getByRole('combobox', { name: 'Playback speed' }).selectOption('8')
      await page.getByRole('button', { name: 'Play' }).click()
      await page.waitForTimeout(900)
      await page.getByRole('button', { name: 'Pause' }).click()
      const pos = await page.getByRole('slider', { name: 'Story position' }).inputValue()
      assert(Number(pos) >= 2, `playback did not move (position ${pos})`)
      await page.waitForTimeout(600)
      const after = await page.getByRole('slider', { name: 'Story position' }).inputValue()
      assert(after === pos, `still moving after Pause: ${pos} → ${after}`)
      await page.screenshot({ path: `${SHOTS}/03-paused.png` })
    },
  ],
  [
    'typing a different image into the editor changes the simulation',
    async (page) => {
      await open(page, BASE)
      await retypeLine(page, 'image: nginx', '    image: redis:7.4')
      await page.waitForTimeout(700)
      await jumpToEnd(page)
      await expectText(page.getByTestId('pod-status'), /^Running$/)
      const kubelet = await inspect(page, 'kubelet')
      await expectText(kubelet, /Pulling image "redis:7\.4"/)
      const registry = await inspect(page, 'image registry')
      await expectText(registry, /docker\.io\/library\/redis:7\.4/)
      await page.screenshot({ path: `${SHOTS}/04-redis.png` })
      await page.reload()
      await waitForEditor(page)
      await expectText(page.locator('.monaco-editor .view-lines'), /redis:7\.4/, 10000)
    },
  ],
  [
    'a manifest with a namespace and two pods: each object is sent, both pods run',
    async (page) => {
      await open(page, BASE)
      // A List on one line, as `kubectl get -o json | jq -c` prints it (typing YAML would be re-indented).
      const pod = (name, image) => ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: 'shop' },
        spec: { containers: [{ name, image }] },
      })
      const list = {
        apiVersion: 'v1',
        kind: 'List',
        items: [
          { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
          pod('web', 'nginx'),
          pod('cache', 'redis'),
        ],
      }
      await replaceManifest(page, JSON.stringify(list))
      await page.waitForTimeout(700)
      await jumpToEnd(page)
      await expectText(page.getByTestId('pod-status'), /^Running$/)
      await expectText(page.getByTestId('other-pods'), /cache Running/)
      const kubectl = await inspect(page, 'kubectl')
      await expectText(kubectl, /namespace\/shop created\s+pod\/web created\s+pod\/cache created/)
      await page.screenshot({ path: `${SHOTS}/04b-multi-document.png` })
    },
  ],
  [
    'broken YAML gets a marker at its line and kubectl refuses it',
    async (page) => {
      await open(page, BASE)
      await retypeLine(page, 'name: nginx', '  name: nginx: oops')
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 8000 })
      await page.waitForTimeout(600)
      await jumpToEnd(page)
      await expectText(page.getByTestId('pod-status'), /kubectl exit 1/)
      const kubectl = await inspect(page, 'kubectl')
      await expectText(
        kubectl,
        /error: error parsing pod\.yaml: error converting YAML to JSON: yaml: line 4: /,
      )
      await page.screenshot({ path: `${SHOTS}/05-broken-yaml.png` })
    },
  ],
  [
    'an unknown field is rejected by the apiserver with the real strict-decoding message',
    async (page) => {
      await open(page, BASE)
      // The ports list now hangs under a misspelt imagePullPolicy: one unknown field.
      await retypeLine(page, 'ports:', '    imagePullPolice:')
      await page.waitForTimeout(700)
      await jumpToEnd(page)
      const kubectl = await inspect(page, 'kubectl')
      await expectText(
        kubectl,
        /Error from server \(BadRequest\): error when creating "pod\.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec\.containers\[0\]\.imagePullPolice"/,
      )
      // The apiserver's refusal is also marked in the editor, on the misspelt field.
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 5000 })
    },
  ],
  [
    'every control is reachable by keyboard and has its accessible name',
    async (page) => {
      await open(page, BASE)
      for (const name of ['Play', 'Step forward', 'Step back', 'Reset', 'Next chapter', 'Previous chapter']) {
        assert(
          (await page.getByRole('button', { name, exact: true }).count()) === 1,
          `no button named ${name}`,
        )
      }
      await page.getByRole('button', { name: 'Step forward' }).focus()
      await page.keyboard.press('Enter')
      await page.keyboard.press('Enter')
      const pos = await page.getByRole('slider', { name: 'Story position' }).inputValue()
      assert(pos === '1', `keyboard stepping gave position ${pos}`)
      await page.keyboard.press('ArrowRight')
      assert(
        (await page.getByRole('slider', { name: 'Story position' }).inputValue()) === '2',
        'ArrowRight did not step',
      )
      await page.getByRole('button', { name: 'Jump to chapter: Scheduling' }).click()
      await expectText(page.getByTestId('narration'), /scheduler/i)
      const scheduler = await inspect(page, 'kube-scheduler')
      // kubectl prints its result while the scheduler picks the pod up; the cycle follows within two steps.
      await page.getByRole('button', { name: 'Step forward' }).click()
      await page.getByRole('button', { name: 'Step forward' }).click()
      await expectText(scheduler, /TaintToleration: node\(s\) had untolerated taint\(s\)/)
      await page.screenshot({ path: `${SHOTS}/06-scheduler.png` })
    },
  ],
  [
    'with reduced motion the travelling message stands still',
    async (page) => {
      await open(page, BASE)
      await page.getByRole('button', { name: 'Jump to chapter: etcd' }).click()
      const packet = page.getByTestId('wire-message').first()
      await packet.waitFor()
      // The message's motion part loads after first paint: read its position once it is placed.
      let a = ''
      for (let i = 0; i < 50 && !a; i++) {
        a = await packet.evaluate((el) => el.style.offsetDistance || getComputedStyle(el).offsetDistance)
        if (!a || a === '0px') a = ''
        if (!a) await page.waitForTimeout(100)
      }
      await page.waitForTimeout(300)
      const b = await packet.evaluate((el) => el.style.offsetDistance || getComputedStyle(el).offsetDistance)
      assert(a === b, `the message moved: ${a} → ${b}`)
    },
    { reducedMotion: 'reduce' },
  ],
]

tests.push(
  [
    'a scenario that cannot be scheduled stays Pending with the real FailedScheduling message',
    async (page) => {
      await open(page, BASE)
      await page
        .getByRole('combobox', { name: 'Scenario' })
        .selectOption({ label: 'Too big for any node (Pending)' })
      await waitForEditor(page)
      await expectText(page.locator('.monaco-editor .view-lines'), /cpu:\s"6"/, 10000)
      await jumpToEnd(page)
      await expectText(page.getByTestId('pod-status'), /^Pending$/)
      const scheduler = await inspect(page, 'kube-scheduler')
      await expectText(
        scheduler,
        /0\/3 nodes are available: 1 node\(s\) had untolerated taint\(s\), 2 Insufficient cpu\. no new claims to deallocate, preemption: 0\/3 nodes are available: 3 Preemption is not helpful for scheduling\./,
      )
      await page.screenshot({ path: `${SHOTS}/07-pending.png` })
    },
  ],
  [
    'editing the cluster: a broken cluster file is reported and the last good run stays',
    async (page) => {
      await open(page, BASE)
      await page.getByRole('tab', { name: 'cluster.yaml' }).click()
      await waitForEditor(page)
      await expectText(page.locator('.monaco-editor .view-lines'), /kind:\sNode/, 10000)
      await retypeLine(page, 'kind: Node', 'kind: [Node')
      const alert = page.getByRole('alert').filter({ hasText: 'cluster.yaml cannot be loaded' })
      await alert.waitFor({ timeout: 5000 })
      await jumpToEnd(page)
      await expectText(page.getByTestId('pod-status'), /^Running$/)
      await page.screenshot({ path: `${SHOTS}/08-cluster-error.png` })
    },
  ],
)

tests.push(
  [
    'clicking a scheduler reason points at the manifest field behind it',
    async (page) => {
      await open(page, BASE)
      await page
        .getByRole('combobox', { name: 'Scenario' })
        .selectOption({ label: 'Too big for any node (Pending)' })
      await waitForEditor(page)
      await jumpToEnd(page)
      await inspect(page, 'kube-scheduler')
      await page.getByRole('button', { name: 'Show the manifest field behind: Insufficient cpu' }).click()
      const marked = page.locator('.monaco-editor .field-highlight')
      await marked.first().waitFor({ timeout: 5000 })
      const line = page.locator('.monaco-editor .view-line', { hasText: 'cpu' }).first()
      await expectText(line, /cpu:\s"6"/)
      await page.screenshot({ path: `${SHOTS}/09-reason-highlight.png` })
    },
  ],
  [
    'axe finds no serious accessibility violations outside the code editor',
    async (page, context) => {
      const { default: AxeBuilder } = await import('@axe-core/playwright')
      await open(page, BASE)
      await waitForEditor(page)
      for (let i = 0; i < 20; i++) await page.getByRole('button', { name: 'Step forward' }).click()
      await page.waitForTimeout(800) // let the last step's animation settle: contrast is judged at rest
      const result = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze()
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      assert(
        serious.length === 0,
        serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target}`).join('\n'),
      )
      void context
    },
  ],
)

tests.push([
  'running the command as a user without permissions ends in Forbidden',
  async (page) => {
    await open(page, BASE)
    await page.getByRole('combobox', { name: 'Run as' }).selectOption('jane')
    await expectText(page.getByLabel('Command line'), /kubectl apply -f pod\.yaml/)
    await page.waitForTimeout(700)
    await jumpToEnd(page)
    await expectText(page.getByTestId('pod-status'), /kubectl exit 1/)
    const kubectl = await inspect(page, 'kubectl')
    await expectText(
      kubectl,
      /pods "nginx" is forbidden: User "jane" cannot get resource "pods" in API group "" in the namespace "default"/,
    )
    await page.getByRole('textbox', { name: 'Namespace' }).fill('dev')
    await page.getByRole('combobox', { name: 'Run as' }).selectOption('admin')
    await expectText(page.getByLabel('Command line'), /kubectl apply -f pod\.yaml -n dev/)
    await page.waitForTimeout(700)
    await jumpToEnd(page)
    await expectText(
      kubectl,
      /Error from server \(NotFound\): error when creating "pod\.yaml": namespaces "dev" not found/,
    )
    await page.screenshot({ path: `${SHOTS}/10-forbidden.png` })
  },
])

tests.push([
  'cordoning a worker in the node panel sends the pod to the other worker',
  async (page) => {
    await open(page, BASE)
    await page.getByRole('tab', { name: 'cluster.yaml' }).click()
    await page.getByRole('checkbox', { name: 'Cordon worker-2' }).check()
    assert(
      await page.getByRole('checkbox', { name: 'Cordon worker-2' }).isChecked(),
      'the checkbox did not stay checked',
    )
    await page.waitForTimeout(700)
    await jumpToEnd(page)
    await expectText(page.getByRole('status'), /Running\s*on worker-1/)
    const scheduler = await inspect(page, 'kube-scheduler')
    await expectText(scheduler, /NodeUnschedulable: node\(s\) were unschedulable/)
    await page.screenshot({ path: `${SHOTS}/11-cordoned.png` })
  },
])

tests.push([
  'the node view draws the pod network and the container lanes show a crash loop',
  async (page) => {
    await open(page, BASE)
    await page
      .getByRole('combobox', { name: 'Scenario' })
      .selectOption({ label: 'busybox with no command (CrashLoopBackOff)' })
    await jumpToEnd(page)
    await expectText(page.getByTestId('pod-status'), /^CrashLoopBackOff$/)
    const cni = await inspect(page, 'CNI')
    const node = cni.getByTestId('node-view')
    await node.getByRole('img', { name: 'Node worker-2: the pod network' }).waitFor()
    await expectText(node, /eth0 10\.244\.2\.\d+\/24/)
    await expectText(node, /cni0 bridge 10\.244\.2\.1\/24/)
    await expectText(node, /Routes in the pod: default via 10\.244\.2\.1 dev eth0/)
    const kubelet = await inspect(page, 'kubelet')
    const lanes = kubelet.getByTestId('container-lanes')
    await lanes.getByRole('img', { name: 'Containers over time' }).waitFor()
    await expectText(lanes, /CrashLoopBackOff · ↻ [1-9]/)
    await lanes.getByText('The lanes in words').click()
    await expectText(lanes, /app \(regular\): .*restarted at /)
    await page.screenshot({ path: `${SHOTS}/12-node-view-and-lanes.png` })
  },
])

// What a real cluster shows at the end of each scenario: `kubectl get pod` STATUS and the node.
const SCENARIO_OUTCOMES = [
  ['nginx, the happy path', 'Running', 'worker-2'],
  ['Too big for any node (Pending)', 'Pending', ''],
  ['nodeSelector that matches no node', 'Pending', ''],
  ['Tolerate the control-plane taint', 'Running', 'control-plane'],
  ['Preferred node affinity', 'Running', 'worker-1'],
  ['Host port', 'Running', 'worker-2'],
  ['Typo in the image (ImagePullBackOff)', 'ImagePullBackOff', 'worker-2'],
  ['busybox with no command (CrashLoopBackOff)', 'CrashLoopBackOff', 'worker-2'],
  ['A pod that completes (restartPolicy Never)', 'Completed', 'worker-2'],
  ['An init container', 'Running', 'worker-2'],
  ['Misspelt field (strict validation)', 'kubectl exit 1', ''],
  [/validation errors \(422\)/, 'kubectl exit 1', ''],
  ['Cordoned worker', 'Running', 'worker-1'],
  ['nodeName set by hand', 'Running', 'worker-1'],
  ['Memory above its limit (OOMKilled)', 'CrashLoopBackOff', 'worker-2'],
  ['Failing readiness probe', 'Running', 'worker-2'],
  ['Failing postStart hook', 'CrashLoopBackOff', 'worker-2'],
  ['A native sidecar', 'Running', 'worker-2'],
  ['Private image without a pull secret', 'ImagePullBackOff', 'worker-2'],
  ['Private image with a pull secret', 'Running', 'worker-2'],
  ['Pod anti-affinity', 'Running', 'worker-1'],
  ['PodSecurity "restricted" namespace', 'kubectl exit 1', ''],
  ['Not enough memory anywhere', 'Pending', ''],
  ['PreferNoSchedule taint', 'Running', 'worker-1'],
  ['NoExecute taint', 'Running', 'worker-1'],
  ['Host port already taken', 'Running', 'worker-1'],
  ['Pod affinity', 'Running', 'worker-2'],
  ['Topology spread', 'Running', 'worker-2'],
  ['Preemption of a lower-priority pod', 'Running', 'worker-1'],
  ['nodeName on a node without room (OutOfcpu)', 'OutOfcpu', 'worker-2'],
  ['Liveness kill with a preStop hook', 'CrashLoopBackOff', 'worker-2'],
  ['An unsafe sysctl (SysctlForbidden)', 'SysctlForbidden', 'worker-2'],
  ['A ConfigMap volume that does not exist (ContainerCreating)', 'ContainerCreating', 'worker-2'],
  ['An env var from a missing Secret (CreateContainerConfigError)', 'CreateContainerConfigError', 'worker-2'],
  ['A namespace, a ConfigMap and a pod in one file', 'Running', 'worker-2'],
  ['A node joins while the pod is Pending', 'Running', 'worker-3'],
  ['Exclusive CPUs (CPU manager, static policy)', 'Running', 'worker-2'],
  ['Not enough CPUs to pin (UnexpectedAdmissionError)', 'UnexpectedAdmissionError', 'worker-2'],
  ['A Deployment of 3 replicas', 'Running', 'worker-2'],
  ['A Deployment whose pods cannot all fit', 'Running', 'worker-2'],
  ['A Deployment whose selector does not match its pods (422)', 'kubectl exit 1', ''],
  ['A rollout stuck on an image that does not exist', 'ImagePullBackOff', 'worker-2'],
  ['A Deployment in a namespace that enforces "restricted"', 'deploy/web 0/2 ready', ''],
  ['Scaling a running Deployment from 3 to 1', 'deploy/web 1/1 ready', ''],
  ['A rolling update from nginx:1.27 to nginx:1.28', 'Running', 'worker-2'],
]

tests.push([
  'every scenario plays through to the outcome a real cluster gives',
  async (page) => {
    await open(page, BASE)
    const picker = page.getByRole('combobox', { name: 'Scenario' })
    await picker.waitFor()
    const labels = await picker
      .locator('optgroup[label="Scenarios"] option:not([disabled])')
      .allTextContents()
    assert(
      labels.length === SCENARIO_OUTCOMES.length,
      `${labels.length} scenarios in the picker, ${SCENARIO_OUTCOMES.length} expected`,
    )
    for (const [pattern, status, node] of SCENARIO_OUTCOMES) {
      const title = typeof pattern === 'string' ? pattern : labels.find((l) => pattern.test(l))
      await picker.selectOption({ label: title })
      await jumpToEnd(page)
      await expectText(page.getByTestId('pod-status'), new RegExp(`^${status}$`), 8000).catch((e) => {
        throw new Error(`${title}: ${e.message}`)
      })
      if (node) await expectText(page.getByRole('status'), new RegExp(`on ${node}`))
      await page.screenshot({ path: `${SHOTS}/scenario-${slug(title)}.png` })
    }
  },
])

tests.push(...classroomTests)
tests.push(...teachingTests)
tests.push(...robustnessTests)

const ok = await run(tests)
process.exit(ok ? 0 : 1)
