/**
 * A packet from the pod to a pod on another node over a Flannel-style VXLAN
 * overlay, described layer by layer for the node view to draw. Pure: it reads
 * the world and the cluster's nodes only.
 *
 * Flannel's vxlan backend: device `flannel.1` (VNI 1, UDP 8472, the Linux
 * kernel's port, not IANA's 4789), one route per remote podCIDR via
 * `flannel.1` with the remote flannel.1 address as gateway (`<podCIDR base>.0`),
 * and the MTU reduced by 50 bytes of VXLAN encapsulation.
 * Upstream: flannel-io/flannel pkg/backend/vxlan (vxlan.go, device.go), RFC 7348.
 */
import type { Node, Pod } from '../model/objects'

export const VXLAN_DEVICE = 'flannel.1'
export const VXLAN_VNI = 1
export const VXLAN_PORT = 8472
export const VXLAN_OVERHEAD = 50

export interface OverlayHop {
  readonly where: string
  readonly what: string
}

export interface OverlayPacket {
  readonly from: {
    readonly pod: string
    readonly node: string
    readonly podIP: string
    readonly nodeIP: string
  }
  readonly to: {
    readonly pod: string
    readonly node: string
    readonly podIP: string
    readonly nodeIP: string
  }
  /** The pod's own packet (inner IP header), unchanged end to end. */
  readonly inner: {
    readonly src: string
    readonly dst: string
    readonly protocol: 'TCP'
    readonly dstPort: number
  }
  /** The encapsulation between the nodes. */
  readonly outer: {
    readonly ipSrc: string
    readonly ipDst: string
    readonly udpDstPort: number
    readonly vni: number
    readonly innerEthDst: string
  }
  /** The route on the sending node that sends the packet into flannel.1. */
  readonly route: string
  readonly mtu: { readonly underlay: number; readonly overlay: number }
  readonly hops: readonly OverlayHop[]
}

function internalIP(n: Node | undefined): string {
  return n?.status.addresses?.find((a) => a.type === 'InternalIP')?.address ?? ''
}

/** The VXLAN tunnel endpoint address on a node: the podCIDR's network address (flannel gives flannel.1 `x.y.z.0/32`). */
function vtepAddress(podCIDR: string): string {
  return podCIDR.split('/')[0] ?? ''
}

/** The route flannel installs on every other node for a node's podCIDR, through the VXLAN device. */
export function remotePodRoute(podCIDR: string): string {
  return `${podCIDR} via ${vtepAddress(podCIDR)} dev ${VXLAN_DEVICE} onlink`
}

/**
 * The path of a TCP packet from `pod` (with its IP) to the first pod of
 * `peers` on another node, or null when there is none (or the pod has no IP yet).
 */
export function describeOverlayPacket(
  pod: Pod,
  nodes: readonly Node[],
  peers: readonly Pod[],
  dstPort = 80,
  underlayMtu = 1500,
): OverlayPacket | null {
  const srcIP = pod.status?.podIP
  const srcNodeName = pod.spec.nodeName
  if (!srcIP || !srcNodeName) return null
  const peer = peers.find((p) => p.spec.nodeName && p.spec.nodeName !== srcNodeName && p.status?.podIP)
  if (!peer) return null
  const srcNode = nodes.find((n) => n.metadata.name === srcNodeName)
  const dstNode = nodes.find((n) => n.metadata.name === peer.spec.nodeName)
  const dstCIDR = dstNode?.spec.podCIDR ?? ''
  const dstIP = peer.status!.podIP!
  const from = { pod: pod.metadata.name ?? '', node: srcNodeName, podIP: srcIP, nodeIP: internalIP(srcNode) }
  const to = {
    pod: peer.metadata.name ?? '',
    node: peer.spec.nodeName!,
    podIP: dstIP,
    nodeIP: internalIP(dstNode),
  }
  const route = remotePodRoute(dstCIDR)
  return {
    from,
    to,
    inner: { src: srcIP, dst: dstIP, protocol: 'TCP', dstPort },
    outer: {
      ipSrc: from.nodeIP,
      ipDst: to.nodeIP,
      udpDstPort: VXLAN_PORT,
      vni: VXLAN_VNI,
      innerEthDst: `MAC of ${VXLAN_DEVICE} on ${to.node}`,
    },
    route,
    mtu: { underlay: underlayMtu, overlay: underlayMtu - VXLAN_OVERHEAD },
    hops: [
      {
        where: `${from.pod} (eth0)`,
        what: `IP ${srcIP} → ${dstIP}, TCP port ${dstPort}; the pod's default route sends it to its gateway on cni0`,
      },
      {
        where: `${from.node}: veth → cni0`,
        what: 'the packet leaves the pod through its veth pair and reaches the cni0 bridge',
      },
      {
        where: `${from.node}: routing table`,
        what: `route ${route}: the destination is another node's podCIDR`,
      },
      {
        where: `${from.node}: ${VXLAN_DEVICE}`,
        what: `the kernel wraps the frame: outer IP ${from.nodeIP} → ${to.nodeIP}, UDP dst port ${VXLAN_PORT}, VXLAN VNI ${VXLAN_VNI} (+${VXLAN_OVERHEAD} bytes)`,
      },
      {
        where: 'node network',
        what: `an ordinary UDP packet between the nodes; the underlay never sees pod addresses`,
      },
      {
        where: `${to.node}: ${VXLAN_DEVICE}`,
        what: `UDP ${VXLAN_PORT} is handed to the VXLAN device with VNI ${VXLAN_VNI}, which strips the outer headers`,
      },
      {
        where: `${to.node}: cni0 → veth`,
        what: `${dstIP} is on the local cni0 bridge; the packet enters the peer pod through its veth`,
      },
      {
        where: `${to.pod} (eth0)`,
        what: `the peer receives IP ${srcIP} → ${dstIP} unchanged: no NAT between pods`,
      },
    ],
  }
}
