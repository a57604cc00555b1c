/**
 * What the controllers' informers hold: the Deployments, ReplicaSets and Pods as the apiserver last
 * stored them. Podlife reads them from the run's store when a controller syncs (a real informer's
 * cache lags the apiserver by a watch event; the run's is up to date, and expectations cover the gap
 * exactly as they do upstream).
 */
import { listPods as listStoredPods } from '../etcd/objects'
import type { SimContext } from '../protocol/context'
import type { World } from '../protocol/world'
import type { Pod } from '../model/objects'
import type { Deployment, ReplicaSet } from './apps-types'
import { findObject } from '../model/cluster'

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

/**
 * Every pod of the namespace as etcd holds it now (etcd/objects.ts listPods, in creation order): the
 * cluster file's, a graceful deletion's Terminating pod with its deletionTimestamp, those the run
 * created; a removed one is gone.
 */
export function listPods(_ctx: SimContext, world: World, namespace: string): Pod[] {
  return [...listStoredPods(world.etcd, { namespace })]
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
