/**
 * metav1.GetControllerOf: the ownerReference marked `controller: true`, the one object that manages
 * this one (a Pod's ReplicaSet, a ReplicaSet's Deployment). Upstream: apimachinery
 * pkg/apis/meta/v1/controller_ref.go.
 */
export interface ControllerRef {
  readonly apiVersion: string
  readonly kind: string
  readonly name: string
  readonly uid: string
}

export function controllerRefOf(o: {
  readonly metadata: { readonly [key: string]: unknown }
}): ControllerRef | undefined {
  const refs = (o.metadata['ownerReferences'] ?? []) as readonly {
    readonly apiVersion?: string
    readonly kind?: string
    readonly name?: string
    readonly uid?: string
    readonly controller?: boolean
  }[]
  const r = refs.find((x) => x.controller === true)
  return r
    ? { apiVersion: r.apiVersion ?? '', kind: r.kind ?? '', name: r.name ?? '', uid: r.uid ?? '' }
    : undefined
}
