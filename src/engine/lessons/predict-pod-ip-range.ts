/**
 * "Which range will the pod's IP come from?" Choices are the nodes' podCIDRs; the answer is the one
 * holding the address CNI ADD hands out. host-local IPAM allocates only from the ranges in its
 * config, which is built from the node's podCIDR.
 * Upstream: containernetworking/plugins plugins/ipam/host-local (allocator), plugins/main/bridge.
 */
import { storyPod } from '../protocol/pods'
import { rangeOf } from '../cni/host-local-ipam'
import { frameAt } from '../sim/cursor'
import type { SimEvent } from '../protocol/events'
import type { Timeline } from '../protocol/timeline'
import type { World } from '../protocol/world'
import { choiceList } from './choice-list'
import { isAboutPrimaryPod } from './primary-pod'
import type { PredictionResult } from './types'

type CniAdd = Extract<SimEvent, { kind: 'cni.add' }>

/** True when the IPv4 address lies in the CIDR. */
export function cidrContains(cidr: string, ip: string): boolean {
  const r = rangeOf(cidr)
  return rangeOf(`${ip}/${r.prefix}`).subnet === r.subnet
}

/** The pod's IP as the learner can see it at a frame: in the pod's status, or on a sandbox. */
export function visiblePodIp(world: World): string | null {
  const pod = storyPod(world)
  if (!pod) return null
  if (pod.status?.podIP) return pod.status.podIP
  const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`
  for (const node of Object.values(world.nodes)) {
    const sandbox = node.sandboxes.find((s) => s.pod === key)
    if (sandbox?.ip) return sandbox.ip
  }
  return null
}

/**
 * The pod's IP as the story shows it with the cursor on `index`: in the frame (status or sandbox), or
 * in the result of a CNI ADD for the pod already played (the event prints the address it handed out).
 */
export function podIpShownAt(t: Timeline, index: number): string | null {
  const inFrame = visiblePodIp(frameAt(t, { index }))
  if (inFrame) return inFrame
  for (let i = Math.min(index, t.events.length - 1); i >= 0; i--) {
    const e = t.events[i]!
    if (isPodCniAdd(t, e)) return addressOf(e)
  }
  return null
}

const isPodCniAdd = (t: Timeline, e: SimEvent): e is CniAdd =>
  e.kind === 'cni.add' && e.payload.command === 'ADD' && isAboutPrimaryPod(t, e)

export function predictPodIpRange(t: Timeline, at: number): PredictionResult {
  const seen = podIpShownAt(t, at)
  if (seen) return { ok: false, error: `the pod already has its IP (${seen})` }
  const index = t.events.findIndex((e, i) => i > at && isPodCniAdd(t, e))
  const add = t.events[index] as CniAdd | undefined
  if (!add) return { ok: false, error: 'no CNI ADD for the pod follows' }
  const ip = addressOf(add)
  if (!ip) return { ok: false, error: 'the CNI ADD handed out no address' }
  const cidrs = Object.values(t.frames[index]!.nodes).flatMap((n) => (n.podCIDR ? [n.podCIDR] : []))
  const answer = cidrs.find((c) => cidrContains(c, ip))
  if (!answer) return { ok: false, error: `${ip} is in no node's podCIDR` }
  const gateway = rangeOf(answer).gateway
  return {
    ok: true,
    prediction: {
      kind: 'pod-ip-range',
      question: "Which range will the pod's IP address come from?",
      choices: choiceList(cidrs, answer),
      answer,
      explanation: `The pod runs on ${add.payload.node}, whose podCIDR is ${answer}. host-local IPAM on that node allocates only from that range: it handed out ${ip}, and never the gateway ${gateway}, which belongs to the cni0 bridge.`,
      revealIndex: index,
    },
  }
}

function addressOf(add: CniAdd): string | null {
  const ips = (add.payload.result as { ips?: readonly { address?: unknown }[] } | null)?.ips ?? []
  const address = ips[0]?.address
  return typeof address === 'string' ? (address.split('/')[0] ?? null) : null
}
