/**
 * DynamicResources (DRA, GA in 1.34): allocates ResourceClaims. A pod without
 * spec.resourceClaims Skips PreFilter; its PostFilter has no claim to
 * deallocate, which is the "no new claims to deallocate" that opens the
 * PostFilter part of every 1.34 FailedScheduling message.
 * Upstream: pkg/scheduler/framework/plugins/dynamicresources/dynamicresources.go
 */
import type { FilterPlugin } from '../framework/types'
import { SKIP, SUCCESS, unresolvable } from '../framework/types'

export const MSG_NO_CLAIMS_TO_DEALLOCATE = 'no new claims to deallocate'
export const resourceClaimNotFound = (name: string): string => `resourceclaim "${name}" not found`

export const DynamicResources: FilterPlugin<void> = {
  name: 'DynamicResources',
  preFilter(pod) {
    const claims = (pod.spec['resourceClaims'] ?? []) as readonly {
      name: string
      resourceClaimName?: string
    }[]
    if (claims.length === 0) return { status: SKIP, state: undefined }
    // Podlife's clusters hold no ResourceClaim objects: the first claim is missing.
    const c = claims[0]!
    return { status: unresolvable(resourceClaimNotFound(c.resourceClaimName ?? c.name)), state: undefined }
  },
  filter() {
    return SUCCESS
  },
}
