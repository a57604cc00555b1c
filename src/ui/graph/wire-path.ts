/**
 * The drawn shape of a wire, in flow coordinates, from the layout alone: the
 * edge renderer draws it and layout.test.ts checks it against every card, so
 * what is tested is what is seen.
 */
import { getSmoothStepPath, Position } from '@xyflow/react'
import { DEFAULT_METRICS, positionOf, type Arrangement, type Link, type Metrics, type Port } from './layout'

const POSITION: Readonly<Record<Port['side'], Position>> = {
  top: Position.Top,
  right: Position.Right,
  bottom: Position.Bottom,
  left: Position.Left,
}

/** Where a port sits on a card whose top-left corner is `origin`. */
export function portPoint(
  origin: { x: number; y: number },
  p: Port,
  m: Metrics = DEFAULT_METRICS,
): { x: number; y: number } {
  const CARD = m.card
  switch (p.side) {
    case 'top':
      return { x: origin.x + p.at * CARD.width, y: origin.y }
    case 'bottom':
      return { x: origin.x + p.at * CARD.width, y: origin.y + CARD.height }
    case 'left':
      return { x: origin.x, y: origin.y + p.at * CARD.height }
    case 'right':
      return { x: origin.x + CARD.width, y: origin.y + p.at * CARD.height }
    default:
      return p.side satisfies never
  }
}

export function reactFlowPosition(side: Port['side']): Position {
  return POSITION[side]
}

export interface WirePath {
  /** SVG path from the source's port to the target's. */
  readonly path: string
  /**
   * The path a message travels: from the middle of the sender's card, along the wire, to the
   * middle of the receiver's, so it is seen leaving one component and reaching the other.
   */
  readonly travel: string
  /** The travel path's length, so a message moves at a steady speed. */
  readonly length: number
}

const centre = (o: { x: number; y: number }, m: Metrics) => ({
  x: o.x + m.card.width / 2,
  y: o.y + m.card.height / 2,
})

export function wirePath(arrangement: Arrangement, link: Link, m: Metrics = DEFAULT_METRICS): WirePath {
  const s = portPoint(positionOf(arrangement, link.source, m), link.from, m)
  const t = portPoint(positionOf(arrangement, link.target, m), link.to, m)
  const [path] = getSmoothStepPath({
    sourceX: s.x,
    sourceY: s.y,
    sourcePosition: POSITION[link.from.side],
    targetX: t.x,
    targetY: t.y,
    targetPosition: POSITION[link.to.side],
    borderRadius: 14,
  })
  const sc = centre(positionOf(arrangement, link.source, m), m)
  const tc = centre(positionOf(arrangement, link.target, m), m)
  const travel = `M ${sc.x},${sc.y} L ${path.replace(/^M\s*/, '')} L ${tc.x},${tc.y}`
  const nums = travel.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? []
  let length = 0
  for (let i = 2; i + 1 < nums.length; i += 2)
    length += Math.hypot(nums[i]! - nums[i - 2]!, nums[i + 1]! - nums[i - 1]!)
  return { path, travel, length }
}
