/**
 * The run's outcome is read from the pods' stored status, as a client of the apiserver would read it.
 * The phases are the kubelet's: pkg/kubelet/kubelet_pods_test.go TestPodPhaseWithRestartNever ("all
 * succeeded with restart never" → Succeeded, "all failed with restart never" → Failed) and
 * TestPodPhaseWithRestartAlways ("backoff crashloop container with restart always" → Running, which
 * kubectl prints as CrashLoopBackOff); a pod the kubelet refuses is stored Failed with the rejection as
 * reason and message (pkg/kubelet/kubelet_test.go TestHandleMemExceeded, TestHandleNodeSelector:
 * `status.Phase == v1.PodFailed`; kubelet.go rejectPod).
 */
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { SCENARIOS } from '../scenario/scenarios'
import type { Outcome } from '../protocol/timeline'
import { podOf } from '../protocol/pods'

const pod = (name: string, spec: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${spec}`
const once = pod(
  'once',
  `  restartPolicy: Never\n  containers:\n  - name: task\n    image: busybox:1.36\n    command: ["sleep", "5"]\n`,
)
const fails = pod(
  'fails',
  `  restartPolicy: Never\n  containers:\n  - name: task\n    image: busybox:1.36\n    command: ["sh", "-c", "exit 3"]\n`,
)
const web = pod('web', `  containers:\n  - name: nginx\n    image: nginx:1.27\n`)
const withInit = pod(
  'with-init',
  `  initContainers:\n  - name: init\n    image: busybox:1.36\n    command: ["sh", "-c", "sleep 2"]\n  containers:\n  - name: app\n    image: nginx:1.27\n`,
)

const scenario = (id: string): { manifest: string; cluster?: string } => {
  const s = SCENARIOS.find((x) => x.id === id)!
  return { manifest: s.manifest, ...(s.cluster ? { cluster: s.cluster } : {}) }
}

describe('the outcome, from the stored status of the story pod', () => {
  const cases: readonly {
    name: string
    input: { manifest: string; cluster?: string }
    want: Partial<Outcome>
  }[] = [
    { name: 'a running pod', input: { manifest: web }, want: { kind: 'Running', node: 'worker-2' } },
    {
      name: 'a completed pod (restartPolicy Never, exit 0): Succeeded, not InProgress',
      input: { manifest: once },
      want: { kind: 'Succeeded', node: 'worker-2' },
    },
    {
      name: 'a container that fails and will not restart: Failed with its terminated reason',
      input: { manifest: fails },
      want: { kind: 'Failed', node: 'worker-2', reason: 'Error', message: '' },
    },
    {
      name: 'a pod the kubelet refuses (OutOfcpu): Failed with the rejection',
      input: scenario('out-of-cpu'),
      want: {
        kind: 'Failed',
        node: 'worker-2',
        reason: 'OutOfcpu',
        message:
          "Pod was rejected: Node didn't have enough resource: cpu, requested: 3000, used: 500, capacity: 2000",
      },
    },
    {
      name: 'a pod the kubelet refuses (a forbidden sysctl)',
      input: scenario('sysctl-forbidden'),
      want: { kind: 'Failed', reason: 'SysctlForbidden' },
    },
    {
      name: 'a crash-looping pod is still in progress (phase Running, STATUS CrashLoopBackOff)',
      input: scenario('crashloop'),
      want: { kind: 'InProgress', status: 'CrashLoopBackOff' },
    },
    {
      name: 'a pod no node fits stays Pending with the scheduler condition',
      input: scenario('insufficient-cpu'),
      want: { kind: 'Pending', reason: 'Unschedulable' },
    },
  ]
  it.each(cases)('$name', ({ input, want }) => {
    const t = simulate(input, { seed: 1 })
    expect(t.outcome).toMatchObject(want)
    expect(t.outcome.pods).toBeUndefined()
  })

  it('`at` is the status write that stored the phase', () => {
    const t = simulate({ manifest: once }, { seed: 1 })
    const i = t.events.findIndex(
      (e, k) => e.kind === 'etcd.put' && podOf(t.frames[k]!, 'default/once')?.status?.phase === 'Succeeded',
    )
    expect(t.events[i]!.summary).toContain('(status: Succeeded)')
    expect(t.outcome).toMatchObject({ kind: 'Succeeded', at: t.events[i]!.at })
  })
})

describe('several pods: each has its own outcome', () => {
  it('lists every pod in creation order; the top-level outcome is the story pod’s', () => {
    const t = simulate({ manifest: `${once}---\n${web}` }, { seed: 1 })
    expect(t.outcome.kind).toBe('Succeeded')
    expect(t.outcome.pods?.map((p) => [p.pod, p.outcome.kind])).toEqual([
      ['default/once', 'Succeeded'],
      ['default/web', 'Running'],
    ])
  })

  it('the story pod’s Running instant is its own, not that of another pod running first', () => {
    const t = simulate({ manifest: `${withInit}---\n${web}` }, { seed: 1 })
    const [first, second] = t.outcome.pods!
    expect(first!.outcome.kind).toBe('Running')
    expect(second!.outcome.kind).toBe('Running')
    const at = (o: typeof first) => (o!.outcome.kind === 'Running' ? o!.outcome.at : NaN)
    // The web pod has no init container to wait for, so it runs first.
    expect(at(second)).toBeLessThan(at(first))
    expect(t.outcome).toMatchObject({ kind: 'Running', at: at(first) })
  })
})
