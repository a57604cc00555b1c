import { describe, expect, it } from 'vitest'
import { Priority } from './priority'
import { NamespaceLifecycle } from './namespace-lifecycle'
import { admissionInputFor } from '../../../testing/admission'
import { makePod } from '../../../testing/builders'
import type { KubeObject, Pod } from '../../../model/objects'
import { namespace } from '../../../model/cluster'

// Upstream: plugin/pkg/admission/priority/admission.go and admission_test.go;
// staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go.

const pc = (name: string, value: number, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'scheduling.k8s.io/v1',
  kind: 'PriorityClass',
  metadata: { name },
  value,
  ...extra,
})
const withSpec = (spec: Record<string, unknown>): Pod => {
  const p = makePod()
  return { ...p, spec: { ...p.spec, ...spec } }
}

describe('Priority admission', () => {
  const cases: { name: string; pod: Pod; objects: KubeObject[]; expect: Record<string, unknown> | string }[] =
    [
      {
        name: 'no class and no global default: priority 0, PreemptLowerPriority',
        pod: makePod(),
        objects: [],
        expect: { priority: 0, preemptionPolicy: 'PreemptLowerPriority' },
      },
      {
        name: 'the system-cluster-critical class exists from bootstrap',
        pod: withSpec({ priorityClassName: 'system-cluster-critical' }),
        objects: [],
        expect: {
          priority: 2000000000,
          preemptionPolicy: 'PreemptLowerPriority',
          priorityClassName: 'system-cluster-critical',
        },
      },
      {
        name: 'the globalDefault class with the lowest value is used and named',
        pod: makePod(),
        objects: [
          pc('high', 1000, { globalDefault: true }),
          pc('low', 10, { globalDefault: true, preemptionPolicy: 'Never' }),
        ],
        expect: { priority: 10, preemptionPolicy: 'Never', priorityClassName: 'low' },
      },
      {
        name: 'an unknown class is forbidden',
        pod: withSpec({ priorityClassName: 'gold' }),
        objects: [],
        expect: 'pods "nginx" is forbidden: no PriorityClass with name gold was found',
      },
      {
        name: 'a priority in the spec that differs from the class',
        pod: withSpec({ priorityClassName: 'high', priority: 5 }),
        objects: [pc('high', 1000)],
        expect:
          'pods "nginx" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name',
      },
    ]
  it.each(cases)('$name', ({ pod, objects, expect: want }) => {
    const r = Priority.admit!(admissionInputFor(pod, objects))
    if (typeof want === 'string') expect(r.kind === 'deny' && r.message).toBe(want)
    else {
      expect(r.kind).toBe('admit')
      if (r.kind === 'admit') expect(r.pod.spec).toMatchObject(want)
    }
  })
})

describe('NamespaceLifecycle admission', () => {
  it('a namespace that does not exist: 404 namespaces "dev" not found', () => {
    const r = NamespaceLifecycle.admit!(admissionInputFor(makePod(), [], 'dev'))
    expect(r.kind === 'deny' && [r.code, r.message]).toEqual([404, 'namespaces "dev" not found'])
  })
  it('a Terminating namespace refuses new pods', () => {
    const ns = { ...namespace('old'), status: { phase: 'Terminating' } }
    const r = NamespaceLifecycle.admit!(admissionInputFor(makePod(), [ns], 'old'))
    expect(r.kind === 'deny' && [r.code, r.message]).toEqual([
      403,
      'pods "nginx" is forbidden: unable to create new content in namespace old because it is being terminated',
    ])
  })
})
