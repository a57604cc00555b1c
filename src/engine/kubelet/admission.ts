/**
 * The kubelet's own admission of a pod bound to its node (pods placed with
 * spec.nodeName skip the scheduler, so this is where they can fail): the
 * pod's requests must fit what is left of the node's allocatable, and the
 * node must match its nodeSelector / required node affinity. Only the first
 * failure is reported.
 * Before those predicates, the sysctl allowlist (sysctl-allowlist.ts) and then the
 * allocate-resources handler (the CPU manager, cpu-manager/), in the order NewMainKubelet
 * registers the admit handlers: so a pod the static policy cannot pin is refused before its
 * requests are compared with what is left.
 * Upstream: pkg/kubelet/lifecycle/predicate.go (Admit, generalFilter,
 * InsufficientResourceError, PredicateFailureError), pkg/kubelet/kubelet.go (rejectPod)
 */
import type { Node, Pod } from '../model/objects'
import { buildNodeInfo, podRequests } from '../scheduler/framework/node-info'
import { podMatchesNodeSelectorAndAffinity, ERR_REASON_POD } from '../scheduler/plugins/node-affinity'
import { forbiddenSysctl, REASON_SYSCTL_FORBIDDEN } from './sysctl-allowlist'
import { admitPodCPUs } from './cpu-manager/cpu-manager'
import type { CPUPolicy } from './cpu-manager/policy'
import type { CPUManagerState } from './cpu-manager/state'
import { MSG_INSUFFICIENT, MSG_PREDICATE_FAILED } from './kubelet-messages'

export type AdmitResult =
  | { readonly ok: true; readonly cpuState?: CPUManagerState }
  | { readonly ok: false; readonly reason: string; readonly message: string }

/** The node's CPU manager and its state, when admission should allocate CPUs. */
export interface CPUAdmission {
  readonly policy: CPUPolicy
  readonly state: CPUManagerState
}

export function kubeletAdmit(
  pod: Pod,
  node: Node,
  podsOnNode: readonly Pod[],
  cpu?: CPUAdmission,
): AdmitResult {
  const sysctl = forbiddenSysctl(pod)
  if (sysctl) return { ok: false, reason: REASON_SYSCTL_FORBIDDEN, message: sysctl }
  const pinned = cpu ? admitPodCPUs(cpu.policy, cpu.state, pod, podsOnNode) : null
  if (pinned && !pinned.ok) return pinned
  const info = buildNodeInfo(node, podsOnNode)
  const req = podRequests(pod)
  const alloc = info.allocatable
  const used = info.requested
  const checks: [string, number, number, number][] = [
    ['pods', 1, podsOnNode.length, alloc.allowedPodNumber],
    ['cpu', req.milliCPU, used.milliCPU, alloc.milliCPU],
    ['memory', req.memory, used.memory, alloc.memory],
    ['ephemeral-storage', req.ephemeralStorage, used.ephemeralStorage, alloc.ephemeralStorage],
    ...Object.entries(req.scalar).map(
      ([k, v]) => [k, v, used.scalar[k] ?? 0, alloc.scalar[k] ?? 0] as [string, number, number, number],
    ),
  ]
  for (const [resource, requested, inUse, capacity] of checks) {
    if (resource !== 'pods' && requested === 0) continue
    if (requested > capacity - inUse) {
      return {
        ok: false,
        reason: `OutOf${resource}`,
        message: MSG_INSUFFICIENT(resource, requested, inUse, capacity),
      }
    }
  }
  if (!podMatchesNodeSelectorAndAffinity(pod, node)) {
    return {
      ok: false,
      reason: 'NodeAffinity',
      message: MSG_PREDICATE_FAILED('NodeAffinity', ERR_REASON_POD),
    }
  }
  return pinned ? { ok: true, cpuState: pinned.state } : { ok: true }
}
