/**
 * The Deployments, ReplicaSets and Pods of a namespace as the apiserver would list them at a frame:
 * the cluster file's objects with what the run created or changed laid over them
 * (etcd/objects.ts createdObjects, model/cluster.ts withObjects), and the pods the run created
 * (controllers/run-pods.ts, the seam to the world's pod store) over the cluster file's pods, with their
 * graceful deletion (etcd/objects.ts podDeletions, as describe/stored-pod.ts reads it).
 * A list comes back in etcd key order, `/registry/<resource>/<namespace>/<name>`: by name.
 */
import { createdObjects, podDeletions } from '../etcd/objects'
import type { Deployment, ReplicaSet } from '../controllers/apps-types'
import { allRunPods } from '../controllers/run-pods'
import { withObjects, type Cluster } from '../model/cluster'
import type { Pod } from '../model/objects'
import type { World } from '../protocol/world'
import { compareStrings } from './prefix-writer'

export interface WorkloadObjects {
  readonly deployments: readonly Deployment[]
  readonly replicaSets: readonly ReplicaSet[]
  readonly pods: readonly Pod[]
}

const inNamespace = (namespace: string) => (o: { readonly metadata: { readonly namespace?: string } }) =>
  (o.metadata.namespace ?? 'default') === namespace
const byName = (a: { metadata: { name?: string } }, b: { metadata: { name?: string } }): number =>
  compareStrings(a.metadata.name ?? '', b.metadata.name ?? '')

/** Every stored pod of the namespace at this frame, by name. */
export function storedPodsOf(world: World, cluster: Cluster, namespace: string): Pod[] {
  const run = allRunPods(world).filter(inNamespace(namespace))
  const own = new Set(run.map((p) => p.metadata.name ?? ''))
  const existing: Pod[] = []
  for (const pod of cluster.pods) {
    const name = pod.metadata.name ?? ''
    if (!inNamespace(namespace)(pod) || own.has(name)) continue
    const deleted = podDeletions(world.etcd)?.[`${namespace}/${name}`]
    if (deleted?.state === 'Deleted') continue
    existing.push(
      deleted
        ? {
            ...pod,
            metadata: {
              ...pod.metadata,
              deletionTimestamp: deleted.deletionTimestamp,
              deletionGracePeriodSeconds: Number(pod.spec['terminationGracePeriodSeconds'] ?? 30),
            },
          }
        : pod,
    )
  }
  return [...existing, ...run].sort(byName)
}

/** The namespace's Deployments, ReplicaSets and Pods at this frame, each list by name. */
export function workloadObjectsOf(world: World, cluster: Cluster, namespace: string): WorkloadObjects {
  const objects = withObjects(cluster, createdObjects(world.etcd)).objects
  const of = <T>(kind: string): T[] =>
    ((objects[kind] ?? []) as unknown as (T & { metadata: { name?: string; namespace?: string } })[])
      .filter(inNamespace(namespace))
      .sort(byName)
  return {
    deployments: of<Deployment>('Deployment'),
    replicaSets: of<ReplicaSet>('ReplicaSet'),
    pods: storedPodsOf(world, cluster, namespace),
  }
}

/** apps/v1 defaulting sets spec.replicas to 1 when it is absent (SetDefaults_Deployment, SetDefaults_ReplicaSet). */
export const desiredReplicas = (o: Deployment | ReplicaSet): number => o.spec.replicas ?? 1

export { controllerRefOf } from '../model/owner-references'
