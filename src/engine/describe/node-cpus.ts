/**
 * The node's CPUs in the node view: which are reserved, which belong to one container alone, which
 * form the shared pool, under the node's CPU manager policy. Pure: it reads the frame's CPU manager
 * state (kubelet/cpu-manager/node-state.ts) and the cluster.
 * Upstream: pkg/kubelet/cm/cpumanager/policy_static.go (the SHARED, RESERVED and EXCLUSIVE sets)
 */
import type { Cluster } from '../model/cluster'
import type { Pod } from '../model/objects'
import type { World } from '../protocol/world'
import { allPods } from '../protocol/pods'
import { policyFor, cpuStateOf } from '../kubelet/cpu-manager/node-state'
import { formatCPUSet } from '../kubelet/cpu-manager/cpuset'
import { allCPUs } from '../kubelet/cpu-manager/topology'
import { podUIDOf } from '../kubelet/cpu-manager/state'

export type CpuUse = 'reserved' | 'exclusive' | 'shared'

export interface CpuCell {
  readonly cpu: number
  readonly core: number
  readonly socket: number
  /** Under none every CPU is shared. A reserved CPU is also in the shared pool, but never exclusive. */
  readonly use: CpuUse
  /** For an exclusive CPU: the pod and container that hold it, and whether that is the pod in view. */
  readonly pod?: string
  readonly container?: string
  readonly mine?: boolean
}

export interface CpuAssignment {
  readonly pod: string
  readonly container: string
  readonly cpus: string
  readonly mine: boolean
}

export interface NodeCpuView {
  readonly policy: 'none' | 'static'
  readonly cells: readonly CpuCell[]
  readonly reserved: string
  /** The shared pool (the state's default cpuset); under none, every CPU. */
  readonly shared: string
  readonly assignments: readonly CpuAssignment[]
}

export function nodeCpuView(frame: World, cluster: Cluster, node: string, pod: Pod): NodeCpuView | null {
  const policy = policyFor(cluster, node)
  const state = policy ? cpuStateOf(frame, cluster, node) : null
  if (!policy || !state) return null
  // Names only when some container holds CPUs (a 150,000-pod cluster is not scanned for nothing).
  const names = new Map<string, string>()
  if (Object.keys(state.entries).length)
    for (const p of [...cluster.pods, ...allPods(frame)])
      if (p.spec.nodeName === node) names.set(podUIDOf(p), p.metadata.name ?? '')
  const own = podUIDOf(pod)
  const holder = new Map<number, CpuAssignment>()
  const assignments: CpuAssignment[] = []
  for (const [uid, containers] of Object.entries(state.entries))
    for (const [container, cpus] of Object.entries(containers)) {
      const a = { pod: names.get(uid) ?? uid, container, cpus: formatCPUSet(cpus), mine: uid === own }
      assignments.push(a)
      for (const c of cpus) holder.set(c, a)
    }
  const reserved = new Set(policy.reserved)
  const cells = allCPUs(policy.topology).map((cpu): CpuCell => {
    const info = policy.topology.details.get(cpu)!
    const base = { cpu, core: info.core, socket: info.socket }
    const a = holder.get(cpu)
    if (a) return { ...base, use: 'exclusive', pod: a.pod, container: a.container, mine: a.mine }
    return { ...base, use: reserved.has(cpu) ? 'reserved' : 'shared' }
  })
  return {
    policy: policy.name,
    cells,
    reserved: formatCPUSet(policy.reserved),
    shared: formatCPUSet(policy.name === 'none' ? allCPUs(policy.topology) : state.defaultCpuSet),
    assignments,
  }
}

export function cpuCaption(v: NodeCpuView): string {
  const n = v.cells.length
  if (v.policy === 'none')
    return `CPU manager: none policy (the default). Every container may run on any of the node's ${n} CPUs (${v.shared}); no cpuset is set.`
  const held = v.assignments.map((a) => `${a.container} of ${a.pod} on ${a.cpus}`)
  return `CPU manager: static policy, ${n} CPUs. Reserved for the system: ${v.reserved || 'none'}. ${
    held.length ? `Exclusive: ${held.join('; ')}.` : 'No exclusive CPUs.'
  } Shared pool: ${v.shared || 'empty'}${v.reserved ? ' (the reserved CPUs included)' : ''}.`
}
