/**
 * Every text the kubelet records as a Kubernetes Event or writes into a
 * container's waiting state, as kubelet v1.34 formats it. Each names its
 * upstream file. Reasons are pkg/kubelet/events/event.go constants.
 */
import { goDuration } from '../model/go-duration'
import { goQuote } from '../model/go-quote'

/** format.Pod: `<name>_<namespace>(<uid>)`. Upstream: pkg/kubelet/util/format/pod.go */
export const formatPod = (name: string, ns: string, uid: string): string => `${name}_${ns}(${uid})`

// pkg/kubelet/images/image_manager.go (EnsureImageExists)
export const MSG_PULLING = (image: string): string => `Pulling image "${image}"`
export const MSG_PULLED = (image: string, pullMs: number, totalMs: number, size: number): string =>
  `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(totalMs)} including waiting). Image size: ${size} bytes.`
export const MSG_ALREADY_PRESENT = (image: string): string =>
  `Container image "${image}" already present on machine`
export const MSG_NEVER_PULL = (image: string): string =>
  `Container image "${image}" is not present with pull policy of Never`
export const MSG_FAILED_PULL = (image: string, err: string): string =>
  `Failed to pull image "${image}": ${err}`
export const MSG_BACKOFF_PULL = (image: string): string => `Back-off pulling image "${image}"`
/** Since 1.32 (PR #127918) the waiting message carries the previous pull error. */
export const MSG_BACKOFF_PULL_WAITING = (image: string, prevErr: string): string =>
  `Back-off pulling image "${image}": ${prevErr}`
/**
 * EnsureImageExists when applyDefaultImageTag fails: pkg/util/parsers ParseImageName wraps
 * distribution/reference ParseNormalizedNamed's error (`err`), and both quote the image with %q.
 */
export const MSG_INVALID_IMAGE = (image: string, err: string): string =>
  `Failed to apply default image tag ${goQuote(image)}: couldn't parse image name ${goQuote(image)}: ${err}`

// pkg/kubelet/kuberuntime/kuberuntime_container.go (startContainer)
export const MSG_CREATED = (name: string): string => `Created container: ${name}`
export const MSG_STARTED = (name: string): string => `Started container ${name}`
export const MSG_ERROR = (err: string): string => `Error: ${err}`
export const MSG_POST_START_FAILED = 'PostStartHook failed'
export const MSG_KILLING_POST_START = 'FailedPostStartHook'
export const MSG_STOPPING = (name: string): string => `Stopping container ${name}`

// pkg/kubelet/kuberuntime/kuberuntime_manager.go (doBackOff, computePodActions)
export const MSG_BACKOFF_RESTART = (container: string, pod: string): string =>
  `Back-off restarting failed container ${container} in pod ${pod}`
export const MSG_BACKOFF_RESTART_WAITING = (backoff: string, container: string, pod: string): string =>
  `back-off ${backoff} restarting failed container=${container} pod=${pod}`
export const MSG_FAILED_LIVENESS = (name: string): string =>
  `Container ${name} failed liveness probe, will be restarted`
export const MSG_FAILED_STARTUP = (name: string): string =>
  `Container ${name} failed startup probe, will be restarted`
export const MSG_FAILED_SANDBOX = (err: string): string => `Failed to create pod sandbox: ${err}`

// pkg/kubelet/prober/prober.go (runProbeWithRetries → recordContainerEvent)
export const MSG_PROBE_FAILED = (kind: 'Liveness' | 'Readiness' | 'Startup', output: string): string =>
  `${kind} probe failed: ${output}`

// pkg/kubelet/lifecycle/predicate.go (Admit); pkg/scheduler/framework/types.go InsufficientResourceError
export const MSG_INSUFFICIENT = (
  resource: string,
  requested: number,
  used: number,
  capacity: number,
): string =>
  `Node didn't have enough resource: ${resource}, requested: ${requested}, used: ${used}, capacity: ${capacity}`
export const MSG_PREDICATE_FAILED = (name: string, desc: string): string =>
  `Predicate ${name} failed: ${desc}`
/** pkg/kubelet/kubelet.go rejectPod */
export const MSG_POD_REJECTED = (message: string): string => `Pod was rejected: ${message}`

/** Waiting reasons (pkg/kubelet/images/types.go, kuberuntime/kuberuntime_container.go, container/sync_result.go). */
export const ERR_IMAGE_PULL = 'ErrImagePull'
export const IMAGE_PULL_BACKOFF = 'ImagePullBackOff'
export const ERR_IMAGE_NEVER_PULL = 'ErrImageNeverPull'
export const INVALID_IMAGE_NAME = 'InvalidImageName'
export const CRASH_LOOP_BACKOFF = 'CrashLoopBackOff'
export const POST_START_HOOK_ERROR = 'PostStartHookError'
export const RUN_CONTAINER_ERROR = 'RunContainerError'

/** Event reasons (pkg/kubelet/events/event.go). */
export const EVENT = {
  Pulling: 'Pulling',
  Pulled: 'Pulled',
  Failed: 'Failed',
  InspectFailed: 'InspectFailed',
  ErrImageNeverPull: 'ErrImageNeverPull',
  BackOff: 'BackOff',
  Created: 'Created',
  Started: 'Started',
  Killing: 'Killing',
  Unhealthy: 'Unhealthy',
  FailedPostStartHook: 'FailedPostStartHook',
  FailedCreatePodSandBox: 'FailedCreatePodSandBox',
  FailedMount: 'FailedMount',
} as const

/** A container whose environment cannot be built (kuberuntime_container.go ErrCreateContainerConfig). */
export const CREATE_CONTAINER_CONFIG_ERROR = 'CreateContainerConfigError'
/** The volume manager's SetUp failure (operation_generator.go GenerateMountVolumeFunc, events.FailedMountVolume). */
export const MSG_MOUNT_SETUP_FAILED = (volume: string, err: string): string =>
  `MountVolume.SetUp failed for volume "${volume}" : ${err}`
/**
 * SyncPod gives up waiting after podAttachAndMountTimeout (2m3s): volume_manager.go WaitForAttachAndMount
 * lists the volumes (Go's %v of a sorted []string) and wraps wait.PollUntilContextTimeout's error.
 */
export const MSG_UNABLE_TO_MOUNT = (unmounted: readonly string[]): string =>
  `Unable to attach or mount volumes: unmounted volumes=[${[...unmounted].sort().join(' ')}], unattached volumes=[], failed to process volumes=[]: context deadline exceeded`
