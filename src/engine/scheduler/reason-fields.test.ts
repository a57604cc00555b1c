import { describe, expect, it } from 'vitest'
import { manifestFieldsForReason } from './reason-fields'
import type { Pod } from '../model/objects'

const pod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: {
    nodeSelector: { disktype: 'ssd' },
    containers: [
      { name: 'a', image: 'nginx', resources: { requests: { memory: '1Gi' } } },
      {
        name: 'b',
        image: 'nginx',
        resources: { requests: { cpu: '2', memory: '2Gi' } },
        ports: [{ containerPort: 80, hostPort: 8080 }],
      },
    ],
  },
}

describe('which manifest field caused a scheduler reason', () => {
  it('Insufficient memory points at every memory request', () => {
    expect(manifestFieldsForReason('Insufficient memory', pod)).toEqual([
      'spec.containers.0.resources.requests.memory',
      'spec.containers.1.resources.requests.memory',
    ])
  })
  it("node(s) didn't match Pod's node affinity/selector points at the nodeSelector", () => {
    expect(manifestFieldsForReason("node(s) didn't match Pod's node affinity/selector", pod)).toEqual([
      'spec.nodeSelector',
    ])
  })
  it('a host port clash points at the hostPort', () => {
    expect(
      manifestFieldsForReason("node(s) didn't have free ports for the requested pod ports", pod),
    ).toEqual(['spec.containers.1.ports.0.hostPort'])
  })
  it('an untolerated taint points at the spec when there are no tolerations to fix', () => {
    expect(manifestFieldsForReason('node(s) had untolerated taint(s)', pod)).toEqual(['spec'])
  })
})
