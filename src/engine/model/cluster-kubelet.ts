/**
 * Podlife's `Kubelet` kind (apiVersion podlife.dev/v1alpha1): what a real cluster keeps on each node,
 * outside the API. `config` holds fields of the kubelet's --config file, a
 * kubelet.config.k8s.io/v1beta1 KubeletConfiguration, under their upstream names (so the real file's
 * fields can be pasted in; fields Podlife does not read are ignored); `machine` says what cAdvisor
 * reads from /sys about the node's CPUs. metadata.name is the node the kubelet runs on.
 * Upstream: staging/src/k8s.io/kubelet/config/v1beta1/types.go (KubeletConfiguration)
 */
import type { KubeObject } from './objects'

/** The KubeletConfiguration fields the CPU manager reads. */
export interface KubeletConfigurationFields {
  /** "none" (the default) or "static". */
  readonly cpuManagerPolicy?: string
  readonly cpuManagerPolicyOptions?: Readonly<Record<string, string>>
  /** A cpuset ("0,4" or "0-1"); when set it replaces the cpu of kubeReserved and systemReserved. */
  readonly reservedSystemCPUs?: string
  readonly kubeReserved?: Readonly<Record<string, string>>
  readonly systemReserved?: Readonly<Record<string, string>>
}

/** One logical CPU, as `lscpu -p=CPU,CORE,SOCKET` lists it. */
export interface MachineCPU {
  readonly cpu: number
  readonly core: number
  readonly socket: number
}

/**
 * The node's CPUs: either counts (sockets × coresPerSocket × threadsPerCore, numbered as
 * cpu-manager/topology.ts documents) or an explicit list. Absent: one socket, one thread per core,
 * as many CPUs as the Node's status.capacity.cpu.
 */
export interface MachineSpec {
  readonly sockets?: number
  readonly coresPerSocket?: number
  readonly threadsPerCore?: number
  readonly cpus?: readonly MachineCPU[]
}

export interface KubeletSpec {
  readonly node: string
  readonly config: KubeletConfigurationFields
  readonly machine?: MachineSpec
}

export function isKubeletObject(o: KubeObject): boolean {
  return o.apiVersion === 'podlife.dev/v1alpha1' && o.kind === 'Kubelet'
}

export function kubeletSpecOf(o: KubeObject): KubeletSpec {
  const config = (o['config'] ?? {}) as KubeletConfigurationFields
  const machine = o['machine'] as MachineSpec | undefined | null
  return { node: o.metadata?.name ?? '', config, ...(machine ? { machine } : {}) }
}
