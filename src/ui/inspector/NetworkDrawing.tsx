/** The pod network in the node drawing: eth0 ↔ veth pair ↔ cni0 bridge ↔ the node's eth0. */
import type { NodeView } from '../../engine/views'
import { Link, Part } from './DiagramShapes'
import { DIAGRAM_WIDTH, type Box, type DiagramLayout, type DiagramTones } from './node-diagram'

const mid = (b: Box) => b.y + b.h / 2 + 5

export function NetworkDrawing({ view, L, tone }: { view: NodeView; L: DiagramLayout; tone: DiagramTones }) {
  const net = view.network
  const cx = L.podEth0.x + L.podEth0.w / 2
  const neighbour = view.neighbours[0]
  const more = view.neighbours.length - 1
  const bridgeTone = net.bridgeExists ? 'accepted' : 'idle'
  const which = (up: string, removed: string, none: string) =>
    net.state === 'up' ? up : net.state === 'removed' ? removed : none
  return (
    <g>
      <Part box={L.podEth0} tone={tone.network} dashed={net.state !== 'up'} />
      <text className="nd-mono" x={cx} y={mid(L.podEth0)} textAnchor="middle">
        {which(`eth0 ${net.podAddress}`, 'eth0 removed', 'no eth0 yet')}
      </text>
      <Link x={cx} y1={L.pod.y + L.pod.h} y2={L.veth.y} tone={tone.network} label="veth pair" />
      <Part box={L.veth} tone={tone.network} dashed={net.state !== 'up'} />
      <text className="nd-mono" x={cx} y={mid(L.veth)} textAnchor="middle">
        {which(net.veth ?? '', 'veth removed', 'no veth yet')}
      </text>
      <Link x={cx} y1={L.veth.y + L.veth.h} y2={L.bridge.y} tone={tone.network} />
      {L.neighbour && neighbour && (
        <g>
          <Part box={L.neighbour} tone="idle" />
          <text className="nd-mono nd-small" x={L.neighbour.x + 8} y={L.neighbour.y + 18}>
            {neighbour.pod}
            {more > 0 ? ` +${more}` : ''}
          </text>
          <text className="nd-mono nd-small" x={L.neighbour.x + 8} y={L.neighbour.y + 36}>
            {neighbour.ip}
          </text>
          <Link
            x={L.neighbour.x + L.neighbour.w / 2}
            y1={L.neighbour.y + L.neighbour.h}
            y2={L.bridge.y}
            tone="idle"
          />
        </g>
      )}
      <Part box={L.bridge} tone={bridgeTone} dashed={!net.bridgeExists} />
      <text className="nd-text" x={L.bridge.x + 14} y={mid(L.bridge)}>
        <tspan className="nd-strong nd-mono">{net.bridge}</tspan>{' '}
        {net.bridgeExists ? `bridge ${net.gateway}/${net.prefix} · gateway` : 'bridge not created yet'}
      </text>
      <Link
        x={DIAGRAM_WIDTH / 2}
        y1={L.bridge.y + L.bridge.h}
        y2={L.nodeEth0.y}
        tone={bridgeTone}
        label="routed by the node"
      />
      <Part box={L.nodeEth0} tone="accepted" />
      <text className="nd-mono" x={DIAGRAM_WIDTH / 2} y={mid(L.nodeEth0)} textAnchor="middle">
        eth0 {view.nodeIP}
      </text>
      <Link x={DIAGRAM_WIDTH / 2} y1={L.nodeEth0.y + L.nodeEth0.h} y2={L.outsideY - 14} tone="accepted" />
      <text className="nd-muted" x={DIAGRAM_WIDTH / 2 + 10} y={L.outsideY}>
        node network
      </text>
    </g>
  )
}
