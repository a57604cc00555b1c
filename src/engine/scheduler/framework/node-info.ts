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

/**
 * Parsed quantities by their text: a cluster repeats the same few request strings
 * ("100m", "128Mi") across thousands of pods, and parsing is the costly part of a snapshot.
 */
const parsedQuantities = new Map<string, { readonly milli: number; readonly value: number }>()

function parsed(text: string): { readonly milli: number; readonly value: number } {
  let p = parsedQuantities.get(text)
  if (!p) {
    const q = mustParseQuantity(text)
    p = { milli: quantityMilliValue(q), value: quantityValue(q) }
    if (parsedQuantities.size < 10_000) parsedQuantities.set(text, p)
  }
  return p
}

function listToResource(list: Readonly<Record<string, string>> | undefined): Resource {
  const scalar: Record<string, number> = {}
  let milliCPU = 0
  let memory = 0
  let ephemeralStorage = 0
  let allowedPodNumber = 0
  for (const [name, value] of Object.entries(list ?? {})) {
    const q = parsed(String(value))
    if (name === 'cpu') milliCPU = q.milli
    else if (name === 'memory') memory = q.value
    else if (name === 'ephemeral-storage') ephemeralStorage = q.value
    else if (name === 'pods') allowedPodNumber = q.value
    else scalar[name] = q.value
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
  if (!pod.spec.initContainers?.length) return appRequests(pod.spec.containers)
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

/** Shared by every pod that has none, which is nearly all of them (150,000 in a large cluster). */
const NO_SCALARS: Readonly<Record<string, number>> = Object.freeze({})
const NO_PORTS: readonly string[] = Object.freeze([])

/**
 * podRequests for a pod without init containers, the common case: the same sums, added up in place
 * (a large cluster's snapshot does this for 150,000 pods, and the intermediate Resources cost more
 * than the sums). As max(sum, zero) does, negative totals count as 0 and `pods` does not count.
 */
function appRequests(containers: readonly Container[]): Resource {
  let milliCPU = 0
  let memory = 0
  let ephemeralStorage = 0
  let scalar: Record<string, number> | null = null
  for (const c of containers) {
    const req = c.resources?.requests
    if (!req) continue
    for (const name of Object.keys(req)) {
      const q = parsed(String(req[name]))
      if (name === 'cpu') milliCPU += q.milli
      else if (name === 'memory') memory += q.value
      else if (name === 'ephemeral-storage') ephemeralStorage += q.value
      else if (name !== 'pods') (scalar ??= {})[name] = (scalar[name] ?? 0) + q.value
    }
  }
  return {
    milliCPU: Math.max(milliCPU, 0),
    memory: Math.max(memory, 0),
    ephemeralStorage: Math.max(ephemeralStorage, 0),
    allowedPodNumber: 0,
    scalar: scalar ?? NO_SCALARS,
  }
}

function nonZero(c: Container): { milliCPU: number; memory: number } {
  const req = c.resources?.requests ?? {}
  return {
    milliCPU: req['cpu'] !== undefined ? parsed(String(req['cpu'])).milli : DEFAULT_MILLI_CPU_REQUEST,
    memory: req['memory'] !== undefined ? parsed(String(req['memory'])).value : DEFAULT_MEMORY_REQUEST,
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
  for (const list of [pod.spec.initContainers ?? [], pod.spec.containers]) {
    for (const c of list) {
      for (const p of c.ports ?? []) {
        if (p.hostPort) out.push(`${p.protocol ?? 'TCP'}/${p.hostIP ?? '0.0.0.0'}/${p.hostPort}`)
      }
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

/**
 * Per-pod figures the snapshot needs. Pods are immutable values, so podFigures keeps them per pod
 * object for the pods the scheduler handles one at a time (the pod being scheduled, a pod bound by
 * addPod); a snapshot's own pods are summed without being kept (see buildNodeInfo).
 */
interface PodFigures {
  readonly requests: Resource
  readonly nonZero: { readonly milliCPU: number; readonly memory: number }
  readonly ports: readonly string[]
  readonly hasAffinity: boolean
  readonly hasRequiredAntiAffinity: boolean
}

const figuresCache = new WeakMap<Pod, PodFigures>()

function computeFigures(pod: Pod): PodFigures {
  const a = pod.spec.affinity as
    | {
        podAffinity?: unknown
        podAntiAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: unknown[] }
      }
    | undefined
  const ports = hostPortsOf(pod)
  return {
    requests: podRequests(pod),
    nonZero: podNonZeroRequests(pod),
    ports: ports.length ? ports : NO_PORTS,
    hasAffinity: !!a && (!!a.podAffinity || !!a.podAntiAffinity),
    hasRequiredAntiAffinity:
      (a?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).length > 0,
  }
}

export function podFigures(pod: Pod): PodFigures {
  let f = figuresCache.get(pod)
  if (!f) {
    f = computeFigures(pod)
    figuresCache.set(pod, f)
  }
  return f
}

function imagesOf(node: Node): Map<string, number> {
  const images = new Map<string, number>()
  for (const img of node.status.images ?? []) {
    for (const n of img.names) {
      if (n.includes('@sha256:')) continue
      images.set(normalizedImage(n), img.sizeBytes)
    }
  }
  return images
}

function addScalars(
  into: Record<string, number>,
  from: Readonly<Record<string, number>>,
  sign: number,
): Record<string, number> {
  for (const k in from) into[k] = (into[k] ?? 0) + sign * from[k]!
  return into
}

export function buildNodeInfo(node: Node, pods: readonly Pod[]): NodeInfo {
  let milliCPU = 0
  let memory = 0
  let ephemeralStorage = 0
  const scalar: Record<string, number> = {}
  let cpu = 0
  let mem = 0
  const usedPorts = new Set<string>()
  const withAffinity: Pod[] = []
  const withAntiAffinity: Pod[] = []
  for (const p of pods) {
    // Not kept: a snapshot is made once per cluster, and 150,000 pods' figures would stay in memory
    // (and in every garbage collection) for nothing; only its sums are kept.
    const f = figuresCache.get(p) ?? computeFigures(p)
    milliCPU += f.requests.milliCPU
    memory += f.requests.memory
    ephemeralStorage += f.requests.ephemeralStorage
    addScalars(scalar, f.requests.scalar, 1)
    cpu += f.nonZero.milliCPU
    mem += f.nonZero.memory
    for (const port of f.ports) usedPorts.add(port)
    if (f.hasAffinity) withAffinity.push(p)
    if (f.hasRequiredAntiAffinity) withAntiAffinity.push(p)
  }
  const name = node.metadata.name ?? ''
  return {
    node,
    name,
    pods,
    podsWithAffinity: withAffinity,
    podsWithRequiredAntiAffinity: withAntiAffinity,
    allocatable: listToResource(node.status.allocatable ?? node.status.capacity),
    requested: { milliCPU, memory, ephemeralStorage, allowedPodNumber: pods.length, scalar },
    nonZeroRequested: { milliCPU: cpu, memory: mem },
    usedPorts,
    images: imagesOf(node),
    unexaminedRow: {
      name,
      filter: { examined: false, passed: false, plugin: null, reasons: [] },
      scores: {},
      total: null,
    },
  }
}

/**
 * NodeInfo.AddPod: a new NodeInfo with `pod` added, without recounting the
 * pods already there (the scheduler cache does this on every bind).
 */
export function addPod(info: NodeInfo, pod: Pod): NodeInfo {
  const f = podFigures(pod)
  const r = info.requested
  let usedPorts = info.usedPorts
  if (f.ports.length) {
    const s = new Set(usedPorts)
    for (const p of f.ports) s.add(p)
    usedPorts = s
  }
  return {
    ...info,
    pods: [...info.pods, pod],
    podsWithAffinity: f.hasAffinity ? [...info.podsWithAffinity, pod] : info.podsWithAffinity,
    podsWithRequiredAntiAffinity: f.hasRequiredAntiAffinity
      ? [...info.podsWithRequiredAntiAffinity, pod]
      : info.podsWithRequiredAntiAffinity,
    requested: {
      milliCPU: r.milliCPU + f.requests.milliCPU,
      memory: r.memory + f.requests.memory,
      ephemeralStorage: r.ephemeralStorage + f.requests.ephemeralStorage,
      allowedPodNumber: r.allowedPodNumber + 1,
      scalar: Object.keys(f.requests.scalar).length
        ? addScalars({ ...r.scalar }, f.requests.scalar, 1)
        : r.scalar,
    },
    nonZeroRequested: {
      milliCPU: info.nonZeroRequested.milliCPU + f.nonZero.milliCPU,
      memory: info.nonZeroRequested.memory + f.nonZero.memory,
    },
    usedPorts,
  }
}

/** NodeInfo.RemovePod: the same node without `pod` (matched by namespace and name). */
export function removePod(info: NodeInfo, pod: Pod): NodeInfo {
  const same = (p: Pod) =>
    p.metadata.name === pod.metadata.name &&
    (p.metadata.namespace ?? 'default') === (pod.metadata.namespace ?? 'default')
  return buildNodeInfo(
    info.node,
    info.pods.filter((p) => !same(p)),
  )
}
