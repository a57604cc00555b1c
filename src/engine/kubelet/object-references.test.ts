/**
 * Pods that need ConfigMaps and Secrets. Upstream: pkg/kubelet/kubelet_pods.go (makeEnvironmentVariables:
 * envFrom then env, `couldn't find key … in ConfigMap ns/name`, optional references), the kubelet's
 * watch-based configmap/secret managers (NotFound on group resources "configmap" and "secret"),
 * pkg/volume/configmap/configmap.go and secret/secret.go (SetUpAt, MakePayload: `configmap references
 * non-existent config key`), operation_generator.go (`MountVolume.SetUp failed for volume …`),
 * nestedpendingoperations (back-off 500 ms doubling to 2m2s), volume_manager.go (WaitForAttachAndMount,
 * 2m3s), kuberuntime_container.go (CreateContainerConfigError, `Error: …` event), pod_workers.go
 * (a failed sync is retried after 10 s with jitter 0.5).
 */
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { toContractReport } from '../report/contract'
import { loadCluster } from '../model/cluster'
import { parseClusterText } from '../model/cluster-file'
import { DEFAULT_CLUSTER } from '../scenario/default-scenario'
import { containerEnvError, unmountableVolumes } from './object-references'
import { makeContainer, makePod } from '../testing/builders'
import type { Container, Pod } from '../model/objects'

const objects = `
apiVersion: v1
kind: ConfigMap
metadata: {name: app-config, namespace: default}
data: {mode: fast}
binaryData: {blob: aGk=}
---
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: default}
data: {password: czNjcmV0}
`
const parsed = parseClusterText(DEFAULT_CLUSTER + '\n---\n' + objects)
if (!parsed.ok) throw new Error(parsed.error)
const cluster = loadCluster(parsed.objects)

const withEnv = (c: Partial<Container> & Record<string, unknown>): Pod =>
  makePod({ containers: [{ ...makeContainer({ name: 'app', image: 'nginx:1.27' }), ...c }] })
const withVolume = (volume: Record<string, unknown>): Pod => {
  const p = makePod()
  return { ...p, spec: { ...p.spec, volumes: [{ name: 'v', ...volume }] } }
}

describe('environment references (makeEnvironmentVariables)', () => {
  const ref = (kind: 'configMapKeyRef' | 'secretKeyRef', name: string, key: string, optional?: boolean) => ({
    env: [{ name: 'X', valueFrom: { [kind]: { name, key, ...(optional ? { optional } : {}) } } }],
  })
  it.each([
    ['an existing ConfigMap key', ref('configMapKeyRef', 'app-config', 'mode'), null],
    ['a missing ConfigMap', ref('configMapKeyRef', 'nope', 'mode'), 'configmap "nope" not found'],
    [
      'a missing ConfigMap key',
      ref('configMapKeyRef', 'app-config', 'speed'),
      "couldn't find key speed in ConfigMap default/app-config",
    ],
    [
      'a binaryData key does not count for env',
      ref('configMapKeyRef', 'app-config', 'blob'),
      "couldn't find key blob in ConfigMap default/app-config",
    ],
    ['an optional missing ConfigMap', ref('configMapKeyRef', 'nope', 'mode', true), null],
    ['an optional missing key', ref('configMapKeyRef', 'app-config', 'speed', true), null],
    ['an existing Secret key', ref('secretKeyRef', 'db', 'password'), null],
    ['a missing Secret', ref('secretKeyRef', 'nope', 'password'), 'secret "nope" not found'],
    [
      'a missing Secret key',
      ref('secretKeyRef', 'db', 'user'),
      "couldn't find key user in Secret default/db",
    ],
    [
      'envFrom a missing ConfigMap',
      { envFrom: [{ configMapRef: { name: 'nope' } }] },
      'configmap "nope" not found',
    ],
    [
      'envFrom an optional missing Secret',
      { envFrom: [{ secretRef: { name: 'nope', optional: true } }] },
      null,
    ],
    [
      'envFrom is resolved before env',
      { envFrom: [{ secretRef: { name: 'first' } }], ...ref('configMapKeyRef', 'second', 'k') },
      'secret "first" not found',
    ],
  ])('%s', (_title, c, expected) => {
    const pod = withEnv(c as Record<string, unknown>)
    expect(containerEnvError(cluster, pod, pod.spec.containers[0]!)).toBe(expected)
  })
})

describe('configMap and secret volumes (SetUpAt, MakePayload)', () => {
  it.each([
    ['an existing ConfigMap', { configMap: { name: 'app-config' } }, []],
    ['a missing ConfigMap', { configMap: { name: 'nope' } }, ['configmap "nope" not found']],
    ['an optional missing ConfigMap', { configMap: { name: 'nope', optional: true } }, []],
    [
      'a listed key that is not there',
      { configMap: { name: 'app-config', items: [{ key: 'speed', path: 's' }] } },
      ['configmap references non-existent config key: speed'],
    ],
    [
      'a binaryData key may be listed',
      { configMap: { name: 'app-config', items: [{ key: 'blob', path: 'b' }] } },
      [],
    ],
    ['a missing Secret', { secret: { secretName: 'nope' } }, ['secret "nope" not found']],
    [
      'a listed Secret key that is not there',
      { secret: { secretName: 'db', items: [{ key: 'user', path: 'u' }] } },
      ['references non-existent secret key: user'],
    ],
    ['an emptyDir needs nothing', { emptyDir: {} }, []],
  ])('%s', (_title, volume, errors) => {
    expect(unmountableVolumes(cluster, withVolume(volume)).map((v) => v.error)).toEqual(errors)
  })
})

const podWithVolume = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    volumeMounts:
    - name: config-volume
      mountPath: /etc/config
  volumes:
  - name: config-volume
    configMap:
      name: app-config
`
const configMap = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  mode: fast
`

function run(manifest: string, until = 300_000) {
  return toContractReport(simulate({ manifest }, { seed: 1, until }), {
    command: 'kubectl apply -f pod.yaml',
  })
}

describe('in the cluster', () => {
  it('a missing ConfigMap volume: no sandbox, FailedMount with back-off, then SyncPod gives up after 2m3s', () => {
    const r = run(podWithVolume)
    expect(r.cri).toEqual([])
    const mounts = r.events.filter((e) => e.reason === 'FailedMount')
    const setUp = mounts.filter((e) => e.message.startsWith('MountVolume.SetUp failed'))
    expect(setUp[0]!.message).toBe(
      'MountVolume.SetUp failed for volume "config-volume" : configmap "app-config" not found',
    )
    expect(setUp.every((e) => e.type === 'Warning' && e.source === 'kubelet')).toBe(true)
    // The retries double: 0.5, 1, 2, 4, … seconds apart.
    const gaps = setUp.slice(1, 6).map((e, i) => Math.round((e.t - setUp[i]!.t) * 10) / 10)
    expect(gaps).toEqual([0.5, 1, 2, 4, 8])
    const gaveUp = mounts.find((e) => e.message.startsWith('Unable to attach'))!
    expect(gaveUp.message).toBe(
      'Unable to attach or mount volumes: unmounted volumes=[config-volume], unattached volumes=[], failed to process volumes=[]: context deadline exceeded',
    )
    expect(gaveUp.t - setUp[0]!.t).toBeCloseTo(123, 0)
    expect(r.pod?.status?.phase).toBe('Pending')
    expect(r.pod?.status?.containerStatuses?.[0]?.state).toEqual({ waiting: { reason: 'ContainerCreating' } })
  })

  it('the ConfigMap arrives after the pod (a later document): the mount is retried and the pod runs', () => {
    const r = run(`${podWithVolume}---\n${configMap}`, 60_000)
    expect(r.kubectl.stdout).toBe('pod/web created\nconfigmap/app-config created\n')
    expect(r.events.some((e) => e.reason === 'FailedMount')).toBe(true)
    expect(r.pod?.status?.phase).toBe('Running')
    expect(r.cri[0]!.call).toBe('RunPodSandbox')
  })

  it('the ConfigMap comes first: the pod mounts it at once', () => {
    const r = run(`${configMap}---\n${podWithVolume}`, 60_000)
    expect(r.events.some((e) => e.reason === 'FailedMount')).toBe(false)
    expect(r.pod?.status?.phase).toBe('Running')
  })

  it('an env var from a missing Secret: the image is pulled, then CreateContainerConfigError, retried about every 10–15 s', () => {
    const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    env:
    - name: PASSWORD
      valueFrom:
        secretKeyRef:
          name: db
          key: password
`
    const r = run(manifest, 120_000)
    const reasons = r.events.map((e) => e.reason)
    expect(reasons.slice(0, 4)).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Failed'])
    const failed = r.events.filter((e) => e.reason === 'Failed')
    expect(failed.every((e) => e.message === 'Error: secret "db" not found' && e.type === 'Warning')).toBe(
      true,
    )
    for (let i = 1; i < failed.length; i++) {
      const gap = failed[i]!.t - failed[i - 1]!.t
      expect(gap).toBeGreaterThanOrEqual(10)
      expect(gap).toBeLessThanOrEqual(15.5)
    }
    // Later attempts find the image already there (IfNotPresent).
    expect(r.events.filter((e) => e.reason === 'Pulled').at(-1)!.message).toBe(
      'Container image "nginx:1.27" already present on machine',
    )
    expect(r.pod?.status?.containerStatuses?.[0]?.state).toEqual({
      waiting: { reason: 'CreateContainerConfigError', message: 'secret "db" not found' },
    })
    expect(r.cri.some((c) => c.call === 'CreateContainer')).toBe(false)
  })
})
