/**
 * The static policy: a container of a Guaranteed pod whose CPU request is a positive integer gets
 * that many CPUs to itself; every other container runs on the shared pool (the default cpuset),
 * which shrinks as exclusive CPUs are handed out. The reserved CPUs (reservedSystemCPUs, or
 * ceil(kubeReserved.cpu + systemReserved.cpu) taken by topology from the lowest cores) stay in the
 * shared pool and are never handed out.
 *
 * Options: full-pcpus-only (whole physical cores only: SMTAlignmentError otherwise). The other
 * upstream options are refused at load (cpu-manager.ts) rather than silently ignored.
 * Upstream: pkg/kubelet/cm/cpumanager/policy_static.go (NewStaticPolicy, Start, Allocate,
 * allocateCPUs, guaranteedCPUs, SMTAlignmentError), policy_options.go (NewStaticPolicyOptions)
 */
import type { Container, Pod } from '../../model/objects'
import { parseQuantity } from '../../model/quantity'
import { podQOSClass } from '../../model/qos'
import { difference, formatCPUSet, union, type CPUSet } from './cpuset'
import { takeByTopology } from './cpu-assignment'
import { allCPUs, cpusPerCore, cpusWhere, type CPUTopology } from './topology'
import { getCPUSet, podUIDOf, setCPUSet } from './state'
import type { AllocateResult, CPUPolicy, PolicyResult } from './policy'

export const FULL_PCPUS_ONLY = 'full-pcpus-only'

/** SMTAlignmentError.Type(): the reason of a pod refused for it. */
export const ERROR_SMT_ALIGNMENT = 'SMTAlignmentError'

/** SMTAlignmentError.Error(). */
export const smtNotMultipleMessage = (requested: number, perCore: number): string =>
  `SMT Alignment Error: requested ${requested} cpus not multiple cpus per core = ${perCore}`
export const smtPhysicalMessage = (available: number, requested: number, perCore: number): string =>
  `SMT Alignment Error: not enough free physical CPUs: available physical CPUs = ${available}, requested CPUs = ${requested}, CPUs per core = ${perCore}`

/** NewStaticPolicy when the reserved set does not have the size the reservation asks for. */
export const reserveSizeMessage = (reserved: CPUSet, num: number): string =>
  `[cpumanager] unable to reserve the required amount of CPUs (size of ${formatCPUSet(reserved)} did not equal ${num})`

export interface StaticPolicyOptions {
  readonly fullPhysicalCPUsOnly: boolean
}

/**
 * guaranteedCPUs: the container's integer CPU request in a Guaranteed pod, else 0 (the shared pool).
 * A pod with pod-level resources (spec.resources) is not pinned: the static policy does not support it.
 */
export function guaranteedCPUs(pod: Pod, c: Container): number {
  if (podQOSClass(pod) !== 'Guaranteed') return 0
  if (pod.spec['resources'] && typeof pod.spec['resources'] === 'object') return 0
  const text = c.resources?.requests?.['cpu']
  if (text === undefined) return 0
  const q = parseQuantity(String(text))
  if (!q.ok || q.quantity.nanos <= 0n || q.quantity.nanos % 1_000_000_000n !== 0n) return 0
  return Number(q.quantity.nanos / 1_000_000_000n)
}

export function createStaticPolicy(
  topology: CPUTopology,
  numReservedCPUs: number,
  reservedCPUs: CPUSet,
  options: StaticPolicyOptions,
): PolicyResult {
  const all = allCPUs(topology)
  let reserved = reservedCPUs
  if (!reserved.length) {
    // "Given a system with 8 CPUs available and HT enabled, if numReservedCPUs=2, then reserved={0,4}."
    const taken = takeByTopology(topology, all, numReservedCPUs)
    reserved = taken.ok ? taken.cpus : []
  }
  if (reserved.length !== numReservedCPUs)
    return { ok: false, error: reserveSizeMessage(reserved, numReservedCPUs) }
  // The reserved CPUs' core siblings: full-pcpus-only counts them as taken, so a reservation of
  // single threads cannot leave half a core to hand out.
  const reservedCores = new Set(reserved.map((c) => topology.details.get(c)!.core))
  const reservedPhysical = cpusWhere(topology, all, (i) => reservedCores.has(i.core))
  const perCore = cpusPerCore(topology)

  function allocate(
    state: Parameters<CPUPolicy['allocate']>[0],
    pod: Pod,
    c: Container,
    reusable: CPUSet,
  ): AllocateResult {
    const numCPUs = guaranteedCPUs(pod, c)
    if (numCPUs === 0) return { ok: true, state }
    if (options.fullPhysicalCPUsOnly) {
      if (numCPUs % perCore !== 0)
        return {
          ok: false,
          error: { type: ERROR_SMT_ALIGNMENT, message: smtNotMultipleMessage(numCPUs, perCore) },
        }
      const physical = difference(state.defaultCpuSet, reservedPhysical).length
      if (numCPUs > physical)
        return {
          ok: false,
          error: { type: ERROR_SMT_ALIGNMENT, message: smtPhysicalMessage(physical, numCPUs, perCore) },
        }
    }
    const uid = podUIDOf(pod)
    // A container already in the state keeps its CPUs (a kubelet restart re-admits running pods).
    if (getCPUSet(state, uid, c.name)) return { ok: true, state }
    const allocatable = union(difference(state.defaultCpuSet, reserved), reusable)
    const taken = takeByTopology(topology, allocatable, numCPUs)
    if (!taken.ok) return { ok: false, error: { message: taken.error } }
    const shrunk = { ...state, defaultCpuSet: difference(state.defaultCpuSet, taken.cpus) }
    return { ok: true, state: setCPUSet(shrunk, uid, c.name, taken.cpus) }
  }

  return {
    ok: true,
    policy: {
      name: 'static',
      topology,
      reserved,
      // validateState on an empty state file: the default cpuset is every CPU.
      start: () => ({ policyName: 'static', defaultCpuSet: all, entries: {} }),
      allocate,
    },
  }
}
