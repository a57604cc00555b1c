/** The world before Enter: etcd already holds the cluster's objects, nodes hold their images and pods. */
import type { Cluster } from './model/cluster'
import type { KubeObject } from './model/objects'
import type { EtcdEntry, EtcdState, NodeRuntime, World } from './protocol/world'
import { createRng } from './sim/rng'
import { AppendLog } from './sim/append-log'
import { parseImageReference } from './model/image-reference'
import { createEtcdState } from './etcd/store'
import { registryKey } from './etcd/objects'

/** etcd's revision before the cluster's own objects (a fresh kubeadm cluster has written a few hundred keys). */
const BASE_REVISION = 1200

/**
 * What etcd and the nodes hold before Enter depends on the cluster only, and is immutable: worked
 * out once per cluster and shared by every run against it (re-simulating after an edit of the
 * manifest costs nothing here, however large the cluster).
 */
const clusterState = new WeakMap<Cluster, Pick<World, 'etcd' | 'nodes'>>()

export function initialWorld(cluster: Cluster, seed: number): World {
  let state = clusterState.get(cluster)
  if (!state) {
    state = clusterWorld(cluster)
    clusterState.set(cluster, state)
  }
  return {
    pods: {},
    podOrder: [],
    etcd: state.etcd,
    nodes: state.nodes,
    events: AppendLog.empty(),
    kubectl: null,
    rng: createRng(seed),
    nextRequestId: 1,
    schedulerStartIndex: 0,
  }
}

function clusterWorld(cluster: Cluster): Pick<World, 'etcd' | 'nodes'> {
  // Built in one pass (each object one revision), not through etcdPut: clusters hold hundreds of
  // thousands of objects. Keys are unique (loadCluster keeps one object per kind, namespace and name).
  let revision = BASE_REVISION
  const keys: Record<string, EtcdEntry> = Object.create(null) as Record<string, EtcdEntry>
  for (const [kind, objects] of Object.entries(cluster.objects)) {
    if (!registryKey(kind, undefined, '')) continue
    // Pods as loadCluster namespaced them: a pod without a namespace is stored in default, as the
    // apiserver would have stored it (the same objects when they name their namespace).
    const list: readonly { readonly metadata: KubeObject['metadata'] }[] =
      kind === 'Pod' ? cluster.pods : objects
    for (const o of list) {
      const ns = o.metadata.namespace
      const key = registryKey(kind, ns, o.metadata.name ?? '')!
      revision += 1
      keys[key] = {
        createRevision: revision,
        modRevision: revision,
        version: 1,
        summary: `${kind} ${ns ? `${ns}/` : ''}${o.metadata.name ?? ''}`,
        // The object itself, shared with the cluster (no copy): etcd holds every object's value.
        object: o,
      }
    }
  }
  const etcd: EtcdState = createEtcdState(revision, keys)
  const ipsByNode = new Map<string, string[]>()
  for (const p of cluster.pods) {
    const ip = p.status?.podIP
    if (!p.spec.nodeName || typeof ip !== 'string') continue
    const list = ipsByNode.get(p.spec.nodeName) ?? []
    list.push(ip)
    ipsByNode.set(p.spec.nodeName, list)
  }
  const nodes: Record<string, NodeRuntime> = {}
  for (const n of cluster.nodes) {
    const name = n.metadata.name ?? ''
    const podIPs = ipsByNode.get(name) ?? []
    nodes[name] = {
      name,
      podCIDR: n.spec.podCIDR ?? null,
      images: (n.status.images ?? []).flatMap((i) =>
        i.names.filter((x) => !x.includes('@')).map((x) => parseImageReference(x)?.normalized ?? x),
      ),
      sandboxes: [],
      containers: [],
      ipam: { allocated: podIPs, lastReserved: podIPs[podIPs.length - 1] ?? null },
      interfaces: podIPs.length ? ['cni0'] : [],
    }
  }
  return { etcd, nodes }
}
