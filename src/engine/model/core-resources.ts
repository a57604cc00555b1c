/**
 * The core (v1) kinds a manifest may create besides Pods, with their REST resource and scope, as the
 * apiserver's discovery document lists them. kubectl maps a kind to its path through these; the
 * apiserver routes a path back to its kind.
 */
export interface CoreResource {
  readonly kind: string
  /** The plural resource name in the URL and in RBAC rules. */
  readonly resource: string
  readonly namespaced: boolean
}

export const CORE_RESOURCES: Readonly<Record<string, CoreResource>> = {
  Pod: { kind: 'Pod', resource: 'pods', namespaced: true },
  ConfigMap: { kind: 'ConfigMap', resource: 'configmaps', namespaced: true },
  Secret: { kind: 'Secret', resource: 'secrets', namespaced: true },
  ServiceAccount: { kind: 'ServiceAccount', resource: 'serviceaccounts', namespaced: true },
  Namespace: { kind: 'Namespace', resource: 'namespaces', namespaced: false },
}

export function resourceByName(resource: string): CoreResource | undefined {
  return Object.values(CORE_RESOURCES).find((r) => r.resource === resource)
}

/** `/api/v1/namespaces/<ns>/<resource>[/<name>]`, or `/api/v1/<resource>[/<name>]` for a cluster-scoped kind. */
export function resourcePath(kind: string, namespace: string, name?: string): string {
  const r = CORE_RESOURCES[kind] ?? CORE_RESOURCES['Pod']!
  const base = r.namespaced ? `/api/v1/namespaces/${namespace}/${r.resource}` : `/api/v1/${r.resource}`
  return name ? `${base}/${name}` : base
}

/** The etcd key the apiserver stores an object under (registry/core/<kind>/storage). */
export function storageKey(kind: string, namespace: string, name: string): string {
  const r = CORE_RESOURCES[kind] ?? CORE_RESOURCES['Pod']!
  return r.namespaced ? `/registry/${r.resource}/${namespace}/${name}` : `/registry/${r.resource}/${name}`
}
