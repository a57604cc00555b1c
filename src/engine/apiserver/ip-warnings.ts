/**
 * Warnings for IP addresses written in a form a future release will reject
 * (KEP-4858). Upstream: k8s.io/apimachinery pkg/util/validation/ip.go
 * (GetWarningsForIP, v0.33+), which compares the lenient parser
 * (k8s.io/utils/net ParseIPSloppy: leading zeros allowed) with Go's strict
 * netip.ParseAddr, and formats addresses as net.IP.String / netip.Addr.String do.
 */
import { goQuote } from './go-quote'

interface ParsedIP {
  /** 16 bytes; an IPv4 address is stored IPv4-mapped, as net.IP does. */
  readonly bytes: readonly number[]
  /** Written as IPv6 text (netip's Is6). */
  readonly is6: boolean
  /** Accepted by ParseIPSloppy but not by netip.ParseAddr (leading zeros, over-long groups). */
  readonly sloppy: boolean
}

const V4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]

function parseIPv4(s: string): { bytes: number[]; sloppy: boolean } | null {
  const parts = s.split('.')
  if (parts.length !== 4) return null
  let sloppy = false
  const bytes: number[] = []
  for (const p of parts) {
    if (!/^[0-9]+$/.test(p)) return null
    const n = Number(p)
    if (n > 255) return null
    if (p.length > 1 && p.startsWith('0')) sloppy = true
    bytes.push(n)
  }
  return { bytes, sloppy }
}

function parseIPv6(s: string): { bytes: number[]; sloppy: boolean } | null {
  const halves = s.split('::')
  if (halves.length > 2) return null
  // Only the very end of the address may be a dotted IPv4 address.
  const parseGroups = (text: string, last: boolean): { bytes: number[]; sloppy: boolean } | null => {
    if (text === '') return { bytes: [], sloppy: false }
    const bytes: number[] = []
    let sloppy = false
    const groups = text.split(':')
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i]!
      if (last && i === groups.length - 1 && g.includes('.')) {
        const v4 = parseIPv4(g)
        if (!v4) return null
        sloppy ||= v4.sloppy
        bytes.push(...v4.bytes)
        continue
      }
      if (!/^[0-9a-fA-F]+$/.test(g)) return null
      const n = parseInt(g, 16)
      if (n > 0xffff) return null
      if (g.length > 4) sloppy = true
      bytes.push(n >> 8, n & 0xff)
    }
    return { bytes, sloppy }
  }
  const left = parseGroups(halves[0]!, halves.length === 1)
  const right = halves.length === 2 ? parseGroups(halves[1]!, true) : { bytes: [], sloppy: false }
  if (!left || !right) return null
  const ellipsis = halves.length === 2
  const used = left.bytes.length + right.bytes.length
  // An embedded IPv4 address must end the address; "::" must stand for at least one group.
  if (ellipsis ? used > 14 : used !== 16) return null
  const bytes = [...left.bytes, ...new Array<number>(16 - used).fill(0), ...right.bytes]
  return { bytes, sloppy: left.sloppy || right.sloppy }
}

function parseIPSloppy(value: string): ParsedIP | null {
  if (value.includes(':')) {
    const v6 = parseIPv6(value)
    return v6 ? { bytes: v6.bytes, is6: true, sloppy: v6.sloppy } : null
  }
  const v4 = parseIPv4(value)
  return v4 ? { bytes: [...V4_MAPPED_PREFIX, ...v4.bytes], is6: false, sloppy: v4.sloppy } : null
}

const isV4Mapped = (bytes: readonly number[]) => V4_MAPPED_PREFIX.every((b, i) => bytes[i] === b)

/** RFC 5952: lower-case hex, no leading zeros, the first longest run of two or more zero groups as "::". */
function formatIPv6(bytes: readonly number[]): string {
  const groups = Array.from({ length: 8 }, (_, i) => (bytes[2 * i]! << 8) | bytes[2 * i + 1]!)
  let bestStart = -1
  let bestLen = 0
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++
      continue
    }
    let j = i
    while (j < 8 && groups[j] === 0) j++
    if (j - i >= 2 && j - i > bestLen) [bestStart, bestLen] = [i, j - i]
    i = j
  }
  const hex = (gs: readonly number[]) => gs.map((g) => g.toString(16)).join(':')
  if (bestStart < 0) return hex(groups)
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLen))}`
}

/** net.IP.String(): dotted quad for IPv4 and IPv4-mapped addresses, RFC 5952 otherwise. */
function ipString(bytes: readonly number[]): string {
  return isV4Mapped(bytes) ? bytes.slice(12).join('.') : formatIPv6(bytes)
}

/** GetWarningsForIP for a value already accepted by IsValidIPForLegacyField; nothing for an unparsable one. */
export function getWarningsForIP(path: string, value: string): string[] {
  const ip = parseIPSloppy(value)
  if (!ip) return []
  if (ip.sloppy || (ip.is6 && isV4Mapped(ip.bytes))) {
    return [
      `${path}: non-standard IP address ${goQuote(value)} will be considered invalid in a future Kubernetes release: use ${goQuote(ipString(ip.bytes))}`,
    ]
  }
  const canonical = formatIPv6(ip.bytes)
  if (ip.is6 && canonical !== value) {
    return [
      `${path}: IPv6 address ${goQuote(value)} should be in RFC 5952 canonical format (${goQuote(canonical)})`,
    ]
  }
  return []
}
