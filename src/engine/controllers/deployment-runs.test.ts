/**
 * Deployments played through the whole cluster: kubectl, the apiserver, kube-controller-manager's
 * deployment and replicaset controllers, the scheduler and the kubelets. Texts are upstream's
 * (pkg/controller/deployment/sync.go, rolling.go, progress.go; pkg/controller/controller_utils.go
 * CreatePods/DeletePod events); the spread is PodTopologySpread's system default constraints.
 */
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { toContractReport } from '../report/contract'
import { SCENARIOS } from '../scenario/scenarios'
import type { KubeObject, Pod } from '../model/objects'
import type { Deployment, ReplicaSet } from './apps-types'

function run(id: string) {
  const s = SCENARIOS.find((x) => x.id === id)!
  const timeline = simulate(
    { manifest: s.manifest, ...(s.cluster ? { cluster: s.cluster } : {}) },
    { seed: 1 },
  )
  const report = toContractReport(timeline, { command: 'kubectl apply -f pod.yaml', until: 600_000 })
  const objects = (kind: string) => report.objects.filter((o) => o.kind === kind)
  return { timeline, report, objects }
}

const controllerEvents = (r: ReturnType<typeof run>['report']) =>
  r.events.filter((e) => e.source === 'deployment-controller' || e.source === 'replicaset-controller')

describe('a Deployment of 3 replicas', () => {
  const { report, objects } = run('deployment')
  const [d] = objects('Deployment') as unknown as Deployment[]
  const [rs] = objects('ReplicaSet') as unknown as ReplicaSet[]
  const pods = objects('Pod') as unknown as Pod[]

  it('is created by kubectl as deployment.apps/web', () => {
    expect(report.kubectl).toEqual({ exitCode: 0, stdout: 'deployment.apps/web created\n', stderr: '' })
  })

  it('gets a ReplicaSet web-<pod-template-hash> owned by it, and three pods owned by the ReplicaSet', () => {
    const hash = rs!.metadata.labels?.['pod-template-hash']
    expect(rs!.metadata.name).toBe(`web-${hash}`)
    expect(rs!.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Deployment',
      name: 'web',
      uid: d!.metadata.uid,
      controller: true,
    })
    expect(pods).toHaveLength(3)
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`))
      expect(p.metadata.generateName).toBe(`web-${hash}-`)
      expect(p.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash })
      expect(p.metadata['ownerReferences']).toEqual([
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: rs!.metadata.name,
          uid: rs!.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ])
      expect(p.status?.phase).toBe('Running')
    }
  })

  it('spreads the replicas over both workers', () => {
    expect(new Set(pods.map((p) => p.spec.nodeName))).toEqual(new Set(['worker-1', 'worker-2']))
  })

  it('records the controllers’ events with upstream’s texts', () => {
    const events = controllerEvents(report)
    expect(events[0]).toMatchObject({
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      message: `Scaled up replica set ${rs!.metadata.name} to 3`,
      source: 'deployment-controller',
      object: 'Deployment/web',
    })
    expect(events.slice(1).map((e) => [e.reason, e.message, e.source, e.object])).toEqual(
      pods.map((p) => [
        'SuccessfulCreate',
        `Created pod: ${p.metadata.name}`,
        'replicaset-controller',
        `ReplicaSet/${rs!.metadata.name}`,
      ]),
    )
  })

  it('creates the pods in slow-start batches of 1 and 2, each a POST from the replicaset controller', () => {
    const posts = report.requests.filter(
      (r) =>
        r.from === 'kube-controller-manager' &&
        r.method === 'POST' &&
        r.path === '/api/v1/namespaces/default/pods',
    )
    expect(posts).toHaveLength(3)
    expect(posts[0]!.headers['User-Agent']).toMatch(
      /^kube-controller-manager\/v1\.34\.\d+ \(linux\/amd64\) kubernetes\/\w+\/system:serviceaccount:kube-system:replicaset-controller$/,
    )
    expect(posts[1]!.t).toBeGreaterThan(posts[0]!.t)
    expect(posts[2]!.t).toBe(posts[1]!.t)
    expect(posts.every((p) => p.response?.code === 201)).toBe(true)
  })

  it('ends Available and Progressing with NewReplicaSetAvailable, every replica counted', () => {
    expect(d!.status).toMatchObject({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      unavailableReplicas: 0,
    })
    expect(d!.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      [
        'Progressing',
        'True',
        'NewReplicaSetAvailable',
        `ReplicaSet "${rs!.metadata.name}" has successfully progressed.`,
      ],
    ])
    expect(d!.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1')
    expect(rs!.status).toMatchObject({
      replicas: 3,
      fullyLabeledReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    })
  })

  it('lists every object the run stored in `objects`: the Deployment, then its ReplicaSet, then the pods', () => {
    expect(report.objects.map((o: KubeObject) => o.kind)).toEqual([
      'Deployment',
      'ReplicaSet',
      'Pod',
      'Pod',
      'Pod',
    ])
  })
})

describe('a Deployment whose pods cannot all fit', () => {
  const { report, objects } = run('deployment-unfit')
  const pods = objects('Pod') as unknown as Pod[]
  const [d] = objects('Deployment') as unknown as Deployment[]
  it('runs the pods that fit and leaves the rest Pending with FailedScheduling', () => {
    expect(pods.filter((p) => p.status?.phase === 'Running')).toHaveLength(3)
    const pending = pods.filter((p) => p.status?.phase === 'Pending')
    expect(pending).toHaveLength(1)
    expect(report.events.find((e) => e.reason === 'FailedScheduling')?.message).toMatch(
      /^0\/3 nodes are available: .*2 Insufficient cpu/,
    )
  })
  it('is Available (3 of 4 is replicas − maxUnavailable 25 %) but still progressing', () => {
    expect(d!.status?.conditions?.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable'],
      ['Progressing', 'True', 'ReplicaSetUpdated'],
    ])
  })
})

describe('a Deployment whose selector does not match its template', () => {
  it('is refused with the 422 kubectl prints, and nothing is stored', () => {
    const { report } = run('deployment-selector-mismatch')
    expect(report.kubectl.exitCode).toBe(1)
    expect(report.kubectl.stderr).toBe(
      'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"frontend"}: `selector` does not match template `labels`\n',
    )
    expect(report.objects).toEqual([])
  })
})

describe('a rollout stuck on an image that does not exist', () => {
  it('times out: Progressing False with ProgressDeadlineExceeded after progressDeadlineSeconds', () => {
    const { objects, timeline } = run('deployment-bad-image')
    const [d] = objects('Deployment') as unknown as Deployment[]
    const [rs] = objects('ReplicaSet') as unknown as ReplicaSet[]
    const progressing = d!.status?.conditions?.find((c) => c.type === 'Progressing')
    expect(progressing).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${rs!.metadata.name}" has timed out progressing.`,
    })
    // Not before the deadline: the condition's last update is at least 90 s after the rollout began.
    const since = Date.parse(progressing!.lastTransitionTime) - Date.parse(d!.metadata.creationTimestamp!)
    expect(since).toBeGreaterThanOrEqual(90_000)
    expect(timeline.outcome).toMatchObject({ kind: 'InProgress', status: 'ImagePullBackOff' })
  })
})

describe('scaling a running Deployment from 3 to 1', () => {
  const { report } = run('deployment-scale-down')
  it('prints configured and scales the ReplicaSet down', () => {
    expect(report.kubectl.stdout).toBe('deployment.apps/web configured\n')
    expect(controllerEvents(report)[0]).toMatchObject({
      reason: 'ScalingReplicaSet',
      message: 'Scaled down replica set web-7fbb9c6d64 from 3 to 1',
    })
  })
  it('deletes the two pods doubled up on worker-2 and keeps the one alone on worker-1', () => {
    const deleted = controllerEvents(report)
      .filter((e) => e.reason === 'SuccessfulDelete')
      .map((e) => e.message)
    expect(deleted).toEqual(['Deleted pod: web-7fbb9c6d64-frsh4', 'Deleted pod: web-7fbb9c6d64-s7cdg'])
  })
})

describe('a rolling update from nginx:1.27 to nginx:1.28', () => {
  const { report, objects } = run('deployment-rolling-update')
  it('moves one pod at a time: surge one new, then retire one old, until all three are new', () => {
    const scaling = controllerEvents(report)
      .filter((e) => e.reason === 'ScalingReplicaSet')
      .map((e) => e.message.replace(/web-6579488b69/g, 'NEW').replace(/web-7fbb9c6d64/g, 'OLD'))
    expect(scaling).toEqual([
      'Scaled up replica set NEW to 1',
      'Scaled down replica set OLD from 3 to 2',
      'Scaled up replica set NEW from 1 to 2',
      'Scaled down replica set OLD from 2 to 1',
      'Scaled up replica set NEW from 2 to 3',
      'Scaled down replica set OLD from 1 to 0',
    ])
  })
  it('ends on revision 2 with three new pods running and the old set at 0', () => {
    const [d] = objects('Deployment') as unknown as Deployment[]
    expect(d!.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2')
    expect(d!.status?.conditions?.find((c) => c.type === 'Progressing')?.reason).toBe(
      'NewReplicaSetAvailable',
    )
    const sets = objects('ReplicaSet') as unknown as ReplicaSet[]
    expect(sets.map((s) => [s.metadata.name, s.spec.replicas])).toEqual([
      ['web-7fbb9c6d64', 0],
      ['web-6579488b69', 3],
    ])
    const pods = (objects('Pod') as unknown as Pod[]).filter((p) => p.status?.phase === 'Running')
    expect(pods).toHaveLength(3)
    for (const p of pods) expect(p.spec.containers[0]!.image).toBe('nginx:1.28')
  })
})

describe('a Deployment in a namespace that enforces restricted (pod-security-admission ValidatePodController)', () => {
  const { report } = run('deployment-restricted-namespace')
  it('is created with PodSecurity’s warning about its template', () => {
    expect(report.kubectl.exitCode).toBe(0)
    expect(report.kubectl.stdout).toBe('deployment.apps/web created\n')
    expect(report.kubectl.stderr).toMatch(
      /^Warning: would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false \(container "nginx"/,
    )
  })
  it('gets no pods: each create is refused with the generated name, and retried with back-off', () => {
    const failed = controllerEvents(report).filter((e) => e.reason === 'FailedCreate')
    expect(failed.length).toBeGreaterThan(5)
    expect(failed[0]!.message).toMatch(
      /^Error creating: pods "web-7fbb9c6d64-[a-z0-9]{5}" is forbidden: violates PodSecurity "restricted:latest": /,
    )
    // The first retry follows the ReplicaFailure status write at once (updateRS enqueues the set); from
    // then on the rate limiter's back-off doubles (5 ms, 10 ms, …).
    const gaps = failed.slice(1).map((e, i) => e.t - failed[i]!.t)
    for (let i = 2; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]!)
    expect(gaps[gaps.length - 1]!).toBeGreaterThan(100 * gaps[1]!)
    expect(report.objects.filter((o) => o.kind === 'Pod')).toEqual([])
  })
  it('records ReplicaFailure FailedCreate on the ReplicaSet and copies it to the Deployment', () => {
    for (const kind of ['ReplicaSet', 'Deployment']) {
      const o = report.objects.find((x) => x.kind === kind) as unknown as {
        status?: { conditions?: readonly { type: string; status: string; reason: string; message: string }[] }
      }
      const c = o.status?.conditions?.find((x) => x.type === 'ReplicaFailure')
      expect(c, kind).toMatchObject({ status: 'True', reason: 'FailedCreate' })
      expect(c!.message).toMatch(/^pods "web-7fbb9c6d64-[a-z0-9]{5}" is forbidden: violates PodSecurity /)
    }
  })
})
