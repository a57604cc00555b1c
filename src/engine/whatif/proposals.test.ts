import { describe, expect, it } from 'vitest'
import { storyPod } from '../protocol/pods'
import { simulate, type SimInput } from '../simulate'
import { SCENARIOS } from '../scenario/scenarios'
import { DEFAULT_CLUSTER, DEFAULT_MANIFEST } from '../scenario/default-scenario'
import { IDENTITIES } from '../scenario/identities'
import { parseClusterText } from '../model/cluster-file'
import { parseQuantity, quantityMilliValue, quantityValue } from '../model/quantity'
import { snapshotNodes } from '../scheduler/scheduler'
import { deepFreeze } from '../testing/builders'
import type { Container, JsonObject, Pod } from '../model/objects'
import type { Timeline } from '../protocol/timeline'
import { listCandidates, proposeFixes, reachesRunning } from './proposals'
import type { Proposal } from './types'

const scenarioInput = (id: string): SimInput => {
  const s = SCENARIOS.find((x) => x.id === id)
  if (!s) throw new Error(`no scenario ${id}`)
  return { manifest: s.manifest, ...(s.cluster ? { cluster: s.cluster } : {}) }
}
const run = (input: SimInput): Timeline => deepFreeze(simulate(input, { seed: 1 }))
const propose = (input: SimInput) => proposeFixes(input, run(input))
const podOf = (t: Timeline): Pod => storyPod(t.frames[t.frames.length - 1]!)!
const container = (t: Timeline, i = 0): Container => podOf(t).spec.containers[i]!
const milli = (s: string) => {
  const q = parseQuantity(s)
  if (!q.ok) throw new Error(s)
  return quantityMilliValue(q.quantity)
}
const bytes = (s: string) => {
  const q = parseQuantity(s)
  if (!q.ok) throw new Error(s)
  return quantityValue(q.quantity)
}
const pod = (name: string, spec: string, meta = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}${meta}\nspec:\n${spec}`

describe('a proposal for each classic failure, proven by a re-run', () => {
  it('insufficient-cpu: request what the roomiest worker has free, and the pod runs there', () => {
    const input = scenarioInput('insufficient-cpu')
    const fixes = propose(input)
    const cpu = fixes.find((p) => p.title.includes('CPU'))!
    expect(cpu.title).toBe('Request 2000m CPU, the most worker-1 can give')
    // The control plane's taint was worth a try, but 6 CPUs do not fit there either: not offered.
    expect(
      listCandidates(input, run(input))
        .flat()
        .map((c) => c.id),
    ).toContain('placement:tolerate:control-plane')
    expect(fixes.map((p) => p.id)).toEqual(['resources:fit:worker-1'])
    expect(cpu.why).toContain('2 Insufficient cpu')
    expect(cpu.outcome).toMatchObject({ kind: 'Running', node: 'worker-1' })
    expect(cpu.title).toContain(cpu.outcome.kind === 'Running' ? cpu.outcome.node : '?')
    // The request does not exceed what the node has free (allocatable minus its pods' requests).
    const node = snapshotNodes(run(input).cluster).find((n) => n.name === 'worker-1')!
    const asked = milli(container(cpu.timeline).resources!.requests!['cpu']!)
    expect(asked).toBeLessThanOrEqual(node.allocatable.milliCPU - node.requested.milliCPU)
    // The fix keeps the rest of what the user wrote.
    expect(cpu.change.manifest).toBe(input.manifest.replace('cpu: "6"', 'cpu: "2000m"'))
  })

  it('insufficient-memory: the memory request is lowered to the free memory of worker-1', () => {
    const [fix] = propose(scenarioInput('insufficient-memory'))
    expect(fix?.title).toBe('Request 4864Mi memory, the most worker-1 can give')
    expect(fix?.outcome).toMatchObject({ kind: 'Running', node: 'worker-1' })
    expect(bytes(container(fix!.timeline).resources!.requests!['memory']!)).toBe(7936 * 2 ** 20 - 3 * 2 ** 30)
  })

  it('image-typo: the image the registry has, with the same tag', () => {
    const fixes = propose(scenarioInput('image-typo'))
    expect(fixes.map((p) => p.title)).toEqual(['Use image nginx:1.27, the registry has no ngnix'])
    expect(container(fixes[0]!.timeline).image).toBe('nginx:1.27')
    expect(fixes[0]!.why).toContain('pull access denied')
  })

  it('an unknown tag: the nearest tag the repository has', () => {
    const fixes = propose({ manifest: pod('old', '  containers:\n  - name: app\n    image: nginx:1.30\n') })
    expect(fixes[0]?.title).toBe('Use image nginx:1.29, a tag the registry has (it has no 1.30)')
    expect(fixes[0]?.why).toContain('docker.io/library/nginx:1.30: not found')
  })

  it('oom: a bigger memory limit that actually stops the OOM kill', () => {
    const input = scenarioInput('oom')
    const before = run(input)
    expect(before.events.some((e) => e.kind === 'runtime.step' && e.summary.includes('OOMKilled'))).toBe(true)
    const [fix] = proposeFixes(input, before)
    expect(fix?.title).toBe("Raise stress's memory limit to 400Mi")
    const limit = bytes(container(fix!.timeline).resources!.limits!['memory']!)
    expect(limit).toBeGreaterThan(bytes('100Mi'))
    expect(fix!.outcome.kind).toBe('Running')
    expect(
      fix!.timeline.events.some((e) => e.kind === 'runtime.step' && e.summary.includes('OOMKilled')),
    ).toBe(false)
  })

  it('restricted-namespace: the official nginx cannot run as non-root, so only the looser namespace label is offered', () => {
    const input = scenarioInput('restricted-namespace')
    const fixes = propose(input)
    expect(fixes.map((p) => p.title)).toEqual(['Relax namespace secure to "baseline"'])
    expect(fixes[0]!.why).toContain('allowPrivilegeEscalation != false, unrestricted capabilities')
    expect(fixes[0]!.change.cluster).toContain('pod-security.kubernetes.io/enforce: baseline')
    // The settings PodSecurity names were tried, with the runAsUser the kubelet's runAsNonRoot check needs
    // (nginx has no USER): admitted, verified, and then nginx exits 1 as uid 1000 (mkdir /var/cache/nginx).
    const settings = listCandidates(input, run(input))
      .flat()
      .find((c) => c.id === 'pod-security:security-context')!
    expect(settings.title).toBe(
      'Add the 4 securityContext settings "restricted:latest" asks for, and runAsUser: 1000 (the image would run as root)',
    )
    const tried = run({ ...input, ...settings.change })
    expect(container(tried)['securityContext']).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    })
    expect(podOf(tried).spec['securityContext']).toEqual({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
      runAsUser: 1000,
    })
    expect(tried.outcome).toMatchObject({ kind: 'InProgress', status: 'CrashLoopBackOff' })
    // Without runAsUser the pod would be admitted and then stop at the kubelet
    // (security_context_others.go verifyRunAsNonRoot).
    const asked = run({
      ...input,
      manifest: settings.change.manifest!.replace('    runAsUser: 1000\n', ''),
    })
    expect(asked.outcome).toMatchObject({ kind: 'InProgress', status: 'CreateContainerConfigError' })
    expect(podOf(asked).status?.containerStatuses?.[0]?.state).toMatchObject({
      waiting: { reason: 'CreateContainerConfigError' },
    })
    expect((podOf(asked).status?.containerStatuses?.[0]?.state['waiting'] as JsonObject)['message']).toMatch(
      /^container has runAsNonRoot and image will run as root \(pod: "plain_secure\(.+\)", container: web\)$/,
    )
  })

  it('a restricted namespace and an image that can run as non-root: the settings with runAsUser come first', () => {
    const input: SimInput = {
      ...scenarioInput('restricted-namespace'),
      manifest: pod(
        'sleeper',
        '  containers:\n  - name: app\n    image: busybox:1.36\n    command: ["sleep", "infinity"]\n',
        '\n  namespace: secure',
      ),
    }
    const fixes = propose(input)
    expect(fixes.map((p) => p.id)).toEqual([
      'pod-security:security-context',
      'pod-security:namespace:baseline',
    ])
    expect(podOf(fixes[0]!.timeline).spec['securityContext']).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 1000,
    })
    expect(fixes[0]!.outcome.kind).toBe('Running')
  })

  it('a restricted namespace and an image with a non-root uid (pause, USER 65535:65535): no runAsUser is added', () => {
    const input: SimInput = {
      ...scenarioInput('restricted-namespace'),
      manifest: pod(
        'paused',
        '  containers:\n  - name: app\n    image: registry.k8s.io/pause:3.10\n',
        '\n  namespace: secure',
      ),
    }
    const [fix] = propose(input)
    expect(fix?.title).toBe('Add the 4 securityContext settings "restricted:latest" asks for')
    expect(podOf(fix!.timeline).spec['securityContext']).toEqual({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    })
    expect(fix!.outcome.kind).toBe('Running')
  })

  it('the kubelet refuses a root image under runAsNonRoot: a non-zero runAsUser where the image allows it', () => {
    const input = {
      manifest: pod(
        'sleeper',
        '  containers:\n  - name: app\n    image: busybox:1.36\n    command: ["sleep", "infinity"]\n    securityContext:\n      runAsNonRoot: true\n',
      ),
    }
    const fixes = propose(input)
    expect(fixes.map((p) => p.title)).toEqual(['Run app as uid 1000 (runAsUser: 1000)'])
    expect(fixes[0]!.why).toMatch(
      /^The kubelet would not create app: "container has runAsNonRoot and image will run as root/,
    )
    expect(container(fixes[0]!.timeline)['securityContext']).toEqual({ runAsNonRoot: true, runAsUser: 1000 })
  })

  it('the kubelet refuses nginx under runAsNonRoot: nginx cannot run as uid 1000, so it may run as root', () => {
    const input = {
      manifest: pod(
        'web',
        '  containers:\n  - name: web\n    image: nginx:1.27\n    securityContext:\n      runAsNonRoot: true\n',
      ),
    }
    const before = run(input)
    expect(
      listCandidates(input, before)
        .flat()
        .map((c) => [c.id, c.otherwise?.id]),
    ).toContainEqual(['pod-security:run-as-user', 'pod-security:allow-root'])
    const fixes = proposeFixes(input, before)
    expect(fixes.map((p) => p.title)).toEqual(['Let web run as root: remove runAsNonRoot'])
    expect(container(fixes[0]!.timeline)['securityContext']).toBeUndefined()
  })

  it("runAsUser 0 in the pod's securityContext breaks runAsNonRoot: the pod-level uid becomes 1000", () => {
    const input = {
      manifest: pod(
        'sleeper',
        '  securityContext:\n    runAsNonRoot: true\n    runAsUser: 0\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: ["sleep", "infinity"]\n',
      ),
    }
    const [fix] = propose(input)
    expect(fix?.why).toContain("container's runAsUser breaks non-root policy")
    expect(podOf(fix!.timeline).spec['securityContext']).toEqual({ runAsNonRoot: true, runAsUser: 1000 })
    expect(container(fix!.timeline)['securityContext']).toBeUndefined()
  })

  it('node-selector: drop the selector, or label a worker so it matches', () => {
    const fixes = propose(scenarioInput('node-selector'))
    expect(fixes.map((p) => p.title)).toEqual([
      'Remove the nodeSelector disktype: ssd',
      'Label worker-1 disktype=ssd',
    ])
    expect(fixes[1]!.outcome).toMatchObject({ kind: 'Running', node: 'worker-1' })
  })

  it('a selector key some node has: select the value it has', () => {
    const cluster = DEFAULT_CLUSTER.replace(
      '    kubernetes.io/hostname: worker-2\n',
      '    kubernetes.io/hostname: worker-2\n    disktype: hdd\n',
    )
    const [fix] = propose({ manifest: scenarioInput('node-selector').manifest, cluster })
    expect(fix?.title).toBe('Select disktype: hdd, which worker-2 has')
    expect(fix?.outcome).toMatchObject({ kind: 'Running', node: 'worker-2' })
  })

  it('an untolerated taint on every worker: add the toleration that makes one feasible', () => {
    const cluster = DEFAULT_CLUSTER.replace(
      'spec:\n  podCIDR: 10.244.1.0/24',
      'spec:\n  podCIDR: 10.244.1.0/24\n  taints:\n  - {key: dedicated, value: batch, effect: NoSchedule}',
    ).replace('spec:\n  podCIDR: 10.244.2.0/24', 'spec:\n  podCIDR: 10.244.2.0/24\n  unschedulable: true')
    const fixes = propose({ manifest: DEFAULT_MANIFEST, cluster })
    expect(fixes.map((p) => p.title)).toEqual([
      "Tolerate worker-1's taint dedicated=batch:NoSchedule",
      "Tolerate control-plane's taint node-role.kubernetes.io/control-plane:NoSchedule",
      'Uncordon worker-2',
    ])
    expect(podOf(fixes[0]!.timeline).spec.tolerations).toContainEqual({
      key: 'dedicated',
      operator: 'Equal',
      value: 'batch',
      effect: 'NoSchedule',
    })
    expect(fixes[0]!.outcome).toMatchObject({ kind: 'Running', node: 'worker-1' })
    expect(fixes[1]!.outcome).toMatchObject({ kind: 'Running', node: 'control-plane' })
    expect(fixes[2]!.outcome).toMatchObject({ kind: 'Running', node: 'worker-2' })
  })

  it('jane is forbidden: run as the admin, or bind her to edit in the namespace', () => {
    const jane = IDENTITIES.find((i) => i.id === 'jane')!
    const fixes = propose({
      manifest: DEFAULT_MANIFEST,
      kubeconfig: jane.kubeconfig,
      command: 'kubectl apply -f pod.yaml',
    })
    expect(fixes.map((p) => p.title)).toEqual([
      'Run kubectl as kubernetes-admin',
      'Bind jane to the edit ClusterRole in default',
    ])
    expect(fixes[0]!.why).toContain('User \\"jane\\" cannot get resource'.replaceAll('\\', ''))
    expect(fixes[0]!.change.kubeconfig).toBe(IDENTITIES.find((i) => i.id === 'admin')!.kubeconfig)
  })

  it('a 422 for an invalid name: the name lower-cased with "-"', () => {
    const fixes = propose({
      manifest: pod('My_App', '  containers:\n  - name: app\n    image: nginx:1.27\n'),
    })
    expect(fixes.map((p) => p.title)).toEqual(['Set name my-app'])
    expect(podOf(fixes[0]!.timeline).metadata.name).toBe('my-app')
    expect(fixes[0]!.why).toContain('metadata.name: Invalid value: "My_App"')
  })

  it('a 422 with an unsupported value and a bad name: both fixed at once', () => {
    const manifest = pod(
      'Web_1',
      '  restartPolicy: always\n  containers:\n  - name: app\n    image: nginx:1.27\n',
    )
    const [fix] = propose({ manifest })
    expect(fix?.title).toBe('Fix 2 fields: name web-1, restartPolicy Always')
  })

  it('unknown-field: rename the misspelt field to the one the schema has there', () => {
    const [fix] = propose(scenarioInput('unknown-field'))
    expect(fix?.title).toBe('Rename imagePullPolice to imagePullPolicy')
    expect(fix?.change.manifest).toContain('    imagePullPolicy: Always\n')
  })

  it('crashloop: let busybox finish (Succeeded counts), or give it something to run', () => {
    const fixes = propose(scenarioInput('crashloop'))
    expect(fixes.map((p) => p.title)).toEqual([
      'Let it finish: restartPolicy OnFailure',
      'Give app something to run: sleep infinity',
    ])
    expect(podOf(fixes[0]!.timeline).status?.phase).toBe('Succeeded')
    expect(fixes[1]!.outcome.kind).toBe('Running')
  })
})

describe('a proposal is offered only when its run reaches Running', () => {
  it('lowering the CPU is not offered when the image would still fail to pull', () => {
    const manifest = scenarioInput('insufficient-cpu').manifest.replace('nginx:1.27', 'ngnix:1.27')
    const t = run({ manifest })
    const candidates = listCandidates({ manifest }, t).flat()
    expect(candidates.map((c) => c.id)).toContain('resources:fit:worker-1')
    expect(proposeFixes({ manifest }, t)).toEqual([])
  })

  it('every node cordoned and the request too big for any: uncordoning one is tried, not offered', () => {
    const cluster = DEFAULT_CLUSTER.replaceAll(
      /spec:\n {2}podCIDR/g,
      'spec:\n  unschedulable: true\n  podCIDR',
    )
    const input = { manifest: scenarioInput('insufficient-cpu').manifest, cluster }
    const t = run(input)
    expect(
      listCandidates(input, t)
        .flat()
        .map((c) => c.id),
    ).toEqual(['placement:uncordon:worker-1', 'placement:uncordon:worker-2'])
    expect(proposeFixes(input, t)).toEqual([])
  })

  it('no CPU fix when the workers have no CPU left at all', () => {
    const full = `---
apiVersion: v1
kind: Pod
metadata: {name: filler, namespace: default}
spec:
  nodeName: worker-2
  containers:
  - {name: c, image: nginx:1.27, resources: {requests: {cpu: 1500m}}}
status: {phase: Running}
---
apiVersion: v1
kind: Pod
metadata: {name: filler-1, namespace: default}
spec:
  nodeName: worker-1
  containers:
  - {name: c, image: nginx:1.27, resources: {requests: {cpu: "2"}}}
status: {phase: Running}
`
    const input = { manifest: scenarioInput('insufficient-cpu').manifest, cluster: DEFAULT_CLUSTER + full }
    const t = run(input)
    expect(t.outcome.kind).toBe('Pending')
    expect(
      listCandidates(input, t)
        .flat()
        .map((c) => c.id),
    ).not.toContain('resources:fit:worker-1')
    expect(proposeFixes(input, t).filter((p) => p.title.includes('CPU'))).toEqual([])
  })

  it('cluster objects in, cluster objects out', () => {
    const parsed = parseClusterText(DEFAULT_CLUSTER)
    if (!parsed.ok) throw new Error(parsed.error)
    const input = { manifest: scenarioInput('node-selector').manifest, cluster: parsed.objects }
    const label = propose(input).find((p) => p.title.startsWith('Label'))!
    expect(Array.isArray(label.change.cluster)).toBe(true)
  })
})

describe('every scenario', () => {
  const results = SCENARIOS.map((s) => {
    const input = scenarioInput(s.id)
    const t = run(input)
    return { id: s.id, input, t, fixes: proposeFixes(input, t) }
  })

  it('gets only proposals whose run reaches Running, and applying one gives that run again', () => {
    for (const r of results)
      for (const p of r.fixes) {
        expect(reachesRunning(p.timeline), `${r.id}: ${p.title}`).toBe(true)
        const again = simulate({ ...r.input, ...p.change }, { seed: 1 })
        expect(again.outcome, `${r.id}: ${p.title}`).toEqual(p.outcome)
      }
  })

  it('that succeeds gets no proposals', () => {
    for (const r of results.filter((x) => reachesRunning(x.t))) expect(r.fixes, r.id).toEqual([])
  })

  it('that fails gets proposals where an obvious fix exists', () => {
    const withFixes = new Set(results.filter((r) => r.fixes.length > 0).map((r) => r.id))
    for (const id of [
      'insufficient-cpu',
      'node-selector',
      'image-typo',
      'crashloop',
      'unknown-field',
      'oom',
      'post-start',
      'restricted-namespace',
      'insufficient-memory',
      'out-of-cpu',
      'pre-stop',
      'sysctl-forbidden',
      'missing-configmap-volume',
      'missing-secret-env',
    ])
      expect(withFixes.has(id), id).toBe(true)
  })

  it('stays fast enough for the browser', () => {
    const timings: string[] = []
    for (const r of results.filter((x) => !reachesRunning(x.t))) {
      const start = performance.now()
      const fixes: Proposal[] = proposeFixes(r.input, r.t)
      const ms = performance.now() - start
      timings.push(`${r.id}: ${ms.toFixed(1)} ms, ${fixes.length} proposal(s)`)
      expect(ms, r.id).toBeLessThan(600)
    }
    console.log(timings.join('\n'))
  })
})
