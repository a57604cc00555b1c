/** The world before Enter: etcd already holds the cluster's objects, nodes hold their images and pods. */
import type { Cluster } from '../model/cluster'
import type { EtcdEntry, EtcdState, NodeRuntime, World } from './world'
import { createRng } from './rng'
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
  ConfigMap: 'configmaps',
  Pod: 'pods',
}

export function initialWorld(cluster: Cluster, seed: number): World {
  // Built in one pass (each object one revision), not through etcdPut's copy-on-write: clusters hold
  // hundreds of thousands of objects.
  let revision = BASE_REVISION
  const keys: Record<string, EtcdEntry> = {}
  for (const [kind, list] of Object.entries(cluster.objects)) {
    const dir = STORAGE_PATHS[kind]
    if (!dir) continue
    for (const o of list) {
      const ns = o.metadata.namespace
      const key = `/registry/${dir}/${ns ? `${ns}/` : ''}${o.metadata.name ?? ''}`
      revision += 1
      const prev = keys[key]
      keys[key] = {
        createRevision: prev?.createRevision ?? revision,
        modRevision: revision,
        version: (prev?.version ?? 0) + 1,
        summary: `${kind} ${ns ? `${ns}/` : ''}${o.metadata.name ?? ''}`,
      }
    }
  }
  const etcd: EtcdState = { revision, keys }
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
