/**
 * The CPU manager of a node in the simulation: its policy, built once from the cluster's Kubelet
 * object for that node (none when there is none), and its state, kept in the frame once the kubelet
 * has admitted a pod there; before that, the state its existing pods give (admitted in the cluster
 * file's order, as a kubelet that had been running them would hold it).
 */
import type { Cluster } from '../../model/cluster'
import type { Node, Pod } from '../../model/objects'
import type { World } from '../../protocol/world'
import { createCPUManager, stateWithPods } from './cpu-manager'
import type { CPUPolicy } from './policy'
import type { CPUManagerState } from './state'

const policies = new WeakMap<Node, WeakMap<object, CPUPolicy>>()
const NO_SPEC = {}

export function policyFor(cluster: Cluster, nodeName: string): CPUPolicy | null {
  const node = cluster.nodes.find((n) => n.metadata.name === nodeName)
  if (!node) return null
  const spec = cluster.kubelets?.[nodeName]
  let bySpec = policies.get(node)
  if (!bySpec) policies.set(node, (bySpec = new WeakMap()))
  let policy = bySpec.get(spec ?? NO_SPEC)
  if (!policy) {
    const r = createCPUManager(spec, node)
    // The cluster loader refuses a Kubelet the real kubelet would not start with (cluster-file.ts).
    if (!r.ok)
      throw new Error(
        `CPU manager of node ${nodeName}: ${r.error} (the cluster check should have refused it)`,
      )
    policy = r.policy
    bySpec.set(spec ?? NO_SPEC, policy)
  }
  return policy
}

const initial = new WeakMap<CPUPolicy, WeakMap<readonly Pod[], CPUManagerState>>()

const isActive = (p: Pod) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed'

/** The node's CPU manager state in this frame. */
export function cpuStateOf(world: World, cluster: Cluster, nodeName: string): CPUManagerState | null {
  const kept = world.nodes[nodeName]?.cpuManager
  if (kept) return kept
  const policy = policyFor(cluster, nodeName)
  if (!policy) return null
  let byPods = initial.get(policy)
  if (!byPods) initial.set(policy, (byPods = new WeakMap()))
  let st = byPods.get(cluster.pods)
  if (!st) {
    const pods =
      policy.name === 'none' ? [] : cluster.pods.filter((p) => p.spec.nodeName === nodeName && isActive(p))
    st = stateWithPods(policy, pods)
    byPods.set(cluster.pods, st)
  }
  return st
}
