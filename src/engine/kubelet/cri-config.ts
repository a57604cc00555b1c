/**
 * The CRI request messages the kubelet builds (k8s.io/cri-api runtime/v1):
 * PodSandboxConfig and ContainerConfig, with resources mapped to cgroup values.
 * Upstream: pkg/kubelet/kuberuntime/kuberuntime_sandbox.go (generatePodSandboxConfig),
 * kuberuntime_container_linux.go (generateLinuxContainerResources), pkg/kubelet/cm/helpers_linux.go,
 * pkg/kubelet/cm/internal_container_lifecycle_linux.go (PreCreateContainer: cpuset_cpus from the CPU manager)
 */
import type { Json } from '../protocol/events'
import type { Container, Pod } from '../model/objects'
import { mustParseQuantity, quantityMilliValue, quantityValue } from '../model/quantity'
import { podQOSClass } from '../model/qos'
import { parseImageReference } from '../model/image-reference'

const CPU_PERIOD = 100000
const MIN_SHARES = 2

function uidSlice(pod: Pod): string {
  return (pod.metadata.uid ?? '').replace(/-/g, '_')
}

export function cgroupParent(pod: Pod): string {
  const qos = podQOSClass(pod)
  const prefix = qos === 'Guaranteed' ? 'kubepods' : `kubepods-${qos.toLowerCase()}`
  return `/kubepods.slice/${qos === 'Guaranteed' ? '' : `${prefix}.slice/`}${prefix}-pod${uidSlice(pod)}.slice`
}

export function sandboxConfig(pod: Pod): Json {
  const ns = pod.metadata.namespace ?? 'default'
  const name = pod.metadata.name ?? ''
  const uid = pod.metadata.uid ?? ''
  return {
    config: {
      metadata: { name, uid, namespace: ns, attempt: 0 },
      hostname: name,
      log_directory: `/var/log/pods/${ns}_${name}_${uid}`,
      dns_config: {
        servers: ['10.96.0.10'],
        searches: [`${ns}.svc.cluster.local`, 'svc.cluster.local', 'cluster.local'],
        options: ['ndots:5'],
      },
      port_mappings: pod.spec.containers.flatMap((c) =>
        (c.ports ?? []).map((p) => ({
          protocol: p.protocol ?? 'TCP',
          container_port: p.containerPort,
          host_port: p.hostPort ?? 0,
        })),
      ),
      labels: {
        'io.kubernetes.pod.name': name,
        'io.kubernetes.pod.namespace': ns,
        'io.kubernetes.pod.uid': uid,
        ...(pod.metadata.labels ?? {}),
      },
      linux: {
        cgroup_parent: cgroupParent(pod),
        security_context: {
          namespace_options: {
            network: 'POD',
            pid: pod.spec['shareProcessNamespace'] === true ? 'POD' : 'CONTAINER',
            ipc: 'POD',
          },
        },
      },
    },
    runtime_handler: '',
  }
}

/**
 * LinuxContainerResources. `cpusetCpus` is the CPU manager's GetCPUAffinity: the container's own CPUs
 * or the shared pool under the static policy, "" under none (PreCreateContainer then leaves the field
 * unset, and the container may run on any CPU of the node).
 */
export function linuxResources(c: Container, cpusetCpus = ''): Json {
  const req = c.resources?.requests ?? {}
  const lim = c.resources?.limits ?? {}
  const cpuReq = req['cpu'] !== undefined ? quantityMilliValue(mustParseQuantity(req['cpu'])) : 0
  const cpuLim = lim['cpu'] !== undefined ? quantityMilliValue(mustParseQuantity(lim['cpu'])) : 0
  const memLim = lim['memory'] !== undefined ? quantityValue(mustParseQuantity(lim['memory'])) : 0
  return {
    cpu_period: CPU_PERIOD,
    cpu_quota: cpuLim ? Math.trunc((cpuLim * CPU_PERIOD) / 1000) : 0,
    cpu_shares: Math.max(MIN_SHARES, Math.trunc((cpuReq * 1024) / 1000)),
    memory_limit_in_bytes: memLim,
    cpuset_cpus: cpusetCpus,
  }
}

export function containerConfig(
  pod: Pod,
  name: string,
  sandboxId: string,
  attempt = 0,
  cpusetCpus = '',
): Json {
  const c = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find((x) => x.name === name)
  if (!c) throw new Error(`containerConfig: no container ${name} in the pod`)
  return {
    pod_sandbox_id: sandboxId,
    config: {
      metadata: { name: c.name, attempt },
      image: { image: parseImageReference(c.image ?? '')?.normalized ?? c.image ?? '' },
      command: c.command ?? [],
      args: c.args ?? [],
      envs: ((c['env'] as { name: string; value?: string }[] | undefined) ?? []).map((e) => ({
        key: e.name,
        value: e.value ?? '',
      })),
      mounts: [
        ...(c.volumeMounts ?? []).map((m) => ({
          container_path: m.mountPath,
          host_path: `/var/lib/kubelet/pods/${pod.metadata.uid ?? ''}/volumes/kubernetes.io~projected/${m.name}`,
          readonly: m.readOnly ?? false,
        })),
        {
          container_path: '/etc/hosts',
          host_path: `/var/lib/kubelet/pods/${pod.metadata.uid ?? ''}/etc-hosts`,
        },
        {
          container_path: '/dev/termination-log',
          host_path: `/var/lib/kubelet/pods/${pod.metadata.uid ?? ''}/containers/${c.name}/${attempt}`,
        },
      ],
      log_path: `${c.name}/${attempt}.log`,
      linux: { resources: linuxResources(c, cpusetCpus) },
    },
  }
}
