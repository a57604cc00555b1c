/**
 * LimitRanger, for every LimitRange of the namespace: on the mutating pass it
 * fills in default limits and requests of type Container items and records
 * what it set in the `kubernetes.io/limit-ranger` annotation; on the
 * validating pass it enforces min, max and maxLimitRequestRatio per Container
 * (containers and init containers) and per Pod (effective pod requests and
 * limits). Items are defaulted first as the API does when a LimitRange is
 * stored: default ← max, defaultRequest ← default, then ← min.
 * Upstream: plugin/pkg/admission/limitranger/admission.go (mergePodResourceRequirements,
 * mergeContainerResources, minConstraint, maxConstraint, limitRequestRatioConstraint,
 * PodValidateLimitFunc), pkg/apis/core/v1/defaults.go (SetDefaults_LimitRangeItem)
 *
 * Go iterates the resource maps in random order; here resources are taken in
 * sorted order so that several errors always print the same way.
 */
import type { AdmissionInput, AdmissionPlugin } from '../types'
import { admitUnchanged, forbidden } from '../types'
import type { Container, KubeObject, Pod } from '../../../model/objects'
import { parseQuantity, quantityMilliValue, quantityValue, type Quantity } from '../../../model/quantity'
import { podResources, type ResourceList } from './pod-quota-usage'

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger'

/** Upstream: limitranger/admission.go minConstraint. */
export const minNoRequest = (r: string, t: string, e: string) =>
  `minimum ${r} usage per ${t} is ${e}.  No request is specified`
export const minRequest = (r: string, t: string, e: string, v: string) =>
  `minimum ${r} usage per ${t} is ${e}, but request is ${v}`
export const minLimit = (r: string, t: string, e: string, v: string) =>
  `minimum ${r} usage per ${t} is ${e}, but limit is ${v}`
/** Upstream: limitranger/admission.go maxConstraint. */
export const maxNoLimit = (r: string, t: string, e: string) =>
  `maximum ${r} usage per ${t} is ${e}.  No limit is specified`
export const maxLimit = (r: string, t: string, e: string, v: string) =>
  `maximum ${r} usage per ${t} is ${e}, but limit is ${v}`
export const maxRequest = (r: string, t: string, e: string, v: string) =>
  `maximum ${r} usage per ${t} is ${e}, but request is ${v}`
/** Upstream: limitranger/admission.go limitRequestRatioConstraint. */
export const ratioNoRequest = (r: string, t: string, e: string) =>
  `${r} max limit to request ratio per ${t} is ${e}, but no request is specified or request is 0`
export const ratioNoLimit = (r: string, t: string, e: string) =>
  `${r} max limit to request ratio per ${t} is ${e}, but no limit is specified or limit is 0`
export const ratioExceeded = (r: string, t: string, e: string, ratio: number) =>
  `${r} max limit to request ratio per ${t} is ${e}, but provided ratio is ${ratio.toFixed(6)}`

type Resources = Readonly<Record<string, string>>
interface LimitRangeItem {
  readonly type?: string
  readonly default?: Resources
  readonly defaultRequest?: Resources
  readonly min?: Resources
  readonly max?: Resources
  readonly maxLimitRequestRatio?: Resources
}

/** SetDefaults_LimitRangeItem (type Container only). */
export function defaultLimitRangeItem(item: LimitRangeItem): LimitRangeItem {
  if (item.type !== 'Container') return item
  const def: Record<string, string> = { ...(item.default ?? {}) }
  const defReq: Record<string, string> = { ...(item.defaultRequest ?? {}) }
  for (const [k, v] of Object.entries(item.max ?? {})) if (!(k in def)) def[k] = v
  for (const [k, v] of Object.entries(def)) if (!(k in defReq)) defReq[k] = v
  for (const [k, v] of Object.entries(item.min ?? {})) if (!(k in defReq)) defReq[k] = v
  return { ...item, default: def, defaultRequest: defReq }
}

function rangesIn(input: AdmissionInput): { name: string; items: LimitRangeItem[] }[] {
  return (input.cluster.objects['LimitRange'] ?? [])
    .filter((r: KubeObject) => r.metadata.namespace === input.namespace)
    .map((r) => ({
      name: r.metadata.name ?? '',
      items: ((r['spec'] as { limits?: LimitRangeItem[] } | undefined)?.limits ?? []).map(
        defaultLimitRangeItem,
      ),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

function mergeContainer(
  c: Container,
  limits: Resources,
  requests: Resources,
  prefix: string,
  notes: string[],
) {
  const lim: Record<string, string> = { ...(c.resources?.limits ?? {}) }
  const req: Record<string, string> = { ...(c.resources?.requests ?? {}) }
  const setLim = Object.keys(limits).filter((k) => !(k in lim))
  const setReq = Object.keys(requests).filter((k) => !(k in req))
  for (const k of setLim) lim[k] = canonical(limits[k]!)
  for (const k of setReq) req[k] = canonical(requests[k]!)
  if (setReq.length) notes.push(`${setReq.sort().join(', ')} request for ${prefix} ${c.name}`)
  if (setLim.length) notes.push(`${setLim.sort().join(', ')} limit for ${prefix} ${c.name}`)
  return setLim.length || setReq.length
    ? { ...c, resources: { ...c.resources, limits: lim, requests: req } }
    : c
}

function canonical(v: string): string {
  const q = parseQuantity(String(v))
  return q.ok ? q.quantity.canonical : String(v)
}

/** PodMutateLimitFunc for one LimitRange: Container defaults merged into every container and init container. */
function mutateForRange(pod: Pod, items: readonly LimitRangeItem[]): Pod {
  const limits: Record<string, string> = {}
  const requests: Record<string, string> = {}
  for (const i of items) {
    if (i.type !== 'Container') continue
    Object.assign(requests, i.defaultRequest ?? {})
    Object.assign(limits, i.default ?? {})
  }
  const notes: string[] = []
  const containers = pod.spec.containers.map((c) => mergeContainer(c, limits, requests, 'container', notes))
  const inits = pod.spec.initContainers?.map((c) =>
    mergeContainer(c, limits, requests, 'init container', notes),
  )
  if (notes.length === 0) return pod
  return {
    ...pod,
    metadata: {
      ...pod.metadata,
      annotations: {
        ...(pod.metadata.annotations ?? {}),
        [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}`,
      },
    },
    spec: { ...pod.spec, containers, ...(inits ? { initContainers: inits } : {}) },
  }
}

function toList(r: Resources | undefined): Map<string, Quantity> {
  const out = new Map<string, Quantity>()
  for (const [k, v] of Object.entries(r ?? {})) {
    const q = parseQuantity(String(v))
    if (q.ok) out.set(k, q.quantity)
  }
  return out
}

const MAX_MILLI_VALUE = Number.MAX_SAFE_INTEGER / 1000
/** requestLimitEnforcedValues: milli-units when nothing overflows, else whole units. */
function values(req: Quantity | undefined, lim: Quantity | undefined, enforced: Quantity) {
  const whole = [req, lim, enforced].map((q) => (q ? quantityValue(q) : 0))
  const milli = whole.every((v) => v <= MAX_MILLI_VALUE)
  const f = (q: Quantity | undefined) => (q ? (milli ? quantityMilliValue(q) : quantityValue(q)) : 0)
  return { req: f(req), lim: f(lim), enforced: f(enforced) }
}

function checkItem(
  item: LimitRangeItem,
  type: string,
  requests: ResourceList,
  limits: ResourceList,
): string[] {
  const errs: string[] = []
  const sorted = (r: Resources | undefined) => Object.keys(r ?? {}).sort()
  for (const k of sorted(item.min)) {
    const e = parseQuantity(String(item.min![k]))
    if (!e.ok) continue
    const req = requests.get(k)
    const lim = limits.get(k)
    const v = values(req, lim, e.quantity)
    const es = e.quantity.canonical
    if (!req) errs.push(minNoRequest(k, type, es))
    else if (v.req < v.enforced) errs.push(minRequest(k, type, es, req.canonical))
    else if (lim && v.lim < v.enforced) errs.push(minLimit(k, type, es, lim.canonical))
  }
  for (const k of sorted(item.max)) {
    const e = parseQuantity(String(item.max![k]))
    if (!e.ok) continue
    const req = requests.get(k)
    const lim = limits.get(k)
    const v = values(req, lim, e.quantity)
    const es = e.quantity.canonical
    if (!lim) errs.push(maxNoLimit(k, type, es))
    else if (v.lim > v.enforced) errs.push(maxLimit(k, type, es, lim.canonical))
    else if (req && v.req > v.enforced) errs.push(maxRequest(k, type, es, req.canonical))
  }
  for (const k of sorted(item.maxLimitRequestRatio)) {
    const e = parseQuantity(String(item.maxLimitRequestRatio![k]))
    if (!e.ok) continue
    const req = requests.get(k)
    const lim = limits.get(k)
    const v = values(req, lim, e.quantity)
    const es = e.quantity.canonical
    if (!req || v.req === 0) errs.push(ratioNoRequest(k, type, es))
    else if (!lim || v.lim === 0) errs.push(ratioNoLimit(k, type, es))
    else {
      const display = v.lim / v.req
      const small = quantityValue(e.quantity) <= MAX_MILLI_VALUE
      const observed = small ? display * 1000 : display
      const max = small ? quantityMilliValue(e.quantity) : quantityValue(e.quantity)
      if (observed > max) errs.push(ratioExceeded(k, type, es, display))
    }
  }
  return errs
}

/** PodValidateLimitFunc for one LimitRange. */
function validateForRange(pod: Pod, items: readonly LimitRangeItem[]): string[] {
  const errs: string[] = []
  for (const item of items) {
    if (item.type === 'Container') {
      for (const c of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) {
        errs.push(...checkItem(item, 'Container', toList(c.resources?.requests), toList(c.resources?.limits)))
      }
    } else if (item.type === 'Pod') {
      errs.push(...checkItem(item, 'Pod', podResources(pod, 'requests'), podResources(pod, 'limits')))
    }
  }
  return errs
}

export const LimitRanger: AdmissionPlugin = {
  name: 'LimitRanger',
  handles: (op) => op === 'CREATE' || op === 'UPDATE',
  admit(input) {
    const ranges = rangesIn(input)
    if (ranges.length === 0) return admitUnchanged(input, `no LimitRange in namespace ${input.namespace}`)
    let pod = input.pod
    for (const r of ranges) pod = mutateForRange(pod, r.items)
    const annotation = pod.metadata.annotations?.[LIMIT_RANGER_ANNOTATION]
    if (pod === input.pod || !annotation)
      return admitUnchanged(input, 'every container already sets what the LimitRange defaults')
    return { kind: 'admit', pod, note: annotation }
  },
  validate(input) {
    const ranges = rangesIn(input)
    for (const r of ranges) {
      const errs = validateForRange(input.pod, r.items)
      if (errs.length) {
        // utilerrors.NewAggregate: one error as is, several as [e1, e2].
        const message = errs.length === 1 ? errs[0]! : `[${errs.join(', ')}]`
        return forbidden(input, message, `LimitRange ${r.name} refuses the pod's resources`)
      }
    }
    return admitUnchanged(
      input,
      ranges.length
        ? 'within every LimitRange min, max and ratio'
        : `no LimitRange in namespace ${input.namespace}`,
    )
  },
}
