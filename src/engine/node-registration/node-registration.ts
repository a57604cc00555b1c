/**
 * Changes to the cluster while the story plays, so a learner can watch a Pending pod get scheduled when
 * room appears: Podlife's own `ClusterChange` kind in the cluster file (`at`: seconds after Enter,
 * `addNodes`: Node objects). A joining node's kubelet registers its Node object; the scheduler sees the
 * NodeAdd event and moves unschedulable pods back to be retried (after their back-off), as its queueing
 * hints do for NodeAdd.
 * Upstream: pkg/kubelet/kubelet_node_status.go (registerWithAPIServer), pkg/scheduler/backend/queue
 * (MoveAllToActiveOrBackoffQueue on NodeAdd).
 */
import type { Cluster } from '../model/cluster'
import type { KubeObject, Node } from '../model/objects'
import type { SimContext } from '../protocol/context'
import type { Step } from '../protocol/step'
import { StepWriter } from '../protocol/step'
import type { NodeRuntime, World } from '../protocol/world'
import type { Message } from '../protocol/messages'
import { etcdStore } from '../etcd/store'
import { parseImageReference } from '../model/image-reference'

export interface ClusterChange {
  /** Virtual ms after Enter. */
  readonly at: number
  readonly addNodes: readonly Node[]
}

export function clusterChanges(cluster: Cluster): ClusterChange[] {
  return (cluster.objects['ClusterChange'] ?? [])
    .filter((o) => o.apiVersion === 'podlife.dev/v1alpha1')
    .map((o) => ({
      at: Math.max(0, Number(o['at'] ?? 0) * 1000),
      addNodes: ((o['addNodes'] ?? []) as KubeObject[]).filter((n) => n.kind === 'Node') as unknown as Node[],
    }))
    .filter((c) => Number.isFinite(c.at) && c.addNodes.length > 0)
    .sort((a, b) => a.at - b.at)
}

function runtimeFor(n: Node): NodeRuntime {
  return {
    name: n.metadata.name ?? '',
    podCIDR: n.spec.podCIDR ?? null,
    images: (n.status?.images ?? []).flatMap((i) =>
      i.names.filter((x) => !x.includes('@')).map((x) => parseImageReference(x)?.normalized ?? x),
    ),
    sandboxes: [],
    containers: [],
    ipam: { allocated: [], lastReserved: null },
    interfaces: [],
  }
}

/** A ClusterChange of the cluster file comes due (queued by the runner at its `at`). */
export function nodeRegistrationStep(
  world: World,
  msg: Extract<Message, { readonly to: 'cluster' }>,
  ctx: SimContext,
): Step {
  const change = clusterChanges(ctx.cluster)[msg.index]
  return change ? nodeJoinStep(world, change, ctx) : { world, emitted: [], deliveries: [] }
}

/** The joining nodes register; the scheduler hears of each through its node watch. */
function nodeJoinStep(world: World, change: ClusterChange, ctx: SimContext): Step {
  const w = new StepWriter(world, ctx.about)
  for (const node of change.addNodes) {
    const name = node.metadata.name ?? ''
    if (w.world.nodes[name]) continue
    const key = `/registry/minions/${name}`
    const { etcd } = etcdStore(w.world.etcd, key, `Node ${name} (protobuf)`, node)
    w.emit(
      {
        kind: 'cluster.node-added',
        component: 'kubelet',
        from: 'kubelet',
        to: 'kube-apiserver',
        stage: 'scheduling',
        summary: `node ${name} joins: its kubelet registers the Node (POST /api/v1/nodes)`,
        narration: `A new machine joins the cluster: its kubelet registers the Node ${name} with the apiserver.`,
        payload: { node: name, key, revision: etcd.revision },
      },
      {
        ...w.world,
        nodes: { ...w.world.nodes, [name]: runtimeFor(node) },
      },
    )
    w.emit(
      {
        kind: 'etcd.put',
        component: 'etcd',
        from: 'kube-apiserver',
        to: 'etcd',
        stage: 'scheduling',
        summary: `PUT ${key} → revision ${etcd.revision}`,
        narration: `The apiserver stores the Node under ${key} (nodes were once called minions, and etcd still says so). The scheduler's node watch sees it at once.`,
        payload: {
          key,
          revision: etcd.revision,
          createRevision: etcd.keys[key]!.createRevision,
          what: 'create',
        },
      },
      { ...w.world, etcd },
    )
    // The scheduler's NodeAdd handler runs for each pod it knows, in creation order.
    for (const key of w.world.podOrder) {
      const doc = w.world.pods[key]!.doc
      w.send(
        1,
        { to: 'kube-scheduler', type: 'node-added', node: name },
        { ...(doc !== undefined ? { doc } : {}), pod: key },
      )
    }
  }
  return w.done()
}
