/**
 * How long a message takes to travel from its sender's card to its
 * receiver's at 1×: the same for every hop, long enough to follow from the
 * back of a room (the trips are 250–450 px as drawn), short enough that the
 * happy path plays in well under half a minute. Playback holds each step at
 * least this long, plus a moment to see where the message arrived.
 */
export const TRAVEL_S = 0.75

export function travelSeconds(speed = 1): number {
  return TRAVEL_S / Math.max(speed, 0.25)
}
