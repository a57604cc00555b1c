/**
 * How the volume plugins read a pod's claims: PersistentVolumeClaim volumes by
 * claim name, and generic ephemeral volumes by the claim the ephemeral-volume
 * controller creates for them (`<pod>-<volume>`).
 * Upstream: pkg/scheduler/framework/plugins/volumebinding/binder.go (GetPodVolumeClaims),
 * staging/src/k8s.io/component-helpers/storage/ephemeral/ephemeral.go (VolumeClaimName)
 */
import type { Pod } from '../../model/objects'

export interface PodClaim {
  readonly claimName: string
  readonly ephemeral: boolean
}

export function podClaims(pod: Pod): PodClaim[] {
  const out: PodClaim[] = []
  for (const v of pod.spec.volumes ?? []) {
    const pvc = v['persistentVolumeClaim'] as { claimName?: string } | undefined
    if (pvc?.claimName) out.push({ claimName: pvc.claimName, ephemeral: false })
    else if (v['ephemeral'])
      out.push({ claimName: `${pod.metadata.name ?? ''}-${String(v['name'])}`, ephemeral: true })
  }
  return out
}

/** `persistentvolumeclaim "<name>" not found`, the apiserver's NotFound error text. */
export const pvcNotFound = (name: string): string => `persistentvolumeclaim "${name}" not found`
