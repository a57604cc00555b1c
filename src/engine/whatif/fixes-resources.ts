/**
 * Fixes for a pod that asks for more than a node has left: lower its requests to what the roomiest
 * node that failed only on resources has free (Pending with "Insufficient cpu/memory"), or, for a pod
 * placed by hand with nodeName that the kubelet refused (OutOfcpu/OutOfmemory), to what that node has
 * left, or let the scheduler choose.
 *
 * Free = allocatable minus the requests of the pods already on the node, exactly as NodeResourcesFit
 * checks it (pkg/scheduler/framework/plugins/noderesources/fit.go, fitsRequest) and as the kubelet's
 * admission does (pkg/kubelet/lifecycle/predicate.go, InsufficientResourceError). The amounts come
 * from the run's own scheduler snapshot, never from constants.
 */
import { addPod, podRequests } from '../scheduler/framework/node-info'
import type { NodeInfo } from '../scheduler/framework/types'
import { insufficient } from '../scheduler/plugins/node-resources-fit'
import { snapshotNodes } from '../scheduler/scheduler'
import { keyOfPod, otherPods, storyPod } from '../protocol/pods'
import { podDeletions } from '../etcd/objects'
import { parseQuantity, quantityMilliValue, quantityValue } from '../model/quantity'
import type { Container, Pod } from '../model/objects'
import type { EditFn } from './document-edit'
import {
  containersOf,
  firstSentence,
  podChange,
  writtenPod,
  type FixContext,
  type FixFamily,
} from './fix-context'
import type { Candidate } from './types'

type Resource = 'cpu' | 'memory'
const RESOURCES: readonly Resource[] = ['cpu', 'memory']
const MI = 1024 * 1024
const GI = 1024 * MI

/** Milli-CPU or bytes, as the scheduler counts them. */
const amountOf = (r: Resource, text: string | undefined): number | null => {
  if (text === undefined) return null
  const q = parseQuantity(String(text))
  if (!q.ok) return null
  return r === 'cpu' ? quantityMilliValue(q.quantity) : quantityValue(q.quantity)
}

/** The amount as a quantity, rounded down so it never asks for more: `1500m`, `4864Mi`, `3Gi`. */
export function formatAmount(r: Resource, amount: number): string {
  if (r === 'cpu') return `${Math.floor(amount)}m`
  if (amount >= GI && amount % GI === 0) return `${amount / GI}Gi`
  if (amount >= MI) return `${Math.floor(amount / MI)}Mi`
  return `${Math.floor(amount)}`
}

const label = (r: Resource, amount: number) => `${formatAmount(r, amount)} ${r === 'cpu' ? 'CPU' : 'memory'}`

const freeOf = (n: NodeInfo, r: Resource) =>
  r === 'cpu' ? n.allocatable.milliCPU - n.requested.milliCPU : n.allocatable.memory - n.requested.memory
const allocatableOf = (n: NodeInfo, r: Resource) =>
  r === 'cpu' ? n.allocatable.milliCPU : n.allocatable.memory
const requestOf = (pod: Pod, r: Resource) => {
  const req = podRequests(pod)
  return r === 'cpu' ? req.milliCPU : req.memory
}

/**
 * The edit that brings the pod's total request for `r` down to `target`, taking the excess from the
 * biggest container requests first. Null when the app containers' own requests cannot account for the
 * total (an init container or a LimitRange default sets it), so no edit of theirs would reach it.
 */
function lowerRequest(written: Pod, stored: Pod, r: Resource, target: number): EditFn | null {
  const total = requestOf(stored, r)
  const app = containersOf(written).filter((c) => c.path[1] === 'containers')
  // A container without a request for r gets its limit as the request (defaulting).
  const own = (c: Container) =>
    amountOf(r, c.resources?.requests?.[r]) ?? amountOf(r, c.resources?.limits?.[r]) ?? 0
  const sum = app.reduce((s, c) => s + own(c.container), 0)
  if (sum !== total || target <= 0 || target >= total) return null
  let excess = total - target
  const order = [...app].sort((a, b) => own(b.container) - own(a.container))
  const sets: [readonly (string | number)[], string][] = []
  for (const c of order) {
    if (excess <= 0) break
    const have = own(c.container)
    const cut = Math.min(have, excess)
    // Rounding down to the unit can only lower it further.
    sets.push([[...c.path, 'resources', 'requests', r], formatAmount(r, have - cut)])
    excess -= cut
  }
  return (e) => sets.forEach(([path, value]) => e.set(path, value))
}

function storyKey(world: FixContext['final']): string | undefined {
  const pod = storyPod(world)
  return pod ? keyOfPod(pod) : undefined
}

/** The scheduler's snapshot as the failed cycle saw it: the cluster's pods and the manifest's other bound pods. */
function nodesOf(ctx: FixContext): NodeInfo[] {
  const others = otherPods(ctx.final, storyKey(ctx.final)).filter((p) => p.spec.nodeName)
  return snapshotNodes(ctx.timeline.cluster, podDeletions(ctx.final.etcd)).map((n) =>
    others.filter((p) => p.spec.nodeName === n.name).reduce(addPod, n),
  )
}

const orList = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`

/** Pending on Insufficient cpu/memory: fit the roomiest node that failed only on resources. */
function fitTheRoomiestNode(ctx: FixContext): Candidate[] {
  const cycle = ctx.unschedulable
  if (!cycle || !ctx.pod) return []
  const written = writtenPod(ctx)
  if (!written) return []
  const short = new Map<string, Resource[]>()
  for (const v of cycle.nodes) {
    if (v.filter.plugin !== 'NodeResourcesFit') continue
    const rs = RESOURCES.filter((r) => v.filter.reasons.includes(insufficient(r)))
    // Only nodes where cpu or memory is the whole reason ("Too many pods" is not ours to fix).
    if (rs.length > 0 && rs.length === v.filter.reasons.length) short.set(v.name, rs)
  }
  if (short.size === 0) return []
  const nodes = nodesOf(ctx).filter((n) => short.has(n.name))
  const primary: Resource = [...short.values()].some((rs) => rs.includes('cpu')) ? 'cpu' : 'memory'
  const best = Math.max(...nodes.map((n) => freeOf(n, primary)))
  if (!(best > 0)) return []
  const chosen = nodes.filter((n) => freeOf(n, primary) === best)
  const resources = RESOURCES.filter((r) => chosen.some((n) => short.get(n.name)!.includes(r)))
  const targets = resources.map((r) => [r, Math.min(...chosen.map((n) => freeOf(n, r)))] as const)
  const edits: EditFn[] = []
  for (const [r, target] of targets) {
    if (!(target > 0)) return []
    const edit = lowerRequest(written, ctx.pod, r, target)
    if (!edit) return []
    edits.push(edit)
  }
  const change = podChange(ctx, (e) => edits.forEach((f) => f(e)))
  if (!change) return []
  const names = chosen.map((n) => n.name)
  const first = chosen[0]!
  return [
    {
      id: `resources:fit:${names.join('+')}`,
      title: `Request ${targets.map(([r, t]) => label(r, t)).join(' and ')}, the most ${orList(names)} can give`,
      why: `The scheduler found no node ("${firstSentence(cycle.message)}"); ${first.name} has ${targets
        .map(([r, t]) => `${formatAmount(r, t)} of its ${label(r, allocatableOf(first, r))} free`)
        .join(' and ')}.`,
      change,
    },
  ]
}

const OUT_OF =
  /^Node didn't have enough resource: (cpu|memory), requested: (\d+), used: (\d+), capacity: (\d+)/

/** spec.nodeName on a node without room: the kubelet's admission refused it (OutOfcpu). */
function fitTheNamedNode(ctx: FixContext): Candidate[] {
  const pod = ctx.pod
  const reason = pod?.status?.['reason']
  const message = String(pod?.status?.['message'] ?? '').replace(/^Pod was rejected: /, '')
  const m = OUT_OF.exec(message)
  const node = pod?.spec.nodeName
  if (!pod || !m || !node || reason !== `OutOf${m[1]}`) return []
  const r = m[1] as Resource
  const free = Number(m[4]) - Number(m[3])
  const why = `The kubelet on ${node} refused the pod with ${reason}: "${message}".`
  const out: Candidate[] = []
  const written = writtenPod(ctx)
  const edit = written ? lowerRequest(written, pod, r, free) : null
  const lower = edit ? podChange(ctx, edit) : null
  if (lower)
    out.push({
      id: `resources:node-name-fit:${node}`,
      title: `Request ${label(r, free)}, what ${node} has left`,
      why,
      change: lower,
    })
  const unpin = podChange(ctx, (e) => e.remove(['spec', 'nodeName']))
  if (unpin)
    out.push({
      id: 'resources:drop-node-name',
      title: `Remove nodeName: ${node} and let the scheduler choose`,
      why,
      change: unpin,
    })
  return out
}

export const ResourceFixes: FixFamily = {
  name: 'NodeResourcesFit',
  candidates: (ctx) => [...fitTheRoomiestNode(ctx), ...fitTheNamedNode(ctx)],
}
