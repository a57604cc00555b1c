/**
 * Cases follow k8s.io/apimachinery pkg/util/validation/ip_test.go (TestGetWarningsForIP, v0.34),
 * plus the formatting corners of Go's net.IP.String and netip.Addr.String (RFC 5952).
 */
import { describe, expect, it } from 'vitest'
import { getWarningsForIP } from './ip-warnings'

const CASES: readonly { name: string; path: string; address: string; want: string[] }[] = [
  { name: 'IPv4 No failures', path: 'spec.clusterIPs[0]', address: '192.12.2.2', want: [] },
  { name: 'IPv6 No failures', path: 'spec.clusterIPs[0]', address: '2001:db8::2', want: [] },
  {
    name: 'IPv4 with leading zeros',
    path: 'spec.clusterIPs[0]',
    address: '192.012.2.2',
    want: [
      'spec.clusterIPs[0]: non-standard IP address "192.012.2.2" will be considered invalid in a future Kubernetes release: use "192.12.2.2"',
    ],
  },
  {
    name: 'IPv4-mapped IPv6',
    path: 'spec.clusterIPs[0]',
    address: '::ffff:192.12.2.2',
    want: [
      'spec.clusterIPs[0]: non-standard IP address "::ffff:192.12.2.2" will be considered invalid in a future Kubernetes release: use "192.12.2.2"',
    ],
  },
  {
    name: 'IPv6 non-canonical format',
    path: 'spec.loadBalancerIP',
    address: '2001:db8:0:0::2',
    want: [
      'spec.loadBalancerIP: IPv6 address "2001:db8:0:0::2" should be in RFC 5952 canonical format ("2001:db8::2")',
    ],
  },
  {
    name: 'upper-case hex is not canonical',
    path: 'spec.hostAliases[0].ip',
    address: '2001:DB8::2',
    want: [
      'spec.hostAliases[0].ip: IPv6 address "2001:DB8::2" should be in RFC 5952 canonical format ("2001:db8::2")',
    ],
  },
  {
    name: 'the first of two equally long zero runs is the one compressed',
    path: 'p',
    address: '1:0:0:2:0:0:3:4',
    want: ['p: IPv6 address "1:0:0:2:0:0:3:4" should be in RFC 5952 canonical format ("1::2:0:0:3:4")'],
  },
  {
    name: 'an IPv4-compatible (not mapped) address prints in hex',
    path: 'p',
    address: '::1.2.3.4',
    want: ['p: IPv6 address "::1.2.3.4" should be in RFC 5952 canonical format ("::102:304")'],
  },
  { name: 'a single zero group is not compressed', path: 'p', address: '1:2:3:4:5:6:0:8', want: [] },
  {
    name: 'a value that is not an IP gets no warning (validation reports it)',
    path: 'p',
    address: 'foo',
    want: [],
  },
  { name: 'an IPv4 octet over 255 is not an IP', path: 'p', address: '1.2.3.256', want: [] },
  { name: 'a dotted part before "::" is not an IP', path: 'p', address: '1.2.3.4::', want: [] },
]

describe('getWarningsForIP', () => {
  it.each(CASES)('$name', ({ path, address, want }) => {
    expect(getWarningsForIP(path, address)).toEqual(want)
  })
})
