import { describe, expect, it } from 'vitest'
import { LimitRanger, defaultLimitRangeItem } from './limit-ranger'
import { admissionInputFor } from '../../../testing/admission'
import { makeContainer, makePod } from '../../../testing/builders'
import type { KubeObject, Pod } from '../../../model/objects'

// Upstream: plugin/pkg/admission/limitranger/admission.go and admission_test.go,
// pkg/apis/core/v1/defaults.go (SetDefaults_LimitRangeItem).

const limitRange = (...limits: Record<string, unknown>[]): KubeObject => ({
  apiVersion: 'v1',
  kind: 'LimitRange',
  metadata: { name: 'limits', namespace: 'default' },
  spec: { limits },
})
const pod = (requests?: Record<string, string>, limits?: Record<string, string>): Pod =>
  makePod({
    containers: [
      makeContainer({
        name: 'nginx',
        image: 'nginx',
        ...(requests ? { requests } : {}),
        ...(limits ? { limits } : {}),
      }),
    ],
  })

describe('SetDefaults_LimitRangeItem', () => {
  it.each([
    ['default comes from max', { type: 'Container', max: { cpu: '1' } }, { cpu: '1' }, { cpu: '1' }],
    [
      'defaultRequest comes from default',
      { type: 'Container', default: { cpu: '500m' } },
      { cpu: '500m' },
      { cpu: '500m' },
    ],
    [
      'defaultRequest falls back to min',
      { type: 'Container', min: { memory: '64Mi' } },
      {},
      { memory: '64Mi' },
    ],
  ])('%s', (_n, item, def, defReq) => {
    const d = defaultLimitRangeItem(item)
    expect([d.default, d.defaultRequest]).toEqual([def, defReq])
  })
})

describe('LimitRanger mutating: defaults and the annotation', () => {
  it('sets cpu and memory request and limit and says so', () => {
    const lr = limitRange({
      type: 'Container',
      default: { cpu: '500m', memory: '256Mi' },
      defaultRequest: { cpu: '250m', memory: '128Mi' },
    })
    const r = LimitRanger.admit!(admissionInputFor(pod(), [lr]))
    expect(r.kind).toBe('admit')
    if (r.kind !== 'admit') return
    expect(r.pod.metadata.annotations?.['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: cpu, memory request for container nginx; cpu, memory limit for container nginx',
    )
    expect(r.pod.spec.containers[0]!.resources).toEqual({
      limits: { cpu: '500m', memory: '256Mi' },
      requests: { cpu: '250m', memory: '128Mi' },
    })
  })

  it('init containers are named "init container"', () => {
    const lr = limitRange({ type: 'Container', default: { cpu: '1' } })
    const p: Pod = {
      ...pod({ cpu: '1' }, { cpu: '1' }),
      spec: {
        ...pod({ cpu: '1' }, { cpu: '1' }).spec,
        initContainers: [makeContainer({ name: 'setup', image: 'busybox' })],
      },
    }
    const r = LimitRanger.admit!(admissionInputFor(p, [lr]))
    expect(r.kind === 'admit' && r.pod.metadata.annotations?.['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: cpu request for init container setup; cpu limit for init container setup',
    )
  })
})

describe('LimitRanger validating: min, max and ratio', () => {
  const cases: { name: string; lr: KubeObject; pod: Pod; message: string | null }[] = [
    {
      name: 'a limit above max',
      lr: limitRange({ type: 'Container', max: { cpu: '1' } }),
      pod: pod({ cpu: '500m' }, { cpu: '2' }),
      message: 'pods "nginx" is forbidden: maximum cpu usage per Container is 1, but limit is 2',
    },
    {
      name: 'no limit under a max',
      lr: limitRange({ type: 'Container', max: { memory: '1Gi' } }),
      pod: pod({ memory: '100Mi' }),
      message: 'pods "nginx" is forbidden: maximum memory usage per Container is 1Gi.  No limit is specified',
    },
    {
      name: 'a request below min',
      lr: limitRange({ type: 'Container', min: { memory: '64Mi' } }),
      pod: pod({ memory: '32Mi' }),
      message: 'pods "nginx" is forbidden: minimum memory usage per Container is 64Mi, but request is 32Mi',
    },
    {
      name: 'a limit/request ratio above maxLimitRequestRatio',
      lr: limitRange({ type: 'Container', maxLimitRequestRatio: { cpu: '2' } }),
      pod: pod({ cpu: '100m' }, { cpu: '500m' }),
      message:
        'pods "nginx" is forbidden: cpu max limit to request ratio per Container is 2, but provided ratio is 5.000000',
    },
    {
      name: 'several violations are aggregated in brackets',
      lr: limitRange({ type: 'Container', min: { cpu: '200m' }, max: { cpu: '1' } }),
      pod: pod({ cpu: '100m' }, { cpu: '2' }),
      message:
        'pods "nginx" is forbidden: [minimum cpu usage per Container is 200m, but request is 100m, maximum cpu usage per Container is 1, but limit is 2]',
    },
    {
      name: 'a Pod-type max applies to the sum of the containers',
      lr: limitRange({ type: 'Pod', max: { cpu: '1' } }),
      pod: makePod({
        containers: [
          makeContainer({ name: 'a', image: 'x', requests: { cpu: '600m' }, limits: { cpu: '600m' } }),
          makeContainer({ name: 'b', image: 'x', requests: { cpu: '600m' }, limits: { cpu: '600m' } }),
        ],
      }),
      message: 'pods "nginx" is forbidden: maximum cpu usage per Pod is 1, but limit is 1200m',
    },
    {
      name: 'within the limits: admitted',
      lr: limitRange({ type: 'Container', min: { cpu: '100m' }, max: { cpu: '1' } }),
      pod: pod({ cpu: '100m' }, { cpu: '1' }),
      message: null,
    },
  ]
  it.each(cases)('$name', ({ lr, pod: p, message }) => {
    const r = LimitRanger.validate!(admissionInputFor(p, [lr]))
    expect(r.kind === 'deny' ? r.message : null).toBe(message)
  })
})
