/**
 * The kubelet's CPU manager: built from the node's KubeletConfiguration (cpuManagerPolicy,
 * cpuManagerPolicyOptions, reservedSystemCPUs, kubeReserved, systemReserved) and its CPU topology;
 * at admission it allocates for every container of the pod, init containers first; before
 * CreateContainer it gives each container's cpuset (GetCPUAffinity).
 *
 * A configuration the real kubelet would not start with is an error here (the cluster file loader
 * reports it) with the kubelet's own words.
 * Upstream: pkg/kubelet/cm/cpumanager/cpu_manager.go (NewManager, Allocate, removeStaleState,
 * GetCPUAffinity), cmd/kubelet/app/server.go (getReservedCPUs; reservedSystemCPUs replaces the cpu
 * of kubeReserved and systemReserved), pkg/kubelet/cm/topologymanager/scope.go (admitPolicyNone:
 * every provider's Allocate per container, init containers first), pkg/kubelet/cm/admission/errors.go
 */
import type { Node, Pod } from '../../model/objects'
import type { KubeletSpec } from '../../model/cluster-kubelet'
import { parseQuantity } from '../../model/quantity'
import { difference, formatCPUSet, isSubsetOf, parseCPUSet, union, type CPUSet } from './cpuset'
import { allCPUs, topologyOf } from './topology'
import { createNonePolicy } from './policy-none'
import { createStaticPolicy, FULL_PCPUS_ONLY } from './policy-static'
import { getCPUSet, getCPUSetOrDefault, podUIDOf, removeStaleState, type CPUManagerState } from './state'
import type { CPUPolicy, PolicyResult } from './policy'

/** admission.ErrorReasonUnexpected and unexpectedAdmissionError.Error(). */
export const REASON_UNEXPECTED_ADMISSION = 'UnexpectedAdmissionError'
export const unexpectedAdmissionMessage = (err: string): string =>
  `Allocate failed due to ${err}, which is unexpected`

export const MSG_NO_RESERVATION = '[cpumanager] unable to determine reserved CPU resources for static policy'
export const MSG_ZERO_RESERVATION =
  '[cpumanager] the static policy requires systemreserved.cpu + kubereserved.cpu to be greater than zero'
export const unknownPolicyMessage = (name: string): string => `unknown policy: "${name}"`
export const unknownOptionMessage = (name: string): string => `unknown CPU Manager Policy option: "${name}"`
export const notSubsetMessage = (cpus: string, online: CPUSet): string =>
  `reserved-cpus: ${cpus} is not a subset of online-cpus: ${formatCPUSet(online)}`

/** The static policy options of kubelet 1.34 (policy_options.go); only full-pcpus-only is modelled. */
const UPSTREAM_OPTIONS = [
  FULL_PCPUS_ONLY,
  'distribute-cpus-across-numa',
  'align-by-socket',
  'distribute-cpus-across-cores',
  'strict-cpu-reservation',
  'prefer-align-cpus-by-uncorecache',
]

/** strconv.ParseBool. */
function parseBool(v: string): boolean | null {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false
  return null
}

function milliCPU(list: Readonly<Record<string, string>> | undefined): number | null {
  const v = list?.['cpu']
  if (v === undefined) return null
  const q = parseQuantity(String(v))
  return q.ok ? Number((q.quantity.nanos + 999_999n) / 1_000_000n) : null
}

/** The CPUs the node has, as cAdvisor counts them: status.capacity.cpu, whole CPUs. */
function capacityCPUs(node: Node): number {
  const q = parseQuantity(String(node.status.capacity?.['cpu'] ?? '0'))
  return q.ok ? Number(q.quantity.nanos / 1_000_000_000n) : 0
}

/** NewManager for the node's kubelet; a node without a Kubelet object runs the none policy. */
export function createCPUManager(spec: KubeletSpec | undefined, node: Node): PolicyResult {
  const config = spec?.config ?? {}
  const topology = topologyOf(spec?.machine, capacityCPUs(node))
  const options = config.cpuManagerPolicyOptions ?? {}
  const name = config.cpuManagerPolicy || 'none'
  let reservedSet: CPUSet = []
  const text = config.reservedSystemCPUs ?? ''
  if (text !== '') {
    const parsed = parseCPUSet(text)
    if (!parsed.ok) return { ok: false, error: `unable to parse reserved-cpus list: ${parsed.error}` }
    if (!isSubsetOf(parsed.set, allCPUs(topology)))
      return { ok: false, error: notSubsetMessage(text, allCPUs(topology)) }
    reservedSet = parsed.set
  }
  if (name === 'none') return createNonePolicy(topology, options)
  if (name !== 'static') return { ok: false, error: unknownPolicyMessage(name) }
  let fullPhysicalCPUsOnly = false
  for (const [k, v] of Object.entries(options)) {
    if (!UPSTREAM_OPTIONS.includes(k)) return { ok: false, error: unknownOptionMessage(k) }
    if (k !== FULL_PCPUS_ONLY)
      return {
        ok: false,
        error: `Podlife does not model the CPU manager policy option "${k}" (only ${FULL_PCPUS_ONLY})`,
      }
    const b = parseBool(String(v))
    if (b === null)
      return {
        ok: false,
        error: `bad value for option "${k}": strconv.ParseBool: parsing ${JSON.stringify(String(v))}: invalid syntax`,
      }
    fullPhysicalCPUsOnly = b
  }
  // With reservedSystemCPUs, systemReserved.cpu becomes its size and kubeReserved.cpu is dropped.
  const kube = reservedSet.length ? null : milliCPU(config.kubeReserved)
  const system = reservedSet.length ? reservedSet.length * 1000 : milliCPU(config.systemReserved)
  if (kube === null && system === null) return { ok: false, error: MSG_NO_RESERVATION }
  const reservation = (kube ?? 0) + (system ?? 0)
  if (reservation === 0) return { ok: false, error: MSG_ZERO_RESERVATION }
  // Fractional CPUs cannot be exclusively allocated: the reservation is rounded up.
  return createStaticPolicy(topology, Math.ceil(reservation / 1000), reservedSet, { fullPhysicalCPUsOnly })
}

export type CPUAdmitResult =
  | { readonly ok: true; readonly state: CPUManagerState }
  | { readonly ok: false; readonly reason: string; readonly message: string }

function containersOf(pod: Pod) {
  return [...(pod.spec.initContainers ?? []), ...pod.spec.containers]
}

/**
 * The allocate-resources admit handler, as far as the CPU manager goes: stale assignments are removed
 * first, then Allocate runs for each container, init containers first; the first error refuses the
 * pod. An admission.Error (SMTAlignmentError) gives its own reason; any other error is wrapped as
 * UnexpectedAdmissionError. A refused pod's assignments are dropped at once (upstream the reconcile
 * loop's removeStaleState frees them within cpuManagerReconcilePeriod, 10 s).
 */
export function admitPodCPUs(
  policy: CPUPolicy,
  state: CPUManagerState,
  pod: Pod,
  activePods: readonly Pod[],
): CPUAdmitResult {
  const active = new Map<string, Set<string>>()
  for (const p of [...activePods, pod]) active.set(podUIDOf(p), new Set(containersOf(p).map((c) => c.name)))
  let st = removeStaleState(state, active)
  let reusable: CPUSet = []
  const uid = podUIDOf(pod)
  for (const c of containersOf(pod)) {
    const r = policy.allocate(st, pod, c, reusable)
    if (!r.ok) {
      const e = r.error
      return e.type
        ? { ok: false, reason: e.type, message: e.message }
        : { ok: false, reason: REASON_UNEXPECTED_ADMISSION, message: unexpectedAdmissionMessage(e.message) }
    }
    st = r.state
    // updateCPUsToReuse: a (non-sidecar) init container's CPUs can go to the app containers after it.
    const mine = getCPUSet(st, uid, c.name)
    if (!mine) continue
    const isInit = (pod.spec.initContainers ?? []).some((x) => x.name === c.name)
    reusable = isInit && c.restartPolicy !== 'Always' ? union(reusable, mine) : difference(reusable, mine)
  }
  return { ok: true, state: st }
}

/** GetCPUAffinity, formatted for LinuxContainerResources.cpuset_cpus ("" leaves it unset). */
export function cpusetCpusFor(state: CPUManagerState, pod: Pod, container: string): string {
  return formatCPUSet(getCPUSetOrDefault(state, podUIDOf(pod), container))
}

/** The state of a kubelet that admitted the node's existing pods in the cluster file's order. */
export function stateWithPods(policy: CPUPolicy, pods: readonly Pod[]): CPUManagerState {
  let st = policy.start()
  const admitted: Pod[] = []
  for (const p of pods) {
    const r = admitPodCPUs(policy, st, p, admitted)
    // An existing pod the kubelet could not pin would not be running; it takes no CPUs here.
    if (!r.ok) continue
    st = r.state
    admitted.push(p)
  }
  return st
}
