/**
 * The scheduling framework's shapes, in our own types.
 * Upstream: staging/src/k8s.io/kube-scheduler/framework/interface.go,
 * pkg/scheduler/framework/types.go (NodeInfo, Resource)
 */
import type { LabelSelector } from '../../model/label-selector'
import type { DisruptionBudget } from '../../model/disruption-budget'
import type { KubeObject } from '../../model/objects'
import type { Node, Pod } from '../../model/objects'
import type { Labels } from '../../model/label-selector'
import type { NodeVerdict } from '../../protocol/events'

export type Code =
  'Success' | 'Error' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Wait' | 'Skip' | 'Pending'

export interface Status {
  readonly code: Code
  readonly reasons: readonly string[]
  readonly plugin?: string
}

export const SUCCESS: Status = { code: 'Success', reasons: [] }
export const SKIP: Status = { code: 'Skip', reasons: [] }
export const unschedulable = (...reasons: string[]): Status => ({ code: 'Unschedulable', reasons })
export const unresolvable = (...reasons: string[]): Status => ({
  code: 'UnschedulableAndUnresolvable',
  reasons,
})

/** MaxNodeScore: every plugin's normalised score is in [0, 100]. */
export const MAX_NODE_SCORE = 100

/** Resource amounts in the units the scheduler uses: milli-CPU, bytes, counts. */
export interface Resource {
  readonly milliCPU: number
  readonly memory: number
  readonly ephemeralStorage: number
  readonly allowedPodNumber: number
  readonly scalar: Readonly<Record<string, number>>
}

export interface NodeInfo {
  readonly node: Node
  /** node.metadata.name, read once. */
  readonly name: string
  readonly pods: readonly Pod[]
  /** Pods with any pod (anti-)affinity, and those with required anti-affinity (NodeInfo.PodsWithAffinity, PodsWithRequiredAntiAffinity). */
  readonly podsWithAffinity: readonly Pod[]
  readonly podsWithRequiredAntiAffinity: readonly Pod[]
  readonly allocatable: Resource
  /** Sum of the requests of the pods on the node. */
  readonly requested: Resource
  /** Same, with unset cpu/memory requests counted as 100m / 200Mi (for scoring). */
  readonly nonZeroRequested: { readonly milliCPU: number; readonly memory: number }
  /** host ports in use: "protocol/ip/port". */
  readonly usedPorts: ReadonlySet<string>
  /** Images present on the node, by normalised name → size in bytes. */
  readonly images: ReadonlyMap<string, number>
  /** This node's row in a cycle that did not examine it (shared, so 5,000-node cycles do not rebuild it). */
  readonly unexaminedRow: NodeVerdict
}

export interface NodeScore {
  readonly name: string
  readonly score: number
}

export interface PluginContext {
  /** How many nodes hold each image (for ImageLocality's spread factor), and the node count. */
  readonly imageNodeCounts: ReadonlyMap<string, number>
  readonly totalNodes: number
  /** Every node of the snapshot (PodTopologySpread and InterPodAffinity count pods on all of them). */
  readonly allNodes: readonly NodeInfo[]
  /** The snapshot's HavePodsWithAffinityList and HavePodsWithRequiredAntiAffinityList. */
  readonly nodesWithAffinityPods?: readonly NodeInfo[]
  readonly nodesWithRequiredAntiAffinityPods?: readonly NodeInfo[]
  /** Labels of each namespace, for namespaceSelector in pod (anti-)affinity terms. */
  readonly namespaceLabels: ReadonlyMap<string, Labels>
  /** PersistentVolumeClaims of the cluster: `namespace/name` → status.phase. */
  readonly persistentVolumeClaims?: ReadonlyMap<string, string>
  /** The PersistentVolumeClaims, PersistentVolumes (by name) and StorageClasses (by name) of the cluster. */
  readonly volumeClaims?: ReadonlyMap<string, KubeObject>
  readonly persistentVolumes?: ReadonlyMap<string, KubeObject>
  readonly storageClasses?: ReadonlyMap<string, KubeObject>
  /**
   * The selectors of the workloads that may own a pod, for PodTopologySpread's system default
   * constraints (helper.DefaultSelector): ReplicaSets by `namespace/name`, and Services' selectors by namespace.
   */
  readonly replicaSetSelectors?: ReadonlyMap<string, LabelSelector>
  readonly serviceSelectors?: ReadonlyMap<string, readonly Readonly<Record<string, string>>[]>
  /** PodDisruptionBudgets, which preemption tries not to break. */
  readonly podDisruptionBudgets?: readonly DisruptionBudget[]
}

/** What PreFilter returns: a status, the state Filter reads, and optionally the only nodes worth filtering (PreFilterResult). */
export interface PreFilterOutput<S> {
  readonly status: Status
  readonly state: S
  readonly nodeNames?: ReadonlySet<string>
}

export interface FilterPlugin<S = unknown> {
  readonly name: string
  preFilter?(pod: Pod, nodes: readonly NodeInfo[], ctx?: PluginContext): PreFilterOutput<S>
  filter(pod: Pod, node: NodeInfo, state: S): Status
}

/** PreEnqueue: decides whether the pod may enter the active queue at all (SchedulingGates). */
export interface PreEnqueuePlugin {
  readonly name: string
  preEnqueue(pod: Pod): Status
}

export interface ScorePlugin<S = unknown> {
  readonly name: string
  preScore?(pod: Pod, nodes: readonly NodeInfo[], ctx: PluginContext): { status: Status; state: S }
  score(pod: Pod, node: NodeInfo, state: S, ctx: PluginContext): number
  normalize?(scores: readonly NodeScore[], state: S): NodeScore[]
}

/**
 * DefaultNormalizeScore (pkg/scheduler/framework/plugins/helper/normalize_score.go):
 * scale to [0, maxPriority] by the highest score; `reverse` flips it.
 */
export function defaultNormalizeScore(
  maxPriority: number,
  reverse: boolean,
  scores: readonly NodeScore[],
): NodeScore[] {
  let max = 0
  for (const s of scores) if (s.score > max) max = s.score
  if (max === 0) return scores.map((s) => ({ name: s.name, score: reverse ? maxPriority : s.score }))
  return scores.map((s) => {
    let score = Math.trunc((maxPriority * s.score) / max)
    if (reverse) score = maxPriority - score
    return { name: s.name, score }
  })
}
