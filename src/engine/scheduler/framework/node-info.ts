/**
 * Building the scheduler's NodeInfo snapshot from Node objects and the pods
 * bound to them. Upstream: pkg/scheduler/framework/types.go (NodeInfo.AddPod,
 * calculateResource), pkg/api/v1/resource/helpers.go (PodRequests)
 */
import type { Container, Node, Pod } from '../../model/objects'
import { mustParseQuantity, quantityMilliValue, quantityValue } from '../../model/quantity'
import type { NodeInfo, Resource } from './types'

/** Scoring counts a container without requests as 100m CPU and 200Mi memory (pkg/scheduler/util/pod_resources.go). */
export const DEFAULT_MILLI_CPU_REQUEST = 100
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024

const ZERO: Resource = { milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0, scalar: {} }

function listToResource(list: Readonly<Record<string, string>> | undefined): Resource {
  const scalar: Record<string, number> = {}
  let milliCPU = 0
  let memory = 0
  let ephemeralStorage = 0
  let allowedPodNumber = 0
  for (const [name, value] of Object.entries(list ?? {})) {
    const q = mustParseQuantity(value)
    if (name === 'cpu') milliCPU = quantityMilliValue(q)
    else if (name === 'memory') memory = quantityValue(q)
    else if (name === 'ephemeral-storage') ephemeralStorage = quantityValue(q)
    else if (name === 'pods') allowedPodNumber = quantityValue(q)
    else scalar[name] = quantityValue(q)
  }
  return { milliCPU, memory, ephemeralStorage, allowedPodNumber, scalar }
}

function add(a: Resource, b: Resource): Resource {
  const scalar: Record<string, number> = { ...a.scalar }
  for (const [k, v] of Object.entries(b.scalar)) scalar[k] = (scalar[k] ?? 0) + v
  return {
    milliCPU: a.milliCPU + b.milliCPU,
    memory: a.memory + b.memory,
    ephemeralStorage: a.ephemeralStorage + b.ephemeralStorage,
    allowedPodNumber: a.allowedPodNumber + b.allowedPodNumber,
    scalar,
  }
}

function max(a: Resource, b: Resource): Resource {
  const scalar: Record<string, number> = { ...a.scalar }
  for (const [k, v] of Object.entries(b.scalar)) scalar[k] = Math.max(scalar[k] ?? 0, v)
  return {
    milliCPU: Math.max(a.milliCPU, b.milliCPU),
    memory: Math.max(a.memory, b.memory),
    ephemeralStorage: Math.max(a.ephemeralStorage, b.ephemeralStorage),
    allowedPodNumber: 0,
    scalar,
  }
}

/**
 * The pod's effective request: the sum over app containers (and restartable
 * init containers, i.e. sidecars), or the largest init container if bigger.
 */
export function podRequests(pod: Pod): Resource {
  let sum = ZERO
  for (const c of pod.spec.containers) sum = add(sum, listToResource(c.resources?.requests))
  let initMax = ZERO
  let sidecars = ZERO
  for (const c of pod.spec.initContainers ?? []) {
    const r = listToResource(c.resources?.requests)
    if (c.restartPolicy === 'Always') {
      sidecars = add(sidecars, r)
      sum = add(sum, r)
    } else {
      initMax = max(initMax, add(r, sidecars))
    }
  }
  return max(sum, initMax)
}

function nonZero(c: Container): { milliCPU: number; memory: number } {
  const req = c.resources?.requests ?? {}
  return {
    milliCPU:
      req['cpu'] !== undefined
        ? quantityMilliValue(mustParseQuantity(req['cpu']))
        : DEFAULT_MILLI_CPU_REQUEST,
    memory:
      req['memory'] !== undefined ? quantityValue(mustParseQuantity(req['memory'])) : DEFAULT_MEMORY_REQUEST,
  }
}

export function podNonZeroRequests(pod: Pod): { milliCPU: number; memory: number } {
  let cpu = 0
  let mem = 0
  for (const c of pod.spec.containers) {
    const n = nonZero(c)
    cpu += n.milliCPU
    mem += n.memory
  }
  for (const c of pod.spec.initContainers ?? []) {
    const n = nonZero(c)
    if (c.restartPolicy === 'Always') {
      cpu += n.milliCPU
      mem += n.memory
    } else {
      cpu = Math.max(cpu, n.milliCPU)
      mem = Math.max(mem, n.memory)
    }
  }
  return { milliCPU: cpu, memory: mem }
}

export function hostPortsOf(pod: Pod): string[] {
  const out: string[] = []
  for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
    for (const p of c.ports ?? []) {
      if (p.hostPort) out.push(`${p.protocol ?? 'TCP'}/${p.hostIP ?? '0.0.0.0'}/${p.hostPort}`)
    }
  }
  return out
}

/**
 * ImageLocality's normalizedImageName: only ":latest" is appended when there is no tag. The name is
 * not fully qualified, so "nginx:1.27" does not match a node's "docker.io/library/nginx:1.27" (an
 * upstream TODO, reproduced on purpose).
 */
export function normalizedImage(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name
}

export function buildNodeInfo(node: Node, pods: readonly Pod[]): NodeInfo {
  let requested: Resource = ZERO
  let cpu = 0
  let mem = 0
  const usedPorts = new Set<string>()
  for (const p of pods) {
    requested = add(requested, podRequests(p))
    const nz = podNonZeroRequests(p)
    cpu += nz.milliCPU
    mem += nz.memory
    for (const port of hostPortsOf(p)) usedPorts.add(port)
  }
  requested = { ...requested, allowedPodNumber: pods.length }
  const images = new Map<string, number>()
  for (const img of node.status.images ?? []) {
    for (const n of img.names) {
      if (n.includes('@sha256:')) continue
      images.set(normalizedImage(n), img.sizeBytes)
    }
  }
  return {
    node,
    pods,
    allocatable: listToResource(node.status.allocatable ?? node.status.capacity),
    requested,
    nonZeroRequested: { milliCPU: cpu, memory: mem },
    usedPorts,
    images,
  }
}
