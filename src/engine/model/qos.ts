/**
 * The pod's QoS class, from cpu and memory requests and limits of all its
 * containers. Upstream: pkg/apis/core/helper/qos/qos.go (GetPodQOS)
 */
import type { Pod } from './objects'

export function podQOSClass(pod: Pod): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const all = [...(pod.spec.initContainers ?? []), ...pod.spec.containers]
  const tracked = ['cpu', 'memory']
  let any = false
  let guaranteed = true
  for (const c of all) {
    const req = c.resources?.requests ?? {}
    const lim = c.resources?.limits ?? {}
    for (const r of tracked) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true
      if (lim[r] === undefined || (req[r] !== undefined && req[r] !== lim[r])) guaranteed = false
    }
  }
  if (!any) return 'BestEffort'
  return guaranteed ? 'Guaranteed' : 'Burstable'
}
