/** One component of the cluster, drawn as a card: its name, what it holds now, and its colour. */
import { memo } from 'react'
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react'
import type { ComponentNodeData } from './project'
import { ComponentIcon } from './ComponentIcon'

const SIDES = [
  ['top', Position.Top],
  ['right', Position.Right],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
] as const

function ComponentNodeView({ data }: NodeProps<Node<ComponentNodeData>>) {
  return (
    <div
      className={`component tone-${data.tone}${data.selected ? ' is-selected' : ''}`}
      data-testid={`component-${data.id}`}
      data-tone={data.tone}
    >
      {SIDES.map(([id, pos]) => (
        <Handle key={id} id={id} type="source" position={pos} isConnectable={false} />
      ))}
      {SIDES.map(([id, pos]) => (
        <Handle key={`${id}-in`} id={`${id}-in`} type="target" position={pos} isConnectable={false} />
      ))}
      <ComponentIcon id={data.id} />
      <div className="component-text">
        <div className="component-label">{data.label}</div>
        <div className="component-detail">{data.detail}</div>
      </div>
    </div>
  )
}

export const ComponentNode = memo(ComponentNodeView)
