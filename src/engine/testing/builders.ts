/**
 * Small builders for engine tests: Pods, Nodes and cluster files as the plain
 * Kubernetes JSON a user would write, in the spirit of kubernetes/kubernetes
 * pkg/scheduler/testing/wrappers.go (st.MakePod(), st.MakeNode()).
 */
import type {
  Container,
  KubeObject,
  Node,
  NodeAffinity,
  NodeImage,
  Pod,
  Taint,
  Toleration,
} from '../model/objects'
import type { NodeInfo, NodeScore, PluginContext, ScorePlugin } from '../scheduler/framework/types'
import { buildNodeInfo } from '../scheduler/framework/node-info'

export interface ContainerOptions {
  readonly name?: string
  readonly image?: string
  readonly requests?: Readonly<Record<string, string>>
  readonly limits?: Readonly<Record<string, string>>
  readonly ports?: Container['ports']
  readonly restartPolicy?: string
}

export function makeContainer(o: ContainerOptions = {}): Container {
  const resources =
    o.requests || o.limits
      ? {
          resources: {
            ...(o.requests ? { requests: o.requests } : {}),
            ...(o.limits ? { limits: o.limits } : {}),
          },
        }
      : {}
  return {
    name: o.name ?? 'nginx',
    ...(o.image !== undefined ? { image: o.image } : {}),
    ...(o.ports ? { ports: o.ports } : {}),
    ...(o.restartPolicy ? { restartPolicy: o.restartPolicy } : {}),
    ...resources,
  }
}

export interface PodOptions {
  readonly name?: string
  readonly namespace?: string
  readonly labels?: Readonly<Record<string, string>>
  /** Containers; one `nginx:1.27` container named nginx when absent. */
  readonly containers?: readonly Container[]
  readonly initContainers?: readonly Container[]
  readonly nodeName?: string
  readonly nodeSelector?: Readonly<Record<string, string>>
  readonly nodeAffinity?: NodeAffinity
  readonly tolerations?: readonly Toleration[]
  readonly restartPolicy?: string
}

export function makePod(o: PodOptions = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: o.name ?? 'nginx',
      ...(o.namespace ? { namespace: o.namespace } : {}),
      ...(o.labels ? { labels: o.labels } : {}),
    },
    spec: {
      containers: o.containers ?? [makeContainer({ name: 'nginx', image: 'nginx:1.27' })],
      ...(o.initContainers ? { initContainers: o.initContainers } : {}),
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
      ...(o.nodeSelector ? { nodeSelector: o.nodeSelector } : {}),
      ...(o.nodeAffinity ? { affinity: { nodeAffinity: o.nodeAffinity } } : {}),
      ...(o.tolerations ? { tolerations: o.tolerations } : {}),
      ...(o.restartPolicy ? { restartPolicy: o.restartPolicy } : {}),
    },
  }
}

/** The manifest text kubectl reads: JSON is valid YAML. */
export function manifestOf(pod: Pod | Readonly<Record<string, unknown>>): string {
  return JSON.stringify(pod, null, 2)
}

export interface NodeOptions {
  /** Capacity and allocatable (as st.MakeNode().Capacity() sets both). */
  readonly capacity?: Readonly<Record<string, string>>
  readonly labels?: Readonly<Record<string, string>>
  readonly taints?: readonly Taint[]
  readonly images?: readonly NodeImage[]
  readonly podCIDR?: string
  readonly address?: string
  readonly unschedulable?: boolean
}

export function makeNode(name: string, o: NodeOptions = {}): Node {
  const capacity = o.capacity ?? { cpu: '4', memory: '8Gi', pods: '110' }
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(o.labels ?? {}) } },
    spec: {
      ...(o.podCIDR ? { podCIDR: o.podCIDR } : {}),
      ...(o.taints ? { taints: o.taints } : {}),
      ...(o.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      capacity,
      allocatable: capacity,
      ...(o.address ? { addresses: [{ type: 'InternalIP', address: o.address }] } : {}),
      ...(o.images ? { images: o.images } : {}),
    },
  }
}

export interface ClusterOptions {
  readonly nodes?: readonly Node[]
  readonly pods?: readonly Pod[]
  readonly objects?: readonly KubeObject[]
}

/**
 * A cluster file as `simulate` takes it: a control plane tainted NoSchedule and
 * two workers (as the default scenario) unless nodes are given.
 */
export function makeCluster(o: ClusterOptions = {}): KubeObject[] {
  const nodes = o.nodes ?? [
    makeNode('control-plane', {
      capacity: { cpu: '2', memory: '4Gi', pods: '110' },
      labels: { 'node-role.kubernetes.io/control-plane': '' },
      taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
      podCIDR: '10.244.0.0/24',
      address: '192.168.56.10',
    }),
    makeNode('worker-1', { podCIDR: '10.244.1.0/24', address: '192.168.56.11' }),
    makeNode('worker-2', { podCIDR: '10.244.2.0/24', address: '192.168.56.12' }),
  ]
  return [...nodes, ...(o.pods ?? []), ...(o.objects ?? [])] as unknown as KubeObject[]
}

/** The scheduler's snapshot of `nodes`, each with the pods whose spec.nodeName names it. */
export function makeNodeInfos(nodes: readonly Node[], pods: readonly Pod[] = []): NodeInfo[] {
  return nodes.map((n) =>
    buildNodeInfo(
      n,
      pods.filter((p) => p.spec.nodeName === n.metadata.name),
    ),
  )
}

/** What the framework hands Score plugins: how many nodes hold each image. */
export function pluginContextOf(nodes: readonly NodeInfo[]): PluginContext {
  const imageNodeCounts = new Map<string, number>()
  for (const n of nodes)
    for (const img of n.images.keys()) imageNodeCounts.set(img, (imageNodeCounts.get(img) ?? 0) + 1)
  return { imageNodeCounts, totalNodes: nodes.length, allNodes: nodes, namespaceLabels: new Map() }
}

/**
 * PreScore, Score and NormalizeScore of one plugin over every node, as the
 * upstream plugin tests call them; null when PreScore says Skip.
 */
export function scoreNodes<S>(
  plugin: ScorePlugin<S>,
  pod: Pod,
  nodes: readonly NodeInfo[],
): NodeScore[] | null {
  const ctx = pluginContextOf(nodes)
  let state = undefined as S
  if (plugin.preScore) {
    const r = plugin.preScore(pod, nodes, ctx)
    if (r.status.code === 'Skip') return null
    state = r.state
  }
  const raw = nodes.map((n) => ({
    name: n.node.metadata.name ?? '',
    score: plugin.score(pod, n, state, ctx),
  }))
  return plugin.normalize ? plugin.normalize(raw, state) : raw
}

/** Freezes a value and everything reachable from it, so a mutation throws in strict mode. */
export function deepFreeze<T>(value: T, seen: WeakSet<object> = new WeakSet()): T {
  if (value !== null && typeof value === 'object' && !seen.has(value)) {
    seen.add(value)
    Object.freeze(value)
    for (const v of Object.values(value as object)) deepFreeze(v, seen)
  }
  return value
}
