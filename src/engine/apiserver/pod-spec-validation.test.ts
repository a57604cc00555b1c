/**
 * Upstream texts for labels, volumes, env, volume mounts, negative quantities
 * and activeDeadlineSeconds. Upstream: pkg/apis/core/validation/validation.go
 * (ValidateVolumes, ValidateEnv, ValidateVolumeMounts, ValidateResourceRequirements,
 * ValidatePodSpec), apimachinery pkg/apis/meta/v1/validation/validation.go (ValidateLabels),
 * pkg/util/validation/validation.go (v0.34: IsQualifiedName, IsValidLabelValue, IsRelaxedEnvVarName).
 */
import { describe, expect, it } from 'vitest'
import { validatePod } from './validation'
import { makeContainer, makePod } from '../testing/builders'
import type { Pod } from '../model/objects'

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
