/**
 * Upstream's test topologies, for the table tests of this folder.
 * Upstream: pkg/kubelet/cm/cpumanager/policy_test.go (topoSingleSocketHT, topoDualSocketHT,
 * topoDualSocketNoHT)
 */
import { detailsToTopology, type CPUInfo, type CPUTopology } from './topology'

const of = (rows: readonly (readonly [number, number, number])[]): CPUTopology =>
  detailsToTopology(
    new Map<number, CPUInfo>(rows.map(([cpu, core, socket]) => [cpu, { core, socket, numa: socket }])),
  )

/** 8 CPUs, 1 socket, 4 cores: CPU i and i+4 are siblings. */
export const topoSingleSocketHT = of([0, 1, 2, 3, 4, 5, 6, 7].map((c) => [c, c % 4, 0] as const))

/** 12 CPUs, 2 sockets, 6 cores: even cores on socket 0, odd on socket 1; CPU i and i+6 are siblings. */
export const topoDualSocketHT = of(
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((c) => [c, c % 6, (c % 6) % 2] as const),
)

/** 8 CPUs, 2 sockets, no SMT: 0-3 on socket 0, 4-7 on socket 1. */
export const topoDualSocketNoHT = of([0, 1, 2, 3, 4, 5, 6, 7].map((c) => [c, c, c < 4 ? 0 : 1] as const))
