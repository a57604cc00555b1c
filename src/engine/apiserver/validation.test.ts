import { describe, expect, it } from 'vitest'
import { validatePod } from './validation'
import { DNS1123_LABEL_MESSAGE, DNS1123_SUBDOMAIN_MESSAGE } from '../model/names'
import { makeContainer, makePod } from '../testing/builders'
import type { Pod } from '../model/objects'

// Upstream: pkg/apis/core/validation/validation.go (ValidatePodCreate, ValidatePodSpec,
// validateContainers, ValidateResourceRequirements), apimachinery
// pkg/util/validation/validation.go and field/errors.go.
const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"

const nginx = (o: Parameters<typeof makeContainer>[0] = {}) => makeContainer({ image: 'nginx:1.27', ...o })

describe('apimachinery name messages', () => {
  it('are byte-exact, including the double space in the label message', () => {
    expect(DNS1123_SUBDOMAIN_MESSAGE).toBe(SUBDOMAIN)
    expect(DNS1123_LABEL_MESSAGE).toBe(LABEL)
  })
})

describe('validatePod', () => {
  const cases: { name: string; pod: Pod; errors: string[] }[] = [
    { name: 'a plain nginx Pod is valid', pod: makePod(), errors: [] },
    {
      name: 'a pod name with capitals is not an RFC 1123 subdomain',
      pod: makePod({ name: 'Nginx' }),
      errors: [`metadata.name: Invalid value: "Nginx": ${SUBDOMAIN}`],
    },
    {
      name: 'a pod name with dots is fine (it is a subdomain)',
      pod: makePod({ name: 'nginx.v1' }),
      errors: [],
    },
    {
      name: 'an empty pod name: name or generateName is required',
      pod: makePod({ name: '' }),
      errors: ['metadata.name: Required value: name or generateName is required'],
    },
    {
      name: 'a pod name of 254 characters is too long',
      pod: makePod({ name: 'a'.repeat(254) }),
      errors: [`metadata.name: Invalid value: "${'a'.repeat(254)}": must be no more than 253 characters`],
    },
    {
      name: 'a container name with a dot: must not contain dots',
      pod: makePod({ containers: [nginx({ name: 'app.v1' })] }),
      errors: ['spec.containers[0].name: Invalid value: "app.v1": must not contain dots'],
    },
    {
      name: 'a container name with capitals is not an RFC 1123 label',
      pod: makePod({ containers: [nginx({ name: 'App' })] }),
      errors: [`spec.containers[0].name: Invalid value: "App": ${LABEL}`],
    },
    {
      name: 'a container name of 64 characters is too long',
      pod: makePod({ containers: [nginx({ name: 'a'.repeat(64) })] }),
      errors: [
        `spec.containers[0].name: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`,
      ],
    },
    {
      name: 'two containers named nginx: Duplicate value',
      pod: makePod({ containers: [nginx({ name: 'nginx' }), nginx({ name: 'nginx' })] }),
      errors: ['spec.containers[1].name: Duplicate value: "nginx"'],
    },
    {
      name: 'a container without an image: Required value',
      pod: makePod({ containers: [makeContainer({ name: 'nginx' })] }),
      errors: ['spec.containers[0].image: Required value'],
    },
    {
      name: 'a Pod without containers: Required value',
      pod: makePod({ containers: [] }),
      errors: ['spec.containers: Required value'],
    },
    {
      name: 'containerPort 70000 is out of range (integers are not quoted)',
      pod: makePod({ containers: [nginx({ ports: [{ containerPort: 70000 }] })] }),
      errors: [
        'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      ],
    },
    {
      name: 'restartPolicy Sometimes is not supported',
      pod: makePod({ restartPolicy: 'Sometimes' }),
      errors: [
        'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      ],
    },
    {
      name: 'a request equal to its limit is fine',
      pod: makePod({ containers: [nginx({ requests: { cpu: '1' }, limits: { cpu: '1' } })] }),
      errors: [],
    },
  ]
  it.each(cases)('$name', ({ pod, errors }) => {
    expect(validatePod(pod)).toEqual(errors)
  })

  // kubernetes/kubernetes pkg/apis/core/validation/validation.go (ValidateResourceRequirements) reports
  // field.Invalid(reqPath, …) where reqPath is fldPath.Child("requests"), the map itself, not requests[cpu].
  it('a cpu request above its limit: the path is the requests map (upstream)', () => {
    const pod = makePod({ containers: [nginx({ requests: { cpu: '2' }, limits: { cpu: '1' } })] })
    expect(validatePod(pod)).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
    ])
  })

  // ValidatePodSpec validates spec.containers before spec.initContainers.
  it('errors in containers are listed before errors in initContainers (upstream order)', () => {
    const pod = makePod({
      initContainers: [makeContainer({ name: 'setup' })],
      containers: [nginx({ name: 'App' })],
    })
    expect(validatePod(pod)).toEqual([
      `spec.containers[0].name: Invalid value: "App": ${LABEL}`,
      'spec.initContainers[0].image: Required value',
    ])
  })

  it('collects every error, not just the first', () => {
    const pod = makePod({ name: 'x', restartPolicy: 'Sometimes', containers: [makeContainer({ name: 'x' })] })
    expect(validatePod(pod)).toEqual([
      'spec.containers[0].image: Required value',
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ])
  })
})
