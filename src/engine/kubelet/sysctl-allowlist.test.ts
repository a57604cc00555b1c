import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { toContractReport } from '../report/contract'
import { manifestOf } from '../testing/builders'
import { normalizeSysctlName, validateSysctl } from './sysctl-allowlist'

// Upstream: pkg/kubelet/sysctl/allowlist.go (validateSysctl, Admit) and allowlist_test.go,
// pkg/kubelet/sysctl/safe_sysctls.go, k8s.io/component-helpers/node/util/sysctl (NormalizeName).
describe('the kubelet sysctl allowlist (validateSysctl)', () => {
  const cases: { name: string; sysctl: string; hostNet?: boolean; hostIPC?: boolean; want: string | null }[] =
    [
      { name: 'a safe sysctl is allowed', sysctl: 'net.ipv4.tcp_syncookies', want: null },
      { name: 'kernel.shm_rmid_forced is safe', sysctl: 'kernel.shm_rmid_forced', want: null },
      { name: 'tcp_rmem is safe since 1.32', sysctl: 'net.ipv4.tcp_rmem', want: null },
      {
        name: 'a namespaced but unsafe sysctl is not allowlisted',
        sysctl: 'kernel.msgmax',
        want: '"kernel.msgmax" not allowlisted',
      },
      {
        name: 'net.core.somaxconn is not on the safe list',
        sysctl: 'net.core.somaxconn',
        want: '"net.core.somaxconn" not allowlisted',
      },
      {
        name: 'a node-level sysctl is not allowlisted',
        sysctl: 'vm.max_map_count',
        want: '"vm.max_map_count" not allowlisted',
      },
      {
        name: 'slash-separated names are normalised first',
        sysctl: 'net/ipv4/tcp_syncookies',
        want: null,
      },
      {
        name: 'a net sysctl with hostNetwork is refused',
        sysctl: 'net.ipv4.tcp_syncookies',
        hostNet: true,
        want: '"net.ipv4.tcp_syncookies" not allowed with host net enabled',
      },
      {
        name: 'an IPC sysctl with hostIPC is refused',
        sysctl: 'kernel.shm_rmid_forced',
        hostIPC: true,
        want: '"kernel.shm_rmid_forced" not allowed with host ipc enabled',
      },
      {
        name: 'an IPC sysctl with hostNetwork only is allowed',
        sysctl: 'kernel.shm_rmid_forced',
        hostNet: true,
        want: null,
      },
    ]
  it.each(cases)('$name', ({ sysctl, hostNet, hostIPC, want }) => {
    expect(validateSysctl(sysctl, hostNet ?? false, hostIPC ?? false)).toBe(want)
  })

  it('NormalizeName swaps . and / only when / comes first', () => {
    expect(normalizeSysctlName('net/ipv4/conf/eno2.100/rp_filter')).toBe('net.ipv4.conf.eno2/100.rp_filter')
    expect(normalizeSysctlName('net.ipv4.conf.eno2/100.rp_filter')).toBe('net.ipv4.conf.eno2/100.rp_filter')
  })
})

function run(spec: Record<string, unknown>) {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'tuned' }, spec }
  const t = simulate({ manifest: manifestOf(pod) }, { seed: 1, until: 10_000 })
  return toContractReport(t, { command: 'kubectl apply -f pod.yaml' })
}
const nginx = [{ name: 'app', image: 'nginx:1.27' }]

describe('kubelet admission: sysctls', () => {
  it('an unsafe sysctl: Warning SysctlForbidden, phase Failed, "Pod was rejected: forbidden sysctl: …"', () => {
    const r = run({
      securityContext: {
        sysctls: [
          { name: 'net.ipv4.tcp_syncookies', value: '1' },
          { name: 'kernel.msgmax', value: '65536' },
        ],
      },
      containers: nginx,
    })
    expect(r.events.filter((e) => e.source === 'kubelet').map((e) => [e.type, e.reason, e.message])).toEqual([
      ['Warning', 'SysctlForbidden', 'forbidden sysctl: "kernel.msgmax" not allowlisted'],
    ])
    expect(r.pod!.status).toMatchObject({
      phase: 'Failed',
      reason: 'SysctlForbidden',
      message: 'Pod was rejected: forbidden sysctl: "kernel.msgmax" not allowlisted',
    })
    // Nothing runs: no sandbox, no network.
    expect(r.cri).toEqual([])
    expect(r.cni).toEqual([])
  })

  it('the sysctl handler comes before the resource predicate (NewMainKubelet order)', () => {
    const r = run({
      nodeName: 'worker-1',
      securityContext: { sysctls: [{ name: 'vm.swappiness', value: '10' }] },
      containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '64' } } }],
    })
    expect(r.pod!.status!.reason).toBe('SysctlForbidden')
  })

  it('safe sysctls only: the pod runs', () => {
    const r = run({
      securityContext: { sysctls: [{ name: 'net.ipv4.ip_local_port_range', value: '1024 65000' }] },
      containers: nginx,
    })
    expect(r.pod!.status!.phase).toBe('Running')
  })
})
