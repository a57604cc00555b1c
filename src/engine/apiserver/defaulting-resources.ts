/**
 * SetDefaults_ResourceList (kubernetes/kubernetes pkg/apis/core/v1/defaults.go):
 * every quantity in a ResourceList is rounded up to milli scale, so a request
 * of `100u` CPU is stored as `1m`. zz_generated.defaults.go calls it for each
 * container's limits and requests (init, regular and ephemeral), the pod's
 * overhead, and an ephemeral volume's claim-template resources.
 */
import { parseQuantity, quantityFromNanos } from '../model/quantity'

const NANOS_PER_MILLI = 1_000_000n

type List = Readonly<Record<string, unknown>>

/** Quantity.RoundUp(-3): away from zero (int64Amount.AsScale); exact values keep their text. */
function roundUpToMilli(text: unknown): unknown {
  if (typeof text !== 'string') return text
  const r = parseQuantity(text)
  if (!r.ok) return text
  const { nanos, format } = r.quantity
  const rest = nanos % NANOS_PER_MILLI
  if (rest === 0n) return text
  const rounded = nanos - rest + (nanos > 0n ? NANOS_PER_MILLI : -NANOS_PER_MILLI)
  return quantityFromNanos(rounded, format).canonical
}

export function defaultResourceList<T extends List | undefined>(list: T): T {
  if (!list) return list
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(list)) out[name] = roundUpToMilli(value)
  return out as T
}

/** The limits and requests of a ResourceRequirements-like object, rounded; other keys (claims) kept. */
export function defaultResourceRequirements<T extends { readonly limits?: List; readonly requests?: List }>(
  resources: T | undefined,
): T | undefined {
  if (!resources) return resources
  return {
    ...resources,
    ...(resources.limits ? { limits: defaultResourceList(resources.limits) } : {}),
    ...(resources.requests ? { requests: defaultResourceList(resources.requests) } : {}),
  }
}
