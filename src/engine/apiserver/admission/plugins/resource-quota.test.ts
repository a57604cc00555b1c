import { describe, expect, it } from 'vitest'
import { ResourceQuota } from './resource-quota'
import { admissionInputFor } from '../../../testing/admission'
import { makeContainer, makePod } from '../../../testing/builders'
import type { KubeObject, Pod } from '../../../model/objects'

// Upstream: staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go (CheckRequest,
// prettyPrint), pkg/quota/v1/evaluator/core/pods.go (Constraints: "must specify <r> for: <containers>",
// added by kubernetes/kubernetes#107210 in 1.24), plugin/pkg/admission/resourcequota/admission_test.go.

const quota = (
  hard: Record<string, string>,
  used?: Record<string, string>,
  extra: Record<string, unknown> = {},
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name: 'compute-quota', namespace: 'default' },
  spec: { hard, ...extra },
  ...(used ? { status: { hard, used } } : {}),
})
const running = (
  name: string,
  requests: Record<string, string>,
  limits?: Record<string, string>,
): KubeObject =>
  ({
    ...makePod({
      name,
      containers: [makeContainer({ name: 'app', image: 'nginx', requests, ...(limits ? { limits } : {}) })],
    }),
    metadata: { name, namespace: 'default' },
    status: { phase: 'Running' },
  }) as unknown as KubeObject
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

describe('ResourceQuota admission', () => {
  const cases: { name: string; pod: Pod; objects: KubeObject[]; message: string | null }[] = [
    { name: 'no quota in the namespace: admitted', pod: pod(), objects: [], message: null },
    {
      name: 'a request above what is left is refused with exceeded quota',
      pod: pod({ cpu: '2' }, { cpu: '2' }),
      objects: [quota({ 'requests.cpu': '2' }, { 'requests.cpu': '1' })],
      message:
        'pods "nginx" is forbidden: exceeded quota: compute-quota, requested: requests.cpu=2, used: requests.cpu=1, limited: requests.cpu=2',
    },
    {
      name: 'usage is computed from existing pods when the quota has no status',
      pod: pod({ cpu: '500m', memory: '1Gi' }),
      objects: [
        quota({ 'requests.cpu': '1', 'requests.memory': '2Gi' }),
        running('web-1', { cpu: '700m', memory: '1Gi' }),
      ],
      message:
        'pods "nginx" is forbidden: exceeded quota: compute-quota, requested: requests.cpu=500m, used: requests.cpu=700m, limited: requests.cpu=1',
    },
    {
      name: 'a pods count quota that is full',
      pod: pod({ cpu: '100m' }),
      objects: [quota({ pods: '1' }), running('web-1', { cpu: '100m' })],
      message:
        'pods "nginx" is forbidden: exceeded quota: compute-quota, requested: pods=1, used: pods=1, limited: pods=1',
    },
    {
      name: 'a quota on limits.cpu needs every container to set a cpu limit',
      pod: pod({ cpu: '100m' }),
      objects: [quota({ 'limits.cpu': '2', 'requests.cpu': '1' })],
      message: 'pods "nginx" is forbidden: failed quota: compute-quota: must specify limits.cpu for: nginx',
    },
    {
      name: 'missing cpu and memory are listed sorted, each with its containers',
      pod: makePod({
        containers: [makeContainer({ name: 'b', image: 'x' }), makeContainer({ name: 'a', image: 'x' })],
      }),
      objects: [quota({ 'limits.memory': '1Gi', 'requests.cpu': '1' })],
      message:
        'pods "nginx" is forbidden: failed quota: compute-quota: must specify limits.memory for: a,b; requests.cpu for: a,b',
    },
    {
      name: 'a quota whose status lacks a tracked resource: status unknown',
      pod: pod({ cpu: '100m' }),
      objects: [quota({ 'requests.cpu': '1', pods: '5' }, { pods: '0' })],
      message:
        'pods "nginx" is forbidden: status unknown for quota: compute-quota, resources: pods,requests.cpu',
    },
    {
      name: 'a BestEffort-scoped quota does not charge a Burstable pod',
      pod: pod({ cpu: '100m' }),
      objects: [quota({ pods: '0' }, undefined, { scopes: ['BestEffort'] })],
      message: null,
    },
    {
      name: 'within quota: admitted',
      pod: pod({ cpu: '250m', memory: '64Mi' }, { cpu: '500m', memory: '128Mi' }),
      objects: [
        quota({ 'requests.cpu': '1', 'limits.cpu': '2', 'requests.memory': '1Gi', 'limits.memory': '2Gi' }),
      ],
      message: null,
    },
    {
      name: 'finished pods do not count against cpu',
      pod: pod({ cpu: '1' }),
      objects: [
        quota({ 'requests.cpu': '1' }),
        { ...running('done', { cpu: '1' }), status: { phase: 'Succeeded' } } as KubeObject,
      ],
      message: null,
    },
  ]
  it.each(cases)('$name', ({ pod: p, objects, message }) => {
    const r = ResourceQuota.validate!(admissionInputFor(p, objects))
    expect(r.kind === 'deny' ? r.message : null).toBe(message)
  })
})
