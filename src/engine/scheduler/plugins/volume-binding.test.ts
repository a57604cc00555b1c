/**
 * VolumeBinding with PersistentVolumes and StorageClasses, through the whole scheduler.
 * Upstream: pkg/scheduler/framework/plugins/volumebinding/volume_binding_test.go and binder_test.go
 * (bound PV node affinity, PVC bound to a non-existent PV, WaitForFirstConsumer with static PVs and with a
 * provisioner, GetEligibleNodes for local volumes), kubernetes/kubernetes#129887 (v1.33 node-affinity text).
 */
import { describe, expect, it } from 'vitest'
import { simulate } from '../../simulate'
import { toContractReport } from '../../report/contract'
import type { KubeObject } from '../../model/objects'
import { makeCluster, makeNode, makePod, manifestOf } from '../../testing/builders'

const pv = (
  name: string,
  o: { size?: string; cls?: string; hostname?: string; zone?: string; claim?: string },
) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name },
  spec: {
    capacity: { storage: o.size ?? '10Gi' },
    accessModes: ['ReadWriteOnce'],
    storageClassName: o.cls ?? 'local',
    ...(o.claim ? { claimRef: { name: o.claim, namespace: 'default' } } : {}),
    ...(o.hostname || o.zone
      ? {
          nodeAffinity: {
            required: {
              nodeSelectorTerms: [
                {
                  matchExpressions: [
                    o.hostname
                      ? { key: 'kubernetes.io/hostname', operator: 'In', values: [o.hostname] }
                      : { key: 'topology.kubernetes.io/zone', operator: 'In', values: [o.zone!] },
                  ],
                },
              ],
            },
          },
        }
      : {}),
  },
  status: { phase: o.claim ? 'Bound' : 'Available' },
})
const pvc = (name: string, o: { volume?: string; cls?: string; size?: string }) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default' },
  spec: {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: o.size ?? '5Gi' } },
    storageClassName: o.cls ?? 'local',
    ...(o.volume ? { volumeName: o.volume } : {}),
  },
  status: { phase: o.volume ? 'Bound' : 'Pending' },
})
const storageClass = (name: string, provisioner: string, mode = 'WaitForFirstConsumer') => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name },
  provisioner,
  volumeBindingMode: mode,
})

const podWithClaim = (() => {
  const p = makePod({ name: 'db' })
  return {
    ...p,
    spec: { ...p.spec, volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] },
  }
})()

function schedule(objects: object[], opts: { cordon?: string; zones?: boolean } = {}) {
  const node = (name: string, zone: string) =>
    makeNode(name, {
      ...(opts.zones ? { labels: { 'topology.kubernetes.io/zone': zone } } : {}),
      ...(opts.cordon === name ? { unschedulable: true } : {}),
    })
  const cluster = makeCluster({ nodes: [node('n1', 'a'), node('n2', 'b')], objects: objects as KubeObject[] })
  const r = toContractReport(
    simulate({ manifest: manifestOf(podWithClaim), cluster }, { seed: 1, until: 5_000 }),
    {
      command: 'kubectl apply -f pod.yaml',
    },
  )
  const first = r.scheduling[0]!
  const verdict = (n: string) => first.nodes.find((x) => x.name === n)!.filter
  return { r, first, verdict }
}

describe('VolumeBinding with volumes and classes', () => {
  it('a bound local volume pins the pod to its host; the other node is left out by PreFilter', () => {
    const { first, verdict } = schedule([
      storageClass('local', 'kubernetes.io/no-provisioner'),
      pv('pv1', { hostname: 'n1', claim: 'data' }),
      pvc('data', { volume: 'pv1' }),
    ])
    expect(first.selected).toBe('n1')
    expect(verdict('n2').reasons).toEqual(["node(s) didn't satisfy plugin(s) [VolumeBinding]"])
  })

  it("a bound volume in another zone: node(s) didn't match PersistentVolume's node affinity", () => {
    const { first, verdict } = schedule(
      [pv('pv1', { zone: 'a', claim: 'data' }), pvc('data', { volume: 'pv1' })],
      { zones: true, cordon: 'n1' },
    )
    expect(verdict('n2')).toMatchObject({
      plugin: 'VolumeBinding',
      reasons: ["node(s) didn't match PersistentVolume's node affinity"],
    })
    expect(first.message).toBe(
      "0/2 nodes are available: 1 node(s) didn't match PersistentVolume's node affinity, 1 node(s) were unschedulable. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    )
  })

  it('a claim bound to a volume that does not exist', () => {
    const { first } = schedule([pv('other', {}), pvc('data', { volume: 'gone' })])
    expect(first.message).toMatch(
      /^0\/2 nodes are available: 2 node\(s\) unavailable due to one or more pvc\(s\) bound to non-existent pv\(s\)\./,
    )
  })

  it('WaitForFirstConsumer with static volumes: only the node whose volume fits', () => {
    const { first, verdict } = schedule([
      storageClass('local', 'kubernetes.io/no-provisioner'),
      pv('small', { hostname: 'n1', size: '1Gi' }),
      pv('big', { hostname: 'n2', size: '20Gi' }),
      pvc('data', {}),
    ])
    expect(first.selected).toBe('n2')
    expect(verdict('n1').reasons).toEqual(["node(s) didn't find available persistent volumes to bind"])
  })

  it('WaitForFirstConsumer and no volume fits anywhere, with no provisioner', () => {
    const { first } = schedule([
      storageClass('local', 'kubernetes.io/no-provisioner'),
      pv('small', { hostname: 'n1', size: '1Gi' }),
      pvc('data', {}),
    ])
    expect(first.message).toMatch(
      /^0\/2 nodes are available: 2 node\(s\) didn't find available persistent volumes to bind\./,
    )
  })

  it('WaitForFirstConsumer with a provisioner: any node will do', () => {
    const { first } = schedule([storageClass('fast', 'ebs.csi.aws.com'), pvc('data', { cls: 'fast' })])
    expect(first.result).toBe('Scheduled')
  })

  it('an unbound claim of an Immediate class (or a class that does not exist) blocks scheduling', () => {
    for (const objects of [
      [storageClass('fast', 'ebs.csi.aws.com', 'Immediate'), pvc('data', { cls: 'fast' })],
      [pvc('data', { cls: 'nope' })],
    ]) {
      expect(schedule(objects).first.message).toMatch(
        /^0\/2 nodes are available: pod has unbound immediate PersistentVolumeClaims\./,
      )
    }
  })
})
