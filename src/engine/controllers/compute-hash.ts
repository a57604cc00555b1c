/**
 * The pod-template-hash: the suffix of a Deployment's ReplicaSet name and the label on its pods.
 *
 * Upstream (pkg/controller/controller_utils.go ComputeHash): an FNV-1a 32-bit hash of the
 * PodTemplateSpec printed by go-spew (`hashutil.DeepHashObject`: `%#v` with sorted map keys and
 * methods disabled), then, when the Deployment has a collisionCount, its 4 bytes little-endian in an
 * 8-byte buffer; the decimal value of the sum is then mapped to the alphabet of
 * apimachinery pkg/util/rand SafeEncodeString.
 *
 * What Podlife cannot reproduce exactly: go-spew prints the Go struct, every field of
 * v1.PodTemplateSpec in declaration order with its Go type, zero values included, and
 * resource.Quantity's internal fields. Podlife holds the object as JSON, so it hashes a canonical
 * text of the same template (keys sorted, types of JSON values) instead. The steps after the
 * printing are upstream's, so the hash has the real form (up to 10 characters of the safe
 * alphabet), changes exactly when the template changes, and is the same for the same template on
 * every run; it is not the value a real cluster would print for the same manifest.
 */
import type { Json } from '../model/objects'

/** apimachinery pkg/util/rand: no vowels (no words) and no look-alikes (0/o, 1/l, 3/e). */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789'

/** SafeEncodeString: each byte of the text to a character of the safe alphabet. */
export function safeEncodeString(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length]
  return out
}

const FNV32_OFFSET = 0x811c9dc5
const FNV32_PRIME = 0x01000193

/** hash/fnv New32a over UTF-8 bytes, continued from `h`. */
export function fnv32a(bytes: Uint8Array, h = FNV32_OFFSET): number {
  let hash = h >>> 0
  for (const b of bytes) hash = Math.imul(hash ^ b, FNV32_PRIME) >>> 0
  return hash
}

/** The canonical text the hash is taken over (see the file comment for how it differs from spew). */
export function templateText(template: Json): string {
  if (template === null) return '<nil>'
  if (typeof template === 'string') return JSON.stringify(template)
  if (typeof template === 'number' || typeof template === 'boolean') return String(template)
  if (Array.isArray(template)) return `[${(template as readonly Json[]).map(templateText).join(' ')}]`
  const obj = template as { readonly [key: string]: Json }
  const keys = Object.keys(obj).sort()
  return `{${keys.map((k) => `${k}:${templateText(obj[k]!)}`).join(' ')}}`
}

/** UTF-8 bytes of a string (the engine has no DOM or Node types, so no TextEncoder). */
function utf8(s: string): Uint8Array {
  const out: number[] = []
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return Uint8Array.from(out)
}

export function computeHash(template: Json, collisionCount?: number): string {
  let h = fnv32a(utf8(templateText(template)))
  if (collisionCount !== undefined) {
    const buf = new Uint8Array(8)
    new DataView(buf.buffer).setUint32(0, collisionCount >>> 0, true)
    h = fnv32a(buf, h)
  }
  return safeEncodeString(String(h))
}
