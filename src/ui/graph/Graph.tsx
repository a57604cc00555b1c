/**
 * The cluster as a graph: one card per component, the current message moving
 * along its wire, the cluster's nodes in a column. The graph fills its pane:
 * it is measured, the arrangement that draws it largest is chosen, and the
 * viewport is set so it fits (again on every resize), so names stay legible
 * from the back of a room on a 1024×768 projector.
 */
import { useEffect, useMemo } from 'react'
import { ReactFlow } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useAppStore } from '../../store/context'
import { selectEvent, selectFrame } from '../../store/selectors'
import { projectEdges, projectNodes, type Tone } from './project'
import { ComponentNode } from './ComponentNode'
import { MessageEdge } from './MessageEdge'
import { NodeChip } from './NodeChip'
import { lastCycle, projectNodeChips } from './node-chips'
import { chooseArrangement, DEFAULT_METRICS, metricsFor } from './layout'
import { useSize } from './useSize'
import { shownEvents } from '../../store/story'
import { ArrowMarkers } from './ArrowMarkers'

const nodeTypes = { component: ComponentNode, nodeChip: NodeChip }
const edgeTypes = { message: MessageEdge }

export function Graph({ podTone }: { podTone: Tone }) {
  const frame = useAppStore(selectFrame)
  const event = useAppStore(selectEvent)
  const index = useAppStore((s) => s.cursor.index)
  const selected = useAppStore((s) => s.selected)
  const timeline = useAppStore((s) => s.timeline)
  const stepEvents = useMemo(() => shownEvents(timeline, index), [timeline, index])
  const [ref, size] = useSize<HTMLDivElement>()
  // Fetch the moving parts (motion) once the page has painted, before the first step needs them.
  useEffect(() => {
    void import('./motion-parts')
  }, [])
  const arrangement = size ? chooseArrangement(size.width, size.height) : 'wide'
  const m = useMemo(
    () => (size ? metricsFor(arrangement, size.width, size.height) : DEFAULT_METRICS),
    [size, arrangement],
  )
  const previous = index > 0 ? (timeline.frames[index - 1] ?? null) : index === 0 ? timeline.initial : null
  const nodes = useMemo(
    () => [
      ...projectNodes(frame, event, selected, arrangement, m, stepEvents),
      ...projectNodeChips(
        timeline,
        frame,
        event,
        lastCycle(timeline, index),
        arrangement,
        previous,
        podTone,
        m,
      ),
    ],
    [frame, event, selected, timeline, index, arrangement, previous, podTone, m, stepEvents],
  )
  const edges = useMemo(
    () => projectEdges(stepEvents, index, arrangement, m),
    [stepEvents, index, arrangement, m],
  )
  const viewport = useMemo(() => {
    if (!size) return { x: 0, y: 0, zoom: 1 }
    const { zoom, bounds } = m
    return { x: (size.width - bounds.width * zoom) / 2, y: (size.height - bounds.height * zoom) / 2, zoom }
  }, [size, m])
  return (
    <div className="graph" ref={ref} data-arrangement={arrangement} data-zoom={viewport.zoom.toFixed(3)}>
      <ArrowMarkers />
      {size && (
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          viewport={viewport}
          minZoom={0.1}
          maxZoom={1}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          panOnDrag={false}
          panOnScroll={false}
          zoomOnScroll={false}
          zoomOnPinch={false}
          zoomOnDoubleClick={false}
          preventScrolling={false}
          disableKeyboardA11y
          proOptions={{ hideAttribution: true }}
        />
      )}
    </div>
  )
}
