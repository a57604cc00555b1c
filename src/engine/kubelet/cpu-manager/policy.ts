/**
 * What a CPU manager policy is, in our types: it starts the state and allocates CPUs to one
 * container at a time. Errors are values; a `type` makes the error an admission.Error, whose Type()
 * becomes the rejected pod's reason (otherwise the reason is UnexpectedAdmissionError).
 * Upstream: pkg/kubelet/cm/cpumanager/policy.go (Policy), pkg/kubelet/cm/admission/errors.go (Error)
 */
import type { Container, Pod } from '../../model/objects'
import type { CPUSet } from './cpuset'
import type { CPUTopology } from './topology'
import type { CPUManagerState, CPUPolicyName } from './state'

export interface AllocateError {
  readonly message: string
  readonly type?: string
}

export type AllocateResult =
  | { readonly ok: true; readonly state: CPUManagerState }
  | { readonly ok: false; readonly error: AllocateError }

export interface CPUPolicy {
  readonly name: CPUPolicyName
  readonly topology: CPUTopology
  /** CPUs never handed out exclusively (empty under none). */
  readonly reserved: CPUSet
  /** Start on an empty state file: what the state holds before any pod. */
  start(): CPUManagerState
  /** Allocate for one container; `reusable` holds CPUs of the pod's finished init containers. */
  allocate(state: CPUManagerState, pod: Pod, container: Container, reusable: CPUSet): AllocateResult
}

export type PolicyResult =
  { readonly ok: true; readonly policy: CPUPolicy } | { readonly ok: false; readonly error: string }
