import { describe, expect, it } from 'vitest'
import { VolumeRestrictions } from './volume-restrictions'
import { VolumeBinding, ERR_REASON_UNBOUND_IMMEDIATE } from './volume-binding'
import { NodeVolumeLimits } from './node-volume-limits'
import { VolumeZone } from './volume-zone'
import { DynamicResources } from './dynamic-resources'
import { SchedulingGates } from './scheduling-gates'
import type { JsonObject, Pod } from '../../model/objects'
import { makeNode, makeNodeInfos, makePod, pluginContextOf } from '../../testing/builders'
import type { PluginContext } from '../framework/types'

// Upstream: pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions_test.go,
// volumebinding/volume_binding_test.go (TestVolumeBinding: "pod has not bound PVCs", "PVC does not exist"),
// nodevolumelimits/csi_test.go, volumezone/volume_zone_test.go, dynamicresources/dynamicresources_test.go,
// schedulinggates/scheduling_gates_test.go.

const withVolumes = (volumes: JsonObject[]): Pod => {
  const p = makePod({ name: 'p' })
  return { ...p, metadata: { ...p.metadata, namespace: 'default' }, spec: { ...p.spec, volumes } }
}
const infos = makeNodeInfos([makeNode('node1')])
const ctxWith = (claims: Record<string, string>): PluginContext => ({
  ...pluginContextOf(infos),
  persistentVolumeClaims: new Map(Object.entries(claims)),
})
const pvc = (claimName: string): JsonObject => ({ name: claimName, persistentVolumeClaim: { claimName } })
const projected: JsonObject = { name: 'kube-api-access-abcde', projected: { sources: [] } }

describe('the volume plugins in PreFilter', () => {
  const cases: {
    name: string
    pod: Pod
    claims: Record<string, string>
    want: Record<string, [string, string[]]>
  }[] = [
    {
      name: 'a pod with only a service-account token volume skips every volume plugin',
      pod: withVolumes([projected]),
      claims: {},
      want: {
        VolumeRestrictions: ['Skip', []],
        NodeVolumeLimits: ['Skip', []],
        VolumeBinding: ['Skip', []],
        VolumeZone: ['Skip', []],
        DynamicResources: ['Skip', []],
      },
    },
    {
      name: 'PVC does not exist',
      pod: withVolumes([pvc('data')]),
      claims: {},
      want: {
        VolumeRestrictions: ['UnschedulableAndUnresolvable', ['persistentvolumeclaim "data" not found']],
        VolumeBinding: ['UnschedulableAndUnresolvable', ['persistentvolumeclaim "data" not found']],
      },
    },
    {
      name: 'pod has not bound PVCs',
      pod: withVolumes([pvc('data')]),
      claims: { 'default/data': 'Pending' },
      want: {
        VolumeRestrictions: ['Skip', []],
        NodeVolumeLimits: ['Success', []],
        VolumeBinding: ['UnschedulableAndUnresolvable', [ERR_REASON_UNBOUND_IMMEDIATE]],
        VolumeZone: ['Success', []],
      },
    },
    {
      name: 'a bound PVC passes',
      pod: withVolumes([pvc('data')]),
      claims: { 'default/data': 'Bound' },
      want: { VolumeBinding: ['Success', []] },
    },
  ]
  const plugins = { VolumeRestrictions, NodeVolumeLimits, VolumeBinding, VolumeZone, DynamicResources }
  for (const c of cases) {
    it(c.name, () => {
      for (const [plugin, [code, reasons]] of Object.entries(c.want)) {
        const s = plugins[plugin as keyof typeof plugins].preFilter!(c.pod, infos, ctxWith(c.claims)).status
        expect([plugin, s.code, s.reasons]).toEqual([plugin, code, reasons])
      }
    })
  }

  it('VolumeRestrictions: two pods may not mount the same GCE PD read-write', () => {
    const disk: JsonObject = { name: 'd', gcePersistentDisk: { pdName: 'disk-1' } }
    const existing = {
      ...withVolumes([disk]),
      metadata: { name: 'e', namespace: 'default' },
      spec: { ...withVolumes([disk]).spec, nodeName: 'node1' },
    }
    const nodes = makeNodeInfos([makeNode('node1')], [existing])
    const pod = withVolumes([disk])
    const pre = VolumeRestrictions.preFilter!(pod, nodes, pluginContextOf(nodes))
    expect(VolumeRestrictions.filter(pod, nodes[0]!, pre.state)).toEqual({
      code: 'Unschedulable',
      reasons: ['node(s) had no available disk'],
    })
  })
})

describe('SchedulingGates (PreEnqueue)', () => {
  it('a pod with gates waits; the message lists them as Go prints a []string', () => {
    const p = makePod()
    const pod = { ...p, spec: { ...p.spec, schedulingGates: [{ name: 'foo' }, { name: 'bar' }] } }
    expect(SchedulingGates.preEnqueue(pod)).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ['waiting for scheduling gates: [foo bar]'],
    })
    expect(SchedulingGates.preEnqueue(makePod()).code).toBe('Success')
  })
})
