import { describe, expect, it } from 'vitest'
import type { Container, Pod } from '../model/objects'
import { makePod } from '../testing/builders'
import { extractContainerResourceValue, resolveFieldRef } from './describe-env'
import { describePodAt } from './describe-pod'

// Whole texts captured from kubectl v1.32.4 (Debian) describing these objects served by a loopback mock
// apiserver; the printers involved are the same in kubectl v0.34.1 (git diff v0.32.4 v0.34.1 -- pkg/describe:
// only the projected Optional lines and the named ports changed). Bytes kubectl cut inside a UTF-8 character
// are shown as U+FFFD. Upstream: kubernetes/kubectl pkg/describe/describe.go.

const T0 = Date.UTC(2025, 8, 1, 9, 0, 0)

const ENV_POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'env', namespace: 'default', labels: { app: 'x' }, annotations: { a: 'b' } },
  spec: {
    nodeName: 'n1',
    serviceAccountName: 'sa',
    containers: [
      {
        name: 'c',
        image: 'nginx',
        env: [
          { name: 'MY_NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
          { name: 'MY_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
          { name: 'MY_NS', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } },
          {
            name: 'MY_LABEL',
            valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['app']" } },
          },
          { name: 'MY_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
          { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '0' } } },
          { name: 'CPU_REQ', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1m' } } },
          { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
          {
            name: 'GPU',
            valueFrom: { resourceFieldRef: { resource: 'limits.nvidia.com/gpu', divisor: '0' } },
          },
        ],
        resources: { requests: { cpu: '250m' }, limits: { memory: '129M' } },
      },
      {
        name: 'd',
        image: 'busybox',
        env: [
          { name: 'ML', value: 'a\nb' },
          { name: 'NS', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } },
          {
            name: 'EPH',
            valueFrom: {
              resourceFieldRef: { containerName: 'c', resource: 'requests.ephemeral-storage', divisor: '0' },
            },
          },
          {
            name: 'HP',
            valueFrom: { resourceFieldRef: { resource: 'limits.hugepages-2Mi', divisor: '1Mi' } },
          },
          { name: 'MEML', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '0' } } },
          {
            name: 'ANN',
            valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['a']" } },
          },
          { name: 'UID', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.uid' } } },
          { name: 'SA', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.serviceAccountName' } } },
          { name: 'HIP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.hostIP' } } },
        ],
        resources: {
          limits: { 'hugepages-2Mi': '4Mi', memory: '64Mi' },
          requests: { 'ephemeral-storage': '1Gi', memory: '64Mi' },
        },
      },
    ],
  },
  status: { podIP: '10.0.0.5', hostIP: '192.168.0.1' },
} as unknown as Pod

const ENV_WANT = `Name:             env
Namespace:        default
Service Account:  sa
Node:             n1/192.168.0.1
Labels:           app=x
Annotations:      a: b
Status:           
IP:               10.0.0.5
IPs:              <none>
Containers:
  c:
    Image:      nginx
    Port:       <none>
    Host Port:  <none>
    Limits:
      memory:  129M
    Requests:
      cpu:  250m
    Environment:
      MY_NODE:    (v1:spec.nodeName)
      MY_NAME:   env (v1:metadata.name)
      MY_NS:     default (v1:metadata.namespace)
      MY_LABEL:   (v1:metadata.labels['app'])
      MY_IP:      (v1:status.podIP)
      CPU:       node allocatable (limits.cpu)
      CPU_REQ:   250 (requests.cpu)
      MEM:       124 (limits.memory)
      GPU:        (limits.nvidia.com/gpu)
    Mounts:      <none>
  d:
    Image:      busybox
    Port:       <none>
    Host Port:  <none>
    Limits:
      hugepages-2Mi:  4Mi
      memory:         64Mi
    Requests:
      ephemeral-storage:  1Gi
      memory:             64Mi
    Environment:
      ML:        a
                 b
      NS:        default (v1:metadata.namespace)
      EPH:       1073741824 (requests.ephemeral-storage)
      HP:        4 (limits.hugepages-2Mi)
      MEML:      67108864 (limits.memory)
      ANN:        (v1:metadata.annotations['a'])
      UID:        (v1:metadata.uid)
      SA:         (v1:spec.serviceAccountName)
      HIP:        (v1:status.hostIP)
    Mounts:      <none>
Volumes:         <none>
QoS Class:       Burstable
Node-Selectors:  <none>
Tolerations:     <none>
Events:          <none>
`

describe('kubectl describe: downward-API env vars (describeContainerEnvVars, EnvValueRetriever)', () => {
  it('resolves only metadata.name and metadata.namespace; resource values divided and rounded up', () => {
    expect(describePodAt(ENV_POD, [], T0)).toBe(ENV_WANT)
  })

  // kubectl's scheme has no Pod field-label conversion, so DefaultMetaV1FieldSelectorConversion decides.
  it.each([
    ['v1', 'metadata.name', 'web'],
    ['v1', 'metadata.namespace', 'team-a'],
    ['', 'metadata.name', 'web'],
    ['v1', 'spec.nodeName', ''],
    ['v1', 'status.podIP', ''],
    ['v1', "metadata.labels['app']", ''],
    ['a/b/c', 'metadata.name', ''],
  ])('apiVersion %j, fieldPath %s resolves to %j', (apiVersion, fieldPath, want) => {
    const pod = makePod({ name: 'web', namespace: 'team-a', nodeName: 'n1' })
    expect(resolveFieldRef(pod, apiVersion, fieldPath)).toBe(want)
  })

  // resourcehelper.ExtractContainerResourceValue and its convertResource*ToString helpers.
  const container: Container = {
    name: 'c',
    resources: {
      requests: { cpu: '250m', memory: '100Mi', 'ephemeral-storage': '1Gi' },
      limits: { cpu: '1500m', memory: '129M', 'hugepages-2Mi': '4Mi' },
    },
  }
  it.each<[string, unknown, string]>([
    ['limits.cpu', '0', '2'],
    ['limits.cpu', '1m', '1500'],
    ['limits.cpu', '0m', '2'],
    ['requests.cpu', '1', '1'],
    ['requests.cpu', '100m', '3'],
    ['requests.memory', '0', '104857600'],
    ['limits.memory', '1Mi', '124'],
    ['limits.memory', '1Gi', '1'],
    ['requests.ephemeral-storage', '1Mi', '1024'],
    ['limits.hugepages-2Mi', '1Mi', '4'],
    ['requests.hugepages-1Gi', '0', '0'],
    ['limits.ephemeral-storage', '0', '0'],
    ['limits.nvidia.com/gpu', '0', ''],
    ['cpu', '0', ''],
  ])('%s with divisor %j is %j', (resource, divisor, want) => {
    expect(extractContainerResourceValue(container, resource, divisor)).toBe(want)
  })
})
