/**
 * Where each component sits, for the shape of the pane it is drawn in. The
 * graph is small and fixed (nine components, eight wires), so positions are
 * data on a grid rather than a layout pass: a generic layered layout (elkjs,
 * dagre) puts the apiserver's four neighbours in a line and routes wires
 * through cards, which is exactly what a class cannot read.
 *
 * Two arrangements, both with the apiserver as the hub it is: `wide` (four
 * columns, three rows) for a pane wider than tall, `tall` (three columns, four
 * rows) for a narrow one. Column 0 below kubectl holds the cluster's nodes, so
 * the pod can be seen landing on one. Every wire leaves and enters at its own
 * point of a card's side, so no two wires share a start (no T-junction hides
 * which branch goes where) and none runs through a card (layout.test.ts
 * checks both on the drawn paths).
 */
import type { ComponentId } from '../../engine/index'

export type Side = 'top' | 'right' | 'bottom' | 'left'
export type Arrangement = 'wide' | 'tall'

/**
 * Sizes in CSS pixels. The graph is laid out for the pane it is in, at zoom 1,
 * so text is drawn at its CSS size: a 19 px name stays 19 px on a 1024×768
 * projector. Cards grow with the pane between these bounds; only a pane too
 * small for the smallest cards (200 % zoom) is drawn scaled down.
 */
const CARD_MIN = { width: 196, height: 78 } as const
const CARD_MAX = { width: 250, height: 112 } as const
/** Space between cells: room for a wire, its arrowhead and a message passing. */
const GAP_MIN = { x: 34, y: 28 } as const
const GAP_MAX = { x: 96, y: 64 } as const
export const PADDING = 16
/** A node chip (one per cluster node) in the nodes column. */
export const CHIP = { height: 64, gap: 6 } as const

export interface Metrics {
  readonly card: { readonly width: number; readonly height: number }
  readonly gap: { readonly x: number; readonly y: number }
  /** 1 unless the pane is too small for the smallest cards. */
  readonly zoom: number
  readonly bounds: { readonly width: number; readonly height: number }
}

type Cell = readonly [col: number, row: number]

const CELLS: Readonly<Record<Arrangement, Readonly<Record<ComponentId, Cell>>>> = {
  wide: {
    kubectl: [0, 0],
    'kube-apiserver': [1, 0],
    etcd: [2, 0],
    'kube-controller-manager': [3, 0],
    'kube-scheduler': [2, 1],
    registry: [3, 1],
    kubelet: [1, 2],
    containerd: [2, 2],
    cni: [3, 2],
  },
  tall: {
    kubectl: [0, 0],
    'kube-apiserver': [1, 0],
    etcd: [2, 0],
    'kube-controller-manager': [1, 1],
    'kube-scheduler': [2, 1],
    kubelet: [1, 2],
    containerd: [2, 2],
    registry: [1, 3],
    cni: [2, 3],
  },
}

const SIZE: Readonly<Record<Arrangement, { cols: number; rows: number }>> = {
  wide: { cols: 4, rows: 3 },
  tall: { cols: 3, rows: 4 },
}

/** One end of a wire: the side of the card and how far along it (0–1). */
export interface Port {
  readonly side: Side
  readonly at: number
}

export interface Link {
  readonly source: ComponentId
  readonly target: ComponentId
  readonly from: Port
  readonly to: Port
}

/**
 * The pairs that talk, with the client first: the arrow of an idle wire points
 * from the one that opens the connection to the one that serves it.
 */
const PAIRS = [
  ['kubectl', 'kube-apiserver'],
  ['kube-apiserver', 'etcd'],
  ['kube-scheduler', 'kube-apiserver'],
  ['kubelet', 'kube-apiserver'],
  ['kubelet', 'containerd'],
  ['containerd', 'cni'],
  ['containerd', 'registry'],
  ['kube-controller-manager', 'kube-apiserver'],
] as const satisfies readonly (readonly [ComponentId, ComponentId])[]

const across = (at = 0.5): readonly [Port, Port] => [
  { side: 'right', at },
  { side: 'left', at },
]

/**
 * Ports of PAIRS, in order. The two arrangements share kubectl's and etcd's wires. In the wide one the
 * controller-manager sits top right and its wire runs under etcd, in the gap above the scheduler, into
 * the apiserver's bottom right of the scheduler's; in the tall one it sits right below the apiserver,
 * so the kubelet's wire comes up the gap on the left and the scheduler's up the gap on the right.
 */
const PORTS: Readonly<Record<Arrangement, readonly (readonly [Port, Port])[]>> = {
  wide: [
    across(),
    across(),
    [
      { side: 'left', at: 0.5 },
      { side: 'bottom', at: 0.7 },
    ],
    [
      { side: 'top', at: 0.35 },
      { side: 'bottom', at: 0.35 },
    ],
    across(),
    across(),
    [
      { side: 'top', at: 0.78 },
      { side: 'bottom', at: 0.5 },
    ],
    [
      { side: 'bottom', at: 0.12 },
      { side: 'bottom', at: 0.9 },
    ],
  ],
  tall: [
    across(),
    across(),
    [
      { side: 'left', at: 0.2 },
      { side: 'right', at: 0.85 },
    ],
    [
      { side: 'left', at: 0.3 },
      { side: 'left', at: 0.85 },
    ],
    across(),
    [
      { side: 'bottom', at: 0.65 },
      { side: 'top', at: 0.65 },
    ],
    [
      { side: 'bottom', at: 0.22 },
      { side: 'top', at: 0.78 },
    ],
    [
      { side: 'top', at: 0.5 },
      { side: 'bottom', at: 0.5 },
    ],
  ],
}

export function linksOf(arrangement: Arrangement): readonly Link[] {
  return PAIRS.map(([source, target], i) => {
    const [from, to] = PORTS[arrangement][i]!
    return { source, target, from, to }
  })
}

/** The id React Flow knows a port by: its side and position, unique on a card. */
export function portId(p: Port, kind: 'out' | 'in'): string {
  return `${p.side}-${Math.round(p.at * 100)}-${kind}`
}

/** The ports a component's card must offer in an arrangement. */
export function portsOf(arrangement: Arrangement, id: ComponentId): { port: Port; kind: 'out' | 'in' }[] {
  return linksOf(arrangement).flatMap((l) => [
    ...(l.source === id ? [{ port: l.from, kind: 'out' as const }] : []),
    ...(l.target === id ? [{ port: l.to, kind: 'in' as const }] : []),
  ])
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))

/** Card and gap sizes that fill a pane of `width` × `height` CSS px with an arrangement. */
export function metricsFor(arrangement: Arrangement, width: number, height: number): Metrics {
  const { cols, rows } = SIZE[arrangement]
  const w = width - 2 * PADDING
  const h = height - 2 * PADDING
  const cw = Math.floor(clamp((w - (cols - 1) * GAP_MIN.x) / cols, CARD_MIN.width, CARD_MAX.width))
  const ch = Math.floor(clamp((h - (rows - 1) * GAP_MIN.y) / rows, CARD_MIN.height, CARD_MAX.height))
  const gx = Math.floor(clamp((w - cols * cw) / (cols - 1), GAP_MIN.x, GAP_MAX.x))
  const gy = Math.floor(clamp((h - rows * ch) / (rows - 1), GAP_MIN.y, GAP_MAX.y))
  const bounds = { width: cols * cw + (cols - 1) * gx, height: rows * ch + (rows - 1) * gy }
  const zoom = Math.min(1, w / bounds.width, h / bounds.height)
  return { card: { width: cw, height: ch }, gap: { x: gx, y: gy }, zoom, bounds }
}

/** Sizes for tests and for the first paint, before the pane is measured. */
export const DEFAULT_METRICS: Metrics = metricsFor('wide', 1000, 440)

function cellOrigin(m: Metrics, col: number, row: number): { x: number; y: number } {
  return { x: col * (m.card.width + m.gap.x), y: row * (m.card.height + m.gap.y) }
}

export function positionOf(
  arrangement: Arrangement,
  id: ComponentId,
  m: Metrics = DEFAULT_METRICS,
): { x: number; y: number } {
  const [col, row] = CELLS[arrangement][id]
  return cellOrigin(m, col, row)
}

/** The nodes column: below kubectl, from row 1 to the last row. */
export function nodesArea(
  arrangement: Arrangement,
  m: Metrics = DEFAULT_METRICS,
): { x: number; y: number; width: number; height: number } {
  const { rows } = SIZE[arrangement]
  const top = cellOrigin(m, 0, 1)
  const bottom = cellOrigin(m, 0, rows - 1).y + m.card.height
  return { x: top.x, y: top.y, width: m.card.width, height: bottom - top.y }
}

/** How many node chips fit in the nodes column (the last may say "+N more"). */
export function chipCapacity(arrangement: Arrangement, m: Metrics = DEFAULT_METRICS): number {
  return Math.floor((nodesArea(arrangement, m).height + CHIP.gap) / (CHIP.height + CHIP.gap))
}

/** The arrangement that draws the graph largest in a pane of this size (then the one with bigger cards). */
export function chooseArrangement(width: number, height: number): Arrangement {
  const wide = metricsFor('wide', width, height)
  const tall = metricsFor('tall', width, height)
  if (Math.abs(wide.zoom - tall.zoom) > 0.001) return wide.zoom > tall.zoom ? 'wide' : 'tall'
  return wide.card.width * wide.card.height >= tall.card.width * tall.card.height ? 'wide' : 'tall'
}
