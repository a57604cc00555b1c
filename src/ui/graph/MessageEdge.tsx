/**
 * A wire between two components, with an arrowhead. At rest it is thin and
 * grey, its arrow pointing from the client to the server it calls. When the
 * current step sends a message on this wire, the wire takes the message's
 * colour, its arrow points the way the message goes, and a label naming what
 * it carries travels from the sender's card to the receiver's at a pace the
 * eye can follow; an exchange's messages go one after another.
 */
import { lazy, memo, Suspense } from 'react'
import { BaseEdge, EdgeLabelRenderer, type Edge, type EdgeProps } from '@xyflow/react'
import type { MessageEdgeData } from './project'
import { useAppStore } from '../../store/context'
import { travelSeconds } from './travel'

// motion comes after first paint; until then a message stands halfway along its wire.
const TravellingMessage = lazy(() => import('./motion-parts').then((m) => ({ default: m.TravellingMessage })))

function MessageEdgeView(props: EdgeProps<Edge<MessageEdgeData>>) {
  const data = props.data
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
          {messages.map((msg) => (
            <Suspense
              key={msg.key}
              fallback={
                <div
                  className={`wire-message tone-${msg.tone}`}
                  data-testid="wire-message"
                  style={{ offsetPath: `path('${travel}')`, offsetRotate: '0deg', offsetDistance: '50%' }}
                >
                  {msg.label}
                </div>
              }
            >
              <TravellingMessage msg={msg} travel={travel} seconds={seconds} />
            </Suspense>
          ))}
        </EdgeLabelRenderer>
      )}
    </>
  )
}

export const MessageEdge = memo(MessageEdgeView)
