/**
 * What the controllers' informers hold: the Deployments, ReplicaSets and Pods as the apiserver last
 * stored them. Podlife reads them from the run's store when a controller syncs (a real informer's
 * cache lags the apiserver by a watch event; the run's is up to date, and expectations cover the gap
 * exactly as they do upstream).
 */
import { podDeletions } from '../etcd/objects'
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

/** Every pod of the namespace: the cluster file's and those the run created, as stored now. */
export function listPods(ctx: SimContext, world: World, namespace: string): Pod[] {
  const run = allRunPods(world)
  const runKeys = new Set(run.map((p) => p.metadata.name ?? ''))
  const existing: Pod[] = []
  for (const p of ctx.cluster.pods) {
    if ((p.metadata.namespace ?? 'default') !== namespace || runKeys.has(p.metadata.name ?? '')) continue
    // A cluster pod being deleted gracefully carries its deletionTimestamp; a removed one is gone.
    const deleted = podDeletions(world.etcd)?.[`${namespace}/${p.metadata.name ?? ''}`]
    if (deleted?.state === 'Deleted') continue
    existing.push(
      deleted ? { ...p, metadata: { ...p.metadata, deletionTimestamp: deleted.deletionTimestamp } } : p,
    )
  }
  return [...existing, ...run.filter((p) => (p.metadata.namespace ?? 'default') === namespace)]
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
