/**
 * What the controllers' informers hold: the Deployments, ReplicaSets and Pods as the apiserver last
 * stored them. Podlife reads them from the run's store when a controller syncs (a real informer's
 * cache lags the apiserver by a watch event; the run's is up to date, and expectations cover the gap
 * exactly as they do upstream).
 */
import type { SimContext } from '../protocol/context'
import type { World } from '../protocol/world'
import type { Pod } from '../model/objects'
import type { Deployment, ReplicaSet } from './apps-types'
import { findObject } from '../model/cluster'
import { allRunPods } from './run-pods'

export function getDeployment(ctx: SimContext, namespace: string, name: string): Deployment | undefined {
  return findObject(ctx.cluster, 'Deployment', name, namespace) as unknown as Deployment | undefined
}

export function getReplicaSet(ctx: SimContext, namespace: string, name: string): ReplicaSet | undefined {
  return findObject(ctx.cluster, 'ReplicaSet', name, namespace) as unknown as ReplicaSet | undefined
}

export function listReplicaSets(ctx: SimContext, namespace: string): ReplicaSet[] {
  return ((ctx.cluster.objects['ReplicaSet'] ?? []) as unknown as ReplicaSet[]).filter(
    (rs) => (rs.metadata.namespace ?? 'default') === namespace,
  )
}

/** The sets whose controller ownerReference is the Deployment (getReplicaSetsForDeployment, adoption aside). */
export function replicaSetsOf(ctx: SimContext, d: Deployment): ReplicaSet[] {
  return listReplicaSets(ctx, d.metadata.namespace ?? 'default').filter((rs) =>
    (rs.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === d.metadata.uid),
  )
}

interface ClusterPodIndex {
  readonly byKey: ReadonlyMap<string, Pod>
  /** By the uid of the pod's controller (ownerReferences with controller: true). */
  readonly byOwner: ReadonlyMap<string, readonly Pod[]>
}

/**
 * The cluster file's pods by `namespace/name` and by controller uid, built once per pod list: the
 * informer's indexers (client-go cache.Indexer). A 150,000-pod cluster is walked once, not per sync.
 */
const indexes = new WeakMap<readonly Pod[], ClusterPodIndex>()
function clusterPodIndex(pods: readonly Pod[]): ClusterPodIndex {
  let index = indexes.get(pods)
  if (!index) {
    const byKey = new Map<string, Pod>()
    const byOwner = new Map<string, Pod[]>()
    for (const p of pods) {
      byKey.set(`${p.metadata.namespace ?? 'default'}/${p.metadata.name ?? ''}`, p)
      const owner = controllerOf(p)
      if (owner) byOwner.set(owner.uid, [...(byOwner.get(owner.uid) ?? []), p])
    }
    index = { byKey, byOwner }
    indexes.set(pods, index)
  }
  return index
}

/** A cluster pod as stored now: with its deletionTimestamp while it terminates, null once removed. */
function asStoredNow(world: World, p: Pod): Pod | null {
  const deleted = world.deletedPods?.[`${p.metadata.namespace ?? 'default'}/${p.metadata.name ?? ''}`]
  if (!deleted) return p
  if (deleted.state === 'Deleted') return null
  return { ...p, metadata: { ...p.metadata, deletionTimestamp: deleted.deletionTimestamp } }
}

/** The pod `namespace/name` as stored now: the run's, else the cluster file's. */
export function getPod(ctx: SimContext, world: World, namespace: string, name: string): Pod | undefined {
  const key = `${namespace}/${name}`
  const own = world.pods[key]?.pod
  if (own) return own
  const p = clusterPodIndex(ctx.cluster.pods).byKey.get(key)
  return p ? (asStoredNow(world, p) ?? undefined) : undefined
}

/** The pods whose controller is the object with `uid`, as stored now (run pods first, in creation order). */
export function podsControlledBy(ctx: SimContext, world: World, uid: string): Pod[] {
  const out: Pod[] = []
  const seen = new Set<string>()
  for (const p of allRunPods(world)) {
    if (controllerOf(p)?.uid !== uid) continue
    seen.add(`${p.metadata.namespace ?? 'default'}/${p.metadata.name ?? ''}`)
    out.push(p)
  }
  for (const p of clusterPodIndex(ctx.cluster.pods).byOwner.get(uid) ?? []) {
    if (seen.has(`${p.metadata.namespace ?? 'default'}/${p.metadata.name ?? ''}`)) continue
    const now = asStoredNow(world, p)
    if (now) out.push(now)
  }
  return out
}

/** The controller ownerReference of an object, if any. */
export function controllerOf(o: {
  readonly metadata: { readonly [key: string]: unknown }
}): { readonly kind: string; readonly name: string; readonly uid: string } | undefined {
  const refs = (o.metadata['ownerReferences'] ?? []) as readonly {
    kind?: string
    name?: string
    uid?: string
    controller?: boolean
  }[]
  const r = refs.find((x) => x.controller === true)
  return r ? { kind: r.kind ?? '', name: r.name ?? '', uid: r.uid ?? '' } : undefined
}
