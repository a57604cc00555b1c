/**
 * The kinds a manifest may create, with their API group, REST resource and scope, as the apiserver's
 * discovery document lists them: Pods and the core (v1) kinds beside them, and the apps/v1 workloads
 * the controller-manager turns into Pods. kubectl maps a kind to its path through these; the
 * apiserver routes a path back to its kind.
 */
export interface CoreResource {
  readonly kind: string
  /** The API group: '' for the core group (/api/v1), 'apps' for /apis/apps/v1. */
  readonly group?: string
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
  Deployment: { kind: 'Deployment', group: 'apps', resource: 'deployments', namespaced: true },
  ReplicaSet: { kind: 'ReplicaSet', group: 'apps', resource: 'replicasets', namespaced: true },
}

/** The resource of a request path: its plural name within its API group ('' for core). */
export function resourceByName(resource: string, group = ''): CoreResource | undefined {
  return Object.values(CORE_RESOURCES).find((r) => r.resource === resource && (r.group ?? '') === group)
}

/** The group/version a manifest names for the kind: `v1` for core kinds, `apps/v1` for apps. */
export function groupVersion(r: CoreResource): string {
  return r.group ? `${r.group}/v1` : 'v1'
}

/** The resource of a manifest's kind and apiVersion, or undefined when the server has no such mapping. */
export function resourceOfManifest(kind: string, apiVersion: string): CoreResource | undefined {
  const r = CORE_RESOURCES[kind]
  return r && groupVersion(r) === apiVersion ? r : undefined
}

/** How kubectl names an object in its output: `pod/web`, `deployment.apps/web` (kind.group lower-cased). */
export function kindGroupName(kind: string, name: string): string {
  const group = CORE_RESOURCES[kind]?.group
  return `${kind.toLowerCase()}${group ? `.${group}` : ''}/${name}`
}

/** `/api/v1/namespaces/<ns>/<resource>[/<name>]`, or `/api/v1/<resource>[/<name>]` for a cluster-scoped kind. */
export function resourcePath(kind: string, namespace: string, name?: string): string {
  const r = CORE_RESOURCES[kind] ?? CORE_RESOURCES['Pod']!
  const root = r.group ? `/apis/${r.group}/v1` : '/api/v1'
  const base = r.namespaced ? `${root}/namespaces/${namespace}/${r.resource}` : `${root}/${r.resource}`
  return name ? `${base}/${name}` : base
}

/** The etcd key the apiserver stores an object under (registry/core/<kind>/storage). */
export function storageKey(kind: string, namespace: string, name: string): string {
  const r = CORE_RESOURCES[kind] ?? CORE_RESOURCES['Pod']!
  return r.namespaced ? `/registry/${r.resource}/${namespace}/${name}` : `/registry/${r.resource}/${name}`
}
