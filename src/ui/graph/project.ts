/**
 * Turns the timeline at the cursor into React Flow nodes and edges. Pure: it
 * reads what the engine recorded and decides only how to draw it.
 */
import type { Edge, Node } from '@xyflow/react'
import {
  COMPONENT_IDS,
  COMPONENT_LABELS,
  controllerManagerDetail,
  storyPod,
  travels,
  type ComponentId,
  type SimEvent,
  type World,
} from '../../engine/index'
import {
  DEFAULT_METRICS,
  linksOf,
  portId,
  portsOf,
  positionOf,
  type Arrangement,
  type Metrics,
  type Port,
} from './layout'
import { wirePath } from './wire-path'
import { messageLabel } from './message-label'

/** One colour means one thing across the app. */
export type Tone = 'idle' | 'active' | 'accepted' | 'rejected' | 'waiting'

export interface ComponentNodeData extends Record<string, unknown> {
  readonly id: ComponentId
  readonly label: string
  readonly detail: string
  readonly tone: Tone
  /** Sends or receives the message of this step: drawn strong; the others are drawn calm. */
  readonly involved: boolean
  readonly selected: boolean
  readonly ports: readonly { readonly port: Port; readonly kind: 'out' | 'in' }[]
  /** The card's size for this pane (layout.ts metricsFor). */
  readonly width: number
  readonly height: number
}

/** One message on a wire in this step; `reverse` when it goes target → source. */
export interface WireMessage {
  readonly reverse: boolean
  readonly tone: Tone
  /** What the message carries, short enough to ride the wire (`POST pods`, `201 Created`). */
  readonly label: string
  /** Its turn among the step's messages (0 first): an exchange plays in order. */
  readonly order: number
  /** Changes with every event, so the message restarts its trip. */
  readonly key: number
}

export interface MessageEdgeData extends Record<string, unknown> {
  /** A message travels this wire in this step (the last one's direction and colour win). */
  readonly travelling: boolean
  readonly reverse: boolean
  readonly tone: Tone
  readonly messages: readonly WireMessage[]
  /** How many messages the whole step plays (on every wire): an exchange's hops are quicker. */
  readonly hops: number
  /** The wire's drawn path, and the path a message travels with its length (wire-path.ts). */
  readonly path: string
  readonly travel: string
  readonly length: number
}

export function toneOf(event: SimEvent | null): Tone {
  if (!event) return 'idle'
  switch (event.kind) {
    case 'http.response':
      return event.payload.code >= 400 && !(event.payload.code === 404 && event.stage === 'kubectl')
        ? 'rejected'
        : 'accepted'
    case 'kubectl.output':
      return event.payload.exitCode === 0 ? 'accepted' : 'rejected'
    case 'admission.verdict':
      return event.payload.verdict === 'deny' ? 'rejected' : 'accepted'
    case 'apiserver.validation':
      return event.payload.errors.length ? 'rejected' : 'accepted'
    case 'authn.verdict':
      return event.payload.user ? 'accepted' : 'rejected'
    case 'authz.verdict':
      return event.payload.allowed ? 'accepted' : 'rejected'
    case 'scheduler.cycle':
      return event.payload.result === 'Scheduled' ? 'accepted' : 'waiting'
    case 'k8s.event':
      return event.payload.type === 'Warning' ? 'rejected' : 'active'
    case 'registry.pull':
      return 'waiting'
    default:
      return 'active'
  }
}

/** Long names (a cloud node's DNS name) are shortened in the middle; the inspector has them whole. */
export function shorten(text: string, max = 30): string {
  if (text.length <= max) return text
  const keep = max - 1
  return `${text.slice(0, Math.ceil(keep / 2))}…${text.slice(text.length - Math.floor(keep / 2))}`
}

/** What a card says under its name: at most two short lines. */
export function detailOf(id: ComponentId, frame: World): string {
  const pod = storyPod(frame)
  const node = pod?.spec.nodeName
  switch (id) {
    case 'kubectl': {
      if (!frame.kubectl) return 'reads pod.yaml, sends it'
      if (frame.kubectl.exitCode !== 0) return `exit code ${frame.kubectl.exitCode}`
      const lines = frame.kubectl.stdout.trim().split('\n').filter(Boolean)
      if (lines.length === 0) return 'exit code 0'
      return lines.length === 1 ? shorten(lines[0]!, 40) : `${shorten(lines[0]!)} (+${lines.length - 1} more)`
    }
    case 'kube-apiserver':
      return 'authn · authz · admission'
    case 'etcd':
      return `revision ${frame.etcd.revision}`
    case 'kube-controller-manager':
      return shorten(controllerManagerDetail(frame), 40)
    case 'kube-scheduler':
      return node ? `bound to ${shorten(node)}` : pod ? 'a pod to place' : 'watching pods'
    case 'kubelet':
      return node ? `on ${shorten(node)}` : 'one on every node'
    case 'containerd': {
      const rt = node ? frame.nodes[node] : undefined
      const running = rt?.containers.filter((c) => c.state === 'CONTAINER_RUNNING').length ?? 0
      return rt ? `${rt.sandboxes.length} sandbox · ${running} running` : 'container runtime'
    }
    case 'cni': {
      const ip = pod?.status?.podIP
      return ip ? `pod IP ${ip}` : 'bridge + host-local'
    }
    case 'registry':
      return 'docker.io · registry.k8s.io'
    default:
      return id satisfies never
  }
}

export function projectNodes(
  frame: World,
  event: SimEvent | null,
  selected: ComponentId | null,
  arrangement: Arrangement = 'wide',
  m: Metrics = DEFAULT_METRICS,
  /** The step's events (an exchange involves every component it passes through). */
  stepEvents: readonly SimEvent[] = event ? [event] : [],
): Node<ComponentNodeData>[] {
  const tone = toneOf(event)
  const inStep = new Set(stepEvents.flatMap((e) => [e.component, e.from, e.to]))
  return COMPONENT_IDS.map((id) => {
    const involved = !!event && inStep.has(id)
    return {
      id,
      type: 'component',
      position: positionOf(arrangement, id, m),
      draggable: false,
      // Keyboard focus and Enter are handled by the card itself (a button), not by React Flow.
      focusable: false,
      data: {
        id,
        label: COMPONENT_LABELS[id],
        detail: detailOf(id, frame),
        tone: involved ? (event.component === id ? tone : 'active') : 'idle',
        involved,
        selected: selected === id,
        ports: portsOf(arrangement, id),
        width: m.card.width,
        height: m.card.height,
      },
    }
  })
}

/**
 * The wires at this step. `events` are the step's events up to the cursor, in order; each one that
 * carries a message travels its wire in turn, so an exchange (a request, the etcd write it causes,
 * the reply) is seen as the three hops it is.
 */
export function projectEdges(
  events: readonly SimEvent[],
  key: number,
  arrangement: Arrangement = 'wide',
  m: Metrics = DEFAULT_METRICS,
): Edge<MessageEdgeData>[] {
  const moving = events.filter(travels)
  return linksOf(arrangement).map((l) => {
    const messages: WireMessage[] = []
    moving.forEach((e, order) => {
      const forward = e.from === l.source && e.to === l.target
      const backward = e.from === l.target && e.to === l.source
      if (forward || backward)
        messages.push({
          reverse: backward,
          tone: toneOf(e),
          label: messageLabel(e),
          order,
          key: key * 100 + order,
        })
    })
    const lastMessage = messages.at(-1)
    const { path, travel, length } = wirePath(arrangement, l, m)
    return {
      id: `${l.source}->${l.target}`,
      source: l.source,
      target: l.target,
      sourceHandle: portId(l.from, 'out'),
      targetHandle: portId(l.to, 'in'),
      type: 'message',
      focusable: false,
      selectable: false,
      data: {
        travelling: messages.length > 0,
        reverse: lastMessage?.reverse ?? false,
        tone: lastMessage?.tone ?? 'idle',
        messages,
        hops: moving.length,
        path,
        travel,
        length,
      },
    }
  })
}
