import { describe, expect, it } from 'vitest'
import type { KubeletConfigurationFields, MachineSpec } from '../../model/cluster-kubelet'
import { makeNode } from '../../testing/builders'
import { createCPUManager } from './cpu-manager'

const node = makeNode('worker-1', { capacity: { cpu: '8', memory: '16Gi', pods: '110' } })
const ht: MachineSpec = { sockets: 1, coresPerSocket: 4, threadsPerCore: 2 }
const build = (config: KubeletConfigurationFields, machine: MachineSpec | null = ht) =>
  createCPUManager({ node: 'worker-1', config, ...(machine ? { machine } : {}) }, node)

// pkg/kubelet/cm/cpumanager/cpu_manager.go (NewManager), cmd/kubelet/app/server.go (getReservedCPUs),
// policy_none.go (NewNonePolicy), policy_options.go (NewStaticPolicyOptions): a kubelet that does not start.
describe('a KubeletConfiguration the kubelet will not start with', () => {
  it.each<[string, KubeletConfigurationFields, string]>([
    [
      'static without kubeReserved or systemReserved cpu',
      { cpuManagerPolicy: 'static' },
      '[cpumanager] unable to determine reserved CPU resources for static policy',
    ],
    [
      'static with a zero reservation',
      { cpuManagerPolicy: 'static', kubeReserved: { cpu: '0' } },
      '[cpumanager] the static policy requires systemreserved.cpu + kubereserved.cpu to be greater than zero',
    ],
    ['an unknown policy', { cpuManagerPolicy: 'Static' }, 'unknown policy: "Static"'],
    [
      'reservedSystemCPUs the machine does not have',
      { cpuManagerPolicy: 'static', reservedSystemCPUs: '0,8' },
      'reserved-cpus: 0,8 is not a subset of online-cpus: 0-7',
    ],
    [
      'reservedSystemCPUs that do not parse',
      { reservedSystemCPUs: '0-x' },
      'unable to parse reserved-cpus list: strconv.Atoi: parsing "x": invalid syntax',
    ],
    [
      'an unknown policy option',
      {
        cpuManagerPolicy: 'static',
        kubeReserved: { cpu: '1' },
        cpuManagerPolicyOptions: { 'full-cpus': 'true' },
      },
      'unknown CPU Manager Policy option: "full-cpus"',
    ],
    [
      'a bad boolean for full-pcpus-only',
      {
        cpuManagerPolicy: 'static',
        kubeReserved: { cpu: '1' },
        cpuManagerPolicyOptions: { 'full-pcpus-only': 'yes' },
      },
      'bad value for option "full-pcpus-only": strconv.ParseBool: parsing "yes": invalid syntax',
    ],
    [
      'options with the none policy',
      { cpuManagerPolicyOptions: { 'full-pcpus-only': 'true' } },
      'new none policy error: None policy: received unsupported options=map[full-pcpus-only:true]',
    ],
  ])('%s', (_name, config, error) => {
    expect(build(config)).toEqual({ ok: false, error })
  })
})

describe('the reserved CPUs', () => {
  it('kubeReserved + systemReserved are rounded up to whole CPUs and taken from the lowest core: 500m + 700m reserve {0,4}', () => {
    const r = build({
      cpuManagerPolicy: 'static',
      kubeReserved: { cpu: '500m' },
      systemReserved: { cpu: '700m' },
    })
    expect(r.ok && r.policy.reserved).toEqual([0, 4])
  })
  it('reservedSystemCPUs replaces them, whatever kubeReserved says', () => {
    const r = build({ cpuManagerPolicy: 'static', reservedSystemCPUs: '3', kubeReserved: { cpu: '4' } })
    expect(r.ok && r.policy.reserved).toEqual([3])
  })
  it('a node that says nothing of its machine has a flat list of capacity.cpu CPUs, one per core', () => {
    const r = build({ cpuManagerPolicy: 'static', kubeReserved: { cpu: '2' } }, null)
    expect(r.ok && [r.policy.topology.numCPUs, r.policy.topology.numCores, r.policy.reserved]).toEqual([
      8,
      8,
      [0, 1],
    ])
  })
  it('the none policy reserves nothing and leaves the shared pool empty (no cpuset for anyone)', () => {
    const r = build({})
    expect(r.ok && [r.policy.name, r.policy.reserved, r.policy.start().defaultCpuSet]).toEqual([
      'none',
      [],
      [],
    ])
  })
})
