import { describe, expect, it } from 'vitest'
import { takeByTopology } from './cpu-assignment'
import { cpuSetOf } from './cpuset'
import { topoDualSocketHT, topoSingleSocketHT } from './test-topologies'

// pkg/kubelet/cm/cpumanager/cpu_assignment_test.go (TestTakeByTopologyNUMAPacked)
describe('takeByTopology packs CPUs onto the fullest sockets and cores', () => {
  it.each([
    ['take zero cpus from single socket with HT', topoSingleSocketHT, [0, 1, 2, 3, 4, 5, 6, 7], 0, []],
    ['take one cpu from single socket with HT', topoSingleSocketHT, [0, 1, 2, 3, 4, 5, 6, 7], 1, [0]],
    [
      'take one cpu from single socket with HT, some cpus are taken',
      topoSingleSocketHT,
      [1, 3, 5, 6, 7],
      1,
      [6],
    ],
    ['take two cpus from single socket with HT', topoSingleSocketHT, [0, 1, 2, 3, 4, 5, 6, 7], 2, [0, 4]],
    [
      'take all cpus from single socket with HT',
      topoSingleSocketHT,
      [0, 1, 2, 3, 4, 5, 6, 7],
      8,
      [0, 1, 2, 3, 4, 5, 6, 7],
    ],
    [
      'take two cpus from single socket with HT, only one core totally free',
      topoSingleSocketHT,
      [0, 1, 2, 3, 6],
      2,
      [2, 6],
    ],
    [
      'take one cpu from dual socket with HT - core from Socket 0',
      topoDualSocketHT,
      [1, 2, 3, 4, 5, 7, 8, 9, 10, 11],
      1,
      [2],
    ],
    [
      'take a socket of cpus from dual socket with HT',
      topoDualSocketHT,
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
      6,
      [0, 2, 4, 6, 8, 10],
    ],
  ])('%s', (_name, topo, available, n, expected) => {
    expect(takeByTopology(topo, cpuSetOf(...available), n)).toEqual({ ok: true, cpus: expected })
  })
  it('take more cpus than are available from single socket with HT', () => {
    expect(takeByTopology(topoSingleSocketHT, [0, 2, 4, 6], 5)).toEqual({
      ok: false,
      error: 'not enough cpus available to satisfy request: requested=5, available=4',
    })
  })
})
