/**
 * takeByTopology with the default (packed) strategy: which `numCPUs` CPUs of `available` a container
 * gets. Topology-aware best fit: whole NUMA nodes and sockets first (when the request is at least
 * that big), then whole physical cores, then single threads, always from the NUMA node, socket and
 * core with the fewest free CPUs first (ties by lowest id), so allocations pack together and leave
 * whole cores free for the next request.
 *
 * Not modelled: the policy options that change this (distribute-cpus-across-numa,
 * distribute-cpus-across-cores, align-by-socket, prefer-align-cpus-by-uncorecache) and
 * topology-manager NUMA hints (the default topologyManagerPolicy `none` gives none).
 * Upstream: pkg/kubelet/cm/cpumanager/cpu_assignment.go (cpuAccumulator, numaFirst, socketsFirst,
 * takeByTopologyNUMAPacked)
 */
import type { CPUSet } from './cpuset'
import type { CPUInfo, CPUTopology } from './topology'
import { cpusPerCore, cpusPerSocket } from './topology'

export type TakeResult =
  { readonly ok: true; readonly cpus: CPUSet } | { readonly ok: false; readonly error: string }

/** The error takeByTopologyNUMAPacked returns when too few CPUs are free. */
export const notEnoughCPUsMessage = (requested: number, available: number): string =>
  `not enough cpus available to satisfy request: requested=${requested}, available=${available}`

type Level = 'numa' | 'socket' | 'core'

/** The accumulator: what is still free, what has been taken, how many are still needed. */
class Accumulator {
  readonly free: Set<number>
  readonly result: number[] = []
  needed: number
  constructor(
    readonly topo: CPUTopology,
    available: CPUSet,
    numCPUs: number,
  ) {
    this.free = new Set(available.filter((c) => topo.details.has(c)))
    this.needed = numCPUs
  }
  private info(c: number): CPUInfo {
    return this.topo.details.get(c)!
  }
  /** All CPUs of the topology in that element. */
  totalIn(level: Level, id: number): number {
    let n = 0
    for (const i of this.topo.details.values()) if (i[level] === id) n++
    return n
  }
  /** The ids of a level with a free CPU, among those whose CPUs pass `within`. */
  idsOf(level: Level, within: (i: CPUInfo) => boolean = () => true): number[] {
    const ids = new Set<number>()
    for (const c of this.free) if (within(this.info(c))) ids.add(this.info(c)[level])
    return [...ids]
  }
  /** Free CPUs per element of a level, in one pass (a 4,096-CPU machine stays fast). */
  freeCounts(level: Level): Map<number, number> {
    const n = new Map<number, number>()
    for (const c of this.free) {
      const id = this.info(c)[level]
      n.set(id, (n.get(id) ?? 0) + 1)
    }
    return n
  }
  /** accumulator.sort: ascending by free CPUs, ties by id. */
  sorted(level: Level, ids: number[]): number[] {
    const count = this.freeCounts(level)
    return ids.sort((a, b) => count.get(a)! - count.get(b)! || a - b)
  }
  numaFirst(): boolean {
    return this.topo.numSockets >= this.topo.numNUMANodes
  }
  sortNUMANodes(): number[] {
    if (this.numaFirst()) return this.sorted('numa', this.idsOf('numa'))
    return this.sortSockets().flatMap((s) =>
      this.sorted(
        'numa',
        this.idsOf('numa', (i) => i.socket === s),
      ),
    )
  }
  sortSockets(): number[] {
    if (!this.numaFirst()) return this.sorted('socket', this.idsOf('socket'))
    return this.sortNUMANodes().flatMap((n) =>
      this.sorted(
        'socket',
        this.idsOf('socket', (i) => i.numa === n),
      ),
    )
  }
  sortCores(): number[] {
    if (this.numaFirst())
      return this.sortSockets().flatMap((s) =>
        this.sorted(
          'core',
          this.idsOf('core', (i) => i.socket === s),
        ),
      )
    return this.sortNUMANodes().flatMap((n) =>
      this.sorted(
        'core',
        this.idsOf('core', (i) => i.numa === n),
      ),
    )
  }
  sortCPUs(): number[] {
    const byCore = new Map<number, number[]>()
    for (const c of this.free) byCore.set(this.info(c).core, [...(byCore.get(this.info(c).core) ?? []), c])
    return this.sortCores().flatMap((core) => (byCore.get(core) ?? []).sort((a, b) => a - b))
  }
  take(cpus: readonly number[]): void {
    for (const c of cpus) {
      this.free.delete(c)
      this.result.push(c)
    }
    this.needed -= cpus.length
  }
  /** takeFullNUMANodes / takeFullSockets / takeFullCores: every wholly free element the request still covers. */
  takeFull(level: Level): void {
    const order =
      level === 'numa' ? this.sortNUMANodes() : level === 'socket' ? this.sortSockets() : this.sortCores()
    const whole = (id: number) =>
      level === 'numa'
        ? this.totalIn('numa', id)
        : level === 'socket'
          ? cpusPerSocket(this.topo)
          : cpusPerCore(this.topo)
    // The list of free elements is made once, before any is taken (Go ranges over a slice built up front).
    const counts = this.freeCounts(level)
    const free = order.filter((id) => counts.get(id) === whole(id))
    const members = new Map<number, number[]>()
    for (const [c, i] of this.topo.details) members.set(i[level], [...(members.get(i[level]) ?? []), c])
    for (const id of free) {
      const all = members.get(id) ?? []
      if (this.needed >= all.length) this.take(all)
    }
  }
  satisfied(): boolean {
    return this.needed < 1
  }
  done(): TakeResult {
    return { ok: true, cpus: [...this.result].sort((a, b) => a - b) }
  }
}

export function takeByTopology(topo: CPUTopology, available: CPUSet, numCPUs: number): TakeResult {
  const acc = new Accumulator(topo, available, numCPUs)
  if (acc.satisfied()) return acc.done()
  if (acc.needed > acc.free.size) return { ok: false, error: notEnoughCPUsMessage(numCPUs, available.length) }
  // 1. Whole NUMA nodes and sockets: NUMA nodes first when each holds one or more sockets.
  acc.takeFull(acc.numaFirst() ? 'numa' : 'socket')
  if (acc.satisfied()) return acc.done()
  acc.takeFull(acc.numaFirst() ? 'socket' : 'numa')
  if (acc.satisfied()) return acc.done()
  // 2. Whole physical cores.
  acc.takeFull('core')
  if (acc.satisfied()) return acc.done()
  // 3. Single threads, filling partly used cores first.
  for (const c of acc.sortCPUs()) {
    acc.take([c])
    if (acc.satisfied()) return acc.done()
  }
  return { ok: false, error: 'failed to allocate cpus' }
}
