/**
 * The CPU manager's state, as the kubelet keeps it in memory and checkpoints it to
 * /var/lib/kubelet/cpu_manager_state: the default (shared) cpuset and, per pod UID and container
 * name, the CPUs assigned exclusively. It lives in the frame (NodeRuntime.cpuManager) so that time
 * travel shows it as it was.
 * Upstream: pkg/kubelet/cm/cpumanager/state/state.go (ContainerCPUAssignments, GetCPUSetOrDefault),
 * state_checkpoint.go, checkpoint.go (CPUManagerCheckpointV2: policyName, defaultCpuSet, entries)
 */
import type { Pod } from '../../model/objects'
import { difference, formatCPUSet, union, type CPUSet } from './cpuset'

/** The pod's key in the state: its UID (a cluster-file pod without one: namespace/name). */
export const podUIDOf = (p: Pod): string =>
  p.metadata.uid || `${p.metadata.namespace ?? 'default'}/${p.metadata.name ?? ''}`

export type CPUPolicyName = 'none' | 'static'

export type ContainerCPUAssignments = Readonly<Record<string, Readonly<Record<string, CPUSet>>>>

export interface CPUManagerState {
  readonly policyName: CPUPolicyName
  /** The shared pool: every CPU not assigned exclusively (reserved CPUs included). Empty under none. */
  readonly defaultCpuSet: CPUSet
  readonly entries: ContainerCPUAssignments
}

export function getCPUSet(s: CPUManagerState, podUID: string, container: string): CPUSet | undefined {
  return s.entries[podUID]?.[container]
}

/** GetCPUSetOrDefault: what GetCPUAffinity returns and PreCreateContainer puts in the CRI config. */
export function getCPUSetOrDefault(s: CPUManagerState, podUID: string, container: string): CPUSet {
  return getCPUSet(s, podUID, container) ?? s.defaultCpuSet
}

export function setCPUSet(
  s: CPUManagerState,
  podUID: string,
  container: string,
  cpus: CPUSet,
): CPUManagerState {
  return { ...s, entries: { ...s.entries, [podUID]: { ...(s.entries[podUID] ?? {}), [container]: cpus } } }
}

/**
 * staticPolicy.RemoveContainer: the container's CPUs go back to the shared pool, except those a
 * sibling in the same pod still holds (an app container reusing an init container's CPUs).
 */
export function removeContainer(s: CPUManagerState, podUID: string, container: string): CPUManagerState {
  const mine = getCPUSet(s, podUID, container)
  if (!mine) return s
  const { [container]: _gone, ...rest } = s.entries[podUID] ?? {}
  const siblings = Object.values(rest).reduce<CPUSet>((acc, c) => union(acc, c), [])
  const { [podUID]: _pod, ...others } = s.entries
  const entries = Object.keys(rest).length ? { ...others, [podUID]: rest } : others
  return { ...s, entries, defaultCpuSet: union(s.defaultCpuSet, difference(mine, siblings)) }
}

/**
 * removeStaleState: before each Allocate, assignments of containers that are no longer in an active
 * pod are removed (a deleted or finished pod, a pod the kubelet rejected). `active` maps pod UID to
 * its container names.
 */
export function removeStaleState(
  s: CPUManagerState,
  active: ReadonlyMap<string, ReadonlySet<string>>,
): CPUManagerState {
  let out = s
  for (const [uid, containers] of Object.entries(s.entries))
    for (const name of Object.keys(containers))
      if (!active.get(uid)?.has(name)) out = removeContainer(out, uid, name)
  return out
}

/** The checkpoint file's content (without its checksum), as `cat /var/lib/kubelet/cpu_manager_state` shows it. */
export function checkpointOf(s: CPUManagerState): {
  policyName: string
  defaultCpuSet: string
  entries?: Record<string, Record<string, string>>
} {
  const entries: Record<string, Record<string, string>> = {}
  for (const [uid, cs] of Object.entries(s.entries))
    entries[uid] = Object.fromEntries(Object.entries(cs).map(([n, set]) => [n, formatCPUSet(set)]))
  return {
    policyName: s.policyName,
    defaultCpuSet: formatCPUSet(s.defaultCpuSet),
    ...(Object.keys(entries).length ? { entries } : {}),
  }
}
