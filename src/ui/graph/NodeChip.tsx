/** One node of the cluster; when the pod is bound to it, the pod drops onto the chip. */
import { memo } from 'react'
import type { Node, NodeProps } from '@xyflow/react'
import { m } from 'motion/react'
import type { NodeChipData } from './node-chips'

function NodeChipView({ data }: NodeProps<Node<NodeChipData>>) {
  return (
    <div className={`node-chip tone-${data.tone}`} data-testid={`node-chip-${data.name}`}>
      <div className="node-chip-name">{data.name}</div>
      <div className="node-chip-detail" title={data.detail}>
        {data.detail}
      </div>
      {data.pod && (
        <m.div
          className="node-chip-pod"
          initial={{ y: -40, opacity: 0 }}
          animate={{ y: 0, opacity: 1 }}
          transition={{ duration: 0.5, ease: 'easeOut' }}
        >
          pod/{data.pod}
        </m.div>
      )}
    </div>
  )
}

export const NodeChip = memo(NodeChipView)
