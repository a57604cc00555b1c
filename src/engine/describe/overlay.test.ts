import { describe, expect, it } from 'vitest'
import { describeOverlayPacket } from './overlay'
import { makeNode, makePod } from '../testing/builders'
import type { Pod } from '../model/objects'

// flannel-io/flannel pkg/backend/vxlan: flannel.1, VNI 1, UDP 8472, route <podCIDR> via <vtep> dev flannel.1 onlink.
const nodes = [
  makeNode('worker-1', { podCIDR: '10.244.1.0/24', address: '192.168.56.11' }),
  makeNode('worker-2', { podCIDR: '10.244.2.0/24', address: '192.168.56.12' }),
]
const withIP = (p: Pod, ip: string): Pod => ({ ...p, status: { podIP: ip } })
const me = withIP(makePod({ name: 'nginx', nodeName: 'worker-1' }), '10.244.1.3')
const cache = withIP(makePod({ name: 'cache-0', nodeName: 'worker-2' }), '10.244.2.2')

describe('VXLAN overlay packet between pods on two nodes', () => {
  it('keeps pod addresses inside and node addresses, UDP 8472 and VNI 1 outside', () => {
    const p = describeOverlayPacket(me, nodes, [me, cache], 6379)!
    expect(p.inner).toEqual({ src: '10.244.1.3', dst: '10.244.2.2', protocol: 'TCP', dstPort: 6379 })
    expect(p.outer).toMatchObject({
      ipSrc: '192.168.56.11',
      ipDst: '192.168.56.12',
      udpDstPort: 8472,
      vni: 1,
    })
    expect(p.route).toBe('10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink')
    expect(p.mtu).toEqual({ underlay: 1500, overlay: 1450 })
  })
  it('is null when no pod runs on another node, or the pod has no IP yet', () => {
    expect(describeOverlayPacket(me, nodes, [me])).toBeNull()
    expect(describeOverlayPacket(makePod({ nodeName: 'worker-1' }), nodes, [cache])).toBeNull()
  })
})
