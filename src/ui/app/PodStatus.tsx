/** The pod as `kubectl get pod` would show it right now. */
import { useAppStore } from '../../store/context'
import { otherPods, selectFrame, selectPodStatus } from '../../store/selectors'

export function PodStatus() {
  const status = useAppStore(selectPodStatus)
  const frame = useAppStore(selectFrame)
  const pod = frame.pod
  const others = otherPods(frame)
  // Colour only: green when the pod runs or completed, red for a failure shown in the STATUS column.
  const tone =
    status === 'Running' || status === 'Completed'
      ? 'accepted'
      : status === 'Rejected' || /Err|BackOff|Failed|Error|OOMKilled|Invalid/.test(status)
        ? 'rejected'
        : 'waiting'
  return (
    <div className={`pod-status tone-${tone}`} role="status" aria-live="polite" aria-label="Pod status">
      <span className="pod-status-name">{pod?.metadata.name ?? 'pod'}</span>
      <span className="pod-status-value" data-testid="pod-status">
        {status}
      </span>
      {pod?.spec.nodeName && <span className="pod-status-node">on {pod.spec.nodeName}</span>}
      {pod?.status?.podIP && <span className="pod-status-node">{pod.status.podIP}</span>}
      {others.length > 0 && (
        <span className="pod-status-node" data-testid="other-pods">
          also {others.map((o) => `${o.name} ${o.status}${o.node ? ` on ${o.node}` : ''}`).join(', ')}
        </span>
      )}
    </div>
  )
}
