/** A version-4 UUID drawn from the simulation's seeded generator, so uids are reproducible. */
import { nextInt, type Rng } from '../sim/rng'

export function randomHex(rng: Rng, length: number): [string, Rng] {
  let s = ''
  let r = rng
  for (let i = 0; i < length; i++) {
    const [v, n] = nextInt(r, 16)
    s += v.toString(16)
    r = n
  }
  return [s, r]
}

export function uuidV4(rng: Rng): [string, Rng] {
  const [hex, r] = randomHex(rng, 32)
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  const s = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
  return [s, r]
}
