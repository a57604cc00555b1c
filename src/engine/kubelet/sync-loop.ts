/**
 * The pod worker's sync loop as the step files see it. The loop itself is in kubelet.ts; the image,
 * container-start and CRI-reply steps continue it through these callbacks (passed in, not imported) so
 * that none of them imports kubelet.ts back: starting the next container pulls an image, and a failed
 * pull starts the next container.
 * Upstream: pkg/kubelet/pod_workers.go, kuberuntime/kuberuntime_manager.go (SyncPod)
 */
import type { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import type { Pod } from '../model/objects'
import { next } from '../sim/rng'

export interface SyncLoop {
  /** computePodActions, then the start loop of SyncPod. */
  readonly planAndStart: (w: StepWriter, ctx: SimContext, node: string, pod: Pod) => void
  /** Starts the next container of this sync, or finishes the sync when none is left. */
  readonly startNext: (w: StepWriter, ctx: SimContext, node: string) => void
  /** A container could not be started this sync; a failed regular init container ends the sync. */
  readonly containerFailed: (w: StepWriter, ctx: SimContext, node: string, name: string) => void
}

/** pod_workers.go: a failed sync is retried after backOffPeriod (10 s) with jitter factor 0.5. */
const SYNC_BACKOFF_MS = 10_000

/** The pod worker's back-off before it retries a failed sync (wait.Jitter), drawn from the world's rng. */
export function syncBackoff(w: StepWriter): number {
  const [r, rng] = next(w.world.rng)
  w.update({ ...w.world, rng })
  return Math.round(SYNC_BACKOFF_MS * (1 + 0.5 * r))
}
