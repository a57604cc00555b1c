/**
 * A wire between two components. When the current event is a message on this
 * wire, a dot travels it in the message's direction (a request going out, a
 * response coming back). With reduced motion the dot simply sits at its destination.
 */
import { memo } from 'react'
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type Edge, type EdgeProps } from '@xyflow/react'
import { m, useReducedMotion } from 'motion/react'
import type { MessageEdgeData } from './project'

function MessageEdgeView(props: EdgeProps<Edge<MessageEdgeData>>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data } = props
  const reduce = useReducedMotion()
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    borderRadius: 12,
  })
  const travelling = data?.travelling ?? false
  const reverse = data?.reverse ?? false
  const tone = data?.tone ?? 'idle'
  const from = reverse ? '100%' : '0%'
  const to = reverse ? '0%' : '100%'
  return (
    <>
      <BaseEdge id={props.id} path={path} className={`wire tone-${travelling ? tone : 'idle'}`} />
      {travelling && (
        <m.circle
          key={data?.key}
          r={9}
          className={`packet tone-${tone}`}
          style={{ offsetPath: `path('${path}')` }}
          initial={{ offsetDistance: reduce ? to : from }}
          animate={{ offsetDistance: to }}
          transition={{ duration: reduce ? 0 : 0.6, ease: 'easeInOut' }}
        />
      )}
      {/* Short wires have no room for a label; the narration shows the same summary. */}
      {travelling && data?.label && Math.abs(targetX - sourceX) + Math.abs(targetY - sourceY) > 140 && (
        <EdgeLabelRenderer>
          <div
            className={`wire-label tone-${tone}`}
            style={{ transform: `translate(-50%, -130%) translate(${labelX}px, ${labelY}px)` }}
          >
            {data.label.length > 48 ? `${data.label.slice(0, 46)}…` : data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  )
}

export const MessageEdge = memo(MessageEdgeView)
