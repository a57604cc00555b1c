/**
 * host-local IPAM: hands out addresses from the node's podCIDR, never the
 * gateway (.1), round-robin after the last reserved address, skipping those in
 * use. Upstream: containernetworking/plugins plugins/ipam/host-local/backend/allocator
 */
export interface IpamState {
  readonly allocated: readonly string[]
  readonly lastReserved: string | null
}

function toInt(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0)
}

function toIp(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.')
}

export interface Range {
  readonly subnet: string
  readonly prefix: number
  readonly gateway: string
  readonly rangeStart: string
  readonly rangeEnd: string
}

export function rangeOf(cidr: string): Range {
  const [base = '0.0.0.0', bits = '24'] = cidr.split('/')
  const prefix = Number(bits)
  const size = 2 ** (32 - prefix)
  const network = Math.floor(toInt(base) / size) * size
  return {
    subnet: `${toIp(network)}/${prefix}`,
    prefix,
    gateway: toIp(network + 1),
    rangeStart: toIp(network + 1),
    rangeEnd: toIp(network + size - 2),
  }
}

export type Allocation = { ok: true; ip: string; state: IpamState } | { ok: false; error: string }

// The texts host-local prints (as the `msg` of its CNI error, code 999 ErrInternal: skel wraps a plain error).
/** backend/allocator/range.go Canonicalize: a /31 or /32 has no address left once network and broadcast go. */
export const NETWORK_TOO_SMALL = (subnet: string): string => `Network ${subnet} too small to allocate from`
/** backend/allocator/config.go LoadIPAMConfig, around each range set's Canonicalize error. */
export const INVALID_RANGE_SET = (index: number, err: string): string => `invalid range set ${index}: ${err}`
/** backend/allocator/allocator.go Get, when every address of the range set is taken. */
export const NO_IP_ADDRESSES = (rangeSet: string): string =>
  `no IP addresses available in range set: ${rangeSet}`
/** main.go cmdAdd, around the allocator's error. */
export const FAILED_TO_ALLOCATE = (index: number, err: string): string =>
  `failed to allocate for range ${index}: ${err}`
/** containernetworking/cni pkg/types ErrInternal: the code skel gives a plugin's plain Go error. */
export const CNI_ERR_INTERNAL = 999

/**
 * host-local's ADD for the single range set [[{subnet: podCIDR}]]: the configuration is loaded and
 * checked first (LoadIPAMConfig, so a range too small fails before any allocation), then one address is
 * allocated. The error is host-local's whole message.
 * Upstream: plugins/ipam/host-local/main.go cmdAdd
 */
export function hostLocalAdd(cidr: string, state: IpamState): Allocation {
  const r = rangeOf(cidr)
  // Canonicalize: ones > masklen-2 (IPv4: a prefix over 30) leaves nothing to hand out.
  if (r.prefix > 30) return { ok: false, error: INVALID_RANGE_SET(0, NETWORK_TOO_SMALL(r.subnet)) }
  const alloc = allocate(cidr, state)
  return alloc.ok ? alloc : { ok: false, error: FAILED_TO_ALLOCATE(0, alloc.error) }
}

/** allocator.go Get for a range a /30 or wider: round robin after the last reserved address. */
export function allocate(cidr: string, state: IpamState): Allocation {
  const r = rangeOf(cidr)
  const start = toInt(r.rangeStart)
  const end = toInt(r.rangeEnd)
  const gw = toInt(r.gateway)
  const used = new Set(state.allocated)
  const count = end - start + 1
  // Round robin after the last reserved address; one outside the range (e.g. an old podCIDR) restarts at rangeStart.
  const last = state.lastReserved ? toInt(state.lastReserved) : NaN
  const first = last >= start && last <= end ? last + 1 : start
  for (let k = 0; k < count; k++) {
    let n = first + k
    if (n > end) n = start + ((n - start) % count)
    if (n === gw) continue
    const ip = toIp(n)
    if (used.has(ip)) continue
    return { ok: true, ip, state: { allocated: [...state.allocated, ip], lastReserved: ip } }
  }
  return { ok: false, error: NO_IP_ADDRESSES(`${r.rangeStart}-${r.rangeEnd}`) }
}

/**
 * CNI DEL: host-local removes the sandbox's reservation (its file under /var/lib/cni/networks/<net>/).
 * last_reserved_ip stays where it is, so the round robin goes on after it and the released address is
 * handed out again only once the range wraps around.
 * Upstream: plugins/ipam/host-local/main.go cmdDel, backend/allocator/allocator.go Release (ReleaseByID)
 */
export function release(state: IpamState, ip: string): IpamState {
  return { ...state, allocated: state.allocated.filter((x) => x !== ip) }
}
