/**
 * `kubectl rollout status deployment/<name>`, run once `kubectl apply` has returned, and watching: the line its status viewer
 * prints for each write of the Deployment, from the first one to the cursor, and whether it would
 * have exited (rolled out, or the progress deadline exceeded: `error: deployment "web" exceeded its
 * progress deadline`, exit 1).
 * Upstream: kubernetes/kubectl pkg/polymorphichelpers/rollout_status.go (DeploymentStatusViewer.Status)
 * and pkg/cmd/rollout/rollout_status.go (the watch prints each status; consecutive repeats are folded
 * here, as a terminal shows them one under another anyway).
 */
import type { Deployment } from '../controllers/apps-types'
import type { Timeline } from '../protocol/timeline'
import { getObject } from '../etcd/objects'

export interface RolloutStatus {
  readonly lines: readonly string[]
  /** Set once kubectl would have exited: 0 rolled out, 1 past the deadline. */
  readonly exitCode: number | null
}

/** DeploymentStatusViewer.Status: one line, or the error that ends the watch. */
export function rolloutStatusLine(d: Deployment): {
  readonly line: string
  readonly done: boolean
  readonly failed: boolean
} {
  const name = d.metadata.name ?? ''
  const s = d.status ?? {}
  if ((d.metadata.generation ?? 1) > (s.observedGeneration ?? 0))
    return { line: 'Waiting for deployment spec update to be observed...', done: false, failed: false }
  const progressing = s.conditions?.find((c) => c.type === 'Progressing')
  if (progressing?.reason === 'ProgressDeadlineExceeded')
    return { line: `error: deployment "${name}" exceeded its progress deadline`, done: true, failed: true }
  const replicas = d.spec.replicas ?? 1
  const updated = s.updatedReplicas ?? 0
  if (updated < replicas)
    return {
      line: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...`,
      done: false,
      failed: false,
    }
  if ((s.replicas ?? 0) > updated)
    return {
      line: `Waiting for deployment "${name}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...`,
      done: false,
      failed: false,
    }
  if ((s.availableReplicas ?? 0) < updated)
    return {
      line: `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...`,
      done: false,
      failed: false,
    }
  return { line: `deployment "${name}" successfully rolled out`, done: true, failed: false }
}

/**
 * What the watch has printed by event `index` for deployment `namespace/name`, run as a user runs it:
 * right after `kubectl apply` has printed its output (nothing before that).
 */
export function rolloutStatusAt(
  timeline: Timeline,
  index: number,
  namespace: string,
  name: string,
): RolloutStatus {
  const key = `/registry/deployments/${namespace}/${name}`
  const lines: string[] = []
  let exitCode: number | null = null
  const see = (d: Deployment | undefined): void => {
    if (!d || exitCode !== null) return
    const s = rolloutStatusLine(d)
    if (lines[lines.length - 1] !== s.line) lines.push(s.line)
    if (s.done) exitCode = s.failed ? 1 : 0
  }
  const start = timeline.events.findIndex((e) => e.kind === 'kubectl.output')
  if (start < 0 || index < start) return { lines, exitCode }
  see(getObject(timeline.frames[start]!.etcd, 'Deployment', namespace, name) as Deployment | undefined)
  for (let i = start + 1; i <= index && i < timeline.events.length; i++) {
    const e = timeline.events[i]!
    if (e.kind !== 'etcd.put' || e.payload.key !== key) continue
    see(getObject(timeline.frames[i]!.etcd, 'Deployment', namespace, name) as Deployment | undefined)
  }
  return { lines, exitCode }
}
