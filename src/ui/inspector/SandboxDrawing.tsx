/**
 * The pod sandbox in the node drawing: the pause container, the namespaces its containers share (PID
 * only with shareProcessNamespace; the caption says so when it is not), the containers.
 */
import type { NodeView } from '../../engine/views'
import { Part } from './DiagramShapes'
import { restartsText, type DiagramLayout, type DiagramTones } from './node-diagram'

const NS_LABEL = { network: 'network', ipc: 'IPC', uts: 'UTS', pid: 'PID' } as const

export function SandboxDrawing({ view, L, tone }: { view: NodeView; L: DiagramLayout; tone: DiagramTones }) {
  const sb = view.sandbox
  const shared = sb?.namespaces.filter((n) => n.shared) ?? []
  return (
    <g>
      <Part box={L.pod} tone={tone.sandbox} dashed={!sb} />
      <text className="nd-strong" x={L.pod.x + 14} y={L.pod.y + 24}>
        pod {view.pod}
      </text>
      <text
        className={`nd-state tone-${tone.sandbox}`}
        x={L.pod.x + L.pod.w - 14}
        y={L.pod.y + 24}
        textAnchor="end"
      >
        {sb ? (sb.ready ? 'sandbox ready' : 'sandbox not ready') : 'no sandbox yet'}
      </text>
      <text className="nd-muted nd-mono" x={L.pod.x + 14} y={L.pod.y + 46}>
        {sb ? `pause · ${sb.pauseImage}` : 'the pause container is not running'}
      </text>
      {sb && (
        <text className="nd-text" x={L.pod.x + 14} y={L.namespacesY + 10}>
          shared:{' '}
          {shared.map((n) => (
            <tspan key={n.name} className="nd-ns">
              {NS_LABEL[n.name]}{' '}
            </tspan>
          ))}
        </text>
      )}
      {view.containers.map((c, i) => {
        const box = L.containers[i]!
        return (
          <g key={c.name}>
            <Part box={box} tone={tone.containers[i]!} />
            <text className="nd-mono nd-strong" x={box.x + 10} y={box.y + 19}>
              {c.name}
              {c.kind !== 'regular' && <tspan className="nd-muted"> {c.kind}</tspan>}
            </text>
            <text className="nd-muted" x={box.x + box.w - 10} y={box.y + 19} textAnchor="end">
              ↻ {restartsText(c)}
            </text>
            <text className="nd-text" x={box.x + 10} y={box.y + 39}>
              {c.summary}
            </text>
          </g>
        )
      })}
    </g>
  )
}
