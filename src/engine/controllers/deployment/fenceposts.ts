/**
 * How many pods a rolling update may add above, or take below, the desired count.
 * Upstream: apimachinery pkg/util/intstr/intstr.go (GetScaledValueFromIntOrPercent),
 * kubernetes pkg/controller/deployment/util/deployment_util.go (ResolveFenceposts, MaxSurge, MaxUnavailable).
 */
import type { Deployment, IntOrString } from '../apps-types'

/**
 * A count as is; a percentage of `total`, rounded up for maxSurge and down for maxUnavailable.
 * Invalid values never reach here (validation refuses them), but the error text is upstream's.
 */
export function scaledValue(value: IntOrString, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value
  if (!value.endsWith('%'))
    throw new Error('invalid value for IntOrString: invalid type: string is not a percentage')
  const digits = value.slice(0, -1)
  if (!/^[+-]?\d+$/.test(digits))
    throw new Error(
      `invalid value for IntOrString: invalid value "${value}": strconv.Atoi: parsing "${digits}": invalid syntax`,
    )
  const n = Number(digits)
  // Go computes float64(value) * float64(total) / 100 then Ceil or Floor.
  return roundUp ? Math.ceil((n * total) / 100) : Math.floor((n * total) / 100)
}

const DEFAULT_PERCENT = '25%'

/** ResolveFenceposts: maxSurge and maxUnavailable for `desired` replicas; both zero would deadlock, so unavailable becomes 1. */
export function resolveFenceposts(
  maxSurge: IntOrString | undefined,
  maxUnavailable: IntOrString | undefined,
  desired: number,
): { readonly surge: number; readonly unavailable: number } {
  const surge = scaledValue(maxSurge ?? DEFAULT_PERCENT, desired, true)
  let unavailable = scaledValue(maxUnavailable ?? DEFAULT_PERCENT, desired, false)
  if (surge === 0 && unavailable === 0) unavailable = 1
  return { surge, unavailable }
}

function isRolling(d: Deployment): boolean {
  return (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate'
}

/** MaxSurge: 0 for Recreate. */
export function maxSurgeOf(d: Deployment): number {
  if (!isRolling(d)) return 0
  const r = d.spec.strategy?.rollingUpdate
  return resolveFenceposts(r?.maxSurge, r?.maxUnavailable, d.spec.replicas ?? 1).surge
}

/** MaxUnavailable: 0 for Recreate or zero replicas, never more than the replicas. */
export function maxUnavailableOf(d: Deployment): number {
  const replicas = d.spec.replicas ?? 1
  if (!isRolling(d) || replicas === 0) return 0
  const r = d.spec.strategy?.rollingUpdate
  const { unavailable } = resolveFenceposts(r?.maxSurge, r?.maxUnavailable, replicas)
  return Math.min(unavailable, replicas)
}
