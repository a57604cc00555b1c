import { describe, expect, it } from 'vitest'
import { allocate, hostLocalAdd, rangeOf, release, type IpamState } from './host-local-ipam'

// Upstream: containernetworking/plugins plugins/ipam/host-local/backend/allocator
// (allocator.go GetIter/RangeIter.Next, range.go Canonicalize, allocator_test.go).
const CIDR = '10.244.1.0/24'
const EMPTY: IpamState = { allocated: [], lastReserved: null }
const ip = (n: number) => `10.244.1.${n}`
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ip(from + i))

describe('host-local range (Range.Canonicalize)', () => {
  it('a /24 runs from .1 to .254 with the gateway on .1', () => {
    expect(rangeOf(CIDR)).toEqual({
      subnet: '10.244.1.0/24',
      prefix: 24,
      gateway: '10.244.1.1',
      rangeStart: '10.244.1.1',
      rangeEnd: '10.244.1.254',
    })
  })

  it('a host address in the CIDR is masked to the network', () => {
    expect(rangeOf('10.244.1.77/24').subnet).toBe('10.244.1.0/24')
  })
})

describe('host-local allocation', () => {
  const cases: { name: string; state: IpamState; want: string }[] = [
    {
      name: 'the first pod on a node gets .2 (the gateway .1 is never handed out)',
      state: EMPTY,
      want: ip(2),
    },
    {
      name: 'round robin continues after the last reserved address',
      state: { allocated: [ip(2), ip(3)], lastReserved: ip(3) },
      want: ip(4),
    },
    {
      name: 'a released address is not reused before the range wraps',
      state: { allocated: [ip(3)], lastReserved: ip(3) },
      want: ip(4),
    },
    {
      name: 'addresses in use are skipped',
      state: { allocated: [ip(3), ip(4), ip(5)], lastReserved: ip(3) },
      want: ip(6),
    },
    {
      name: 'after .254 the search wraps to the start of the range, skipping the gateway',
      state: { allocated: [ip(254)], lastReserved: ip(254) },
      want: ip(2),
    },
    {
      name: 'after wrapping, addresses still in use are skipped',
      state: { allocated: [ip(2), ip(3), ip(254)], lastReserved: ip(254) },
      want: ip(4),
    },
    {
      name: 'the only free address is found even when it is just before the last reserved one',
      state: { allocated: range(2, 254).filter((a) => a !== ip(100)), lastReserved: ip(101) },
      want: ip(100),
    },
  ]
  it.each(cases)('$name', ({ state, want }) => {
    const r = allocate(CIDR, state)
    expect(r).toEqual({
      ok: true,
      ip: want,
      state: { allocated: [...state.allocated, want], lastReserved: want },
    })
  })

  it('a fully used /24 fails: no IP addresses available in range set: 10.244.1.1-10.244.1.254', () => {
    const state = { allocated: range(2, 254), lastReserved: ip(254) }
    expect(allocate(CIDR, state)).toEqual({
      ok: false,
      error: 'no IP addresses available in range set: 10.244.1.1-10.244.1.254',
    })
  })

  it('allocation does not change the state it was given', () => {
    const state = { allocated: [ip(2)], lastReserved: ip(2) }
    allocate(CIDR, Object.freeze(state))
    expect(state).toEqual({ allocated: [ip(2)], lastReserved: ip(2) })
  })

  // Upstream GetIter starts from rangeStart when last_reserved_ip.0 is not in the
  // range ("we just lose round-robin this one time"); the engine starts at
  // lastReserved+1 and hands out an address outside the node's podCIDR.
  it('a last-reserved address outside the range (podCIDR changed) restarts at the range start', () => {
    const r = allocate(CIDR, { allocated: [], lastReserved: '10.0.0.5' })
    expect(r).toMatchObject({ ok: true, ip: ip(2) })
  })
})

// host-local's ADD as a whole: LoadIPAMConfig checks each range set (range.go Canonicalize: "Can't create
// an allocator for a network with no addresses, eg a /32 or /31") before main.go cmdAdd allocates.
describe('host-local ADD (main.go cmdAdd)', () => {
  it.each([
    [
      'a /32 podCIDR',
      '10.244.1.5/32',
      EMPTY,
      'invalid range set 0: Network 10.244.1.5/32 too small to allocate from',
    ],
    [
      'a /31 podCIDR',
      '10.244.1.0/31',
      EMPTY,
      'invalid range set 0: Network 10.244.1.0/31 too small to allocate from',
    ],
    [
      'a /31 given with a host address is masked in the config first',
      '10.244.1.1/31',
      EMPTY,
      'invalid range set 0: Network 10.244.1.0/31 too small to allocate from',
    ],
    [
      'a /30 whose one address (.2) is taken',
      '10.244.1.0/30',
      { allocated: [ip(2)], lastReserved: ip(2) },
      'failed to allocate for range 0: no IP addresses available in range set: 10.244.1.1-10.244.1.2',
    ],
    [
      'a fully used /24',
      CIDR,
      { allocated: range(2, 254), lastReserved: ip(254) },
      'failed to allocate for range 0: no IP addresses available in range set: 10.244.1.1-10.244.1.254',
    ],
  ])('%s: %s fails with %j', (_what, cidr, state, error) => {
    expect(hostLocalAdd(cidr, state)).toEqual({ ok: false, error })
  })

  it('a /30 still has one address for a pod: .2 (.1 is the gateway, .3 the broadcast)', () => {
    expect(hostLocalAdd('10.244.1.0/30', EMPTY)).toMatchObject({ ok: true, ip: ip(2) })
  })
})

// CNI DEL: plugins/ipam/host-local/main.go cmdDel → allocator.go Release → disk store ReleaseByID.
describe('host-local release (CNI DEL)', () => {
  const cases: { name: string; state: IpamState; release: string; next: string }[] = [
    {
      name: 'a released address is free again, but the round robin goes on after last_reserved_ip',
      state: { allocated: [ip(2), ip(3)], lastReserved: ip(3) },
      release: ip(2),
      next: ip(4),
    },
    {
      name: 'the only pod of a node leaves: its address comes back only after the range wraps',
      state: { allocated: [ip(2)], lastReserved: ip(2) },
      release: ip(2),
      next: ip(3),
    },
    {
      name: 'in a full range, the released address is the one handed out next',
      state: { allocated: range(2, 254), lastReserved: ip(254) },
      release: ip(7),
      next: ip(7),
    },
    {
      name: 'releasing an address that is not reserved (DEL is idempotent) changes nothing',
      state: { allocated: [ip(2)], lastReserved: ip(2) },
      release: ip(9),
      next: ip(3),
    },
  ]
  it.each(cases)('$name', ({ state, release: gone, next }) => {
    const after = release(state, gone)
    expect(after.allocated).not.toContain(gone)
    expect(after.lastReserved).toBe(state.lastReserved)
    expect(allocate(CIDR, after)).toMatchObject({ ok: true, ip: next })
  })
})
