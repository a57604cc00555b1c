/**
 * One node of the cluster. On the step that binds the pod here, the pod
 * travels from the scheduler's card onto the chip, so the class sees where it
 * lands; afterwards it simply sits there.
 */
import { lazy, memo, Suspense } from 'react'
import type { Node, NodeProps } from '@xyflow/react'
import type { NodeChipData } from './node-chips'

// motion comes after first paint; until then the pod simply sits on its node.
const ArrivingPod = lazy(() => import('./motion-parts').then((m) => ({ default: m.ArrivingPod })))

function NodeChipView({ data }: NodeProps<Node<NodeChipData>>) {
  return (
    <div
      className={`node-chip tone-${data.tone}`}
      data-testid={`node-chip-${data.name}`}
      style={{ width: data.width }}
    >
      <div className="node-chip-name">{data.name}</div>
      {data.pod ? (
        <div className="node-chip-pods">
          <Suspense
            fallback={
              <div className={`node-chip-pod tone-${data.podTone}`} data-testid="node-chip-pod">
                pod/{data.pod}
              </div>
            }
          >
            <ArrivingPod
              className={`node-chip-pod tone-${data.podTone}`}
              text={`pod/${data.pod}`}
              from={data.arriving}
            />
          </Suspense>
          {data.others > 0 && (
            <span className="node-chip-others" data-testid="node-chip-others">
              +{data.others}
            </span>
          )}
        </div>
      ) : data.others > 0 ? (
        <div className="node-chip-others" data-testid="node-chip-others">
          {data.others} pod{data.others === 1 ? '' : 's'} of the run
        </div>
      ) : (
        <div className="node-chip-detail">{data.detail}</div>
      )}
    </div>
  )
}

export const NodeChip = memo(NodeChipView)
