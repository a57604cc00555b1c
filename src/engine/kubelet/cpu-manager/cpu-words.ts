/** The CPU manager in words, for the narration of admission and of CreateContainer. */
import type { Pod } from '../../model/objects'
import { podQOSClass } from '../../model/qos'
import { formatCPUSet } from './cpuset'
import type { CPUPolicy } from './policy'
import { guaranteedCPUs } from './policy-static'
import { getCPUSet, podUIDOf, type CPUManagerState } from './state'

const cpus = (n: number) => `CPU${n === 1 ? '' : 's'}`

export function cpuAdmissionWords(policy: CPUPolicy, state: CPUManagerState | null, pod: Pod): string {
  if (policy.name === 'none')
    return "Its CPU manager has the default none policy: no container gets CPUs of its own; they all share the node's CPUs, divided only by their CFS shares and quotas."
  const all = [...(pod.spec.initContainers ?? []), ...pod.spec.containers]
  const uid = podUIDOf(pod)
  const parts = all.map((c) => {
    const mine = state ? getCPUSet(state, uid, c.name) : undefined
    if (mine) return `${c.name} gets ${cpus(mine.length)} ${formatCPUSet(mine)} to itself`
    const why =
      podQOSClass(pod) !== 'Guaranteed'
        ? `the pod is ${podQOSClass(pod)}, not Guaranteed`
        : guaranteedCPUs(pod, c) === 0
          ? 'its CPU request is not a whole number of CPUs'
          : 'it already had them'
    return `${c.name} runs on the shared pool (${why})`
  })
  const one = policy.reserved.length === 1
  const reserved = policy.reserved.length
    ? ` ${cpus(policy.reserved.length)} ${formatCPUSet(policy.reserved)} ${one ? 'stays' : 'stay'} reserved for the system and ${one ? 'is' : 'are'} never handed out.`
    : ''
  return `Its CPU manager has the static policy: ${parts.join('; ')}.${reserved}`
}

/** containerd's side: what the cpuset_cpus of the request does to the container's cgroup. */
export function cpusetWords(cpusetCpus: string | undefined): string {
  const many = /[,-]/.test(cpusetCpus ?? '')
  return cpusetCpus
    ? ` Its cpuset cgroup holds ${many ? 'CPUs' : 'CPU'} ${cpusetCpus} only (cpuset_cpus from the kubelet's CPU manager).`
    : " No cpuset_cpus in the request: it may run on any of the node's CPUs."
}
