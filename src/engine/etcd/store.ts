/**
 * etcd as the apiserver uses it: one global revision counter; every write
 * bumps it and becomes the object's resourceVersion (as a decimal string).
 * Upstream: staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go, api_object_versioner.go
 *
 * Sharing rule: a cluster can hold hundreds of thousands of keys, and every frame keeps its own
 * etcd state, so a write must not copy them all. The keys the cluster started with live in one
 * shared object that is the prototype of every later `keys`; a write makes a new object on that
 * same prototype holding only the keys written since (a handful). A deleted key is written as
 * `undefined`, hiding the cluster's entry. `keys[key]` reads see all this; list the keys with
 * `etcdEntries`, not `Object.entries`, and never copy `keys` with a spread (it drops the prototype).
 */
import type { EtcdEntry, EtcdState, StoredValue } from '../protocol/world'

export function podKey(namespace: string, name: string): string {
  return `/registry/pods/${namespace}/${name}`
}

type Keys = EtcdState['keys']

/** `base` as the shared prototype, with `written` as own properties (defined, never assigned, so a frozen base is fine). */
function layered(base: object | null, written: Iterable<readonly [string, EtcdEntry | undefined]>): Keys {
  const props: PropertyDescriptorMap = {}
  for (const [k, value] of written)
    props[k] = { value, enumerable: true, writable: false, configurable: false }
  return Object.create(base, props) as Keys
}

/** The etcd state holding `keys`, written in this order, before anything else is written. */
export function createEtcdState(revision: number, keys: Readonly<Record<string, EtcdEntry>>): EtcdState {
  return { revision, keys: layered(keys, []) }
}

/** Writes `object` (as given) under `key`; etcdStore is the apiserver's write, which versions it. */
export function etcdPut(state: EtcdState, key: string, summary: string, object?: StoredValue): EtcdState {
  const revision = state.revision + 1
  const prev = state.keys[key]
  const entry: EtcdEntry = {
    createRevision: prev?.createRevision ?? revision,
    modRevision: revision,
    version: (prev?.version ?? 0) + 1,
    summary,
    ...(object ? { object } : {}),
  }
  // Only the keys written since the cluster loaded are own properties: copying them is cheap.
  const written = new Map(Object.entries(state.keys)).set(key, entry)
  return { revision, keys: layered(Object.getPrototypeOf(state.keys) as object | null, written) }
}

/**
 * The apiserver's write of an object: its resourceVersion becomes the new revision (the versioner of
 * staging/src/k8s.io/apiserver/pkg/storage/etcd3/api_object_versioner.go UpdateObject), and the stored
 * value is what the caller answers with. `object` may be a function of that resourceVersion, for a
 * caller that places it among other metadata it sets.
 */
export function etcdStore<T extends StoredValue>(
  state: EtcdState,
  key: string,
  summary: string,
  object: T | ((resourceVersion: string) => T),
): { readonly etcd: EtcdState; readonly stored: T } {
  const resourceVersion = String(state.revision + 1)
  const stored =
    typeof object === 'function'
      ? object(resourceVersion)
      : ({ ...object, metadata: { ...object.metadata, resourceVersion } } as T)
  return { etcd: etcdPut(state, key, summary, stored), stored }
}

/** A delete: the key is gone from this revision on. */
export function etcdDelete(state: EtcdState, key: string): EtcdState {
  const written = new Map<string, EtcdEntry | undefined>(Object.entries(state.keys)).set(key, undefined)
  return {
    revision: state.revision + 1,
    keys: layered(Object.getPrototypeOf(state.keys) as object | null, written),
  }
}

/**
 * Every key with its entry, in the order a plain object would list them: the cluster's keys in
 * their order, then keys first written since, in the order they were first written.
 */
export function etcdEntries(state: EtcdState): [string, EtcdEntry][] {
  const layers: object[] = []
  for (
    let o: object | null = state.keys;
    o && o !== Object.prototype;
    o = Object.getPrototypeOf(o) as object | null
  )
    layers.unshift(o)
  const all = new Map<string, EtcdEntry | undefined>()
  for (const layer of layers)
    for (const [k, v] of Object.entries(layer)) all.set(k, v as EtcdEntry | undefined)
  return [...all].filter((e): e is [string, EtcdEntry] => e[1] !== undefined)
}
