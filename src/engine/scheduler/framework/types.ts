/**
 * The scheduling framework's shapes, in our own types.
 * Upstream: staging/src/k8s.io/kube-scheduler/framework/interface.go,
 * pkg/scheduler/framework/types.go (NodeInfo, Resource)
 */
import type { Node, Pod } from '../../model/objects'

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
  readonly pods: readonly Pod[]
  readonly allocatable: Resource
  /** Sum of the requests of the pods on the node. */
  readonly requested: Resource
  /** Same, with unset cpu/memory requests counted as 100m / 200Mi (for scoring). */
  readonly nonZeroRequested: { readonly milliCPU: number; readonly memory: number }
  /** host ports in use: "protocol/ip/port". */
  readonly usedPorts: ReadonlySet<string>
  /** Images present on the node, by normalised name → size in bytes. */
  readonly images: ReadonlyMap<string, number>
}

export interface NodeScore {
  readonly name: string
  readonly score: number
}

export interface PluginContext {
  /** How many nodes hold each image (for ImageLocality's spread factor), and the node count. */
  readonly imageNodeCounts: ReadonlyMap<string, number>
  readonly totalNodes: number
}

export interface FilterPlugin<S = unknown> {
  readonly name: string
  preFilter?(pod: Pod, nodes: readonly NodeInfo[]): { status: Status; state: S }
  filter(pod: Pod, node: NodeInfo, state: S): Status
}

export interface ScorePlugin<S = unknown> {
  readonly name: string
  preScore?(pod: Pod, nodes: readonly NodeInfo[], ctx: PluginContext): { status: Status; state: S }
  score(pod: Pod, node: NodeInfo, state: S, ctx: PluginContext): number
  normalize?(scores: readonly NodeScore[]): NodeScore[]
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
