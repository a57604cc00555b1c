/**
 * The node the pod runs on, at one instant, for the inspector's node drawing: the pod sandbox (the
 * pause container holding the namespaces the containers share), each container's state, and the
 * network plumbing CNI built: eth0 in the pod's network namespace, its veth peer on the host, the
 * cni0 bridge (the pod's gateway, .1 of the node's podCIDR) and the node's own eth0, with the routes
 * on both sides. Pure: it reads the frame, the events up to the cursor and the cluster.
 *
 * Sources: the sandbox and interfaces from containerd's state (world.nodes), the namespaces from the
 * kubelet's RunPodSandbox request, the addresses and MACs from the bridge plugin's CNI ADD result.
 * Upstream: containernetworking/plugins plugins/main/bridge/bridge.go (isGateway: the gateway address
 * on cni0 and the default route in the pod), pkg/kubelet/kuberuntime/kuberuntime_sandbox.go
 * (NamespaceOption), flannel-io/flannel pkg/backend/vxlan (one route per remote podCIDR).
 */
import type { Timeline } from '../protocol/timeline'
import type { SimEvent } from '../protocol/events'
import type { SandboxState, World } from '../protocol/world'
import type { Pod } from '../model/objects'
import { frameAt } from '../sim/cursor'
import { keyOfPod, otherPods, storyPod } from '../protocol/pods'
import { PAUSE_IMAGE } from '../cri/constants'
import { rangeOf } from '../cni/host-local-ipam'
import { containerStatesOf, type ContainerNow } from './container-states'
import { remotePodRoute } from './overlay'
import { cpuCaption, nodeCpuView, type NodeCpuView } from './node-cpus'

export type NamespaceName = 'network' | 'ipc' | 'uts' | 'pid'

export interface SandboxNamespace {
  readonly name: NamespaceName
  /** Shared by every container of the pod (held open by the pause container), or one per container. */
  readonly shared: boolean
}

export interface SandboxView {
  readonly id: string
  readonly ready: boolean
  readonly pauseImage: string
  readonly netns: string
  readonly namespaces: readonly SandboxNamespace[]
}

export interface NetworkView {
  /** none: CNI ADD has not run yet; up: the veth pair exists; removed: CNI DEL took it away. */
  readonly state: 'none' | 'up' | 'removed'
  /** The pod's address with its prefix, as the CNI result gives it (`10.244.2.3/24`). */
  readonly podAddress: string | null
  readonly eth0Mac: string | null
  readonly veth: string | null
  readonly vethMac: string | null
  readonly bridge: string
  /** Whether the node has the bridge yet (the first pod's CNI ADD creates it). */
  readonly bridgeExists: boolean
  readonly bridgeMac: string | null
  /** The gateway: .1 of the node's podCIDR, the bridge's own address. */
  readonly gateway: string | null
  readonly prefix: number | null
  /** `ip route` inside the pod's network namespace. */
  readonly podRoutes: readonly string[]
  /** `ip route` on the node, for pod traffic. */
  readonly nodeRoutes: readonly string[]
}

export interface NodeViewFocus {
  readonly part: 'sandbox' | 'network' | 'container'
  readonly container?: string
}

export interface NodeView {
  readonly node: string
  readonly nodeIP: string
  readonly podCIDR: string | null
  readonly pod: string
  readonly sandbox: SandboxView | null
  readonly network: NetworkView
  /** Each container's state now (container-states.ts); empty until the kubelet takes the pod on. */
  readonly containers: readonly ContainerNow[]
  /** Other pods on the node's cni0 bridge, with their addresses. */
  readonly neighbours: readonly { readonly pod: string; readonly ip: string }[]
  /** The node's CPUs under its CPU manager policy (node-cpus.ts). */
  readonly cpus: NodeCpuView | null
  /** The part the current step works on, if it is on this node. */
  readonly focus: NodeViewFocus | null
  /** The drawing in words, one line per item: its text alternative. */
  readonly caption: readonly string[]
}

const BRIDGE = 'cni0'

interface CniInterface {
  readonly name?: string
  readonly mac?: string
  readonly sandbox?: string
}

function cniResultFor(events: readonly SimEvent[], upTo: number, node: string, veth: string | undefined) {
  if (!veth) return null
  for (let i = upTo; i >= 0; i--) {
    const e = events[i]!
    if (e.kind !== 'cni.add' || e.payload.command !== 'ADD' || e.payload.node !== node) continue
    const r = e.payload.result as { interfaces?: CniInterface[]; ips?: { address?: string }[] } | null
    const ifs = r?.interfaces ?? []
    if (!ifs.some((x) => x.name === veth)) continue
    const mac = (name: string) => ifs.find((x) => x.name === name)?.mac ?? null
    return {
      eth0Mac: mac('eth0'),
      vethMac: mac(veth),
      bridgeMac: mac(BRIDGE),
      address: r?.ips?.[0]?.address ?? null,
    }
  }
  return null
}

/** The part of the kubelet's PodSandboxConfig read here (kubelet/cri-config.ts sandboxConfig). */
interface SandboxRequestConfig {
  readonly metadata?: { readonly name?: string; readonly namespace?: string }
  readonly linux?: {
    readonly security_context?: {
      readonly namespace_options?: { readonly network?: string; readonly ipc?: string; readonly pid?: string }
    }
  }
}

/** The namespaces the kubelet asked for in its RunPodSandbox request (UTS is always the pod's own). */
function namespacesFor(
  events: readonly SimEvent[],
  upTo: number,
  node: string,
  pod: Pod,
): SandboxNamespace[] {
  let opts: { network?: string; ipc?: string; pid?: string } | undefined
  for (let i = upTo; i >= 0 && !opts; i--) {
    const e = events[i]!
    if (e.kind !== 'cri.call' || e.payload.call !== 'RunPodSandbox' || e.payload.node !== node) continue
    const config = (e.payload.request as { config?: SandboxRequestConfig }).config
    const meta = config?.metadata
    if (meta?.name !== pod.metadata.name || meta?.namespace !== (pod.metadata.namespace ?? 'default'))
      continue
    opts = config?.linux?.security_context?.namespace_options ?? {}
  }
  const inPod = (v: string | undefined, fallback: boolean) => (v === undefined ? fallback : v === 'POD')
  return [
    { name: 'network', shared: inPod(opts?.network, true) },
    { name: 'ipc', shared: inPod(opts?.ipc, true) },
    { name: 'uts', shared: true },
    { name: 'pid', shared: inPod(opts?.pid, pod.spec['shareProcessNamespace'] === true) },
  ]
}

function focusOf(e: SimEvent | undefined, node: string, world: World): NodeViewFocus | null {
  if (!e) return null
  if (e.kind === 'cni.add') return e.payload.node === node ? { part: 'network' } : null
  if (e.kind !== 'cri.call' && e.kind !== 'runtime.step') return null
  if (e.payload.node !== node) return null
  if (e.kind === 'runtime.step') {
    const d = e.payload.detail as { containerId?: string }
    const c = d.containerId ? world.nodes[node]?.containers.find((x) => x.id === d.containerId) : undefined
    return c ? { part: 'container', container: c.name } : { part: 'sandbox' }
  }
  const req = e.payload.request as { config?: { metadata?: { name?: string } }; container_id?: string }
  if (e.payload.call === 'CreateContainer')
    return { part: 'container', container: req.config?.metadata?.name ?? '' }
  if (req.container_id) {
    const c = world.nodes[node]?.containers.find((x) => x.id === req.container_id)
    return c ? { part: 'container', container: c.name } : null
  }
  return /Sandbox/.test(e.payload.call) ? { part: 'sandbox' } : null
}

function networkOf(
  events: readonly SimEvent[],
  upTo: number,
  node: string,
  podCIDR: string | null,
  sb: SandboxState | undefined,
  interfaces: readonly string[],
): NetworkView {
  const range = podCIDR ? rangeOf(podCIDR) : null
  const result = cniResultFor(events, upTo, node, sb?.veth)
  const up = !!sb?.veth && interfaces.includes(sb.veth) && !!result
  const state = !sb?.veth || !result ? 'none' : up ? 'up' : 'removed'
  const ip = result?.address?.split('/')[0] ?? null
  const gw = range?.gateway ?? null
  return {
    state,
    podAddress: result?.address ?? null,
    eth0Mac: result?.eth0Mac ?? null,
    veth: sb?.veth ?? null,
    vethMac: result?.vethMac ?? null,
    bridge: BRIDGE,
    bridgeExists: interfaces.includes(BRIDGE),
    bridgeMac: result?.bridgeMac ?? null,
    gateway: gw,
    prefix: range?.prefix ?? null,
    podRoutes:
      state === 'up' && range && ip
        ? [`default via ${gw} dev eth0`, `${range.subnet} dev eth0 proto kernel scope link src ${ip}`]
        : [],
    nodeRoutes: [],
  }
}

/**
 * The node view at the cursor, or null while the pod is not bound to a node (or was never created).
 * Example: at the end of the default run, `network.podAddress` is `10.244.2.3/24` and the pod's
 * default route goes via `10.244.2.1`, cni0's address.
 */
export function describeNodeView(timeline: Timeline, index: number): NodeView | null {
  const frame = frameAt(timeline, { index })
  const pod = storyPod(frame)
  const nodeName = pod?.spec.nodeName
  const runtime = nodeName ? frame.nodes[nodeName] : undefined
  if (!pod || !nodeName || !runtime) return null
  const events = timeline.events
  const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`
  const sb = runtime.sandboxes.find((s) => s.pod === key)
  const nodeObj = timeline.cluster.nodes.find((n) => n.metadata.name === nodeName)
  const nodeIP = nodeObj?.status.addresses?.find((a) => a.type === 'InternalIP')?.address ?? ''
  const base = networkOf(events, index, nodeName, runtime.podCIDR, sb, runtime.interfaces)
  const remote = timeline.cluster.nodes
    .filter((n) => n.metadata.name !== nodeName && n.spec.podCIDR)
    .map((n) => remotePodRoute(n.spec.podCIDR!))
  const network: NetworkView = {
    ...base,
    nodeRoutes:
      base.bridgeExists && base.gateway && runtime.podCIDR
        ? [
            `${rangeOf(runtime.podCIDR).subnet} dev ${BRIDGE} proto kernel scope link src ${base.gateway}`,
            ...remote,
          ]
        : remote,
  }
  const sandbox: SandboxView | null = sb
    ? {
        id: sb.id,
        ready: sb.state === 'SANDBOX_READY',
        pauseImage: PAUSE_IMAGE,
        netns: sb.netns,
        namespaces: namespacesFor(events, index, nodeName, pod),
      }
    : null
  const ownIP = sb?.ip ?? null
  const neighbours = [...timeline.cluster.pods, ...otherPods(frame, keyOfPod(pod))]
    .filter((p) => p.spec.nodeName === nodeName && p.status?.podIP && p.status.podIP !== ownIP)
    .filter((p) => runtime.ipam.allocated.includes(p.status!.podIP!))
    .map((p) => ({ pod: p.metadata.name ?? '', ip: p.status!.podIP! }))
  const containers = containerStatesOf(frame) ?? []
  const view = {
    node: nodeName,
    nodeIP,
    podCIDR: runtime.podCIDR,
    pod: pod.metadata.name ?? '',
    sandbox,
    network,
    containers,
    neighbours,
    cpus: nodeCpuView(frame, timeline.cluster, nodeName, pod),
    focus: focusOf(timeline.events[index], nodeName, frame),
  }
  return { ...view, caption: captionOf(view) }
}

const NS_LABEL: Readonly<Record<NamespaceName, string>> = {
  network: 'network',
  ipc: 'IPC',
  uts: 'UTS (hostname)',
  pid: 'PID',
}

/** A node has a route per other node; in a 5,000-node cluster the caption names a few and counts the rest. */
const ROUTES_IN_WORDS = 6

function routesInWords(routes: readonly string[]): string {
  if (routes.length <= ROUTES_IN_WORDS) return routes.join('; ')
  const rest = routes.length - ROUTES_IN_WORDS
  return `${routes.slice(0, ROUTES_IN_WORDS).join('; ')}; and ${rest} more like them, one per other node`
}

function captionOf(v: Omit<NodeView, 'caption'>): string[] {
  const out = [`Node ${v.node}${v.nodeIP ? `, eth0 ${v.nodeIP}` : ''}, podCIDR ${v.podCIDR ?? 'none'}.`]
  const sb = v.sandbox
  if (!sb) out.push(`Pod ${v.pod}: no sandbox yet; the kubelet has not asked containerd for one.`)
  else {
    const shared = sb.namespaces.filter((n) => n.shared).map((n) => NS_LABEL[n.name])
    const own = sb.namespaces.filter((n) => !n.shared).map((n) => NS_LABEL[n.name])
    out.push(
      `Pod ${v.pod}: sandbox ${sb.id.slice(0, 13)} ${sb.ready ? 'ready' : 'not ready'}; the pause container (${sb.pauseImage}) holds the shared ${shared.join(', ')} namespaces${own.length ? `; ${own.join(', ')}: one per container` : ''}.`,
    )
  }
  for (const c of v.containers)
    out.push(
      `Container ${c.name} (${c.kind}): ${c.summary}, ${c.restartCount} restart${c.restartCount === 1 ? '' : 's'}.`,
    )
  const n = v.network
  if (n.state === 'up')
    out.push(
      `eth0 ${n.podAddress} in the pod's network namespace is one end of a veth pair; the other end, ${n.veth}, is on the node, attached to the ${n.bridge} bridge (${n.gateway}/${n.prefix}, the pod's gateway). The node's own eth0 is ${v.nodeIP}.`,
    )
  else if (n.state === 'removed')
    out.push(
      `CNI DEL removed eth0 and its veth peer; ${n.podAddress ?? 'the address'} went back to host-local IPAM.`,
    )
  else
    out.push(
      `No pod network yet: CNI ADD has not run.${n.bridgeExists ? ` ${n.bridge} exists on the node.` : ''}`,
    )
  if (n.podRoutes.length) out.push(`Routes in the pod: ${n.podRoutes.join('; ')}.`)
  if (n.nodeRoutes.length) out.push(`Routes on the node: ${routesInWords(n.nodeRoutes)}.`)
  if (v.neighbours.length)
    out.push(`Also on ${n.bridge}: ${v.neighbours.map((p) => `${p.pod} ${p.ip}`).join(', ')}.`)
  if (v.cpus) out.push(cpuCaption(v.cpus))
  return out
}
