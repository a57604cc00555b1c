/**
 * How long a message takes to travel from its sender's card to its
 * receiver's at 1×: long enough to follow from the back of a room (the trips
 * are 250–450 px as drawn); a hop within an exchange (request, etcd write,
 * reply) a little quicker, so the happy path plays in well under half a
 * minute. Playback holds each step until its last message has arrived.
 */
export const TRAVEL_S = 0.7
export const EXCHANGE_HOP_S = 0.45

/** Seconds per hop at this speed, for a step that plays `hops` messages in turn. */
export function travelSeconds(speed = 1, hops = 1): number {
  return (hops > 1 ? EXCHANGE_HOP_S : TRAVEL_S) / Math.max(speed, 0.25)
}
