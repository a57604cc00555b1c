/** The node the pod runs on, drawn: the pod sandbox and its containers above, the network plumbing below. */
import type { NodeView } from '../../engine/views'
import { DIAGRAM_WIDTH, diagramTones, layoutNodeDiagram } from './node-diagram'
import { NetworkDrawing } from './NetworkDrawing'
import { SandboxDrawing } from './SandboxDrawing'

interface Props {
  readonly view: NodeView
  readonly labelledBy: string
  readonly describedBy: string
}

export function NodeDiagram({ view, labelledBy, describedBy }: Props) {
  const L = layoutNodeDiagram(view.containers.length, view.neighbours.length > 0)
  const tone = diagramTones(view)
  return (
    <svg
      className="node-diagram"
      viewBox={`0 0 ${DIAGRAM_WIDTH} ${L.height}`}
      role="img"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
    >
      <rect className="nd-node" x={L.node.x} y={L.node.y} width={L.node.w} height={L.node.h} rx={12} />
      <text className="nd-title" x={16} y={30}>
        node {view.node}
      </text>
      <text className="nd-muted nd-mono nd-corner" x={DIAGRAM_WIDTH - 14} y={30} textAnchor="end">
        podCIDR {view.podCIDR ?? '–'}
      </text>
      <SandboxDrawing view={view} L={L} tone={tone} />
      <NetworkDrawing view={view} L={L} tone={tone} />
    </svg>
  )
}
