/** The world before Enter: etcd already holds the cluster's objects, nodes hold their images and pods. */
import type { Cluster } from '../model/cluster'
import type { NodeRuntime, World } from './world'
import { createRng } from './rng'
import { etcdPut } from '../etcd/store'
import { parseImageReference } from '../model/image-reference'

/** etcd's revision before the cluster's own objects (a fresh kubeadm cluster has written a few hundred keys). */
const BASE_REVISION = 1200

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
  Pod: 'pods',
}

export function initialWorld(cluster: Cluster, seed: number): World {
  let etcd = { revision: BASE_REVISION, keys: {} }
  for (const [kind, list] of Object.entries(cluster.objects)) {
    const dir = STORAGE_PATHS[kind]
    if (!dir) continue
    for (const o of list) {
      const ns = o.metadata.namespace
      const key = `/registry/${dir}/${ns ? `${ns}/` : ''}${o.metadata.name ?? ''}`
      etcd = etcdPut(etcd, key, `${kind} ${ns ? `${ns}/` : ''}${o.metadata.name ?? ''}`)
    }
  }
  const nodes: Record<string, NodeRuntime> = {}
  for (const n of cluster.nodes) {
    const name = n.metadata.name ?? ''
    const podIPs = cluster.pods
      .filter((p) => p.spec.nodeName === name && typeof p.status?.podIP === 'string')
      .map((p) => p.status!.podIP!)
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
  return {
    pod: null,
    etcd,
    nodes,
    events: [],
    kubectl: null,
    rng: createRng(seed),
    nextRequestId: 1,
    schedulerStartIndex: 0,
  }
}
