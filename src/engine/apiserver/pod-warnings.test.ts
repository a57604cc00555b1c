/**
 * Pod create warnings with upstream's exact texts and order.
 * Cases follow kubernetes/kubernetes pkg/api/pod/warnings_test.go (TestWarnings,
 * the "pod_" variant: GetWarningsForPod with no old Pod) and
 * pkg/registry/core/pod/strategy.go (WarningsOnCreate). Upstream compares sets;
 * these tables also pin the order, which is warningsForPodSpecAndMeta's.
 */
import { describe, expect, it } from 'vitest'
import { getWarningsForPod, warningsOnPodCreate } from './pod-warnings'
import { applyPodDefaults } from './defaulting'
import { simulate } from '../simulate'
import { DEFAULT_MANIFEST } from '../scenario/default-scenario'
import { LABEL_VALUE_MESSAGE } from './pod-spec-validation'
import { makeContainer, makePod, manifestOf } from '../testing/builders'
import type { Container, ContainerPort, Pod } from '../model/objects'
import type { Timeline } from '../protocol/timeline'

const app = (name: string, ports: ContainerPort[], extra: Record<string, unknown> = {}): Container => ({
  ...makeContainer({ name, image: 'nginx:1.27', ports }),
  ...extra,
})
const podWith = (spec: Record<string, unknown>, meta: Record<string, unknown> = {}): Pod => {
  const pod = makePod()
  return { ...pod, metadata: { ...pod.metadata, ...meta }, spec: { ...pod.spec, ...spec } }
}
/** The Pod as the registry sees it: defaulted (protocol TCP, …). */
const warningsFor = (pod: Pod) => getWarningsForPod(applyPodDefaults(pod))

const UDP = 'UDP'
const CASES: readonly { name: string; pod: Pod; warnings: string[] }[] = [
  { name: 'a plain nginx Pod has no warnings', pod: makePod(), warnings: [] },
  {
    name: 'one container, two ports, same protocol, same port, different hostPort',
    pod: podWith({
      containers: [
        app('foo', [
          { containerPort: 80, hostPort: 80 },
          { containerPort: 80, hostPort: 81 },
        ]),
      ],
    }),
    warnings: [],
  },
  {
    name: 'duplicate container ports with same port and protocol',
    pod: podWith({
      containers: [
        app('foo', [
          { containerPort: 80, protocol: UDP },
          { containerPort: 80, protocol: UDP },
        ]),
      ],
    }),
    warnings: ['spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]'],
  },
  {
    name: 'two ports that only differ in protocol are fine',
    pod: podWith({
      containers: [
        app('foo', [
          { containerPort: 80, protocol: UDP },
          { containerPort: 80, protocol: 'TCP' },
        ]),
      ],
    }),
    warnings: [],
  },
  {
    name: 'one container port hostIP set without host port set',
    pod: podWith({ containers: [app('foo', [{ containerPort: 80, protocol: UDP, hostIP: '10.0.0.1' }])] }),
    warnings: [
      'spec.containers[0].ports[0]: hostIP set without hostPort: {Name: HostPort:0 ContainerPort:80 Protocol:UDP HostIP:10.0.0.1}',
    ],
  },
  {
    name: 'duplicate container ports with one host port set and one without (hostIP warning first)',
    pod: podWith({
      containers: [
        app('foo', [
          { containerPort: 80, hostPort: 80, protocol: UDP, hostIP: '10.0.0.1' },
          { containerPort: 80, protocol: UDP, hostIP: '10.0.0.1' },
        ]),
      ],
    }),
    warnings: [
      'spec.containers[0].ports[1]: hostIP set without hostPort: {Name: HostPort:0 ContainerPort:80 Protocol:UDP HostIP:10.0.0.1}',
      'spec.containers[0].ports[1]: overlapping port definition with spec.containers[0].ports[0]',
    ],
  },
  {
    name: 'duplicate container ports without one host IP set and two with',
    pod: podWith({
      containers: [
        app('foo', [
          { containerPort: 80, hostPort: 80, protocol: UDP, hostIP: '10.0.0.1' },
          { containerPort: 80, hostPort: 80, protocol: UDP },
          { containerPort: 80, hostPort: 80, protocol: UDP, hostIP: '10.0.0.2' },
        ]),
      ],
    }),
    warnings: [
      'spec.containers[0].ports[1]: dangerously ambiguous port definition with spec.containers[0].ports[0]',
      'spec.containers[0].ports[2]: dangerously ambiguous port definition with spec.containers[0].ports[1]',
    ],
  },
  {
    name: 'duplicate containers with same port and protocol',
    pod: podWith({
      containers: [
        app('foo', [{ containerPort: 80, protocol: UDP }]),
        app('bar', [{ containerPort: 80, protocol: UDP }]),
      ],
    }),
    warnings: ['spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]'],
  },
  {
    name: 'create duplicate container ports in two containers',
    pod: podWith({
      containers: [
        app('foo1', [
          { containerPort: 80, hostPort: 80, protocol: UDP },
          { containerPort: 180, hostPort: 80, protocol: UDP },
          { containerPort: 80, hostPort: 80, protocol: UDP },
        ]),
        app('foo', [
          { containerPort: 80, hostPort: 80, protocol: UDP },
          { containerPort: 80, hostPort: 80, protocol: UDP },
        ]),
      ],
    }),
    warnings: [
      'spec.containers[0].ports[2]: duplicate port definition with spec.containers[0].ports[0]',
      'spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]',
      'spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[2]',
      'spec.containers[1].ports[1]: duplicate port definition with spec.containers[0].ports[0]',
      'spec.containers[1].ports[1]: duplicate port definition with spec.containers[0].ports[2]',
      'spec.containers[1].ports[1]: duplicate port definition with spec.containers[1].ports[0]',
    ],
  },
  {
    name: 'init containers are visited first, so a container port repeats the init container’s',
    pod: podWith({
      initContainers: [app('setup', [{ containerPort: 8080 }])],
      containers: [app('web', [{ containerPort: 8080 }])],
    }),
    warnings: ['spec.containers[0].ports[0]: duplicate port definition with spec.initContainers[0].ports[0]'],
  },
  {
    name: 'create duplicate container ports name in two containers',
    pod: podWith({
      containers: [
        app('foo1', [{ containerPort: 80, protocol: UDP, name: 'test' }]),
        app('foo', [{ containerPort: 8090, protocol: 'TCP', name: 'test' }]),
      ],
    }),
    warnings: [
      'spec.containers[1].ports[0]: duplicate port name "test" with spec.containers[0].ports[0], services and probes that select ports by name will use spec.containers[0].ports[0]',
    ],
  },
  {
    name: 'create duplicate container ports name in containers and sidecar containers',
    pod: podWith({
      initContainers: [
        app('foo1', [{ containerPort: 80, protocol: UDP, name: 'test' }], { restartPolicy: 'Always' }),
      ],
      containers: [app('foo', [{ containerPort: 8090, protocol: 'TCP', name: 'test' }])],
    }),
    warnings: [
      'spec.containers[0].ports[0]: duplicate port name "test" with spec.initContainers[0].ports[0], services and probes that select ports by name will use spec.initContainers[0].ports[0]',
    ],
  },
  {
    name: 'port definition warnings come before port name warnings',
    pod: podWith({
      containers: [
        app('a', [{ containerPort: 80, name: 'http' }]),
        app('b', [{ containerPort: 80, name: 'http' }]),
      ],
    }),
    warnings: [
      'spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]',
      'spec.containers[1].ports[0]: duplicate port name "http" with spec.containers[0].ports[0], services and probes that select ports by name will use spec.containers[0].ports[0]',
    ],
  },
  {
    name: 'node selector with deprecated labels (keys in sorted order)',
    pod: makePod({ nodeSelector: { 'beta.kubernetes.io/os': 'linux', 'beta.kubernetes.io/arch': 'amd64' } }),
    warnings: [
      'spec.nodeSelector[beta.kubernetes.io/arch]: deprecated since v1.14; use "kubernetes.io/arch" instead',
      'spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use "kubernetes.io/os" instead',
    ],
  },
  {
    name: 'node affinity with deprecated labels',
    pod: makePod({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'foo', operator: 'Exists' }] },
            { matchExpressions: [{ key: 'beta.kubernetes.io/os', operator: 'Exists' }] },
          ],
        },
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 1,
            preference: { matchExpressions: [{ key: 'node-role.kubernetes.io/master', operator: 'Exists' }] },
          },
        ],
      },
    }),
    warnings: [
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[1].matchExpressions[0].key: beta.kubernetes.io/os is deprecated since v1.14; use "kubernetes.io/os" instead',
      'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].key: node-role.kubernetes.io/master is use "node-role.kubernetes.io/control-plane" instead',
    ],
  },
  {
    name: 'creating pod with invalid value in nodeaffinity (preferred terms only)',
    pod: makePod({
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 10, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['-1'] }] } },
        ],
      },
    }),
    warnings: [
      `spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].values[0]: -1 is invalid, ${LABEL_VALUE_MESSAGE}`,
    ],
  },
  {
    name: 'topology spread constraint with a deprecated key and no labelSelector',
    pod: podWith({
      topologySpreadConstraints: [
        {
          maxSkew: 1,
          topologyKey: 'failure-domain.beta.kubernetes.io/zone',
          whenUnsatisfiable: 'DoNotSchedule',
        },
      ],
    }),
    warnings: [
      'spec.topologySpreadConstraints[0].topologyKey: failure-domain.beta.kubernetes.io/zone is deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
      'spec.topologySpreadConstraints[0].labelSelector: a null labelSelector results in matching no pod',
    ],
  },
  {
    name: 'deprecated annotations, and seccomp annotations without the field',
    pod: podWith(
      {},
      {
        annotations: {
          'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default',
          'container.seccomp.security.alpha.kubernetes.io/nginx': 'runtime/default',
          'security.alpha.kubernetes.io/sysctls': 'a=b',
          'scheduler.alpha.kubernetes.io/critical-pod': 'true',
        },
      },
    ),
    warnings: [
      'metadata.annotations[scheduler.alpha.kubernetes.io/critical-pod]: non-functional in v1.16+; use the "priorityClassName" field instead',
      'metadata.annotations[security.alpha.kubernetes.io/sysctls]: non-functional in v1.11+; use the "sysctls" field instead',
      'metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: non-functional in v1.27+; use the "seccompProfile" field instead',
      'metadata.annotations[container.seccomp.security.alpha.kubernetes.io/nginx]: non-functional in v1.27+; use the "seccompProfile" field instead',
    ],
  },
  {
    name: 'a seccomp annotation with the matching field set gives no warning',
    pod: podWith(
      { securityContext: { seccompProfile: { type: 'RuntimeDefault' } } },
      { annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'runtime/default' } },
    ),
    warnings: [],
  },
  {
    name: 'deprecated volume plugins (gitRepo as with GitRepoVolumeDriver off, the default)',
    pod: podWith({
      volumes: [
        { name: 'g', gitRepo: { repository: 'https://example.com/r.git' } },
        { name: 's', storageos: {} },
        { name: 'c', cephfs: { monitors: ['m'] } },
      ],
    }),
    warnings: [
      'spec.volumes[0].gitRepo: deprecated in v1.11, and disabled by default in v1.33+',
      'spec.volumes[1].storageOS: deprecated in v1.22, non-functional in v1.25+',
      'spec.volumes[2].cephfs: deprecated in v1.28, non-functional in v1.31+',
    ],
  },
  {
    name: 'duplicate hostAliases IPs and imagePullSecrets',
    pod: podWith({
      hostAliases: [
        { ip: '1.1.1.1', hostnames: ['a'] },
        { ip: '1.1.1.1', hostnames: ['b'] },
      ],
      imagePullSecrets: [{ name: 'secret1' }, { name: 'secret1' }, { name: '' }],
    }),
    warnings: [
      'spec.hostAliases[1].ip: duplicate ip "1.1.1.1"',
      'spec.imagePullSecrets[1].name: duplicate name "secret1"',
      'spec.imagePullSecrets[2].name: invalid empty name ""',
    ],
  },
  {
    name: 'fractional memory and ephemeral-storage (limits then requests, memory first)',
    pod: podWith({
      containers: [
        app('nginx', [], {
          resources: {
            requests: { memory: '4m', 'ephemeral-storage': '4m', cpu: '100m' },
            limits: { memory: '0.5', 'ephemeral-storage': '1Gi' },
          },
        }),
      ],
    }),
    warnings: [
      'spec.containers[0].resources.limits[memory]: fractional byte value "500m" is invalid, must be an integer',
      'spec.containers[0].resources.requests[memory]: fractional byte value "4m" is invalid, must be an integer',
      'spec.containers[0].resources.requests[ephemeral-storage]: fractional byte value "4m" is invalid, must be an integer',
    ],
  },
  {
    name: 'env var redefinitions that hide the earlier value',
    pod: podWith({
      containers: [
        app('nginx', [], {
          env: [
            { name: 'a', value: 'x' },
            { name: 'a', value: '$(a)-suffix' },
            { name: 'a', value: 'other' },
            { name: 'b' },
            { name: 'b', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          ],
        }),
      ],
    }),
    warnings: [
      'spec.containers[0].env[2]: hides previous definition of "a", which may be dropped when using apply',
      'spec.containers[0].env[4]: hides previous definition of "b", which may be dropped when using apply',
    ],
  },
  {
    name: 'a negative terminationGracePeriodSeconds',
    pod: podWith({ terminationGracePeriodSeconds: -1 }),
    warnings: [
      'spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1',
    ],
  },
  {
    name: 'pod affinity and anti-affinity terms without a labelSelector',
    pod: podWith({
      affinity: {
        podAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname' }],
        },
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 1, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname' } },
          ],
        },
      },
    }),
    warnings: [
      'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector: a null labelSelector results in matching no pod',
      'spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector: a null labelSelector results in matching no pod',
    ],
  },
  {
    name: 'dubious IP address formats',
    pod: podWith({
      dnsPolicy: 'None',
      dnsConfig: { nameservers: ['1.2.3.4', '05.06.07.08'] },
      hostAliases: [{ ip: '::ffff:1.2.3.4', hostnames: ['a'] }],
    }),
    warnings: [
      'spec.dnsConfig.nameservers[1]: non-standard IP address "05.06.07.08" will be considered invalid in a future Kubernetes release: use "5.6.7.8"',
      'spec.hostAliases[0].ip: non-standard IP address "::ffff:1.2.3.4" will be considered invalid in a future Kubernetes release: use "1.2.3.4"',
    ],
  },
]

describe('getWarningsForPod (pkg/api/pod/warnings.go)', () => {
  it.each(CASES)('$name', ({ pod, warnings }) => {
    expect(warningsFor(pod)).toEqual(warnings)
  })

  it('lists warnings in warningsForPodSpecAndMeta’s order across kinds', () => {
    const pod = podWith(
      {
        nodeSelector: { 'beta.kubernetes.io/os': 'linux' },
        volumes: [{ name: 'g', gitRepo: { repository: 'r' } }],
        terminationGracePeriodSeconds: -5,
        containers: [app('nginx', [{ containerPort: 80 }, { containerPort: 80 }])],
      },
      { annotations: { 'scheduler.alpha.kubernetes.io/critical-pod': '' } },
    )
    expect(warningsFor(pod)).toEqual([
      'spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use "kubernetes.io/os" instead',
      'metadata.annotations[scheduler.alpha.kubernetes.io/critical-pod]: non-functional in v1.16+; use the "priorityClassName" field instead',
      'spec.volumes[0].gitRepo: deprecated in v1.11, and disabled by default in v1.33+',
      'spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]',
      'spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1',
    ])
  })
})

describe('warningsOnPodCreate (pkg/registry/core/pod/strategy.go)', () => {
  it('a Pod name that is a subdomain but not a DNS label gets the hostname warning first', () => {
    const pod = makePod({ name: 'web.v1', nodeSelector: { 'beta.kubernetes.io/arch': 'amd64' } })
    expect(warningsOnPodCreate(applyPodDefaults(pod))).toEqual([
      "metadata.name: this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]",
      'spec.nodeSelector[beta.kubernetes.io/arch]: deprecated since v1.14; use "kubernetes.io/arch" instead',
    ])
  })

  it('a name of 64 characters: the message lists IsDNS1123Label’s complaints as Go prints a []string', () => {
    const pod = makePod({ name: 'a'.repeat(64) })
    expect(warningsOnPodCreate(applyPodDefaults(pod))).toEqual([
      "metadata.name: this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: [must be no more than 63 characters]",
    ])
  })
})

describe('simulate: warnings reach kubectl as Warning: lines on stderr', () => {
  const last = (t: Timeline) => t.frames[t.frames.length - 1]!.kubectl
  // kubectl apply first GETs the Pod (404), then POSTs it: the last answer is the create's.
  const responseCode = (t: Timeline) => {
    const r = t.events.filter((e) => e.kind === 'http.response' && e.payload.to === 'kubectl').at(-1)
    return r?.kind === 'http.response' ? r.payload.code : undefined
  }

  it('the default nginx Pod is created without warnings', () => {
    const t = simulate({ manifest: DEFAULT_MANIFEST }, { seed: 1 })
    expect(last(t)?.stderr).toBe('')
  })

  it('a container that declares port 80 twice is created, with the duplicate-port warning', () => {
    const pod = makePod({
      name: 'web',
      containers: [app('web', [{ containerPort: 80 }, { containerPort: 80 }])],
    })
    const t = simulate({ manifest: manifestOf(pod) }, { seed: 1 })
    expect(responseCode(t)).toBe(201)
    expect(last(t)).toMatchObject({
      stdout: 'pod/web created\n',
      stderr:
        'Warning: spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]\n',
    })
  })

  it('a deprecated node label in nodeSelector warns; the warnings come in upstream order', () => {
    const pod = makePod({
      name: 'web.v1',
      nodeSelector: { 'beta.kubernetes.io/os': 'linux' },
    })
    const t = simulate({ manifest: manifestOf(pod) }, { seed: 1 })
    expect(last(t)?.stderr).toBe(
      "Warning: metadata.name: this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]\n" +
        'Warning: spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use "kubernetes.io/os" instead\n',
    )
  })

  it('an invalid Pod (422) gets no spec warnings: BeforeCreate adds them only after validation passes', () => {
    const pod = makePod({
      name: 'web',
      containers: [
        app('web', [
          { containerPort: 80, hostPort: 8080 },
          { containerPort: 81, hostPort: 8080 },
          { containerPort: 81 },
        ]),
      ],
    })
    const t = simulate({ manifest: manifestOf(pod) }, { seed: 1 })
    expect(responseCode(t)).toBe(422)
    expect(last(t)?.stderr).toBe(
      'The Pod "web" is invalid: spec.containers[0].ports[1].hostPort: Duplicate value: "TCP//8080"\n',
    )
  })
})
