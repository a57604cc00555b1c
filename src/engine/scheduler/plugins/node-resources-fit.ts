/**
 * NodeResourcesFit: the pod's requests must fit the node's allocatable minus
 * what its pods already request (Filter; UnschedulableAndUnresolvable when a request exceeds the
 * allocatable itself); LeastAllocated scoring prefers the
 * node with the most room left, cpu and memory weighted equally (Score).
 * Upstream: pkg/scheduler/framework/plugins/noderesources/fit.go, least_allocated.go,
 * resource_allocation.go
 */
import type { Pod } from '../../model/objects'
import type { FilterPlugin, NodeInfo, Resource, ScorePlugin } from '../framework/types'
import { SUCCESS as SUCCESS_, MAX_NODE_SCORE as MAX_NODE_SCORE_ } from '../framework/types'
import { podFigures } from '../framework/node-info'

// Module-local copies: the hot path reads them for every node, and where modules are compiled
// to CommonJS (tsx, the benchmark) every read of an imported binding is a getter call.
const SUCCESS = SUCCESS_
const MAX_NODE_SCORE = MAX_NODE_SCORE_

export const ERR_TOO_MANY_PODS = 'Too many pods'
export const insufficient = (resource: string): string => `Insufficient ${resource}`

/** The pod's request as Filter reads it: the amounts plus what every node check would otherwise recompute. */
export interface FitRequest extends Resource {
  /** Extended resources the pod asks for (amount > 0), in request order. */
  readonly scalarNames: readonly string[]
  /** Nothing but the pod count to check (fitsRequest's early return). */
  readonly empty: boolean
}

export function fitRequest(req: Resource): FitRequest {
  const scalarNames = Object.keys(req.scalar).filter((k) => req.scalar[k] !== 0)
  const empty =
    req.milliCPU === 0 && req.memory === 0 && req.ephemeralStorage === 0 && scalarNames.length === 0
  return { ...req, scalarNames, empty }
}

/** fitsRequest: every shortage is reported, in upstream's order (pods, cpu, memory, ephemeral-storage, scalars). */
export function insufficientResources(request: Resource, node: NodeInfo): string[] {
  // Nothing is allocated on the common path (the pod fits): this runs for every examined node.
  // No inner closures either: where modules are compiled with keepNames each one costs a defineProperty.
  const req = 'scalarNames' in request ? (request as FitRequest) : fitRequest(request)
  let out: string[] | null = null
  if (node.pods.length + 1 > node.allocatable.allowedPodNumber) out = [ERR_TOO_MANY_PODS]
  if (req.empty) return out ?? NONE
  const a = node.allocatable
  const r = node.requested
  if (req.milliCPU > 0 && req.milliCPU > a.milliCPU - r.milliCPU) (out ??= []).push(insufficient('cpu'))
  if (req.memory > 0 && req.memory > a.memory - r.memory) (out ??= []).push(insufficient('memory'))
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > a.ephemeralStorage - r.ephemeralStorage)
    (out ??= []).push(insufficient('ephemeral-storage'))
  for (let i = 0; i < req.scalarNames.length; i++) {
    const name = req.scalarNames[i]!
    const amount = req.scalar[name]!
    if (amount > 0 && amount > (a.scalar[name] ?? 0) - (r.scalar[name] ?? 0))
      (out ??= []).push(insufficient(name))
  }
  return out ?? NONE
}

const NONE: string[] = []

/**
 * Whether a shortage cannot be cured by evicting pods: the request alone exceeds the node's allocatable
 * for a resource it is short of (InsufficientResource.Unresolvable, v1.34 fitsRequest). Too many pods
 * never counts: preemption frees pod slots. Only asked once a node has already failed.
 */
export function exceedsAllocatable(request: Resource, node: NodeInfo): boolean {
  // A request above the allocatable is above what is left too (requests are never negative).
  const a = node.allocatable
  if (request.milliCPU > a.milliCPU || request.memory > a.memory) return true
  if (request.ephemeralStorage > a.ephemeralStorage) return true
  return Object.keys(request.scalar).some((name) => request.scalar[name]! > (a.scalar[name] ?? 0))
}

function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity)
}

export const NodeResourcesFit: FilterPlugin<FitRequest> & ScorePlugin<{ milliCPU: number; memory: number }> =
  {
    name: 'NodeResourcesFit',
    preFilter(pod: Pod) {
      return { status: SUCCESS, state: fitRequest(podFigures(pod).requests) }
    },
    filter(_pod, node, req) {
      const reasons = insufficientResources(req, node)
      if (reasons.length === 0) return SUCCESS
      // v1.34 Filter: any shortage the node could not cover even when empty makes the status
      // UnschedulableAndUnresolvable, so DefaultPreemption skips the node ("Preemption is not helpful
      // for scheduling"); upstream PR kubernetes/kubernetes#131345.
      return {
        code: exceedsAllocatable(req, node) ? 'UnschedulableAndUnresolvable' : 'Unschedulable',
        reasons,
      }
    },
    preScore(pod) {
      return { status: SUCCESS, state: podFigures(pod).nonZero }
    },
    score(_pod, node, req) {
      // LeastAllocated with the default resources cpu=1, memory=1; a resource the node does not report is skipped.
      let total = 0
      let weights = 0
      const cpuCap = node.allocatable.milliCPU
      const memCap = node.allocatable.memory
      if (cpuCap !== 0) {
        total += leastRequestedScore(node.nonZeroRequested.milliCPU + req.milliCPU, cpuCap)
        weights += 1
      }
      if (memCap !== 0) {
        total += leastRequestedScore(node.nonZeroRequested.memory + req.memory, memCap)
        weights += 1
      }
      return weights === 0 ? 0 : Math.trunc(total / weights)
    },
  }
