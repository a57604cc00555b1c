/**
 * The kubelet's sysctl admit handler: every `spec.securityContext.sysctls[].name` must be on the node's
 * allowlist (the safe sysctls, plus those of `--allowed-unsafe-sysctls`, none by default), and a
 * net.* or IPC sysctl is refused when the pod shares that namespace with the host (hostNetwork,
 * hostIPC). The first sysctl that fails rejects the pod with reason SysctlForbidden.
 * It is the second hard admit handler of a v1.34 kubelet (after the eviction manager's, before the
 * resource and node-affinity predicates), so it is checked first here.
 * Upstream: pkg/kubelet/sysctl/allowlist.go (patternAllowlist.Admit, validateSysctl, ForbiddenReason),
 * pkg/kubelet/sysctl/safe_sysctls.go, k8s.io/component-helpers/node/util/sysctl (GetNamespace,
 * NormalizeName), pkg/kubelet/kubelet.go (NewMainKubelet: admit handler order).
 */
import type { Pod } from '../model/objects'

export const REASON_SYSCTL_FORBIDDEN = 'SysctlForbidden'

/**
 * The safe sysctls of a v1.34 kubelet on a kernel of 4.15 or later (safe_sysctls.go; the same set as
 * Pod Security's baseline for 1.32+).
 */
export const SAFE_SYSCTLS: readonly string[] = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
]

type Namespace = 'ipc' | 'net' | ''

/** Which kernel namespace isolates a sysctl (component-helpers sysctl.GetNamespace). */
function namespaceOf(name: string): Namespace {
  if (name === 'kernel.sem') return 'ipc'
  if (['kernel.shm', 'kernel.msg', 'fs.mqueue.'].some((p) => name.startsWith(p))) return 'ipc'
  if (name.startsWith('net.')) return 'net'
  return ''
}

/** `net/ipv4/tcp_syncookies` is the same sysctl as `net.ipv4.tcp_syncookies` (sysctl.NormalizeName). */
export function normalizeSysctlName(name: string): string {
  const first = name.search(/[./]/)
  if (first === -1 || name[first] === '.') return name
  return name.replace(/[./]/g, (c) => (c === '/' ? '.' : '/'))
}

export const SYSCTL_NOT_ALLOWLISTED = (name: string): string => `${JSON.stringify(name)} not allowlisted`
export const SYSCTL_HOST_NAMESPACE = (name: string, ns: string): string =>
  `${JSON.stringify(name)} not allowed with host ${ns} enabled`
export const SYSCTL_FORBIDDEN_MESSAGE = (err: string): string => `forbidden sysctl: ${err}`

/** validateSysctl: null when allowed, else the error text. */
export function validateSysctl(
  raw: string,
  hostNet: boolean,
  hostIPC: boolean,
  allowlist: readonly string[] = SAFE_SYSCTLS,
): string | null {
  const name = normalizeSysctlName(raw)
  const exact = allowlist.filter((s) => !s.endsWith('*'))
  const prefixes = allowlist.filter((s) => s.endsWith('*')).map((s) => s.slice(0, -1))
  if (!exact.includes(name) && !prefixes.some((p) => name.startsWith(p))) return SYSCTL_NOT_ALLOWLISTED(name)
  const ns = namespaceOf(name)
  if ((ns === 'ipc' && hostIPC) || (ns === 'net' && hostNet)) return SYSCTL_HOST_NAMESPACE(name, ns)
  return null
}

/** patternAllowlist.Admit: the first forbidden sysctl, or null when the pod's sysctls are all allowed. */
export function forbiddenSysctl(pod: Pod): string | null {
  const sc = pod.spec['securityContext'] as { sysctls?: readonly { name?: string }[] } | undefined
  for (const s of sc?.sysctls ?? []) {
    const err = validateSysctl(s.name ?? '', pod.spec['hostNetwork'] === true, pod.spec['hostIPC'] === true)
    if (err) return SYSCTL_FORBIDDEN_MESSAGE(err)
  }
  return null
}
