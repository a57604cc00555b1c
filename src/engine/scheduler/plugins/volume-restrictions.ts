/**
 * VolumeRestrictions: disk conflicts (GCE PD, AWS EBS, RBD, iSCSI mounted
 * twice) and ReadWriteOncePod claims in use. A pod without such volumes and
 * without PersistentVolumeClaims Skips; a claim that does not exist rejects
 * the pod in PreFilter.
 * Upstream: pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions.go
 */
import type { FilterPlugin } from '../framework/types'
import { SKIP, SUCCESS, unresolvable, unschedulable } from '../framework/types'
import { podClaims, pvcNotFound } from './volume-claims'

export const ERR_REASON_DISK_CONFLICT = 'node(s) had no available disk'
export const ERR_REASON_READ_WRITE_ONCE_POD_CONFLICT =
  'node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode'

const RESTRICTED = ['gcePersistentDisk', 'awsElasticBlockStore', 'rbd', 'iscsi'] as const

function diskId(v: Readonly<Record<string, unknown>>): string | null {
  for (const kind of RESTRICTED) {
    const src = v[kind] as Record<string, unknown> | undefined
    if (src) return `${kind}/${String(src['pdName'] ?? src['volumeID'] ?? src['image'] ?? src['iqn'] ?? '')}`
  }
  return null
}

export const VolumeRestrictions: FilterPlugin<readonly string[]> = {
  name: 'VolumeRestrictions',
  preFilter(pod, _nodes, ctx) {
    const disks = (pod.spec.volumes ?? []).map(diskId).filter((d): d is string => d !== null)
    for (const c of podClaims(pod)) {
      if (c.ephemeral) continue
      if (!ctx?.persistentVolumeClaims?.has(`${pod.metadata.namespace ?? 'default'}/${c.claimName}`))
        return { status: unresolvable(pvcNotFound(c.claimName)), state: disks }
    }
    return { status: disks.length ? SUCCESS : SKIP, state: disks }
  },
  filter(_pod, node, disks) {
    for (const p of node.pods)
      for (const v of p.spec.volumes ?? []) {
        const id = diskId(v)
        if (id && disks.includes(id)) return unschedulable(ERR_REASON_DISK_CONFLICT)
      }
    return SUCCESS
  },
}
