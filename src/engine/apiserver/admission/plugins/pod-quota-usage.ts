/**
 * What a Pod costs against a ResourceQuota: `pods` and `count/pods`, and
 * cpu/memory/ephemeral-storage requests (also under their bare names) and
 * limits, from the pod's effective requests (containers summed, init
 * containers as a maximum, sidecars added). Terminal pods are charged only
 * for `count/pods`.
 * Upstream: pkg/quota/v1/evaluator/core/pods.go (PodUsageFunc, podComputeUsageHelper,
 * enforcePodContainerConstraints), pkg/api/v1/resource/helpers.go (PodRequests, PodLimits)
 */
import type { Container, Pod } from '../../../model/objects'
import { addQuantities, parseQuantity, quantityFromNanos, type Quantity } from '../../../model/quantity'

export type ResourceList = ReadonlyMap<string, Quantity>

const COMPUTE = ['cpu', 'memory', 'ephemeral-storage'] as const

function listOf(map: Readonly<Record<string, string>> | undefined): Map<string, Quantity> {
  const out = new Map<string, Quantity>()
  for (const [k, v] of Object.entries(map ?? {})) {
    const q = parseQuantity(String(v))
    if (q.ok) out.set(k, q.quantity)
  }
  return out
}

/** quota.Add: keys of both; a key in both keeps the first operand's format. */
export function addLists(a: ResourceList, b: ResourceList): Map<string, Quantity> {
  const out = new Map(a)
  for (const [k, v] of b) {
    const prev = out.get(k)
    out.set(k, prev ? addQuantities(prev, v) : v)
  }
  return out
}

function maxLists(a: ResourceList, b: ResourceList): Map<string, Quantity> {
  const out = new Map(a)
  for (const [k, v] of b) {
    const prev = out.get(k)
    if (!prev || v.nanos > prev.nanos) out.set(k, v)
  }
  return out
}

const isSidecar = (c: Container) => c.restartPolicy === 'Always'

/** PodRequests / PodLimits: containers and sidecars summed; each init container as a peak. */
export function podResources(pod: Pod, field: 'requests' | 'limits'): Map<string, Quantity> {
  let sum = new Map<string, Quantity>()
  for (const c of pod.spec.containers) sum = addLists(sum, listOf(c.resources?.[field]))
  let sidecars = new Map<string, Quantity>()
  let initPeak = new Map<string, Quantity>()
  for (const c of pod.spec.initContainers ?? []) {
    const own = listOf(c.resources?.[field])
    if (isSidecar(c)) {
      sidecars = addLists(sidecars, own)
      initPeak = maxLists(initPeak, sidecars)
    } else {
      initPeak = maxLists(initPeak, addLists(own, sidecars))
    }
  }
  return maxLists(addLists(sum, sidecars), initPeak)
}

const ONE = quantityFromNanos(1_000_000_000n, 'DecimalSI')

/** podComputeUsageHelper: the quota names one set of requests and limits is charged under. */
export function computeUsage(requests: ResourceList, limits: ResourceList): Map<string, Quantity> {
  const out = new Map<string, Quantity>([['pods', ONE]])
  for (const r of COMPUTE) {
    const req = requests.get(r)
    if (req) {
      out.set(r, req)
      out.set(`requests.${r}`, req)
    }
    const lim = limits.get(r)
    if (lim) out.set(`limits.${r}`, lim)
  }
  return out
}

/** PodUsageFunc. */
export function podUsage(pod: Pod): Map<string, Quantity> {
  const result = new Map<string, Quantity>([['count/pods', ONE]])
  const phase = pod.status?.phase
  if (phase === 'Succeeded' || phase === 'Failed') return result
  return addLists(result, computeUsage(podResources(pod, 'requests'), podResources(pod, 'limits')))
}

/** The resources quota tracks on pods (podResources in pods.go), plus hugepages and extended requests. */
export function matchesPodResource(name: string): boolean {
  return (
    [
      'count/pods',
      'cpu',
      'memory',
      'ephemeral-storage',
      'requests.cpu',
      'requests.memory',
      'requests.ephemeral-storage',
      'limits.cpu',
      'limits.memory',
      'limits.ephemeral-storage',
      'pods',
    ].includes(name) ||
    name.startsWith('hugepages-') ||
    name.startsWith('requests.hugepages-') ||
    (name.startsWith('requests.') && name.slice('requests.'.length).includes('/'))
  )
}

/** The resources for which every container must say something (validationSet in pods.go). */
const VALIDATION_SET = new Set([
  'cpu',
  'memory',
  'requests.cpu',
  'requests.memory',
  'limits.cpu',
  'limits.memory',
])

/** Constraints: `must specify limits.cpu for: a,b; memory for: a`, or null. */
export function missingConstraints(pod: Pod, required: readonly string[]): string | null {
  const requiredSet = required.filter((r) => VALIDATION_SET.has(r))
  const missing = new Map<string, Set<string>>()
  for (const c of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) {
    const usage = computeUsage(listOf(c.resources?.requests), listOf(c.resources?.limits))
    for (const r of requiredSet) {
      if (usage.has(r)) continue
      const names = missing.get(r) ?? new Set<string>()
      names.add(c.name)
      missing.set(r, names)
    }
  }
  if (missing.size === 0) return null
  const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)!].sort().join(',')}`)
  return `must specify ${parts.join('; ')}`
}

/** prettyPrint: `key=value` pairs sorted by key, joined by `,`. */
export function prettyPrint(list: ResourceList): string {
  return [...list.keys()]
    .sort()
    .map((k) => `${k}=${list.get(k)!.canonical}`)
    .join(',')
}
