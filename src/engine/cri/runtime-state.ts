/**
 * containerd's state on one node (its sandboxes, containers and images) lives in the world; these
 * return the world with one node's state replaced, so every call handler stays pure.
 */
import type { StepWriter } from '../protocol/step'
import type { World, NodeRuntime } from '../protocol/world'

export function setNode(w: StepWriter, name: string, node: NodeRuntime): World {
  return { ...w.world, nodes: { ...w.world.nodes, [name]: node } }
}

export function setContainer(
  w: StepWriter,
  nodeName: string,
  id: string,
  patch: Partial<NodeRuntime['containers'][number]>,
): World {
  const node = w.world.nodes[nodeName]!
  return setNode(w, nodeName, {
    ...node,
    containers: node.containers.map((x) => (x.id === id ? { ...x, ...patch } : x)),
  })
}
