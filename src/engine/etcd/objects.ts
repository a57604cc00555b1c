/**
 * Reading the objects etcd holds, as a component's informer would list and get them: every entry's
 * value is the object as stored (store.ts). Views are worked out once per etcd state and share the
 * cluster's part, so a 150,000-pod cluster costs its listing once, not once per frame.
 *
 * Order: upstream informers promise none; ours list in creation order (createRevision), so that a run
 * stays deterministic and reads the same as the document order kubectl sent them in.
 */
import type { KubeObject, Pod } from '../model/objects'
import { controllerRefOf } from '../model/owner-references'
import type { EtcdEntry, EtcdState, StoredValue } from '../protocol/world'

/** Where the apiserver stores each kind (pkg/registry/<group>/<kind>/storage: the resource's etcd prefix). */
const STORAGE_PATHS: Readonly<Record<string, string>> = {
  Node: 'minions',
  Namespace: 'namespaces',
  ServiceAccount: 'serviceaccounts',
  ClusterRole: 'clusterroles',
  ClusterRoleBinding: 'clusterrolebindings',
  Role: 'roles',
  RoleBinding: 'rolebindings',
  LimitRange: 'limitranges',
  ResourceQuota: 'resourcequotas',
  PriorityClass: 'priorityclasses',
  Secret: 'secrets',
  ConfigMap: 'configmaps',
  Pod: 'pods',
  Deployment: 'deployments',
  ReplicaSet: 'replicasets',
}

/** The etcd key of an object (`/registry/pods/default/nginx`), or null for a kind etcd does not hold here. */
export function registryKey(kind: string, namespace: string | undefined, name: string): string | null {
  const dir = STORAGE_PATHS[kind]
  if (!dir) return null
  return `/registry/${dir}/${namespace ? `${namespace}/` : ''}${name}`
}

/** One object as stored, or undefined when there is none (never written, or deleted). */
export function getObject(
  etcd: EtcdState,
  kind: string,
  namespace: string | undefined,
  name: string,
): StoredValue | undefined {
  const key = registryKey(kind, namespace, name)
  return key ? etcd.keys[key]?.object : undefined
}

const PODS = '/registry/pods/'

/** The keys written since the cluster loaded (store.ts keeps them as the own layer of `keys`). */
function written(etcd: EtcdState): [string, EtcdEntry | undefined][] {
  return Object.entries(etcd.keys) as [string, EtcdEntry | undefined][]
}

const basePods = new WeakMap<object, readonly (readonly [string, Pod])[]>()
const allPods = new WeakMap<object, readonly Pod[]>()

/** The cluster's stored pods with their keys, in creation order: listed once per cluster. */
function podsOfBase(base: object): readonly (readonly [string, Pod])[] {
  let pods = basePods.get(base)
  if (!pods) {
    const keys = base as Record<string, EtcdEntry | undefined>
    const out: [string, Pod][] = []
    for (const k in keys) {
      const e = keys[k]
      if (e?.object && k.startsWith(PODS)) out.push([k, e.object as Pod])
    }
    pods = out
    basePods.set(base, pods)
  }
  return pods
}

const baseByController = new WeakMap<object, ReadonlyMap<string, readonly string[]>>()

const controllerUid = (o: StoredValue): string | undefined => controllerRefOf(o)?.uid

/**
 * The stored pods whose controller ownerReference has `uid`: the cluster's found through an index
 * built once per cluster, then those the run wrote, in creation order.
 */
export function listPodsControlledBy(etcd: EtcdState, uid: string): readonly Pod[] {
  const base = Object.getPrototypeOf(etcd.keys) as object | null
  const hasBase = base !== null && base !== Object.prototype
  let index = hasBase ? baseByController.get(base) : undefined
  if (hasBase && !index) {
    const m = new Map<string, string[]>()
    for (const [k, pod] of podsOfBase(base)) {
      const owner = controllerUid(pod)
      if (owner) m.set(owner, [...(m.get(owner) ?? []), k])
    }
    index = m
    baseByController.set(base, m)
  }
  const out: Pod[] = []
  const seen = new Set<string>()
  for (const k of index?.get(uid) ?? []) {
    seen.add(k)
    const e = etcd.keys[k]
    if (e?.object) out.push(e.object as Pod)
  }
  const created = written(etcd)
    .filter(([k, e]) => k.startsWith(PODS) && !seen.has(k) && e?.object && controllerUid(e.object) === uid)
    .map(([, e]) => e!)
    .sort((a, b) => a.createRevision - b.createRevision)
  for (const e of created) out.push(e.object as Pod)
  return out
}

/** Every stored pod in creation order; `nodeName` and `namespace` narrow the list as a field selector would. */
export function listPods(
  etcd: EtcdState,
  filter: { readonly nodeName?: string; readonly namespace?: string } = {},
): readonly Pod[] {
  let pods = allPods.get(etcd.keys)
  if (!pods) {
    const base = Object.getPrototypeOf(etcd.keys) as object | null
    const own = new Map(written(etcd).filter(([k]) => k.startsWith(PODS)))
    // The cluster's pods keep their place (a write keeps the createRevision); a deleted one drops out.
    const out: Pod[] = []
    for (const [k, pod] of base && base !== Object.prototype ? podsOfBase(base) : []) {
      if (!own.has(k)) out.push(pod)
      else {
        const e = own.get(k)
        if (e?.object) out.push(e.object as Pod)
        own.delete(k)
      }
    }
    const created = [...own.values()].filter((e): e is EtcdEntry => !!e?.object)
    created.sort((a, b) => a.createRevision - b.createRevision)
    for (const e of created) out.push(e.object as Pod)
    pods = out
    allPods.set(etcd.keys, pods)
  }
  const { nodeName, namespace } = filter
  if (nodeName === undefined && namespace === undefined) return pods
  return pods.filter(
    (p) =>
      (nodeName === undefined || p.spec.nodeName === nodeName) &&
      (namespace === undefined || (p.metadata.namespace ?? 'default') === namespace),
  )
}

const created = new WeakMap<object, readonly KubeObject[]>()
const lastCreated = new WeakMap<object, { entries: readonly EtcdEntry[]; objects: readonly KubeObject[] }>()

/**
 * The objects other than Pods written since the cluster loaded (what the manifest created, what
 * controllers made for it, Nodes that joined), each as last stored, in the order of their last write.
 * The same array while none of them changes, so model/cluster.ts withObjects keeps its cache.
 */
export function createdObjects(etcd: EtcdState): readonly KubeObject[] {
  const hit = created.get(etcd.keys)
  if (hit) return hit
  const entries = written(etcd)
    .filter((e): e is [string, EtcdEntry] => !e[0].startsWith(PODS) && !!e[1]?.object)
    .map(([, e]) => e)
    .sort((a, b) => a.modRevision - b.modRevision)
  const base = (Object.getPrototypeOf(etcd.keys) as object | null) ?? Object.prototype
  const last = lastCreated.get(base)
  const objects =
    last && last.entries.length === entries.length && last.entries.every((e, i) => e === entries[i])
      ? last.objects
      : entries.map((e) => e.object as KubeObject)
  lastCreated.set(base, { entries, objects })
  created.set(etcd.keys, objects)
  return objects
}

/** A pod of the cluster file in graceful deletion, as etcd holds it. */
export type PodDeletion =
  /** Stored with metadata.deletionTimestamp: its kubelet is stopping its containers. */
  | { readonly state: 'Terminating'; readonly deletionTimestamp: string }
  /** Its key is gone. */
  | { readonly state: 'Deleted' }

const deletions = new WeakMap<object, Readonly<Record<string, PodDeletion>> | undefined>()
const lastDeletions = new WeakMap<
  object,
  { entries: readonly (EtcdEntry | undefined)[]; result: Readonly<Record<string, PodDeletion>> }
>()

/**
 * The cluster file's pods being deleted, by `namespace/name`: read from etcd (a deletionTimestamp on the
 * stored pod, or its key removed), undefined when there are none. The same object while those entries do
 * not change, so the scheduler's cached snapshot (keyed on it) stays valid.
 */
export function podDeletions(etcd: EtcdState): Readonly<Record<string, PodDeletion>> | undefined {
  if (deletions.has(etcd.keys)) return deletions.get(etcd.keys)
  const base = Object.getPrototypeOf(etcd.keys) as object | null
  const touched = written(etcd).filter(
    ([k, e]) =>
      k.startsWith(PODS) &&
      base !== null &&
      Object.hasOwn(base, k) &&
      (!e?.object || e.object.metadata['deletionTimestamp'] !== undefined),
  )
  let result: Readonly<Record<string, PodDeletion>> | undefined
  if (touched.length > 0) {
    const last = lastDeletions.get(base!)
    if (last && last.entries.length === touched.length && last.entries.every((e, i) => e === touched[i]![1]))
      result = last.result
    else {
      const out: Record<string, PodDeletion> = {}
      for (const [k, e] of touched) {
        out[k.slice(PODS.length)] = e?.object
          ? { state: 'Terminating', deletionTimestamp: String(e.object.metadata['deletionTimestamp']) }
          : { state: 'Deleted' }
      }
      result = out
      lastDeletions.set(base!, { entries: touched.map(([, e]) => e), result })
    }
  }
  deletions.set(etcd.keys, result)
  return result
}
