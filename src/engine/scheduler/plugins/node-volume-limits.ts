/**
 * NodeVolumeLimits (CSILimits): the node's CSINode limit on attached volumes
 * per driver. Only pods with PersistentVolumeClaims, generic ephemeral volumes
 * or inline CSI volumes are checked; others Skip. Podlife's clusters hold no
 * CSINode objects, so no node reports a limit and the filter passes.
 * Upstream: pkg/scheduler/framework/plugins/nodevolumelimits/csi.go
 */
import type { FilterPlugin } from '../framework/types'
import { SKIP, SUCCESS } from '../framework/types'
import { podClaims } from './volume-claims'

export const ERR_REASON_MAX_VOLUME_COUNT_EXCEEDED = 'node(s) exceed max volume count'

export const NodeVolumeLimits: FilterPlugin<void> = {
  name: 'NodeVolumeLimits',
  preFilter(pod) {
    const csi = (pod.spec.volumes ?? []).some((v) => v['csi'])
    return { status: csi || podClaims(pod).length ? SUCCESS : SKIP, state: undefined }
  },
  filter() {
    return SUCCESS
  },
}
