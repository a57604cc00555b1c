import { describe, expect, it } from 'vitest'
import { PodSecurity, policyFromLabels } from './pod-security'
import { checksFor, evaluatePod, forbiddenDetail } from './pod-security-checks'
import { loadCluster, namespace } from '../../../model/cluster'
import { makeContainer, makePod } from '../../../testing/builders'
import type { Container, Pod } from '../../../model/objects'
import type { AdmissionInput } from '../types'
import { createRng } from '../../../sim/rng'

// Upstream: kubernetes/pod-security-admission v0.34 policy/check_*_test.go (expected reasons and
// details), policy/registry.go (check order), admission/admission.go (EvaluatePod), api/helpers.go.

const c = (name: string, securityContext?: Record<string, unknown>, extra: Partial<Container> = {}) =>
  ({
    ...makeContainer({ name, image: 'nginx' }),
    ...(securityContext ? { securityContext } : {}),
    ...extra,
  }) as Container
const pod = (
  containers: Container[],
  spec: Record<string, unknown> = {},
  annotations?: Record<string, string>,
): Pod => {
  const p = makePod({ name: 'insecure', containers })
  return {
    ...p,
    metadata: { ...p.metadata, ...(annotations ? { annotations } : {}) },
    spec: { ...p.spec, ...spec },
  }
}
const RESTRICTED_OK = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  runAsNonRoot: true,
  seccompProfile: { type: 'RuntimeDefault' },
}

describe('Pod Security checks (policy/check_*.go)', () => {
  const cases: { name: string; level: 'baseline' | 'restricted'; pod: Pod; detail: string }[] = [
    {
      name: 'a plain nginx pod meets baseline',
      level: 'baseline',
      pod: pod([c('nginx')]),
      detail: '',
    },
    {
      name: 'a plain nginx pod fails restricted on four checks, in upstream order',
      level: 'restricted',
      pod: pod([c('insecure')]),
      detail:
        'allowPrivilegeEscalation != false (container "insecure" must set securityContext.allowPrivilegeEscalation=false), ' +
        'unrestricted capabilities (container "insecure" must set securityContext.capabilities.drop=["ALL"]), ' +
        'runAsNonRoot != true (pod or container "insecure" must set securityContext.runAsNonRoot=true), ' +
        'seccompProfile (pod or container "insecure" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    },
    {
      name: 'a fully hardened container meets restricted',
      level: 'restricted',
      pod: pod([c('app', RESTRICTED_OK)]),
      detail: '',
    },
    {
      name: 'privileged: true fails baseline',
      level: 'baseline',
      pod: pod([c('a', { privileged: true }), c('b', { privileged: true })]),
      detail: 'privileged (containers "a", "b" must not set securityContext.privileged=true)',
    },
    {
      name: 'hostNetwork and hostPID fail baseline together',
      level: 'baseline',
      pod: pod([c('a')], { hostNetwork: true, hostPID: true }),
      detail: 'host namespaces (hostNetwork=true, hostPID=true)',
    },
    {
      name: 'hostPorts are listed sorted (check_hostPorts_test.go)',
      level: 'baseline',
      pod: pod([
        c('a'),
        c('b', undefined, {
          ports: [
            { containerPort: 80, hostPort: 20 },
            { containerPort: 81, hostPort: 10 },
          ],
        }),
        c('c', undefined, { ports: [{ containerPort: 82, hostPort: 30 }] }),
      ]),
      detail: 'hostPort (containers "b", "c" use hostPorts 10, 20, 30)',
    },
    {
      name: 'NET_ADMIN is not a default capability',
      level: 'baseline',
      pod: pod([c('a', { capabilities: { add: ['NET_ADMIN', 'CHOWN'] } })]),
      detail:
        'non-default capabilities (container "a" must not include "NET_ADMIN" in securityContext.capabilities.add)',
    },
    {
      name: 'a hostPath volume fails baseline',
      level: 'baseline',
      pod: pod([c('a')], { volumes: [{ name: 'host', hostPath: { path: '/' } }] }),
      detail: 'hostPath volumes (volume "host")',
    },
    {
      name: 'restricted reports a hostPath volume as a restricted volume type instead',
      level: 'restricted',
      pod: pod([c('a', RESTRICTED_OK)], { volumes: [{ name: 'host', hostPath: { path: '/' } }] }),
      detail: 'restricted volume types (volume "host" uses restricted volume type "hostPath")',
    },
    {
      name: 'Unconfined seccomp on the pod fails baseline',
      level: 'baseline',
      pod: pod([c('a')], { securityContext: { seccompProfile: { type: 'Unconfined' } } }),
      detail: 'seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")',
    },
    {
      name: 'an unsafe sysctl fails baseline',
      level: 'baseline',
      pod: pod([c('a')], { securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '1' }] } }),
      detail: 'forbidden sysctls (kernel.msgmax)',
    },
    {
      name: 'runAsNonRoot=false on the pod (check_runAsNonRoot_test.go)',
      level: 'restricted',
      pod: pod([c('a', { ...RESTRICTED_OK, runAsNonRoot: undefined })], {
        securityContext: { runAsNonRoot: false },
      }),
      detail: 'runAsNonRoot != true (pod must not set securityContext.runAsNonRoot=false)',
    },
    {
      name: 'runAsUser: 0 fails restricted even with runAsNonRoot',
      level: 'restricted',
      pod: pod([c('a', { ...RESTRICTED_OK, runAsUser: 0 })]),
      detail: 'runAsUser=0 (container "a" must not set runAsUser=0)',
    },
    {
      name: 'adding capabilities other than NET_BIND_SERVICE (check_capabilities_restricted_test.go)',
      level: 'restricted',
      pod: pod([
        c('a', { ...RESTRICTED_OK, capabilities: { add: ['FOO', 'BAR'] } }),
        c('b', { ...RESTRICTED_OK, capabilities: { add: ['BAZ'] } }),
        c('c', { ...RESTRICTED_OK, capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE', 'CHOWN'] } }),
      ]),
      detail:
        'unrestricted capabilities (containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; containers "a", "b", "c" must not include "BAR", "BAZ", "CHOWN", "FOO" in securityContext.capabilities.add)',
    },
    {
      name: 'an Unconfined AppArmor profile on a container (check_appArmorProfile_test.go)',
      level: 'baseline',
      pod: pod([c('foo', { appArmorProfile: { type: 'Unconfined' } })]),
      detail:
        'forbidden AppArmor profile (container "foo" must not set AppArmor profile type to "Unconfined")',
    },
    {
      name: 'a probe with a host fails baseline from v1.34',
      level: 'baseline',
      pod: pod([c('a', undefined, { livenessProbe: { httpGet: { host: '10.0.0.1', port: 80 } } })]),
      detail: 'probe or lifecycle host (container "a" uses probe or lifecycle host "10.0.0.1")',
    },
    {
      name: 'init containers are visited before containers',
      level: 'baseline',
      pod: pod([c('main', { privileged: true })], { initContainers: [c('init', { privileged: true })] }),
      detail: 'privileged (containers "init", "main" must not set securityContext.privileged=true)',
    },
  ]
  it.each(cases)('$name', ({ level, pod: p, detail }) => {
    expect(forbiddenDetail(evaluatePod(level, Number.MAX_SAFE_INTEGER, p.metadata, p.spec))).toBe(detail)
  })

  it('restricted runs the non-overridden baseline checks first, then the restricted ones (registry.go)', () => {
    expect(checksFor('restricted', 34).map((x) => x.id)).toEqual([
      'appArmorProfile',
      'hostNamespaces',
      'hostPorts',
      'hostProbesAndHostLifecycle',
      'privileged',
      'procMount',
      'seLinuxOptions',
      'sysctls',
      'windowsHostProcess',
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'restrictedVolumes',
      'runAsNonRoot',
      'runAsUser',
      'seccompProfile_restricted',
    ])
  })

  it('policy version v1.33 does not yet check probe hosts', () => {
    const p = pod([c('a', undefined, { livenessProbe: { httpGet: { host: 'x', port: 80 } } })])
    expect(evaluatePod('baseline', 33, p.metadata, p.spec)).toEqual([])
  })
})

describe('namespace labels (api/helpers.go PolicyToEvaluate)', () => {
  it.each([
    [
      'no labels: privileged:latest everywhere',
      {},
      ['privileged:latest', 'privileged:latest', 'privileged:latest'],
    ],
    [
      'enforce=restricted also warns at restricted',
      { 'pod-security.kubernetes.io/enforce': 'restricted' },
      ['restricted:latest', 'privileged:latest', 'restricted:latest'],
    ],
    [
      'enforce-version is used by the defaulted warn level',
      {
        'pod-security.kubernetes.io/enforce': 'baseline',
        'pod-security.kubernetes.io/enforce-version': 'v1.30',
      },
      ['baseline:v1.30', 'privileged:latest', 'baseline:v1.30'],
    ],
    [
      'an invalid enforce level fails closed to restricted',
      { 'pod-security.kubernetes.io/enforce': 'strict' },
      ['restricted:latest', 'privileged:latest', 'privileged:latest'],
    ],
  ])('%s', (_n, labels, [enforce, audit, warn]) => {
    const p = policyFromLabels(labels)
    expect([p.enforce, p.audit, p.warn].map((l) => `${l.level}:${l.version}`)).toEqual([enforce, audit, warn])
  })
})

describe('PodSecurity admission plugin', () => {
  const input = (labels: Record<string, string>, p = pod([c('insecure')])): AdmissionInput => {
    const ns = namespace('secure')
    const cluster = loadCluster([
      { ...ns, metadata: { ...ns.metadata, labels: { ...ns.metadata.labels, ...labels } } },
    ])
    return {
      operation: 'CREATE',
      resource: 'pods',
      namespace: 'secure',
      name: p.metadata.name ?? '',
      pod: p,
      user: { name: 'alice', uid: '', groups: [] },
      cluster,
      rng: createRng(1),
      dryRun: false,
    }
  }

  it('enforce=restricted rejects with the upstream Forbidden text', () => {
    const r = PodSecurity.validate!(input({ 'pod-security.kubernetes.io/enforce': 'restricted' }))
    expect(r.kind).toBe('deny')
    if (r.kind !== 'deny') return
    expect(r.code).toBe(403)
    expect(r.message).toBe(
      'pods "insecure" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "insecure" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "insecure" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "insecure" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "insecure" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    )
    expect(r.auditAnnotations?.['pod-security.kubernetes.io/enforce-policy']).toBe('restricted:latest')
  })

  it('warn=restricted admits and returns the "would violate" warning', () => {
    const r = PodSecurity.validate!(input({ 'pod-security.kubernetes.io/warn': 'restricted' }))
    expect(r.kind).toBe('admit')
    if (r.kind !== 'admit') return
    expect(r.warnings?.[0]).toMatch(
      /^would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false \(/,
    )
  })

  it('audit=baseline only writes the audit-violations annotation', () => {
    const p = pod([c('a', { privileged: true })])
    const r = PodSecurity.validate!(input({ 'pod-security.kubernetes.io/audit': 'baseline' }, p))
    expect(r.kind).toBe('admit')
    if (r.kind !== 'admit') return
    expect(r.warnings).toEqual([])
    expect(r.auditAnnotations).toEqual({
      'pod-security.kubernetes.io/enforce-policy': 'privileged:latest',
      'pod-security.kubernetes.io/audit-violations':
        'would violate PodSecurity "baseline:latest": privileged (container "a" must not set securityContext.privileged=true)',
    })
  })

  it('a namespace without labels is privileged: nothing is checked', () => {
    const r = PodSecurity.validate!(input({}))
    expect(r.kind).toBe('admit')
    if (r.kind === 'admit') expect(r.auditAnnotations).toBeUndefined()
  })

  it('a generateName pod is rejected as "pods is forbidden" (no name yet)', () => {
    const r = PodSecurity.validate!({
      ...input({ 'pod-security.kubernetes.io/enforce': 'baseline' }, pod([c('a', { privileged: true })])),
      name: '',
    })
    expect(r.kind === 'deny' && r.message).toBe(
      'pods is forbidden: violates PodSecurity "baseline:latest": privileged (container "a" must not set securityContext.privileged=true)',
    )
  })
})
