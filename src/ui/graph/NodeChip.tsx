/**
 * One node of the cluster. On the step that binds the pod here, the pod
 * travels from the scheduler's card onto the chip, so the class sees where it
 * lands; afterwards it simply sits there.
 */
import { memo } from 'react'
import type { Node, NodeProps } from '@xyflow/react'
import { m } from 'motion/react'
import type { NodeChipData } from './node-chips'

function NodeChipView({ data }: NodeProps<Node<NodeChipData>>) {
  return (
    <div
      className={`node-chip tone-${data.tone}`}
      data-testid={`node-chip-${data.name}`}
      style={{ width: data.width }}
    >
      <div className="node-chip-name">{data.name}</div>
      {data.pod ? (
        <m.div
          className={`node-chip-pod tone-${data.podTone}`}
          data-testid="node-chip-pod"
          initial={data.arriving ? { x: data.arriving.dx, y: data.arriving.dy, scale: 1.15 } : false}
          animate={{ x: 0, y: 0, scale: 1 }}
          transition={{ duration: 1.1, ease: 'easeInOut' }}
        >
          pod/{data.pod}
        </m.div>
      ) : (
        <div className="node-chip-detail">{data.detail}</div>
      )}
    </div>
  )
}

export const NodeChip = memo(NodeChipView)
