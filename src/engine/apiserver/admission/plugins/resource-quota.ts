/**
 * ResourceQuota charges the new pod against every ResourceQuota of its
 * namespace. Upstream: plugin/pkg/admission/resourcequota/admission.go
 *
 * Quota evaluation (usage, "exceeded quota", "must specify") arrives with
 * issue #3; with no quota in the namespace there is nothing to charge.
 */
import type { AdmissionPlugin } from '../types'
import { admitUnchanged } from '../types'

export const ResourceQuota: AdmissionPlugin = {
  name: 'ResourceQuota',
  handles: (op) => op === 'CREATE' || op === 'UPDATE',
  validate(input) {
    const quotas = (input.cluster.objects['ResourceQuota'] ?? []).filter(
      (q) => q.metadata.namespace === input.namespace,
    )
    return admitUnchanged(
      input,
      quotas.length === 0
        ? `no ResourceQuota in namespace ${input.namespace}`
        : `${quotas.length} ResourceQuota(s) checked`,
    )
  },
}
