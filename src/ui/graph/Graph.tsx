/** The cluster as a graph: one card per component, the current message moving along its wire. */
import { useMemo } from 'react'
import { ReactFlow, type NodeMouseHandler } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useAppStore } from '../../store/context'
import { selectEvent, selectFrame } from '../../store/selectors'
import { projectEdges, projectNodes } from './project'
import { ComponentNode } from './ComponentNode'
import { MessageEdge } from './MessageEdge'
import { NodeChip } from './NodeChip'
import { lastCycle, projectNodeChips } from './node-chips'
import type { ComponentId } from '../../engine/index'

const nodeTypes = { component: ComponentNode, nodeChip: NodeChip }
const edgeTypes = { message: MessageEdge }
const FIT_VIEW = { padding: 0.12 }

export function Graph() {
  const frame = useAppStore(selectFrame)
  const event = useAppStore(selectEvent)
  const index = useAppStore((s) => s.cursor.index)
  const selected = useAppStore((s) => s.selected)
  const select = useAppStore((s) => s.select)
  const timeline = useAppStore((s) => s.timeline)
  const nodes = useMemo(
    () => [
      ...projectNodes(frame, event, selected),
      ...projectNodeChips(timeline, frame, event, lastCycle(timeline, index)),
    ],
    [frame, event, selected, timeline, index],
  )
  const edges = useMemo(() => projectEdges(event, index), [event, index])
  const onNodeClick: NodeMouseHandler = (_e, node) =>
    select(node.id.startsWith('node:') ? 'kube-scheduler' : (node.id as ComponentId))
  return (
    <div className="graph" aria-label="Cluster components">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodeClick={onNodeClick}
        fitView
        fitViewOptions={FIT_VIEW}
        nodesDraggable={false}
        nodesConnectable={false}
        panOnScroll={false}
        zoomOnScroll={false}
        zoomOnDoubleClick={false}
        proOptions={{ hideAttribution: true }}
        minZoom={0.3}
      />
    </div>
  )
}
