/**
 * What the controllers' informers hold: the Deployments, ReplicaSets and Pods as the apiserver last
 * stored them. Podlife reads them from the run's store when a controller syncs (a real informer's
 * cache lags the apiserver by a watch event; the run's is up to date, and expectations cover the gap
 * exactly as they do upstream).
 */
import { getObject, listPodsControlledBy } from '../etcd/objects'
import type { SimContext } from '../protocol/context'
import type { World } from '../protocol/world'
import type { Pod } from '../model/objects'
import type { Deployment, ReplicaSet } from './apps-types'
import { findObject } from '../model/cluster'
import { controllerRefOf } from '../model/owner-references'

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
  return listReplicaSets(ctx, d.metadata.namespace ?? 'default').filter(
    (rs) => controllerRefOf(rs)?.uid === d.metadata.uid,
  )
}

/** The pod `namespace/name` as etcd holds it now (undefined once removed). */
export function getPod(_ctx: SimContext, world: World, namespace: string, name: string): Pod | undefined {
  return getObject(world.etcd, 'Pod', namespace, name) as Pod | undefined
}

/**
 * The pods whose controller is the object with `uid`, as etcd holds them now: the informer's index
 * by controller (client-go cache.Indexer), so a 150,000-pod cluster is not walked per sync.
 */
export function podsControlledBy(_ctx: SimContext, world: World, uid: string): Pod[] {
  return [...listPodsControlledBy(world.etcd, uid)]
}
