import { describe, expect, it } from 'vitest'
import type { Container, JsonObject, Pod } from '../model/objects'
import { deepFreeze, makePod } from '../testing/builders'
import { applyPodDefaults } from './defaulting'

// Upstream: kubernetes/kubernetes pkg/apis/core/v1/defaults.go, zz_generated.defaults.go and
// defaults_test.go (TestPodDefaults, TestSetDefaultProbe, TestSetDefaultSecretVolumeSource, …).

/** Every leaf the defaulting added or changed, as `path: JSON value` (defaults_test.go detectDefaults). */
function detectDefaults(before: unknown, after: unknown, path = ''): Record<string, string> {
  if (typeof after !== 'object' || after === null) {
    return JSON.stringify(before) === JSON.stringify(after) ? {} : { [path]: JSON.stringify(after) }
  }
  if (typeof before !== 'object' || before === null) return { [path]: JSON.stringify(after) }
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(after)) {
    const key = Array.isArray(after) ? `${path}[${k}]` : `${path}.${k}`
    const prev = (before as Record<string, unknown>)[k]
    const empty = typeof v === 'object' && v !== null && Object.keys(v).length === 0
    Object.assign(
      out,
      empty && prev === undefined ? { [key]: JSON.stringify(v) } : detectDefaults(prev, v, key),
    )
  }
  return out
}

/** The nested structs detectDefaults fills in, as JSON a user could send (one of each). */
const probe = { httpGet: { port: 80 }, grpc: { port: 9090 } }
const everyContainerStruct = {
  name: 'c',
  image: 'busybox:1.36',
  ports: [{ containerPort: 80 }],
  env: [{ name: 'E', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
  lifecycle: { postStart: { httpGet: { port: 80 } }, preStop: { httpGet: { port: 80 } } },
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: probe,
}
const everyVolumeSource: JsonObject = {
  name: 'v',
  hostPath: { path: '/data' },
  secret: { secretName: 's' },
  iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.2001-04.com.example:storage', lun: 0 },
  rbd: { monitors: ['10.0.0.1:6789'], image: 'img' },
  downwardAPI: { items: [{ path: 'name', fieldRef: { fieldPath: 'metadata.name' } }] },
  configMap: { name: 'c' },
  azureDisk: { diskName: 'd', diskURI: 'https://example/d.vhd' },
  projected: {
    sources: [
      { downwardAPI: { items: [{ path: 'ns', fieldRef: { fieldPath: 'metadata.namespace' } }] } },
      { serviceAccountToken: { path: 'token' } },
    ],
  },
  scaleIO: { gateway: 'g', system: 's', secretRef: { name: 'x' } },
  ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'] } } },
}

describe('everything SetObjectDefaults_Pod defaults (defaults_test.go TestPodDefaults)', () => {
  const base = makePod({ name: 'p', containers: [everyContainerStruct as Container] })
  const input: Pod = deepFreeze({
    ...base,
    spec: {
      ...base.spec,
      initContainers: [{ ...everyContainerStruct, name: 'i' } as Container],
      volumes: [everyVolumeSource],
    },
  })
  const defaults = detectDefaults(input, applyPodDefaults(input))

  const container = (prefix: string): Record<string, string> => ({
    [`${prefix}.ports[0].protocol`]: '"TCP"',
    [`${prefix}.env[0].valueFrom.fieldRef.apiVersion`]: '"v1"',
    [`${prefix}.lifecycle.postStart.httpGet.path`]: '"/"',
    [`${prefix}.lifecycle.postStart.httpGet.scheme`]: '"HTTP"',
    [`${prefix}.lifecycle.preStop.httpGet.path`]: '"/"',
    [`${prefix}.lifecycle.preStop.httpGet.scheme`]: '"HTTP"',
    ...Object.fromEntries(
      ['livenessProbe', 'readinessProbe', 'startupProbe'].flatMap((p) => [
        [`${prefix}.${p}.httpGet.path`, '"/"'],
        [`${prefix}.${p}.httpGet.scheme`, '"HTTP"'],
        [`${prefix}.${p}.grpc.service`, '""'],
        [`${prefix}.${p}.timeoutSeconds`, '1'],
        [`${prefix}.${p}.periodSeconds`, '10'],
        [`${prefix}.${p}.successThreshold`, '1'],
        [`${prefix}.${p}.failureThreshold`, '3'],
      ]),
    ),
    [`${prefix}.resources`]: '{}',
    [`${prefix}.terminationMessagePath`]: '"/dev/termination-log"',
    [`${prefix}.terminationMessagePolicy`]: '"File"',
    [`${prefix}.imagePullPolicy`]: '"IfNotPresent"',
  })

  const expected: Record<string, string> = {
    ...container('.spec.containers[0]'),
    ...container('.spec.initContainers[0]'),
    '.spec.volumes[0].hostPath.type': '""',
    '.spec.volumes[0].secret.defaultMode': '420',
    '.spec.volumes[0].iscsi.iscsiInterface': '"default"',
    '.spec.volumes[0].rbd.pool': '"rbd"',
    '.spec.volumes[0].rbd.user': '"admin"',
    '.spec.volumes[0].rbd.keyring': '"/etc/ceph/keyring"',
    '.spec.volumes[0].downwardAPI.defaultMode': '420',
    '.spec.volumes[0].downwardAPI.items[0].fieldRef.apiVersion': '"v1"',
    '.spec.volumes[0].configMap.defaultMode': '420',
    '.spec.volumes[0].azureDisk.cachingMode': '"ReadWrite"',
    '.spec.volumes[0].azureDisk.kind': '"Shared"',
    '.spec.volumes[0].azureDisk.fsType': '"ext4"',
    '.spec.volumes[0].azureDisk.readOnly': 'false',
    '.spec.volumes[0].projected.defaultMode': '420',
    '.spec.volumes[0].projected.sources[0].downwardAPI.items[0].fieldRef.apiVersion': '"v1"',
    '.spec.volumes[0].projected.sources[1].serviceAccountToken.expirationSeconds': '3600',
    '.spec.volumes[0].scaleIO.storageMode': '"ThinProvisioned"',
    '.spec.volumes[0].scaleIO.fsType': '"xfs"',
    '.spec.volumes[0].ephemeral.volumeClaimTemplate.spec.volumeMode': '"Filesystem"',
    '.spec.restartPolicy': '"Always"',
    '.spec.terminationGracePeriodSeconds': '30',
    '.spec.dnsPolicy': '"ClusterFirst"',
    '.spec.securityContext': '{}',
    '.spec.schedulerName': '"default-scheduler"',
    '.spec.enableServiceLinks': 'true',
  }

  it.each(Object.entries(expected))('%s: %s', (path, value) => {
    expect(defaults[path]).toBe(value)
  })

  it('and nothing else', () => {
    expect(Object.keys(defaults).sort()).toEqual(Object.keys(expected).sort())
  })
})

describe('what a user set is kept (Go tests ints against 0, strings against "", pointers against nil)', () => {
  const withContainer = (c: object): Container =>
    applyPodDefaults(makePod({ containers: [{ name: 'c', image: 'nginx:1.27', ...c } as Container] })).spec
      .containers[0]!
  const withVolume = (v: JsonObject): JsonObject =>
    applyPodDefaults({ ...makePod(), spec: { ...makePod().spec, volumes: [v] } }).spec.volumes![0]!

  it.each<[string, object, string, unknown]>([
    // TestSetDefaultProbe: a zero threshold is the unset value, so it is defaulted.
    ['timeoutSeconds 0 becomes 1', { timeoutSeconds: 0, exec: { command: ['true'] } }, 'timeoutSeconds', 1],
    ['a set period stays', { periodSeconds: 5, exec: { command: ['true'] } }, 'periodSeconds', 5],
    ['initialDelaySeconds has no default', { exec: { command: ['true'] } }, 'initialDelaySeconds', undefined],
    ['an exec probe gets no httpGet', { exec: { command: ['true'] } }, 'httpGet', undefined],
  ])('probe: %s', (_name, p, field, want) => {
    expect((withContainer({ livenessProbe: p })['livenessProbe'] as Record<string, unknown>)[field]).toEqual(
      want,
    )
  })

  it.each<[string, object, object]>([
    ['an empty path is "/"', { port: 80, path: '' }, { port: 80, path: '/', scheme: 'HTTP' }],
    ['HTTPS stays', { port: 443, scheme: 'HTTPS' }, { port: 443, path: '/', scheme: 'HTTPS' }],
    ['a path stays', { port: 80, path: '/healthz' }, { port: 80, path: '/healthz', scheme: 'HTTP' }],
  ])('httpGet: %s (SetDefaults_HTTPGetAction)', (_name, httpGet, want) => {
    const c = withContainer({ readinessProbe: { httpGet } })
    expect((c['readinessProbe'] as Record<string, unknown>)['httpGet']).toEqual(want)
  })

  it('a grpc service the user named stays; an explicit empty one too', () => {
    expect(
      withContainer({ startupProbe: { grpc: { port: 1, service: 'x' } } })['startupProbe'],
    ).toMatchObject({
      grpc: { port: 1, service: 'x' },
    })
    expect(withContainer({ startupProbe: { grpc: { port: 1, service: '' } } })['startupProbe']).toMatchObject(
      {
        grpc: { service: '' },
      },
    )
  })

  it('env: a fieldRef with an apiVersion keeps it; a resourceFieldRef is stored with divisor "0"', () => {
    const c = withContainer({
      env: [
        { name: 'A', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        { name: 'B', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
        { name: 'C', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
        { name: 'D', value: 'x' },
      ],
    })
    expect(c['env']).toEqual([
      { name: 'A', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
      { name: 'B', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '0' } } },
      { name: 'C', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
      { name: 'D', value: 'x' },
    ])
  })

  it.each<[string, JsonObject, JsonObject]>([
    // TestSetDefaultSecretVolumeSource / ConfigMap / DownwardAPI / Projected: 0644 only when unset.
    [
      'defaultMode 0 stays 0',
      { name: 'v', secret: { secretName: 's', defaultMode: 0 } },
      { secretName: 's', defaultMode: 0 },
    ],
    [
      'a set defaultMode stays',
      { name: 'v', configMap: { name: 'c', defaultMode: 256 } },
      { name: 'c', defaultMode: 256 },
    ],
    [
      'a hostPath type stays',
      { name: 'v', hostPath: { path: '/x', type: 'Directory' } },
      { path: '/x', type: 'Directory' },
    ],
    [
      'an empty iscsiInterface is "default"',
      { name: 'v', iscsi: { iscsiInterface: '', lun: 1 } },
      { iscsiInterface: 'default', lun: 1 },
    ],
  ])('volume: %s', (_name, volume, want) => {
    const source = Object.keys(volume).find((k) => k !== 'name')!
    expect(withVolume(volume)[source]).toEqual(want)
  })

  // Not defaulters: fields without omitempty that the typed object always serializes (k8s.io/api core/v1 types.go).
  it('an iSCSI lun and an HTTP header value are stored even when left out', () => {
    expect(
      withVolume({ name: 'v', iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.x' } })['iscsi'],
    ).toEqual({
      targetPortal: '10.0.0.1:3260',
      iqn: 'iqn.x',
      iscsiInterface: 'default',
      lun: 0,
    })
    const c = withContainer({ livenessProbe: { httpGet: { port: 80, httpHeaders: [{ name: 'X-Probe' }] } } })
    expect(
      (c['livenessProbe'] as Record<string, Record<string, unknown>>)['httpGet']!['httpHeaders'],
    ).toEqual([{ name: 'X-Probe', value: '' }])
  })

  it('a volume with no source becomes an emptyDir (SetDefaults_Volume)', () => {
    expect(withVolume({ name: 'scratch' })).toEqual({ name: 'scratch', emptyDir: {} })
  })

  it('an ephemeral claim template keeps a Block volumeMode and rounds its requests', () => {
    const v = withVolume({
      name: 'e',
      ephemeral: {
        volumeClaimTemplate: { spec: { volumeMode: 'Block', resources: { requests: { storage: '0.5m' } } } },
      },
    })
    expect(v['ephemeral']).toEqual({
      volumeClaimTemplate: { spec: { volumeMode: 'Block', resources: { requests: { storage: '1m' } } } },
    })
  })
})

describe('SetDefaults_ResourceList: quantities round up to milli scale', () => {
  it.each([
    ['100u', '1m'],
    ['1n', '1m'],
    ['0.0005', '1m'],
    ['1500u', '2m'],
    ['250m', '250m'],
    ['64Mi', '64Mi'],
  ])('a cpu request of %s is stored as %s', (given, stored) => {
    const pod = applyPodDefaults(
      makePod({ containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: given } } }] }),
    )
    expect(pod.spec.containers[0]!.resources?.requests).toEqual({ cpu: stored })
  })

  it('the pod overhead is rounded too', () => {
    const base = makePod()
    const pod = applyPodDefaults({ ...base, spec: { ...base.spec, overhead: { cpu: '10u' } } })
    expect(pod.spec['overhead']).toEqual({ cpu: '1m' })
  })
})

describe('ephemeral containers (SetDefaults_EphemeralContainer)', () => {
  it('get the container defaults and the probe defaults', () => {
    const base = makePod()
    const pod = applyPodDefaults({
      ...base,
      spec: {
        ...base.spec,
        ephemeralContainers: [{ name: 'debug', image: 'busybox', readinessProbe: { httpGet: { port: 80 } } }],
      },
    })
    expect(pod.spec['ephemeralContainers']).toEqual([
      {
        name: 'debug',
        image: 'busybox',
        readinessProbe: {
          httpGet: { port: 80, path: '/', scheme: 'HTTP' },
          timeoutSeconds: 1,
          periodSeconds: 10,
          successThreshold: 1,
          failureThreshold: 3,
        },
        resources: {},
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        imagePullPolicy: 'Always',
      },
    ])
  })
})
