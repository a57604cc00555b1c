/**
 * The messages components send each other through the event queue. Each names
 * its receiver; the runner hands it to that component's step function.
 */
import type { HttpRequest, HttpResponse, ResponseAudit, UserInfo } from './http'
import type { AdmissionRecord } from './events'
import type { Pod } from '../model/objects'
import type { CriMessage, CriReply } from './cri'
import type { StageId } from './stages'

/** A create request travelling through the apiserver's handler chain. */
export interface CreateInFlight {
  readonly request: HttpRequest
  readonly user: UserInfo
  readonly audit: ResponseAudit
  readonly warnings: readonly string[]
  readonly pod: Pod
  readonly admission: readonly AdmissionRecord[]
}

export type ApiserverPhase =
  | {
      readonly phase: 'authorize'
      readonly request: HttpRequest
      readonly user: UserInfo
      readonly audit: ResponseAudit
    }
  | {
      readonly phase: 'decode'
      readonly request: HttpRequest
      readonly user: UserInfo
      readonly audit: ResponseAudit
    }
  | {
      readonly phase: 'admit'
      readonly create: CreateInFlight
      readonly stage: 'mutating' | 'validating'
      readonly index: number
    }
  | {
      /** A request about a pod another document of the manifest created, sent on about that pod (protocol/pods.ts). */
      readonly phase: 'route'
      readonly request: HttpRequest
      readonly user: UserInfo
      readonly audit: ResponseAudit
    }
  | { readonly phase: 'validate'; readonly create: CreateInFlight }
  | { readonly phase: 'store'; readonly create: CreateInFlight }
  | {
      /** Graceful deletion of an existing pod: the kubelet stops its containers, then the object is removed. */
      readonly phase: 'pod-deletion'
      readonly stage: 'kill' | 'remove'
      readonly pod: Pod
      /** The chapter the deletion belongs to (preemption's scheduling, a controller's scale-down). */
      readonly chapter?: StageId
    }

/** What the controller-manager's informers and work queues hand its controllers. */
export type ControllerManagerMessage =
  | {
      /** A watch event from the apiserver: an object of a kind the controllers watch was written. */
      readonly to: 'kube-controller-manager'
      readonly type: 'watch'
      readonly event: 'ADDED' | 'MODIFIED' | 'DELETED'
      readonly kind: string
      readonly namespace: string
      readonly name: string
    }
  | {
      /** A worker takes the key off the controller's work queue. */
      readonly to: 'kube-controller-manager'
      readonly type: 'sync'
      readonly controller: 'deployment' | 'replicaset'
      readonly key: string
    }
  | {
      /** AddAfter / AddRateLimited: the key goes back on the work queue once the delay has passed. */
      readonly to: 'kube-controller-manager'
      readonly type: 'requeue'
      readonly controller: 'deployment' | 'replicaset'
      readonly key: string
    }
  | {
      readonly to: 'kube-controller-manager'
      readonly type: 'response'
      readonly request: HttpRequest
      readonly response: HttpResponse
    }

export type Message =
  | ControllerManagerMessage
  | { readonly to: 'kubectl'; readonly type: 'start' }
  | {
      readonly to: 'kubectl'
      readonly type: 'response'
      readonly request: HttpRequest
      readonly response: HttpResponse
    }
  | { readonly to: 'kube-apiserver'; readonly type: 'request'; readonly request: HttpRequest }
  | { readonly to: 'kube-apiserver'; readonly type: 'continue'; readonly step: ApiserverPhase }
  | {
      readonly to: 'kube-scheduler'
      readonly type: 'watch'
      readonly watchType: 'ADDED' | 'MODIFIED'
      readonly pod: Pod
    }
  | {
      readonly to: 'kube-scheduler'
      readonly type: 'schedule'
      readonly pod: Pod
      /** The scheduling-queue token of this retry (stale retries are dropped). */
      readonly token?: number
    }
  | {
      /** A node joined the cluster (the scheduler's node informer: NodeAdd). */
      readonly to: 'kube-scheduler'
      readonly type: 'node-added'
      readonly node: string
    }
  | {
      /** A ClusterChange of the cluster file comes due (node-registration/node-registration.ts). */
      readonly to: 'cluster'
      readonly type: 'change'
      readonly index: number
    }
  | {
      readonly to: 'kube-scheduler'
      readonly type: 'pod-deleted'
      /** `namespace/name` of an assigned pod that is gone (a watch DELETED event). */
      readonly key: string
      readonly node: string
    }
  | {
      readonly to: 'kube-scheduler'
      readonly type: 'response'
      readonly request: HttpRequest
      readonly response: HttpResponse
      readonly pod: Pod
      readonly node: string
    }
  | { readonly to: 'kubelet'; readonly type: 'watch'; readonly node: string; readonly pod: Pod }
  | {
      readonly to: 'kubelet'
      readonly type: 'sync'
      readonly node: string
      readonly pod: Pod
      readonly reason: string
    }
  | { readonly to: 'kubelet'; readonly type: 'cri-reply'; readonly node: string; readonly reply: CriReply }
  | {
      readonly to: 'kubelet'
      readonly type: 'response'
      readonly node: string
      readonly request: HttpRequest
      readonly response: HttpResponse
    }
  | { readonly to: 'containerd'; readonly type: 'cri'; readonly node: string; readonly call: CriMessage }
  | {
      readonly to: 'containerd'
      readonly type: 'cni-result'
      readonly node: string
      readonly call: CriMessage
      readonly ip: string
    }
  | {
      readonly to: 'containerd'
      readonly type: 'pulled'
      readonly node: string
      readonly call: CriMessage
      readonly sizeBytes: number
    }
  | {
      readonly to: 'cni'
      readonly type: 'add'
      readonly node: string
      readonly call: CriMessage
      readonly sandboxId: string
      readonly netns: string
    }
  | {
      readonly to: 'registry'
      readonly type: 'pull'
      readonly node: string
      readonly call: CriMessage
      readonly reference: string
    }
  /** A container's process ends by itself (exit, crash, OOM kill). */
  | {
      readonly to: 'containerd'
      readonly type: 'exit'
      readonly node: string
      readonly containerId: string
      readonly exitCode: number
      readonly reason: string
    }
  /** The registry refused or could not serve a pull; `error` is containerd's gRPC error text. */
  | {
      readonly to: 'containerd'
      readonly type: 'pull-failed'
      readonly node: string
      readonly call: CriMessage
      readonly error: string
    }
  /** CNI ADD failed (e.g. host-local has no address left); `error` is the plugin's message. */
  | {
      readonly to: 'containerd'
      readonly type: 'cni-failed'
      readonly node: string
      readonly call: CriMessage
      readonly sandboxId: string
      readonly error: string
    }
  /** A StopContainer finishes: the process is gone after SIGTERM (or SIGKILL at the grace period). */
  | {
      readonly to: 'containerd'
      readonly type: 'stopped'
      readonly node: string
      readonly call: CriMessage
      readonly containerId: string
      readonly exitCode: number
    }
  /** A prober worker's tick for one container instance (pkg/kubelet/prober/worker.go). */
  | {
      readonly to: 'kubelet'
      readonly type: 'probe'
      readonly node: string
      readonly container: string
      readonly containerId: string
      readonly probe: 'startup' | 'liveness' | 'readiness'
    }
  /** containerd's teardownPodNetwork during StopPodSandbox: CNI DEL for the sandbox (internal/cri/server/sandbox_stop.go). */
  | {
      readonly to: 'cni'
      readonly type: 'del'
      readonly node: string
      readonly call: CriMessage
      readonly sandboxId: string
      readonly netns: string
    }
  /** CNI DEL has finished: containerd removes the network namespace and answers StopPodSandbox. */
  | {
      readonly to: 'containerd'
      readonly type: 'cni-deleted'
      readonly node: string
      readonly call: CriMessage
      readonly sandboxId: string
    }
  /** A container's preStop hook has ended, or the grace period ran out first: the kubelet calls StopContainer. */
  | {
      readonly to: 'kubelet'
      readonly type: 'prestop-done'
      readonly node: string
      readonly container: string
      readonly containerId: string
      /** The hook failed (FailedPreStopHook now). */
      readonly failed: boolean
      /** An exec hook still running: it dies with the container, and FailedPreStopHook follows the stop. */
      readonly cutOffExec: boolean
      /** The StopContainer timeout (seconds) left after the hook. */
      readonly timeout: number
    }
