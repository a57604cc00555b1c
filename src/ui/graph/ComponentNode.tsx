/**
 * One component of the cluster, drawn as a card: its name, what it holds now,
 * and its colour. The card is a button: Tab reaches it, Enter or Space opens
 * it in the inspector, as a click does.
 */
import { memo } from 'react'
import { Handle, type Node, type NodeProps } from '@xyflow/react'
import type { ComponentNodeData } from './project'
import { portId, type Port } from './layout'
import { reactFlowPosition } from './wire-path'
import { useAppStore } from '../../store/context'

/** A handle sits at its port: `at` along the side. */
function handleStyle(p: Port) {
  const along = `${p.at * 100}%`
  return p.side === 'top' || p.side === 'bottom' ? { left: along } : { top: along }
}

function ComponentNodeView({ data }: NodeProps<Node<ComponentNodeData>>) {
  const select = useAppStore((s) => s.select)
  return (
    <button
      type="button"
      className={`component tone-${data.tone}${data.involved ? ' is-involved' : ' is-calm'}${data.selected ? ' is-selected' : ''}`}
      data-testid={`component-${data.id}`}
      data-tone={data.tone}
      aria-pressed={data.selected}
      aria-label={`${data.label}: ${data.detail}. Show in the inspector`}
      style={{ width: data.width, height: data.height }}
      onClick={() => select(data.id)}
    >
      {data.ports.map(({ port, kind }) => (
        <Handle
          key={portId(port, kind)}
          id={portId(port, kind)}
          type={kind === 'out' ? 'source' : 'target'}
          position={reactFlowPosition(port.side)}
          style={handleStyle(port)}
          isConnectable={false}
        />
      ))}
      <span className="component-label">{data.label}</span>
      <span className="component-detail">{data.detail}</span>
    </button>
  )
}

export const ComponentNode = memo(ComponentNodeView)
