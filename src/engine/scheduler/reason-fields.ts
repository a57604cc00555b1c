/**
 * Which manifest fields make a scheduler reason happen, so the app can point
 * at them ("Insufficient memory" → resources.requests.memory). Paths use the
 * manifest's own structure: `spec.containers.0.resources.requests.cpu`.
 */
import type { Pod } from '../model/objects'
import { ERR_REASON_NODE_NAME } from './plugins/node-name'
import { ERR_REASON_POD } from './plugins/node-affinity'
import { ERR_REASON_PORTS } from './plugins/node-ports'
import { ERR_REASON_UNSCHEDULABLE } from './plugins/node-unschedulable'
import { ERR_REASON_UNTOLERATED } from './plugins/taint-toleration'

function containerPaths(
  pod: Pod,
  pick: (c: Pod['spec']['containers'][number], base: string) => string[],
): string[] {
  const out: string[] = []
  pod.spec.containers.forEach((c, i) => out.push(...pick(c, `spec.containers.${i}`)))
  ;(pod.spec.initContainers ?? []).forEach((c, i) => out.push(...pick(c, `spec.initContainers.${i}`)))
  return out
}

export function manifestFieldsForReason(reason: string, pod: Pod): string[] {
  const insufficient = /^Insufficient (.+)$/.exec(reason)
  if (insufficient) {
    const resource = insufficient[1]!
    return containerPaths(pod, (c, base) =>
      c.resources?.requests?.[resource] !== undefined ? [`${base}.resources.requests.${resource}`] : [],
    )
  }
  switch (reason) {
    case ERR_REASON_POD: {
      const out: string[] = []
      if (pod.spec.nodeSelector) out.push('spec.nodeSelector')
      if (pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution) {
        out.push('spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution')
      }
      return out
    }
    case ERR_REASON_UNTOLERATED:
    case ERR_REASON_UNSCHEDULABLE:
      return pod.spec.tolerations ? ['spec.tolerations'] : ['spec']
    case ERR_REASON_PORTS:
      return containerPaths(pod, (c, base) =>
        (c.ports ?? []).flatMap((p, j) => (p.hostPort ? [`${base}.ports.${j}.hostPort`] : [])),
      )
    case ERR_REASON_NODE_NAME:
      return ['spec.nodeName']
    default:
      return []
  }
}
