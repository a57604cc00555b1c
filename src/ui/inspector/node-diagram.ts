/**
 * Where each part of the node drawing goes, and its look. Pure: the engine's NodeView in, boxes and
 * tones out; the component only draws them. Top to bottom: the pod sandbox (namespaces, containers,
 * eth0), the veth pair, the cni0 bridge, the node's eth0 and the node network below it.
 */
import type { ContainerNow, NodeView } from '../../engine/views'

export const DIAGRAM_WIDTH = 360

export interface Box {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/** idle: not there (yet); active: the current step works on it (in flight). */
export type PartTone = 'idle' | 'active' | 'accepted' | 'waiting' | 'rejected'

export interface DiagramLayout {
  readonly height: number
  readonly node: Box
  readonly pod: Box
  readonly namespacesY: number
  readonly containers: readonly Box[]
  readonly podEth0: Box
  readonly veth: Box
  readonly neighbour: Box | null
  readonly bridge: Box
  readonly nodeEth0: Box
  /** The foot of the line from the node's eth0 to the node network. */
  readonly outsideY: number
}

const POD_X = 16
const POD_W = DIAGRAM_WIDTH - 2 * POD_X
const ROW = 52
const LINK = 38
/** The pod's eth0 and its veth peer sit left of centre, so a neighbour pod fits on the right. */
const LINK_X = 120

export function layoutNodeDiagram(containerCount: number, hasNeighbour: boolean): DiagramLayout {
  const podY = 44
  const namespacesY = podY + 58
  const firstRow = namespacesY + 26
  const containers = Array.from({ length: containerCount }, (_, i) => ({
    x: POD_X + 14,
    y: firstRow + i * ROW,
    w: POD_W - 28,
    h: ROW - 6,
  }))
  const eth0Y = firstRow + containerCount * ROW + 6
  const podEth0 = { x: LINK_X - 95, y: eth0Y, w: 190, h: 32 }
  const pod = { x: POD_X, y: podY, w: POD_W, h: eth0Y + 32 + 14 - podY }
  const vethY = pod.y + pod.h + LINK
  const veth = { x: LINK_X - 80, y: vethY, w: 160, h: 30 }
  // Two lines (name, address), bottom-aligned with the veth.
  const neighbour = hasNeighbour ? { x: 214, y: vethY - 14, w: DIAGRAM_WIDTH - POD_X - 214, h: 44 } : null
  const bridge = { x: POD_X, y: vethY + 30 + 22, w: POD_W, h: 36 }
  const nodeEth0 = { x: DIAGRAM_WIDTH / 2 - 100, y: bridge.y + bridge.h + LINK, w: 200, h: 32 }
  const nodeBottom = nodeEth0.y + nodeEth0.h + 14
  return {
    height: nodeBottom + 34,
    node: { x: 4, y: 4, w: DIAGRAM_WIDTH - 8, h: nodeBottom - 4 },
    pod,
    namespacesY,
    containers,
    podEth0,
    veth,
    neighbour,
    bridge,
    nodeEth0,
    outsideY: nodeBottom + 30,
  }
}

export function containerTone(c: ContainerNow): PartTone {
  if (c.state === 'running') return 'accepted'
  if (c.state === 'terminated') return c.ok ? 'accepted' : 'rejected'
  return 'waiting'
}

export interface DiagramTones {
  readonly sandbox: PartTone
  readonly network: PartTone
  readonly containers: readonly PartTone[]
}

/** Green for what is up, blue for what the current step works on, grey for what is not there. */
export function diagramTones(v: NodeView): DiagramTones {
  const f = v.focus
  return {
    sandbox: f?.part === 'sandbox' ? 'active' : v.sandbox?.ready ? 'accepted' : 'idle',
    network: f?.part === 'network' ? 'active' : v.network.state === 'up' ? 'accepted' : 'idle',
    containers: v.containers.map((c) =>
      f?.part === 'container' && f.container === c.name ? 'active' : containerTone(c),
    ),
  }
}

/** How often a container has been restarted, in words. */
export function restartsText(c: ContainerNow): string {
  return `${c.restartCount} restart${c.restartCount === 1 ? '' : 's'}`
}
