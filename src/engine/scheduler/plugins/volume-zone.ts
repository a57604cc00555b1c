/**
 * VolumeZone: a bound PersistentVolume's zone labels must match the node's.
 * Pods without PersistentVolumeClaims Skip. No PersistentVolume objects are
 * modelled, so a bound claim fits every zone.
 * Upstream: pkg/scheduler/framework/plugins/volumezone/volume_zone.go
 */
import type { FilterPlugin } from '../framework/types'
import { SKIP, SUCCESS } from '../framework/types'
import { podClaims } from './volume-claims'

export const ERR_REASON_CONFLICT = 'node(s) had no available volume zone'

export const VolumeZone: FilterPlugin<void> = {
  name: 'VolumeZone',
  preFilter(pod) {
    return { status: podClaims(pod).some((c) => !c.ephemeral) ? SUCCESS : SKIP, state: undefined }
  },
  filter() {
    return SUCCESS
  },
}
