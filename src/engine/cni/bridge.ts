/**
 * The CNI ADD that containerd runs while creating the pod sandbox: the bridge
 * plugin creates (or reuses) cni0, a veth pair with eth0 inside the pod's
 * network namespace, and asks host-local IPAM for an address from the node's
 * podCIDR. The result is the CNI spec's JSON, keys sorted as the plugin prints it.
 * And the CNI DEL containerd runs when the sandbox stops: the bridge plugin
 * deletes eth0 (which takes the host-side veth with it) and host-local releases
 * the address. DEL prints no result on success (SPEC: "Output: none"), so its
 * result is null.
 * Upstream: containernetworking/plugins plugins/main/bridge/bridge.go (cmdAdd,
 * cmdDel), plugins/ipam/host-local/main.go; CNI SPEC 1.x
 */
import type { Step } from '../protocol/step'
import { StepWriter } from '../protocol/step'
import type { World } from '../protocol/world'
import type { About } from '../protocol/pods'
import type { Message } from '../protocol/messages'
import type { Json } from '../protocol/events'
import { CNI_ERR_INTERNAL, hostLocalAdd, rangeOf, release } from './host-local-ipam'
import { randomHex } from '../model/uuid'

type CniMessage = Extract<Message, { to: 'cni' }>

export const CNI_NETWORK_NAME = 'cbr0'

/**
 * libcni's wrapping of a failed ADD (containernetworking/cni libcni/api.go: "plugin %s failed (add): %w",
 * pluginDescription `type="bridge" name="cbr0"`) around host-local's error, which the bridge plugin
 * returns as it is (plugins/main/bridge/bridge.go cmdAdd: ipam.ExecAdd).
 */
export const CNI_ADD_FAILED = (ipamError: string): string =>
  `plugin type="bridge" name="${CNI_NETWORK_NAME}" failed (add): ${ipamError}`

export function cniConfig(podCIDR: string): Json {
  return {
    cniVersion: '1.0.0',
    name: CNI_NETWORK_NAME,
    plugins: [
      {
        type: 'bridge',
        bridge: 'cni0',
        isGateway: true,
        ipMasq: true,
        ipam: {
          type: 'host-local',
          ranges: [[{ subnet: rangeOf(podCIDR).subnet }]],
          routes: [{ dst: '0.0.0.0/0' }],
        },
      },
      { type: 'portmap', capabilities: { portMappings: true } },
    ],
  }
}

function mac(hex: string): string {
  // Locally administered unicast MAC.
  const bytes = hex.match(/../g) ?? []
  bytes[0] = ((parseInt(bytes[0] ?? '0', 16) & 0xfc) | 0x02).toString(16).padStart(2, '0')
  return bytes.slice(0, 6).join(':')
}

/** `about`: what the message is about (protocol/pods.ts), carried on to the messages CNI sends. */
export function cniStep(world: World, msg: CniMessage, about: About): Step {
  switch (msg.type) {
    case 'add':
      return cniAdd(world, msg, about)
    case 'del':
      return cniDel(world, msg, about)
    default:
      return msg satisfies never
  }
}

function cniAdd(world: World, msg: Extract<CniMessage, { type: 'add' }>, about: About): Step {
  const w = new StepWriter(world, about)
  const node = world.nodes[msg.node]
  if (!node) throw new Error(`CNI ADD on unknown node ${msg.node}`)
  const cidr = node.podCIDR ?? '10.88.0.0/16'
  const alloc = hostLocalAdd(cidr, node.ipam)
  const config = cniConfig(cidr)
  if (!alloc.ok) {
    const tooSmall = rangeOf(cidr).prefix > 30
    w.emit({
      kind: 'cni.add',
      component: 'cni',
      from: 'containerd',
      to: 'cni',
      stage: 'sandbox',
      summary: `CNI ADD failed: ${alloc.error}`,
      narration: tooSmall
        ? `host-local IPAM refuses the range ${rangeOf(cidr).subnet} itself: a /31 or /32 has no address to hand out once the network and broadcast addresses are set aside, so every pod on this node fails the same way.`
        : `host-local IPAM has no free address left in ${cidr}.`,
      payload: {
        node: msg.node,
        command: 'ADD',
        config,
        result: { code: CNI_ERR_INTERNAL, msg: alloc.error },
      },
    })
    w.send(5, {
      to: 'containerd',
      type: 'cni-failed',
      node: msg.node,
      call: msg.call,
      sandboxId: msg.sandboxId,
      error: CNI_ADD_FAILED(alloc.error),
    })
    return w.done()
  }
  let rng = world.rng
  const [vethHex, r1] = randomHex(rng, 8)
  const [macHex, r2] = randomHex(r1, 36)
  rng = r2
  const range = rangeOf(cidr)
  const veth = `veth${vethHex}`
  const result: Json = {
    cniVersion: '1.0.0',
    interfaces: [
      { mac: mac(macHex.slice(0, 12)), name: 'cni0' },
      { mac: mac(macHex.slice(12, 24)), name: veth },
      { mac: mac(macHex.slice(24, 36)), name: 'eth0', sandbox: msg.netns },
    ],
    ips: [{ address: `${alloc.ip}/${range.prefix}`, gateway: range.gateway, interface: 2 }],
    routes: [{ dst: '0.0.0.0/0' }],
  }
  const interfaces = node.interfaces.includes('cni0')
    ? [...node.interfaces, veth]
    : [...node.interfaces, 'cni0', veth]
  w.emit(
    {
      kind: 'cni.add',
      component: 'cni',
      from: 'containerd',
      to: 'cni',
      stage: 'sandbox',
      summary: `CNI ADD: ${alloc.ip}/${range.prefix} on eth0, ${veth} ↔ cni0`,
      narration:
        `containerd (not the kubelet) runs the CNI plugins. The bridge plugin ${node.interfaces.includes('cni0') ? 'reuses' : 'creates'} the cni0 bridge, ` +
        `creates a veth pair (${veth} on the host, eth0 in the pod's network namespace) and host-local IPAM hands out ${alloc.ip} from the node's podCIDR ${cidr}; the gateway ${range.gateway} is never given to a pod.`,
      payload: { node: msg.node, command: 'ADD', config, result },
    },
    {
      ...world,
      rng,
      nodes: {
        ...world.nodes,
        [msg.node]: {
          ...node,
          ipam: alloc.state,
          interfaces,
          // libcni caches the ADD result per sandbox (/var/lib/cni/results); DEL needs the veth from it.
          sandboxes: node.sandboxes.map((s) => (s.id === msg.sandboxId ? { ...s, veth } : s)),
        },
      },
    },
  )
  w.send(35, { to: 'containerd', type: 'cni-result', node: msg.node, call: msg.call, ip: alloc.ip })
  return w.done()
}

/** How long the bridge plugin's DEL takes (delete eth0, release the address, remove the masquerade rules). */
const DEL_MS = 25

function cniDel(world: World, msg: Extract<CniMessage, { type: 'del' }>, about: About): Step {
  const w = new StepWriter(world, about)
  const node = world.nodes[msg.node]
  if (!node) throw new Error(`CNI DEL on unknown node ${msg.node}`)
  const sandbox = node.sandboxes.find((s) => s.id === msg.sandboxId)
  const ip = sandbox?.ip ?? null
  const veth = sandbox?.veth
  const cidr = node.podCIDR ?? '10.88.0.0/16'
  const ipam = ip ? release(node.ipam, ip) : node.ipam
  const interfaces = veth ? node.interfaces.filter((i) => i !== veth) : node.interfaces
  w.emit(
    {
      kind: 'cni.add',
      component: 'cni',
      from: 'containerd',
      to: 'cni',
      stage: 'sandbox',
      summary: `CNI DEL: ${ip ? `${ip} released` : 'nothing to release'}${veth ? `, ${veth} removed` : ''}`,
      narration:
        `containerd runs CNI DEL for the stopped sandbox. The bridge plugin deletes eth0 in the pod's network namespace, which removes its peer ${veth ?? 'veth'} from cni0 on the host, and removes the pod's masquerade rules; ` +
        `host-local IPAM deletes its reservation of ${ip ?? 'the address'} in /var/lib/cni/networks/${CNI_NETWORK_NAME}/. ` +
        `The address is free again, but the round robin goes on after ${ipam.lastReserved ?? 'the last reserved address'}, so the next pod on this node does not get it straight away.`,
      payload: { node: msg.node, command: 'DEL', config: cniConfig(cidr), result: null },
    },
    { ...world, nodes: { ...world.nodes, [msg.node]: { ...node, ipam, interfaces } } },
  )
  w.send(DEL_MS, {
    to: 'containerd',
    type: 'cni-deleted',
    node: msg.node,
    call: msg.call,
    sandboxId: msg.sandboxId,
  })
  return w.done()
}
