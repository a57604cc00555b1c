/** The two shapes the node drawing is made of: a box for a part, a line for a link between parts. */
import type { Box, PartTone } from './node-diagram'

export function Part({ box, tone, dashed }: { box: Box; tone: PartTone; dashed?: boolean }) {
  return (
    <rect
      className={`nd-box tone-${tone}${dashed ? ' is-dashed' : ''}`}
      x={box.x}
      y={box.y}
      width={box.w}
      height={box.h}
      rx={7}
    />
  )
}

export function Link({
  x,
  y1,
  y2,
  tone,
  label,
}: {
  x: number
  y1: number
  y2: number
  tone: PartTone
  label?: string
}) {
  return (
    <g>
      <line className={`nd-link tone-${tone}`} x1={x} x2={x} y1={y1} y2={y2} />
      {label && (
        <text className="nd-muted" x={x + 10} y={(y1 + y2) / 2 + 5}>
          {label}
        </text>
      )}
    </g>
  )
}
