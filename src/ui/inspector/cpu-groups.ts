/** The node's CPUs grouped for drawing: socket by socket, core by core, threads in id order. */
import type { CpuCell } from '../../engine/views'

export interface CoreGroup {
  readonly core: number
  readonly cells: readonly CpuCell[]
}

export interface SocketGroup {
  readonly socket: number
  readonly cores: readonly CoreGroup[]
}

export function cpuGroups(cells: readonly CpuCell[]): SocketGroup[] {
  const sockets = new Map<number, Map<number, CpuCell[]>>()
  for (const c of cells) {
    const cores = sockets.get(c.socket) ?? new Map<number, CpuCell[]>()
    sockets.set(c.socket, cores)
    cores.set(c.core, [...(cores.get(c.core) ?? []), c])
  }
  return [...sockets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([socket, cores]) => ({
      socket,
      cores: [...cores.entries()]
        .sort(([a], [b]) => a - b)
        .map(([core, cs]) => ({ core, cells: [...cs].sort((a, b) => a.cpu - b.cpu) })),
    }))
}

/** The tone class of a CPU: reserved, this pod's own, another pod's, or the shared pool. */
export function cpuTone(c: CpuCell): 'reserved' | 'mine' | 'other' | 'shared' {
  if (c.use === 'exclusive') return c.mine ? 'mine' : 'other'
  return c.use
}
