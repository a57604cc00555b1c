/**
 * Turns the timeline at the cursor into React Flow nodes and edges. Pure: it
 * reads what the engine recorded and decides only how to draw it.
 */
import type { Edge, Node } from '@xyflow/react'
import {
  COMPONENT_IDS,
  COMPONENT_LABELS,
  type ComponentId,
  type SimEvent,
  type World,
} from '../../engine/index'
import { LINKS, POSITIONS } from './layout'

/** One colour means one thing across the app. */
export type Tone = 'idle' | 'active' | 'accepted' | 'rejected' | 'waiting'

export interface ComponentNodeData extends Record<string, unknown> {
  readonly id: ComponentId
  readonly label: string
  readonly detail: string
  readonly tone: Tone
  readonly selected: boolean
}

export interface MessageEdgeData extends Record<string, unknown> {
  /** The message travelling now, if any; `reverse` when it goes target → source. */
  readonly travelling: boolean
  readonly reverse: boolean
  readonly tone: Tone
  readonly label: string
  /** Changes with every event, so the dot restarts its trip. */
  readonly key: number
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

function detailOf(id: ComponentId, frame: World): string {
  const node = frame.pod?.spec.nodeName
  switch (id) {
    case 'kubectl':
      return frame.kubectl
        ? frame.kubectl.exitCode === 0
          ? frame.kubectl.stdout.trim()
          : `exit ${frame.kubectl.exitCode}`
        : 'kubectl apply -f pod.yaml'
    case 'kube-apiserver':
      return 'authn · authz · admission'
    case 'etcd':
      return `revision ${frame.etcd.revision}`
    case 'kube-scheduler':
      return node ? `bound to ${node}` : frame.pod ? 'pod to place' : 'watching pods'
    case 'kubelet':
      return node ? `on ${node}` : 'one per node'
    case 'containerd': {
      const rt = node ? frame.nodes[node] : undefined
      const running = rt?.containers.filter((c) => c.state === 'CONTAINER_RUNNING').length ?? 0
      return rt ? `${rt.sandboxes.length} sandbox · ${running} running` : 'CRI runtime'
    }
    case 'cni': {
      const ip = frame.pod?.status?.podIP
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
): Node<ComponentNodeData>[] {
  const tone = toneOf(event)
  return COMPONENT_IDS.map((id) => {
    const involved = event && (event.component === id || event.to === id)
    return {
      id,
      type: 'component',
      position: POSITIONS[id],
      draggable: false,
      data: {
        id,
        label: COMPONENT_LABELS[id],
        detail: detailOf(id, frame),
        tone: involved ? (event.component === id ? tone : 'active') : 'idle',
        selected: selected === id,
      },
    }
  })
}

export function projectEdges(event: SimEvent | null, index: number): Edge<MessageEdgeData>[] {
  const tone = toneOf(event)
  return LINKS.map((l) => {
    const forward = event?.from === l.source && event?.to === l.target
    const backward = event?.from === l.target && event?.to === l.source
    const travelling = !!event && (forward || backward)
    return {
      id: `${l.source}->${l.target}`,
      source: l.source,
      target: l.target,
      sourceHandle: l.from,
      targetHandle: `${l.to}-in`,
      type: 'message',
      data: {
        travelling,
        reverse: backward,
        tone: travelling ? tone : 'idle',
        label: travelling ? (event?.summary ?? '') : '',
        key: index,
      },
    }
  })
}
