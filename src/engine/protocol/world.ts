/**
 * The world after each event: everything a learner can inspect at that instant.
 * It is immutable; each step returns a new world that shares unchanged parts.
 */
import type { KubeEvent } from './events'
import type { JsonObject, ObjectMeta } from '../model/objects'
import type { ResolvedKubeconfig } from '../kubectl/kubeconfig'
import type { PlanItem } from '../kubectl/plan'
import type { KubectlFailure } from '../kubectl/output'
import type { OpenAPIState } from '../kubectl/openapi'
import type { Rng } from '../sim/rng'
import type { AppendLog } from '../sim/append-log'
import type { ControllerManagerState } from '../controllers/state'
import type { CPUManagerState } from '../kubelet/cpu-manager/state'
import type { PodKey, PodRecord } from './pods'

export interface EtcdEntry {
  readonly createRevision: number
  readonly modRevision: number
  readonly version: number
  /** What the value is, in words (etcd holds protobuf, not YAML). */
  readonly summary: string
  /**
   * The value: the object as the apiserver stored it (a write sets its resourceVersion to modRevision;
   * the cluster file's objects are taken as stored). Read it through etcd/objects.ts.
   */
  readonly object?: StoredValue
}

/** What etcd can hold: any API object (Pod, Node, ConfigMap, …). */
export interface StoredValue {
  readonly apiVersion?: string
  readonly kind?: string
  readonly metadata: ObjectMeta
}

export interface EtcdState {
  readonly revision: number
  readonly keys: Readonly<Record<string, EtcdEntry>>
}

export interface SandboxState {
  readonly id: string
  readonly pod: string
  readonly ip: string | null
  readonly netns: string
  readonly state: 'SANDBOX_READY' | 'SANDBOX_NOTREADY'
  /** The host-side veth CNI ADD created for it (libcni caches the ADD result per sandbox; DEL removes the pair). */
  readonly veth?: string
}

export interface RuntimeContainer {
  readonly id: string
  readonly name: string
  readonly pod: string
  readonly image: string
  readonly state: 'CONTAINER_CREATED' | 'CONTAINER_RUNNING' | 'CONTAINER_EXITED'
  readonly startedAt?: string
  /** Restart attempt (0 for the first instance); the kubelet's restartCount is the latest attempt. */
  readonly attempt?: number
  /** An init container (spec.initContainers) rather than a regular one. */
  readonly init?: boolean
  /** Virtual ms of start and exit, for back-off and probe timing. */
  readonly startedAtMs?: number
  readonly finishedAtMs?: number
  /** Set once the process has exited: exit code, reason (Completed, Error, OOMKilled, StartError) and time. */
  readonly exitCode?: number
  readonly reason?: string
  readonly message?: string
  readonly finishedAt?: string
}

export interface NodeRuntime {
  readonly name: string
  readonly podCIDR: string | null
  readonly images: readonly string[]
  readonly sandboxes: readonly SandboxState[]
  readonly containers: readonly RuntimeContainer[]
  /** host-local IPAM: addresses handed out and the last one reserved. */
  readonly ipam: { readonly allocated: readonly string[]; readonly lastReserved: string | null }
  /** Host-side network interfaces the CNI plugins created (cni0, vethXXXX). */
  readonly interfaces: readonly string[]
  /**
   * The kubelet's CPU manager state once it has admitted a pod here (kubelet/cpu-manager/node-state.ts);
   * before that, the state its existing pods give.
   */
  readonly cpuManager?: CPUManagerState
}

export interface KubectlOutput {
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
}

export interface World {
  /** Every pod the run created, by `namespace/name`, with the components' memory of it (protocol/pods.ts). */
  readonly pods: Readonly<Record<PodKey, PodRecord>>
  /** The keys of `pods` in creation order. */
  readonly podOrder: readonly PodKey[]
  /** The manifest's first Pod document, the pod the app shows (storyPod); 0 when absent. */
  readonly primaryDoc?: number
  readonly etcd: EtcdState
  readonly nodes: Readonly<Record<string, NodeRuntime>>
  /** Kubernetes Events recorded so far, oldest first. */
  readonly events: AppendLog<KubeEvent>
  readonly kubectl: KubectlOutput | null
  readonly rng: Rng
  /** Counter for HTTP request ids. */
  readonly nextRequestId: number
  /** The scheduler's rotating start index (schedule_one.go nextStartNodeIndex). */
  readonly schedulerStartIndex: number
  /** What kubectl holds in memory between its requests: the object it read and the resolved kubeconfig. */
  readonly kubectlMemory?: {
    readonly object: JsonObject
    readonly config: ResolvedKubeconfig
    /** What kubectl has already printed to stderr (apply's missing-annotation warning). */
    readonly stderr?: string
    /** The namespace and Kubectl-Session of this invocation, kept while discovery requests run first. */
    readonly namespace?: string
    readonly session?: string
    /** Every document of the manifest in order (kubectl/plan.ts); `index` is the one being sent. */
    readonly items?: readonly PlanItem[]
    readonly index?: number
    /** What kubectl has printed to stdout so far, one line per object. */
    readonly stdout?: string
    /** Failed objects, reported together when every object has been tried. */
    readonly failures?: readonly KubectlFailure[]
    /** What the validator has read of the OpenAPI documents (kubectl/openapi.ts). */
    readonly openapi?: OpenAPIState
    /** Aggregated discovery answered (with a cold cache). */
    readonly discovered?: boolean
    /** apply has validated and mapped every object and is sending them (kubectl/preflight.ts). */
    readonly preflighted?: boolean
  }
  /** kube-controller-manager's work queues, running syncs and expectations (controllers/state.ts). */
  readonly controllerManager?: ControllerManagerState
}

export interface SchedulerQueueState {
  readonly attempts: number
  readonly lastFailureAt: number
  /** Only the `schedule` message carrying this token runs a cycle; older retries are stale. */
  readonly token: number
  /** The node the scheduler assumed the pod on when its cycle chose one, until the binding is stored. */
  readonly assumedNode?: string
}
