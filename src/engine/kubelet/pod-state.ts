/**
 * What the kubelet remembers about the pod between syncs: per-container
 * restart counts and back-off, the reason cache (why a container waits), image
 * pull back-off, probe results and what its pod worker is doing.
 * Upstream: pkg/kubelet/pod_workers.go, reason_cache.go, prober/results,
 * images/image_manager.go (backOff, prevPullErrMsg).
 */
import type { BackoffEntry } from './backoff'

export type ProbeKind = 'startup' | 'liveness' | 'readiness'

export interface ProbeState {
  readonly successes: number
  readonly failures: number
  /** The worker's current result: the initial value until thresholds are reached. */
  readonly result: 'Success' | 'Failure' | 'Unknown'
}

export interface ContainerRecord {
  /** reasonCache: why the container is waiting (ErrImagePull, CrashLoopBackOff, …). */
  readonly waiting?: { readonly reason: string; readonly message?: string }
  /** Crash-loop back-off (kuberuntime_manager.go doBackOff). */
  readonly backoff?: BackoffEntry
  /** Probe results for the current instance, by probe kind. */
  readonly probes?: Partial<Record<ProbeKind, ProbeState>>
}

export interface PodWorkerState {
  /** A sync is running (CRI calls in flight); a new trigger waits as `pending`. */
  readonly busy: boolean
  readonly pending: boolean
  /** Names of containers still to start in the running sync, in order. */
  readonly toStart: readonly string[]
  readonly containers: Readonly<Record<string, ContainerRecord>>
  /** Image pull back-off by `<uid>_<image>`, and the last pull error ("ErrImagePull: …"). */
  readonly imageBackoff: Readonly<Record<string, BackoffEntry>>
  readonly prevPullErr: Readonly<Record<string, string>>
  /** The virtual instant of the last PLEG relist that ran, to fold relists due at the same tick. */
  readonly lastRelistAt: number
  /** JSON of the last status sent, so an unchanged status is not PATCHed again. */
  readonly lastStatus: string
  /** The pod is terminal (Succeeded/Failed) or rejected: nothing more is started. */
  readonly terminal: boolean
  /** When the pod was admitted: prober workers tick from here (pkg/kubelet/prober/worker.go). */
  readonly admittedAt: number
  /** A status change (a new waiting reason) is waiting to be reported when the running sync ends. */
  readonly statusDirty: boolean
  /** An image pull failed in the running sync: the pod worker syncs again soon. */
  readonly pullFailed: boolean
  /** Containers being stopped while their exec preStop hook still runs (it fails when they stop). */
  readonly preStopCutOff?: readonly string[]
  /**
   * The running sync ended in an error that only a later sync can clear (CreateContainerConfigError,
   * ErrImageNeverPull, InvalidImageName): the pod worker requeues the pod after its back-off.
   */
  readonly syncError?: string
  /**
   * SyncPod waits for the pod's volumes (WaitForAttachAndMount) since `since`; the volume manager retries
   * the failed SetUp after `delay` ms (exponential back-off from 500 ms to 2m2s).
   */
  readonly mountWait?: { readonly since: number; readonly delay: number }
  /**
   * The container whose config waits for getImageUser's ImageStatus (runAsNonRoot needs the image's
   * user); that answer goes to the runAsNonRoot check, not to EnsureImageExists.
   */
  readonly imageUserOf?: string
}

export const EMPTY_POD_WORKER: PodWorkerState = {
  busy: false,
  pending: false,
  toStart: [],
  containers: {},
  imageBackoff: {},
  prevPullErr: {},
  lastRelistAt: -1,
  lastStatus: '',
  terminal: false,
  admittedAt: 0,
  statusDirty: false,
  pullFailed: false,
}
