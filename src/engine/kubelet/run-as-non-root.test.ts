/**
 * runAsNonRoot on the kubelet. Upstream (kubernetes v1.34):
 * - pkg/kubelet/kuberuntime/security_context_others.go verifyRunAsNonRoot (the messages; its table test is
 *   security_context_others_test.go TestVerifyRunAsNonRoot),
 * - pkg/kubelet/kuberuntime/helpers.go getImageUser (uid, else username, else root),
 * - pkg/securitycontext/util.go DetermineEffectiveSecurityContext (container fields over the pod's),
 * - pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer / generateContainerConfig
 *   (`Error: %v` Failed event, ErrCreateContainerConfig), pkg/kubelet/pod_workers.go (the retry),
 * - containerd internal/cri/server/images/image_status.go toCRIImage / getUserFromImage.
 */
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { toContractReport } from '../report/contract'
import { DEFAULT_CLUSTER } from '../scenario/default-scenario'
import { makeContainer, makePod } from '../testing/builders'
import type { Container, ContainerStatus, Pod } from '../model/objects'
import { userFromImage } from '../cri/image-calls'
import {
  effectiveRunAs,
  imageUserOf,
  MSG_IMAGE_RUNS_AS_ROOT,
  MSG_INVALID_IMAGE_UID,
  MSG_NON_NUMERIC_USER,
  MSG_RUN_AS_USER_BREAKS_NON_ROOT,
  verifyRunAsNonRoot,
  type KubeletImageUser,
} from './run-as-non-root'

const UID = '6a7b2c1d-0000-4000-8000-000000000001'
const POD = `web_default(${UID})`
const pod = (podSc?: object, containerSc?: object): { pod: Pod; c: Container } => {
  const c = {
    ...makeContainer({ name: 'web', image: 'nginx:1.27' }),
    ...(containerSc ? { securityContext: containerSc } : {}),
  }
  const p = makePod({ name: 'web', namespace: 'default', containers: [c] })
  return {
    pod: {
      ...p,
      metadata: { ...p.metadata, uid: UID },
      spec: { ...p.spec, ...(podSc ? { securityContext: podSc } : {}) },
    },
    c,
  }
}
const ROOT: KubeletImageUser = { uid: 0, username: '' }

describe('verifyRunAsNonRoot (security_context_others.go)', () => {
  it.each<[string, object | undefined, object | undefined, KubeletImageUser, string | null]>([
    ['no securityContext: nothing to verify', undefined, undefined, ROOT, null],
    ['runAsNonRoot: false allows root', undefined, { runAsNonRoot: false }, ROOT, null],
    [
      'container runAsNonRoot with runAsUser 0 breaks the policy',
      undefined,
      { runAsNonRoot: true, runAsUser: 0 },
      { uid: 1000, username: '' },
      MSG_RUN_AS_USER_BREAKS_NON_ROOT(POD, 'web'),
    ],
    [
      'pod-level runAsNonRoot and runAsUser 0 break it too',
      { runAsNonRoot: true, runAsUser: 0 },
      undefined,
      { uid: 1000, username: '' },
      MSG_RUN_AS_USER_BREAKS_NON_ROOT(POD, 'web'),
    ],
    [
      "the container's runAsUser 0 overrides the pod's 1000",
      { runAsNonRoot: true, runAsUser: 1000 },
      { runAsUser: 0 },
      ROOT,
      MSG_RUN_AS_USER_BREAKS_NON_ROOT(POD, 'web'),
    ],
    [
      "the container's runAsNonRoot: false overrides the pod's true",
      { runAsNonRoot: true },
      { runAsNonRoot: false },
      ROOT,
      null,
    ],
    [
      'an image without USER runs as root (getImageUser answers uid 0)',
      undefined,
      { runAsNonRoot: true },
      ROOT,
      MSG_IMAGE_RUNS_AS_ROOT(POD, 'web'),
    ],
    [
      'pod-level runAsNonRoot applies to the container',
      { runAsNonRoot: true },
      undefined,
      ROOT,
      MSG_IMAGE_RUNS_AS_ROOT(POD, 'web'),
    ],
    [
      'an image user that is a name cannot be verified',
      undefined,
      { runAsNonRoot: true },
      { uid: null, username: 'app' },
      MSG_NON_NUMERIC_USER('app', POD, 'web'),
    ],
    [
      'an image uid 65535 (pause) passes',
      undefined,
      { runAsNonRoot: true },
      { uid: 65535, username: '' },
      null,
    ],
    ['runAsUser 1000 overrides a root image', undefined, { runAsNonRoot: true, runAsUser: 1000 }, ROOT, null],
    [
      'runAsUser overrides an image user that is a name',
      undefined,
      { runAsNonRoot: true, runAsUser: 1000 },
      { uid: null, username: 'app' },
      null,
    ],
    [
      "the pod's runAsUser serves the container's runAsNonRoot",
      { runAsUser: 1000 },
      { runAsNonRoot: true },
      ROOT,
      null,
    ],
    [
      'an image uid beyond math.MaxInt32 is invalid',
      undefined,
      { runAsNonRoot: true },
      { uid: 4294967295, username: '' },
      MSG_INVALID_IMAGE_UID(4294967295, POD, 'web'),
    ],
  ])('%s', (_name, podSc, containerSc, user, want) => {
    const { pod: p, c } = pod(podSc, containerSc)
    expect(verifyRunAsNonRoot(p, c, user)).toBe(want)
  })

  it('the three messages, word for word', () => {
    expect(MSG_RUN_AS_USER_BREAKS_NON_ROOT(POD, 'web')).toBe(
      `container's runAsUser breaks non-root policy (pod: "web_default(${UID})", container: web)`,
    )
    expect(MSG_NON_NUMERIC_USER('app', POD, 'web')).toBe(
      `container has runAsNonRoot and image has non-numeric user (app), cannot verify user is non-root (pod: "web_default(${UID})", container: web)`,
    )
    expect(MSG_IMAGE_RUNS_AS_ROOT(POD, 'web')).toBe(
      `container has runAsNonRoot and image will run as root (pod: "web_default(${UID})", container: web)`,
    )
    expect(MSG_INVALID_IMAGE_UID(4294967295, POD, 'web')).toBe(
      `container has runAsNonRoot and image has an invalid user id (4294967295). (Must be 1-(2147483647)): must be between 0 and 2147483647, inclusive (pod: "web_default(${UID})", container: web)`,
    )
  })

  it('DetermineEffectiveSecurityContext: each container field wins on its own', () => {
    const { pod: p, c } = pod({ runAsNonRoot: true, runAsUser: 5 }, { runAsUser: 7 })
    expect(effectiveRunAs(p, c)).toEqual({ runAsNonRoot: true, runAsUser: 7 })
  })
})

describe('the image user: containerd getUserFromImage, then the kubelet getImageUser', () => {
  it.each([
    ['', { username: '' }, ROOT],
    ['65535:65535', { uid: 65535, username: '' }, { uid: 65535, username: '' }],
    ['101', { uid: 101, username: '' }, { uid: 101, username: '' }],
    ['0', { uid: 0, username: '' }, ROOT],
    ['nginx', { username: 'nginx' }, { uid: null, username: 'nginx' }],
    ['app:app', { username: 'app' }, { uid: null, username: 'app' }],
  ])('config User %j', (configUser, cri, kubelet) => {
    const user = userFromImage(configUser)
    expect(user).toEqual(cri)
    const response = {
      image: {
        id: 'sha256:x',
        ...(user.uid !== undefined ? { uid: { value: user.uid } } : {}),
        ...(user.username ? { username: user.username } : {}),
      },
    }
    expect(imageUserOf(response)).toEqual(kubelet)
  })

  it('no image in the answer is treated as root ("If non of them is set, treat it as root")', () => {
    expect(imageUserOf({ image: null })).toEqual(ROOT)
  })
})

const manifest = (image: string, containerSc = '', podSc = '', command = '') =>
  `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${podSc ? `  securityContext:\n${podSc}` : ''}  containers:
  - name: web
    image: ${image}
${command}${containerSc ? `    securityContext:\n${containerSc}` : ''}`
const SLEEP = '    command: ["sleep", "infinity"]\n'
const registry = (user: string) => `${DEFAULT_CLUSTER}
---
apiVersion: podlife.dev/v1alpha1
kind: Registry
repositories:
- name: registry.example.com/team/app
  tags:
    "1.0": {sizeBytes: 48000000, user: "${user}"}
`
const run = (m: string, cluster?: string, until = 60_000) =>
  toContractReport(simulate({ manifest: m, ...(cluster ? { cluster } : {}) }, { seed: 1, until }), {
    command: 'kubectl apply -f pod.yaml',
  })
const podName = (r: ReturnType<typeof run>) => `web_default(${r.pod?.metadata.uid ?? ''})`

describe('in the cluster: generateContainerConfig refuses, CreateContainerConfigError, retried', () => {
  it('nginx (no USER) with container runAsNonRoot: pulled, then Failed "image will run as root", every 10–15 s', () => {
    const r = run(manifest('nginx:1.27', '      runAsNonRoot: true\n'))
    const message = MSG_IMAGE_RUNS_AS_ROOT(podName(r), 'web')
    expect(r.events.slice(0, 4).map((e) => [e.type, e.reason])).toEqual([
      ['Normal', 'Scheduled'],
      ['Normal', 'Pulling'],
      ['Normal', 'Pulled'],
      ['Warning', 'Failed'],
    ])
    const failed = r.events.filter((e) => e.reason === 'Failed')
    expect(failed.length).toBeGreaterThanOrEqual(4)
    expect(failed.every((e) => e.message === `Error: ${message}` && e.source === 'kubelet')).toBe(true)
    for (let i = 1; i < failed.length; i++) {
      const gap = failed[i]!.t - failed[i - 1]!.t
      expect(gap).toBeGreaterThanOrEqual(10)
      expect(gap).toBeLessThanOrEqual(15.5)
    }
    expect(r.pod?.status?.phase).toBe('Pending')
    expect(r.pod?.status?.containerStatuses?.[0]?.state).toEqual({
      waiting: { reason: 'CreateContainerConfigError', message },
    })
    // getImageUser asks containerd again after the pull; no CreateContainer is ever sent.
    expect(r.cri.slice(2, 5).map((c) => c.call)).toEqual(['ImageStatus', 'PullImage', 'ImageStatus'])
    expect(r.cri[4]!.response).toMatchObject({ image: { repo_tags: ['docker.io/library/nginx:1.27'] } })
    expect(r.cri.some((c) => c.call === 'CreateContainer')).toBe(false)
  })

  it('pod-level runAsNonRoot with the pause image (USER 65535:65535): containerd answers uid 65535 and it runs', () => {
    const r = run(manifest('registry.k8s.io/pause:3.10', '', '    runAsNonRoot: true\n'))
    const userCall = r.cri.filter((c) => c.call === 'ImageStatus')[1]!
    expect(userCall.response).toMatchObject({ image: { uid: { value: 65535 } } })
    expect(r.events.some((e) => e.reason === 'Failed')).toBe(false)
    expect(r.pod?.status?.phase).toBe('Running')
  })

  it('runAsUser 0 with runAsNonRoot: "runAsUser breaks non-root policy"', () => {
    const r = run(manifest('busybox:1.36', '      runAsNonRoot: true\n      runAsUser: 0\n', '', SLEEP))
    expect(r.events.find((e) => e.reason === 'Failed')?.message).toBe(
      `Error: ${MSG_RUN_AS_USER_BREAKS_NON_ROOT(podName(r), 'web')}`,
    )
  })

  it('an image whose USER is a name (a Registry image): "non-numeric user"', () => {
    const r = run(
      manifest('registry.example.com/team/app:1.0', '      runAsNonRoot: true\n'),
      registry('app'),
    )
    expect(r.events.find((e) => e.reason === 'Failed')?.message).toBe(
      `Error: ${MSG_NON_NUMERIC_USER('app', podName(r), 'web')}`,
    )
    expect(r.cri.filter((c) => c.call === 'ImageStatus')[1]!.response).toMatchObject({
      image: { username: 'app' },
    })
  })

  it('a numeric non-root USER in the image passes without runAsUser', () => {
    const r = run(
      manifest('registry.example.com/team/app:1.0', '      runAsNonRoot: true\n'),
      registry('10001:10001'),
    )
    expect(r.events.some((e) => e.reason === 'Failed')).toBe(false)
    expect(r.pod?.status?.phase).toBe('Running')
  })

  it('runAsUser 1000 overrides the root image: busybox sleeping as uid 1000 runs', () => {
    const r = run(manifest('busybox:1.36', '      runAsNonRoot: true\n      runAsUser: 1000\n', '', SLEEP))
    expect(r.events.some((e) => e.reason === 'Failed')).toBe(false)
    expect(r.pod?.status?.phase).toBe('Running')
  })

  it('the official nginx as uid 1000 passes the check but exits 1 (mkdir /var/cache/nginx): CrashLoopBackOff', () => {
    const r = run(manifest('nginx:1.27', '      runAsNonRoot: true\n      runAsUser: 1000\n'))
    expect(r.events.some((e) => e.reason === 'Failed')).toBe(false)
    expect(r.events.some((e) => e.reason === 'BackOff' && e.message.startsWith('Back-off restarting'))).toBe(
      true,
    )
    expect(r.pod?.status?.containerStatuses?.[0]?.lastState).toMatchObject({
      terminated: { exitCode: 1, reason: 'Error' },
    })
  })

  it('without runAsNonRoot nothing changes: no second ImageStatus, nginx runs as root', () => {
    const r = run(manifest('nginx:1.27'))
    expect(r.cri.filter((c) => c.call === 'ImageStatus')).toHaveLength(1)
    expect(r.pod?.status?.phase).toBe('Running')
  })

  it('an init container is checked the same way (startContainer serves both)', () => {
    const m = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: setup
    image: busybox:1.36
    command: ["true"]
    securityContext:
      runAsNonRoot: true
  containers:
  - name: web
    image: nginx:1.27
`
    const r = run(m)
    expect(r.events.find((e) => e.reason === 'Failed')?.message).toBe(
      `Error: ${MSG_IMAGE_RUNS_AS_ROOT(podName(r), 'setup')}`,
    )
    const init = r.pod?.status?.['initContainerStatuses'] as readonly ContainerStatus[] | undefined
    expect(init?.[0]?.state).toMatchObject({
      waiting: { reason: 'CreateContainerConfigError' },
    })
  })
})
