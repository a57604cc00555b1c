/**
 * The node's CPU topology as the CPU manager sees it: each logical CPU with its core, socket and
 * NUMA node. Upstream discovers it from cAdvisor's MachineInfo; Podlife reads it from the Kubelet
 * object's `machine` (model/cluster-kubelet.ts), modelled simply but in upstream's terms:
 *
 * - counts: sockets × coresPerSocket × threadsPerCore, numbered the way Linux numbers most x86
 *   servers (and upstream's topoSingleSocketHT / topoDualSocketNoHT test topologies): the first
 *   thread of every core first, socket by socket, then the second threads in the same order. CPU
 *   `t × cores + c` is thread t of core c; core c is on socket ⌊c / coresPerSocket⌋. So 1 socket ×
 *   4 cores × 2 threads has cores {0,4} {1,5} {2,6} {3,7}.
 * - an explicit list of {cpu, core, socket}, for any other numbering (`lscpu -p=CPU,CORE,SOCKET`).
 * - nothing: a flat list, one socket, one thread per core, as many CPUs as status.capacity.cpu.
 *
 * Each socket is one NUMA node (no sub-NUMA clustering). CoreID is the lowest CPU id of the core,
 * as topology.Discover's getUniqueCoreID makes it.
 * Upstream: pkg/kubelet/cm/cpumanager/topology/topology.go (CPUTopology, CPUDetails, Discover)
 */
import type { MachineSpec } from '../../model/cluster-kubelet'
import { cpuSetOf, MAX_CPU_ID, type CPUSet } from './cpuset'

export interface CPUInfo {
  readonly core: number
  readonly socket: number
  readonly numa: number
}

export interface CPUTopology {
  readonly numCPUs: number
  readonly numCores: number
  readonly numSockets: number
  readonly numNUMANodes: number
  readonly details: ReadonlyMap<number, CPUInfo>
}

/** What is wrong with a `machine` (a located message's tail), or null. */
export function machineError(machine: MachineSpec | undefined): string | null {
  if (!machine) return null
  if (machine.cpus?.length) {
    const seen = new Set<number>()
    for (const [i, c] of machine.cpus.entries()) {
      for (const k of ['cpu', 'core', 'socket'] as const)
        if (!Number.isInteger(c[k]) || c[k] < 0 || c[k] > MAX_CPU_ID)
          return `machine.cpus[${i}].${k}: must be an integer from 0 to ${MAX_CPU_ID}`
      if (seen.has(c.cpu)) return `machine.cpus[${i}].cpu: CPU ${c.cpu} is listed twice`
      seen.add(c.cpu)
    }
    return null
  }
  let total = 1
  for (const k of ['sockets', 'coresPerSocket', 'threadsPerCore'] as const) {
    const v = machine[k] ?? 1
    if (!Number.isInteger(v) || v < 1) return `machine.${k}: must be a positive integer`
    total *= v
  }
  return total > MAX_CPU_ID + 1 ? `machine: ${total} CPUs; Podlife models at most ${MAX_CPU_ID + 1}` : null
}

export function topologyOf(machine: MachineSpec | undefined, capacityCPUs: number): CPUTopology {
  const details = new Map<number, CPUInfo>()
  if (machine?.cpus?.length) {
    const coreMin = new Map<string, number>()
    for (const c of machine.cpus) {
      const k = `${c.socket}/${c.core}`
      coreMin.set(k, Math.min(coreMin.get(k) ?? c.cpu, c.cpu))
    }
    for (const c of machine.cpus)
      details.set(c.cpu, { core: coreMin.get(`${c.socket}/${c.core}`)!, socket: c.socket, numa: c.socket })
  } else if (machine?.sockets || machine?.coresPerSocket || machine?.threadsPerCore) {
    const sockets = machine.sockets ?? 1
    const perSocket = machine.coresPerSocket ?? 1
    const threads = machine.threadsPerCore ?? 1
    const cores = sockets * perSocket
    for (let t = 0; t < threads; t++)
      for (let c = 0; c < cores; c++) {
        const socket = Math.floor(c / perSocket)
        details.set(t * cores + c, { core: c, socket, numa: socket })
      }
  } else {
    for (let c = 0; c < Math.min(capacityCPUs, MAX_CPU_ID + 1); c++)
      details.set(c, { core: c, socket: 0, numa: 0 })
  }
  return detailsToTopology(details)
}

/** A topology from its CPU details (tests build upstream's topologies this way). */
export function detailsToTopology(details: ReadonlyMap<number, CPUInfo>): CPUTopology {
  const v = [...details.values()]
  return {
    numCPUs: details.size,
    numCores: new Set(v.map((i) => i.core)).size,
    numSockets: new Set(v.map((i) => i.socket)).size,
    numNUMANodes: new Set(v.map((i) => i.numa)).size,
    details,
  }
}

export const allCPUs = (t: CPUTopology): CPUSet => cpuSetOf(...t.details.keys())

/** CPUsPerCore (1 without SMT); 0 for an empty topology. Integer division, as in Go. */
export const cpusPerCore = (t: CPUTopology): number => (t.numCores ? Math.trunc(t.numCPUs / t.numCores) : 0)

export const cpusPerSocket = (t: CPUTopology): number =>
  t.numSockets ? Math.trunc(t.numCPUs / t.numSockets) : 0

/** The CPUs of `set` whose details match (CPUDetails.CPUsInCores / CPUsInSockets / CPUsInNUMANodes). */
export function cpusWhere(t: CPUTopology, set: CPUSet, pick: (i: CPUInfo) => boolean): CPUSet {
  return set.filter((c) => {
    const i = t.details.get(c)
    return i !== undefined && pick(i)
  })
}
