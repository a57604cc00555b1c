/**
 * VolumeBinding: every PersistentVolumeClaim of the pod must exist and be
 * bound (or bindable on the node). Pods without claims Skip. Podlife models
 * bound claims and missing ones; an unbound claim counts as an unbound
 * immediate claim (no StorageClass or PersistentVolume objects are modelled).
 * Upstream: pkg/scheduler/framework/plugins/volumebinding/volume_binding.go
 */
import type { FilterPlugin } from '../framework/types'
import { SKIP, SUCCESS, unresolvable } from '../framework/types'
import { podClaims, pvcNotFound } from './volume-claims'

export const ERR_REASON_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims'
export const waitingForEphemeral = (name: string): string =>
  `waiting for ephemeral volume controller to create the persistentvolumeclaim "${name}"`

export const VolumeBinding: FilterPlugin<void> = {
  name: 'VolumeBinding',
  preFilter(pod, _nodes, ctx) {
    const claims = podClaims(pod)
    if (claims.length === 0) return { status: SKIP, state: undefined }
    const ns = pod.metadata.namespace ?? 'default'
    for (const c of claims) {
      const phase = ctx?.persistentVolumeClaims?.get(`${ns}/${c.claimName}`)
      if (phase === undefined)
        return {
          status: unresolvable(c.ephemeral ? waitingForEphemeral(c.claimName) : pvcNotFound(c.claimName)),
          state: undefined,
        }
      if (phase !== 'Bound') return { status: unresolvable(ERR_REASON_UNBOUND_IMMEDIATE), state: undefined }
    }
    return { status: SUCCESS, state: undefined }
  },
  filter() {
    return SUCCESS
  },
}
