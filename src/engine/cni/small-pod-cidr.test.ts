/**
 * A node whose podCIDR is a /31 or /32: host-local refuses the range before allocating, the bridge
 * plugin returns that error, libcni names the plugin, containerd wraps it in "failed to setup network
 * for sandbox", and the kubelet records FailedCreatePodSandBox; the pod stays ContainerCreating.
 * Upstream: containernetworking/plugins plugins/ipam/host-local/backend/allocator/range.go (Canonicalize),
 * config.go (LoadIPAMConfig), plugins/main/bridge/bridge.go (cmdAdd); containernetworking/cni
 * libcni/api.go (addNetwork); containerd internal/cri/server/sandbox_run.go (RunPodSandbox);
 * kubernetes pkg/kubelet/kuberuntime/kuberuntime_manager.go (createPodSandbox failure event).
 */
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { toContractReport } from '../report/contract'
import { makeCluster, makeNode } from '../testing/builders'

const manifest =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  nodeName: worker-1\n  containers:\n  - name: web\n    image: nginx:1.27\n'

describe('a podCIDR too small to allocate from', () => {
  it.each([
    ['10.244.1.0/31', '10.244.1.0/31'],
    ['10.244.1.7/32', '10.244.1.7/32'],
  ])('podCIDR %s: FailedCreatePodSandBox with host-local’s own error', (podCIDR, subnet) => {
    const cluster = makeCluster({ nodes: [makeNode('worker-1', { podCIDR, address: '192.168.56.11' })] })
    const r = toContractReport(simulate({ manifest, cluster }, { seed: 1, until: 6_000 }), {
      command: 'kubectl apply -f pod.yaml',
    })
    const failed = r.events.find((e) => e.reason === 'FailedCreatePodSandBox')
    expect(failed?.type).toBe('Warning')
    expect(failed?.message).toMatch(
      new RegExp(
        '^Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "[0-9a-f]{64}": ' +
          `plugin type="bridge" name="cbr0" failed \\(add\\): invalid range set 0: Network ${subnet.replace(/\./g, '\\.')} too small to allocate from$`,
      ),
    )
    expect(r.events.some((e) => e.reason === 'Pulling' || e.reason === 'Started')).toBe(false)
    expect(r.pod?.status?.['podIP']).toBeUndefined()
  })
})
