/**
 * A seeded pseudo-random generator whose state is a plain value (mulberry32).
 * `next(rng)` returns the value and the next state, so callers stay pure and a
 * given seed always yields the same sequence in Node and in the browser.
 */
export interface Rng {
  readonly state: number
}

export function createRng(seed: number): Rng {
  return { state: seed >>> 0 }
}

/** A float in [0, 1) and the next generator state. */
export function next(rng: Rng): [number, Rng] {
  const state = (rng.state + 0x6d2b79f5) >>> 0
  let t = state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296
  return [value, { state }]
}

/** An integer in [0, n) and the next generator state. */
export function nextInt(rng: Rng, n: number): [number, Rng] {
  const [v, r] = next(rng)
  return [Math.floor(v * n), r]
}
