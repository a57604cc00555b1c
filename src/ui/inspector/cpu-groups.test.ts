import { describe, expect, it } from 'vitest'
import { cpuGroups, cpuTone } from './cpu-groups'
import type { CpuCell } from '../../engine/views'

const cell = (
  cpu: number,
  core: number,
  socket: number,
  use: CpuCell['use'] = 'shared',
  mine?: boolean,
): CpuCell => ({
  cpu,
  core,
  socket,
  use,
  ...(mine === undefined ? {} : { mine }),
})

describe('CPU drawing groups', () => {
  it('puts hyper-thread siblings in one core box, cores in socket order', () => {
    const g = cpuGroups([cell(0, 0, 0), cell(1, 1, 1), cell(2, 0, 0), cell(3, 1, 1)])
    expect(g.map((s) => [s.socket, s.cores.map((c) => c.cells.map((x) => x.cpu))])).toEqual([
      [0, [[0, 2]]],
      [1, [[1, 3]]],
    ])
  })
  it("tells the pod's own CPUs from another pod's", () => {
    expect([
      cpuTone(cell(0, 0, 0, 'reserved')),
      cpuTone(cell(1, 1, 0, 'exclusive', true)),
      cpuTone(cell(2, 2, 0, 'exclusive', false)),
      cpuTone(cell(3, 3, 0)),
    ]).toEqual(['reserved', 'mine', 'other', 'shared'])
  })
})
