/**
 * The pod as `kubectl get pod` shows it right now: READY, STATUS and, once
 * there are any, RESTARTS (engine/story podPill). Before the pod exists it
 * says what kubectl would (NotFound); when kubectl failed, its exit code and
 * error. The colour follows the state: a crash-looping pod is never green.
 */
import { podPill } from '../../engine/index'
import { useAppStore } from '../../store/context'
import { otherPods, selectFrame } from '../../store/selectors'

export function PodStatus() {
  const timeline = useAppStore((s) => s.timeline)
  const index = useAppStore((s) => s.cursor.index)
  const frame = useAppStore(selectFrame)
  const pill = podPill(timeline, index)
  const others = otherPods(frame)
  const lines = pill.kind === 'kubectl-failed' ? pill.text.trim().split('\n') : []
  return (
    <div
      className={`pod-status tone-${pill.tone}`}
      role="status"
      aria-live="polite"
      aria-label="Pod status"
      data-testid="pod-pill"
    >
      {pill.kind === 'pod' ? (
        <>
          <span className="pod-status-name">{pill.name}</span>
          <span className="pod-status-field" title="READY">
            <span className="pod-status-key">ready</span> {pill.ready}
          </span>
          <span className="pod-status-value" data-testid="pod-status">
            {pill.status}
          </span>
          {pill.restarts !== '0' && (
            <span className="pod-status-field" data-testid="pod-restarts">
              <span className="pod-status-key">restarts</span> {pill.restarts}
            </span>
          )}
          {pill.node && <span className="pod-status-node">on {pill.node}</span>}
        </>
      ) : pill.kind === 'none' || pill.kind === 'workload' ? (
        <span className="pod-status-text" data-testid="pod-status">
          {pill.text}
        </span>
      ) : (
        <>
          <span className="pod-status-value" data-testid="pod-status">
            kubectl exit {pill.exitCode}
          </span>
          <span className="pod-status-text" title={pill.text}>
            {lines[0]}
          </span>
          {/* The ending shows every line; the pill says honestly that there are more. */}
          {lines.length > 1 && <span className="pod-status-more">+{lines.length - 1} more lines</span>}
        </>
      )}
      {others.length > 0 && (
        <span className="pod-status-node" data-testid="other-pods">
          {othersText(others)}
        </span>
      )}
    </div>
  )
}

/**
 * The run's other pods: one is named; several (a Deployment's replicas) are counted by STATUS, so the
 * pill stays one line on a projector.
 */
function othersText(others: readonly { name: string; status: string }[]): string {
  if (others.length === 1) return `also ${others[0]!.name} ${others[0]!.status}`
  const counts = new Map<string, number>()
  for (const o of others) counts.set(o.status, (counts.get(o.status) ?? 0) + 1)
  return `+${others.length} pods: ${[...counts].map(([status, n]) => `${n} ${status}`).join(', ')}`
}
