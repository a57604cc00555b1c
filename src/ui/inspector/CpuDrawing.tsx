/** The node's CPUs under its CPU manager: reserved, exclusive to a container, or in the shared pool. */
import type { NodeCpuView } from '../../engine/views'
import { cpuGroups, cpuTone } from './cpu-groups'

const LEGEND = [
  ['mine', "this pod's own"],
  ['other', "another pod's"],
  ['reserved', 'reserved'],
  ['shared', 'shared pool'],
] as const

export function CpuDrawing({ view, describedBy }: { view: NodeCpuView; describedBy: string }) {
  const groups = cpuGroups(view.cells)
  return (
    <div
      className="cpu-drawing"
      role="img"
      aria-label={`CPUs, ${view.policy} policy`}
      aria-describedby={describedBy}
    >
      <div className="cpu-title">
        CPU manager: <strong>{view.policy}</strong>
      </div>
      <div className="cpu-sockets">
        {groups.map((s) => (
          <div className="cpu-socket" key={s.socket}>
            {groups.length > 1 && <div className="cpu-socket-name">socket {s.socket}</div>}
            <div className="cpu-cores">
              {s.cores.map((core) => (
                <div className="cpu-core" key={core.core}>
                  {core.cells.map((c) => (
                    <span
                      key={c.cpu}
                      className={`cpu-cell tone-${cpuTone(c)}`}
                      title={
                        c.container
                          ? `CPU ${c.cpu}: ${c.container} (${c.pod ?? ''})`
                          : `CPU ${c.cpu}: ${c.use}`
                      }
                    >
                      {c.cpu}
                    </span>
                  ))}
                </div>
              ))}
            </div>
          </div>
        ))}
      </div>
      {view.policy === 'static' && (
        <ul className="cpu-legend">
          {LEGEND.map(([tone, label]) => (
            <li key={tone}>
              <span className={`cpu-cell tone-${tone}`} aria-hidden="true" /> {label}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
