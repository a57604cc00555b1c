/**
 * Upstream texts for labels, volumes, env, volume mounts, negative quantities
 * and activeDeadlineSeconds. Upstream: pkg/apis/core/validation/validation.go
 * (ValidateVolumes, ValidateEnv, ValidateVolumeMounts, ValidateResourceRequirements,
 * ValidatePodSpec), apimachinery pkg/apis/meta/v1/validation/validation.go (ValidateLabels),
 * pkg/util/validation/validation.go (v0.34: IsQualifiedName, IsValidLabelValue, IsRelaxedEnvVarName).
 */
import { describe, expect, it } from 'vitest'
import { validatePod } from './validation'
import { applyPodDefaults } from './defaulting'
import { makeContainer, makePod } from '../testing/builders'
import type { ContainerPort, Pod } from '../model/objects'

const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

const withSpec = (extra: Record<string, unknown>, container: Record<string, unknown> = {}): Pod => {
  const pod = makePod({
    containers: [{ ...makeContainer({ name: 'nginx', image: 'nginx:1.27' }), ...container }],
  })
  return { ...pod, spec: { ...pod.spec, ...extra } }
}

const CASES: readonly { name: string; pod: Pod; errors: string[] }[] = [
  {
    name: 'a label value with a space is not a valid label value',
    pod: makePod({ labels: { app: 'my app' } }),
    errors: [`metadata.labels: Invalid value: "my app": ${LABEL_VALUE}`],
  },
  {
    name: 'a label key ending in a dash is not a qualified name',
    pod: makePod({ labels: { 'app-': 'web' } }),
    errors: [`metadata.labels: Invalid value: "app-": ${NAME_PART}`],
  },
  {
    name: 'a label value longer than 63 characters',
    pod: makePod({ labels: { app: 'a'.repeat(64) } }),
    errors: [`metadata.labels: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`],
  },
  {
    name: 'two volumes with the same name',
    pod: withSpec({
      volumes: [
        { name: 'data', emptyDir: {} },
        { name: 'data', emptyDir: {} },
      ],
    }),
    errors: ['spec.volumes[1].name: Duplicate value: "data"'],
  },
  {
    name: 'a volumeMount naming a volume the pod does not have',
    pod: withSpec({}, { volumeMounts: [{ name: 'data', mountPath: '/data' }] }),
    errors: ['spec.containers[0].volumeMounts[0].name: Not found: "data"'],
  },
  {
    name: 'two mounts at the same path',
    pod: withSpec(
      {
        volumes: [
          { name: 'a', emptyDir: {} },
          { name: 'b', emptyDir: {} },
        ],
      },
      {
        volumeMounts: [
          { name: 'a', mountPath: '/d' },
          { name: 'b', mountPath: '/d' },
        ],
      },
    ),
    errors: ['spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/d": must be unique'],
  },
  {
    name: 'an env var without a name',
    pod: withSpec({}, { env: [{ name: '', value: 'x' }] }),
    errors: ['spec.containers[0].env[0].name: Required value'],
  },
  {
    name: 'an env var name with "=" (relaxed env var names are GA in 1.34, so dots and dashes pass)',
    pod: withSpec(
      {},
      {
        env: [
          { name: 'A=B', value: 'x' },
          { name: 'my.env-name', value: 'y' },
        ],
      },
    ),
    errors: [
      `spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
    ],
  },
  {
    name: 'a negative cpu request',
    pod: withSpec({}, { resources: { requests: { cpu: '-1' } } }),
    errors: [
      'spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
    ],
  },
  {
    name: 'activeDeadlineSeconds of 0',
    pod: withSpec({ activeDeadlineSeconds: 0 }),
    errors: ['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive'],
  },
]

describe('validatePod: labels, volumes, env, mounts, quantities', () => {
  it.each(CASES)('$name', ({ pod, errors }) => {
    expect(validatePod(pod)).toEqual(errors)
  })
})

// Cases follow kubernetes/kubernetes pkg/apis/core/validation/validation_test.go
// (TestValidatePorts; TestValidateContainers and TestValidateInitContainers, "duplicate host port"):
// validateContainerPorts, then checkHostPortConflicts across the regular
// containers and for each init container on its own. Pods go through
// applyPodDefaults first, as in the apiserver, so protocols are TCP unless set.
const ports = (list: readonly ContainerPort[], name = 'nginx') =>
  makeContainer({ name, image: 'nginx:1.27', ports: list })
const PORT_CASES: readonly { name: string; pod: Pod; errors: string[] }[] = [
  {
    name: 'the same hostPort twice in one container is a Duplicate of "TCP//8080"',
    pod: makePod({
      containers: [
        ports([
          { containerPort: 80, hostPort: 8080 },
          { containerPort: 81, hostPort: 8080 },
        ]),
      ],
    }),
    errors: ['spec.containers[0].ports[1].hostPort: Duplicate value: "TCP//8080"'],
  },
  {
    name: 'the same hostPort in two containers',
    pod: makePod({
      containers: [
        ports([{ containerPort: 80, hostPort: 8080 }], 'a'),
        ports([{ containerPort: 81, hostPort: 8080 }], 'b'),
      ],
    }),
    errors: ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"'],
  },
  {
    name: 'the same hostPort on two hostIPs is fine; on the same hostIP it is not',
    pod: makePod({
      containers: [
        ports([
          { containerPort: 80, hostPort: 8080, hostIP: '10.0.0.1' },
          { containerPort: 81, hostPort: 8080, hostIP: '10.0.0.2' },
          { containerPort: 82, hostPort: 8080, hostIP: '10.0.0.1' },
        ]),
      ],
    }),
    errors: ['spec.containers[0].ports[2].hostPort: Duplicate value: "TCP/10.0.0.1/8080"'],
  },
  {
    name: 'the same hostPort over TCP and UDP is fine',
    pod: makePod({
      containers: [
        ports([
          { containerPort: 53, hostPort: 53, protocol: 'TCP' },
          { containerPort: 53, hostPort: 53, protocol: 'UDP' },
        ]),
      ],
    }),
    errors: [],
  },
  {
    name: 'an init container may reuse a container’s hostPort (they do not run together)',
    pod: makePod({
      initContainers: [ports([{ containerPort: 80, hostPort: 8080 }], 'setup')],
      containers: [ports([{ containerPort: 80, hostPort: 8080 }])],
    }),
    errors: [],
  },
  {
    name: 'a hostPort repeated inside the second init container is reported at initContainers[0] (upstream passes a one-element list)',
    pod: makePod({
      initContainers: [
        ports([{ containerPort: 80 }], 'first'),
        ports(
          [
            { containerPort: 80, hostPort: 9090 },
            { containerPort: 81, hostPort: 9090 },
          ],
          'second',
        ),
      ],
    }),
    errors: ['spec.initContainers[0].ports[1].hostPort: Duplicate value: "TCP//9090"'],
  },
  {
    name: 'host port conflicts come after every container’s own errors',
    pod: makePod({
      containers: [
        ports([{ containerPort: 80, hostPort: 8080 }], 'a'),
        { ...ports([{ containerPort: 81, hostPort: 8080 }], 'b'), image: '' },
      ],
    }),
    errors: [
      'spec.containers[1].image: Required value',
      'spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"',
    ],
  },
  {
    name: 'containerPort 0 is Required; a hostPort out of range is Invalid',
    pod: makePod({ containers: [ports([{ containerPort: 0, hostPort: 70000 }])] }),
    errors: [
      'spec.containers[0].ports[0].containerPort: Required value',
      'spec.containers[0].ports[0].hostPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ],
  },
  {
    name: 'an unsupported protocol',
    pod: makePod({ containers: [ports([{ containerPort: 80, protocol: 'tcp' }])] }),
    errors: [
      'spec.containers[0].ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
    ],
  },
  {
    name: 'port names: too long, bad characters, no letter, and a duplicate within the container',
    pod: makePod({
      containers: [
        ports([
          { containerPort: 1, name: 'a-very-long-port-name' },
          { containerPort: 2, name: 'HTTP' },
          { containerPort: 3, name: '123' },
          { containerPort: 4, name: 'web' },
          { containerPort: 5, name: 'web' },
          { containerPort: 6, name: '-a--b' },
        ]),
      ],
    }),
    errors: [
      'spec.containers[0].ports[0].name: Invalid value: "a-very-long-port-name": must be no more than 15 characters',
      'spec.containers[0].ports[1].name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.containers[0].ports[1].name: Invalid value: "HTTP": must contain at least one letter (a-z)',
      'spec.containers[0].ports[2].name: Invalid value: "123": must contain at least one letter (a-z)',
      'spec.containers[0].ports[4].name: Duplicate value: "web"',
      'spec.containers[0].ports[5].name: Invalid value: "-a--b": must not contain consecutive hyphens',
      'spec.containers[0].ports[5].name: Invalid value: "-a--b": must not begin or end with a hyphen',
    ],
  },
  {
    name: 'the same port name in two containers is only a warning, not an error',
    pod: makePod({
      containers: [
        ports([{ containerPort: 80, name: 'web' }], 'a'),
        ports([{ containerPort: 81, name: 'web' }], 'b'),
      ],
    }),
    errors: [],
  },
]

describe('validatePod: container ports and host port conflicts', () => {
  it.each(PORT_CASES)('$name', ({ pod, errors }) => {
    expect(validatePod(applyPodDefaults(pod))).toEqual(errors)
  })
})
