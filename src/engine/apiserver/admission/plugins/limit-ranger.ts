/**
 * LimitRanger fills in default requests and limits from the namespace's
 * LimitRange objects (type Container) and records what it set in the
 * `kubernetes.io/limit-ranger` annotation; on validation it enforces min/max.
 * Upstream: plugin/pkg/admission/limitranger/admission.go (mergeContainerResources, PodMutateLimitFunc)
 */
import type { AdmissionPlugin } from '../types'
import { admitUnchanged, forbidden } from '../types'
import type { Container, KubeObject, Pod } from '../../../model/objects'
import { parseQuantity } from '../../../model/quantity'

interface LimitRangeItem {
  readonly type?: string
  readonly default?: Readonly<Record<string, string>>
  readonly defaultRequest?: Readonly<Record<string, string>>
  readonly min?: Readonly<Record<string, string>>
  readonly max?: Readonly<Record<string, string>>
}

function containerItems(ranges: readonly KubeObject[]): LimitRangeItem[] {
  return ranges.flatMap((r) =>
    (((r['spec'] as { limits?: LimitRangeItem[] } | undefined)?.limits ?? []) as LimitRangeItem[]).filter(
      (i) => i.type === 'Container',
    ),
  )
}

function rangesIn(input: {
  cluster: { objects: Readonly<Record<string, readonly KubeObject[]>> }
  namespace: string
}) {
  return (input.cluster.objects['LimitRange'] ?? []).filter((r) => r.metadata.namespace === input.namespace)
}

export const LimitRanger: AdmissionPlugin = {
  name: 'LimitRanger',
  handles: (op) => op === 'CREATE' || op === 'UPDATE',
  admit(input) {
    const items = containerItems(rangesIn(input))
    if (items.length === 0) return admitUnchanged(input, `no LimitRange in namespace ${input.namespace}`)
    const defaultLimits: Record<string, string> = {}
    const defaultRequests: Record<string, string> = {}
    for (const i of items) {
      Object.assign(defaultLimits, i.default ?? {})
      Object.assign(defaultRequests, i.defaultRequest ?? {})
    }
    const notes: string[] = []
    const apply = (c: Container): Container => {
      const limits = { ...(c.resources?.limits ?? {}) }
      const requests = { ...(c.resources?.requests ?? {}) }
      const setReq: string[] = []
      const setLim: string[] = []
      for (const [k, v] of Object.entries(defaultLimits)) {
        if (k in limits) continue
        limits[k] = v
        setLim.push(k)
      }
      for (const [k, v] of Object.entries(defaultRequests)) {
        if (k in requests) continue
        requests[k] = v
        setReq.push(k)
      }
      // A limit set by default also becomes the request when no defaultRequest covers it.
      for (const k of setLim) {
        if (k in requests) continue
        requests[k] = limits[k]!
        setReq.push(k)
      }
      if (setReq.length) notes.push(`${setReq.sort().join(', ')} request for container ${c.name}`)
      if (setLim.length) notes.push(`${setLim.sort().join(', ')} limit for container ${c.name}`)
      return { ...c, resources: { ...c.resources, limits, requests } }
    }
    const spec = input.pod.spec
    const pod: Pod = {
      ...input.pod,
      spec: {
        ...spec,
        ...(spec.initContainers ? { initContainers: spec.initContainers.map(apply) } : {}),
        containers: spec.containers.map(apply),
      },
    }
    if (notes.length === 0)
      return admitUnchanged(input, 'every container already sets what the LimitRange defaults')
    const annotation = `LimitRanger plugin set: ${notes.join('; ')}`
    return {
      kind: 'admit',
      pod: {
        ...pod,
        metadata: {
          ...pod.metadata,
          annotations: { ...(pod.metadata.annotations ?? {}), 'kubernetes.io/limit-ranger': annotation },
        },
      },
      note: annotation,
    }
  },
  validate(input) {
    const items = containerItems(rangesIn(input))
    for (const c of input.pod.spec.containers) {
      for (const i of items) {
        for (const [res, max] of Object.entries(i.max ?? {})) {
          const lim = c.resources?.limits?.[res]
          const lq = lim === undefined ? undefined : parseQuantity(lim)
          const mq = parseQuantity(max)
          if (lq?.ok && mq.ok && lq.quantity.nanos > mq.quantity.nanos) {
            return forbidden(input, `maximum ${res} usage per Container is ${max}, but limit is ${lim}`)
          }
        }
        for (const [res, min] of Object.entries(i.min ?? {})) {
          const req = c.resources?.requests?.[res]
          const rq = req === undefined ? undefined : parseQuantity(req)
          const mq = parseQuantity(min)
          if (rq?.ok && mq.ok && rq.quantity.nanos < mq.quantity.nanos) {
            return forbidden(input, `minimum ${res} usage per Container is ${min}, but request is ${req}`)
          }
        }
      }
    }
    return admitUnchanged(
      input,
      items.length ? 'within the LimitRange min/max' : `no LimitRange in namespace ${input.namespace}`,
    )
  },
}
