/** Synthetic clusters for the benchmark: many nodes, each already running pods. */
import type { Node, Pod } from '../src/engine/model/objects'

export function makeBenchNodes(count: number): Node[] {
  return Array.from({ length: count }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: `node-${String(i).padStart(5, '0')}`,
      labels: { 'kubernetes.io/hostname': `node-${i}`, 'topology.kubernetes.io/zone': `zone-${i % 3}` },
    },
    spec: {
      podCIDR: `10.${Math.floor(i / 256) % 256}.${i % 256}.0/24`,
      ...(i % 50 === 0
        ? { taints: [{ key: 'dedicated', value: 'infra', effect: 'NoSchedule' as const }] }
        : {}),
    },
    status: {
      capacity: { cpu: '32', memory: '128Gi', pods: '110' },
      allocatable: { cpu: '32', memory: '128Gi', pods: '110' },
      images: [{ names: ['docker.io/library/nginx:1.27', 'nginx:1.27'], sizeBytes: 72_400_000 }],
    },
  }))
}

export function makeBenchPods(nodes: readonly Node[], perNode: number): Pod[] {
  const pods: Pod[] = []
  for (const n of nodes) {
    for (let j = 0; j < perNode; j++) {
      pods.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `${n.metadata.name}-p${j}`,
          namespace: 'default',
          labels: { app: `app-${j % 10}` },
        },
        spec: {
          nodeName: n.metadata.name ?? '',
          containers: [
            {
              name: 'c',
              image: 'nginx:1.27',
              resources: { requests: { cpu: `${100 + (j % 5) * 50}m`, memory: `${128 + (j % 4) * 64}Mi` } },
            },
          ],
        },
        status: { phase: 'Running' },
      })
    }
  }
  return pods
}

export function makePendingPod(i: number): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `bench-${i}`, namespace: 'default', uid: `uid-${i}` },
    spec: {
      schedulerName: 'default-scheduler',
      containers: [
        { name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '128Mi' } } },
      ],
    },
  }
}

/**
 * The scheduler benchmark's cluster as the JSON List a user pastes (what `kubectl get nodes,pods -A -o json`
 * prints, without the indentation): 5,000 nodes and 150,000 pods make about 45 MB.
 */
export function makeBenchClusterJson(nodeCount: number, podsPerNode: number): string {
  const nodes = makeBenchNodes(nodeCount)
  const items = [...nodes, ...makeBenchPods(nodes, podsPerNode)]
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items })
}
