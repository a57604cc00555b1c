/**
 * The Pod a ReplicaSet asks the apiserver for: the template's labels, annotations and finalizers,
 * a generateName of "<replicaset>-", the ReplicaSet as controlling owner, and the template's spec.
 * Upstream: pkg/controller/controller_utils.go (GetPodFromTemplate, getPodsPrefix) and
 * apimachinery pkg/apis/meta/v1/controller_ref.go (NewControllerRef).
 */
import type { OwnerReference, ReplicaSet } from '../apps-types'
import type { Pod } from '../../model/objects'
import { isDNS1123Subdomain } from '../../model/names'

export function controllerRef(owner: {
  readonly apiVersion: string
  readonly kind: string
  readonly metadata: { readonly name?: string; readonly uid?: string }
}): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  }
}

/** getPodsPrefix: "<name>-" unless that is not a valid pod name prefix, then the name alone. */
export function podsPrefix(controllerName: string): string {
  const prefix = `${controllerName}-`
  return isDNS1123Subdomain(maskTrailingDash(prefix)).length === 0 ? prefix : controllerName
}

/**
 * apimachinery validation.go maskTrailingDash, as ValidatePodName(prefix, true) applies it: a name
 * longer than one character ending in '-' has its last two characters replaced by "a" (upstream's
 * own arithmetic; it only has to make the text a valid subdomain when a suffix is appended).
 */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name
}

export function podFromTemplate(rs: ReplicaSet): Pod {
  const t = rs.spec.template
  const meta = t.metadata ?? {}
  const finalizers = meta['finalizers'] as readonly string[] | undefined
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(meta.labels ? { labels: { ...meta.labels } } : {}),
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      generateName: podsPrefix(rs.metadata.name ?? ''),
      ...(rs.metadata.namespace ? { namespace: rs.metadata.namespace } : {}),
      ...(finalizers ? { finalizers: [...finalizers] } : {}),
      ownerReferences: [controllerRef(rs)],
    },
    spec: { ...t.spec },
  }
}
