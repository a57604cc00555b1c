/**
 * The graph's moving parts, with motion: a message travelling its wire and the
 * pod travelling onto its node. Loaded after first paint (nothing moves before
 * the first step), so motion stays out of the first-load JavaScript; until it
 * arrives, Graph draws the same parts standing at their destinations.
 * Reduced motion is respected (MotionConfig reducedMotion="user").
 */
import { MotionConfig, motion, useReducedMotion } from 'motion/react'
import type { WireMessage } from './project'

export interface TravellingProps {
  readonly msg: WireMessage
  readonly travel: string
  /** Seconds per hop at the current speed. */
  readonly seconds: number
}

export function TravellingMessage({ msg, travel, seconds }: TravellingProps) {
  const reduce = useReducedMotion()
  const from = msg.reverse ? '100%' : '0%'
  const to = msg.reverse ? '0%' : '100%'
  const delay = reduce ? 0 : msg.order * seconds
  // It fades in as it leaves its sender and out as it reaches its receiver, so it never sits over a
  // card's name; the receiving card and the coloured wire show where it went. With reduced motion it
  // stands still halfway, for as long as the step lasts.
  return (
    <MotionConfig reducedMotion="user">
      <motion.div
        className={`wire-message tone-${msg.tone}`}
        data-testid="wire-message"
        style={{ offsetPath: `path('${travel}')`, offsetRotate: '0deg' }}
        initial={{ offsetDistance: reduce ? '50%' : from, opacity: reduce ? 1 : 0 }}
        animate={
          reduce ? { offsetDistance: '50%', opacity: 1 } : { offsetDistance: to, opacity: [0, 1, 1, 0] }
        }
        transition={{
          duration: reduce ? 0 : seconds,
          delay,
          ease: 'easeInOut',
          opacity: { duration: reduce ? 0 : seconds, delay, times: [0, 0.15, 0.8, 1] },
        }}
      >
        {msg.label}
      </motion.div>
    </MotionConfig>
  )
}

export interface ArrivingProps {
  readonly className: string
  readonly text: string
  /** Where the pod comes from (the scheduler's card), relative to the chip; null: it is already there. */
  readonly from: { readonly dx: number; readonly dy: number } | null
}

export function ArrivingPod({ className, text, from }: ArrivingProps) {
  return (
    <MotionConfig reducedMotion="user">
      <motion.div
        className={className}
        data-testid="node-chip-pod"
        initial={from ? { x: from.dx, y: from.dy, scale: 1.15 } : false}
        animate={{ x: 0, y: 0, scale: 1 }}
        transition={{ duration: 1.1, ease: 'easeInOut' }}
      >
        {text}
      </motion.div>
    </MotionConfig>
  )
}
