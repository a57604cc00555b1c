/**
 * A wire between two components, with an arrowhead. At rest it is thin and
 * grey, its arrow pointing from the client to the server it calls. When the
 * current step sends a message on this wire, the wire takes the message's
 * colour, its arrow points the way the message goes, and a label naming what
 * it carries travels from the sender's card to the receiver's at a pace the
 * eye can follow; an exchange's messages go one after another.
 */
import { memo } from 'react'
import { BaseEdge, EdgeLabelRenderer, type Edge, type EdgeProps } from '@xyflow/react'
import { m, useReducedMotion } from 'motion/react'
import type { MessageEdgeData } from './project'
import { useAppStore } from '../../store/context'
import { travelSeconds } from './travel'

function MessageEdgeView(props: EdgeProps<Edge<MessageEdgeData>>) {
  const data = props.data
  const reduce = useReducedMotion()
  const speed = useAppStore((s) => s.speed)
  if (!data) return null
  const { travelling, reverse, tone, path, travel, messages } = data
  const marker = `url(#arrow-${travelling ? tone : 'idle'})`
  const seconds = travelSeconds(speed, data.hops)
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        className={`wire tone-${travelling ? tone : 'idle'}${travelling ? ' is-travelling' : ''}`}
        {...(travelling && reverse ? { markerStart: marker } : { markerEnd: marker })}
      />
      {messages.length > 0 && (
        <EdgeLabelRenderer>
          {messages.map((msg) => {
            const from = msg.reverse ? '100%' : '0%'
            const to = msg.reverse ? '0%' : '100%'
            const delay = reduce ? 0 : msg.order * seconds
            // It fades in as it leaves its sender and out as it reaches its receiver, so it never
            // sits over a card's name; the receiving card and the coloured wire show where it went.
            // With reduced motion it stands still halfway, for as long as the step lasts.
            return (
              <m.div
                key={msg.key}
                className={`wire-message tone-${msg.tone}`}
                data-testid="wire-message"
                style={{ offsetPath: `path('${travel}')`, offsetRotate: '0deg' }}
                initial={{ offsetDistance: reduce ? '50%' : from, opacity: reduce ? 1 : 0 }}
                animate={
                  reduce
                    ? { offsetDistance: '50%', opacity: 1 }
                    : { offsetDistance: to, opacity: [0, 1, 1, 0] }
                }
                transition={{
                  duration: reduce ? 0 : seconds,
                  delay,
                  ease: 'easeInOut',
                  opacity: { duration: reduce ? 0 : seconds, delay, times: [0, 0.15, 0.8, 1] },
                }}
              >
                {msg.label}
              </m.div>
            )
          })}
        </EdgeLabelRenderer>
      )}
    </>
  )
}

export const MessageEdge = memo(MessageEdgeView)
