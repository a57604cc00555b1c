/**
 * The none policy, the kubelet's default: no exclusive CPUs. Every container shares the node's CPUs
 * (the CFS shares and quota from its requests and limits are all that divide them), the state's
 * default cpuset stays empty, so GetCPUAffinity is empty and PreCreateContainer leaves the CRI
 * config's cpuset_cpus unset.
 * Upstream: pkg/kubelet/cm/cpumanager/policy_none.go (NewNonePolicy, Allocate),
 * pkg/kubelet/cm/internal_container_lifecycle_linux.go (PreCreateContainer)
 */
import type { CPUTopology } from './topology'
import type { PolicyResult } from './policy'

/** NewNonePolicy refuses options; Go prints the map with its keys sorted. */
export const noneOptionsMessage = (options: Readonly<Record<string, string>>): string =>
  `new none policy error: None policy: received unsupported options=map[${Object.keys(options)
    .sort()
    .map((k) => `${k}:${options[k]}`)
    .join(' ')}]`

export function createNonePolicy(
  topology: CPUTopology,
  options: Readonly<Record<string, string>>,
): PolicyResult {
  if (Object.keys(options).length) return { ok: false, error: noneOptionsMessage(options) }
  return {
    ok: true,
    policy: {
      name: 'none',
      topology,
      reserved: [],
      start: () => ({ policyName: 'none', defaultCpuSet: [], entries: {} }),
      allocate: (state) => ({ ok: true, state }),
    },
  }
}
