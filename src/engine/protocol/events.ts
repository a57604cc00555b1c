/**
 * The typed events of a timeline. `kind` discriminates the payload; every
 * event also says when it happened (virtual ms after Enter), which component
 * it belongs to, and, when a message travels, who sends and who receives it.
 */
import type { ComponentId } from './components'
import type { StageId } from './stages'
import type { JsonObject, Pod } from '../model/objects'
import type { AuthnAttempt, AuthzDecision, HttpRequest, HttpResponse, StatusCause, UserInfo } from './http'

export type Json = JsonObject[string]

export type JsonPatchOp =
  | { readonly op: 'add' | 'replace'; readonly path: string; readonly value: Json }
  | { readonly op: 'remove'; readonly path: string }

export interface AdmissionRecord {
  readonly plugin: string
  readonly phase: 'mutating' | 'validating'
  readonly verdict: 'admit' | 'deny' | 'skip'
  readonly patch: readonly JsonPatchOp[]
  readonly message?: string
  readonly note: string
  /** Warning headers the plugin added (PodSecurity warn mode). */
  readonly warnings?: readonly string[]
  /** Audit annotations the plugin added (PodSecurity enforce-policy, audit-violations). */
  readonly auditAnnotations?: Readonly<Record<string, string>>
}

export interface KubeEvent {
  readonly type: 'Normal' | 'Warning'
  readonly reason: string
  readonly message: string
  readonly source: 'default-scheduler' | 'kubelet' | 'deployment-controller' | 'replicaset-controller'
  readonly host?: string
  readonly object: string
}

export interface NodeVerdict {
  readonly name: string
  readonly filter: {
    readonly examined: boolean
    readonly passed: boolean
    readonly plugin: string | null
    readonly reasons: readonly string[]
    /** The rejecting status code: Unschedulable (preemption may help) or UnschedulableAndUnresolvable. */
    readonly code?: 'Unschedulable' | 'UnschedulableAndUnresolvable'
  }
  readonly scores: Readonly<Record<string, { raw: number; normalized: number; weighted: number }>>
  readonly total: number | null
}

/** One plugin's verdict at an extension point that runs once per cycle (PreEnqueue, PreFilter, PostFilter). */
export interface PluginVerdict {
  readonly plugin: string
  readonly code: 'Success' | 'Skip' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Error'
  readonly reasons: readonly string[]
}

/** What DefaultPreemption decided: the node it nominates and the pods it evicts there. */
export interface PreemptionResult {
  readonly nominatedNodeName: string
  readonly victims: readonly {
    readonly name: string
    readonly namespace: string
    readonly uid: string
    readonly priority: number
  }[]
}

export interface SchedulingResult {
  readonly result: 'Scheduled' | 'Unschedulable'
  readonly message: string
  readonly selected: string | null
  readonly nodes: readonly NodeVerdict[]
  readonly tieBreak: string
  /** PreFilter verdicts in profile order (Skip: the plugin's Filter does not run). */
  readonly preFilter?: readonly PluginVerdict[]
  /** PostFilter verdicts when no node fits (DynamicResources, DefaultPreemption). */
  readonly postFilter?: readonly PluginVerdict[]
  readonly preemption?: PreemptionResult
}

export interface CriCall {
  readonly node: string
  readonly call: string
  readonly request: Json
  readonly response: Json
}

export interface CniInvocation {
  readonly node: string
  readonly command: 'ADD' | 'DEL'
  readonly config: Json
  readonly result: Json
}

interface Base {
  readonly seq: number
  /** Virtual milliseconds after the user pressed Enter. */
  readonly at: number
  readonly component: ComponentId
  readonly from?: ComponentId
  readonly to?: ComponentId
  readonly stage: StageId
  /** One line, as a log would show it. */
  readonly summary: string
  /** What is happening, in plain words, for the narration panel. */
  readonly narration: string
  /** Which document of the manifest the event is about (protocol/pods.ts About.doc); absent for the first, and for a pod no document created. */
  readonly slot?: number
}

export type EventBody =
  | { kind: 'kubectl.parse'; payload: { readonly documents: number; readonly objects: readonly string[] } }
  | {
      kind: 'kubectl.kubeconfig'
      payload: {
        readonly context: string
        readonly cluster: string
        readonly server: string
        readonly user: string
        readonly namespace: string
        readonly credential: string
      }
    }
  | { kind: 'http.request'; payload: HttpRequest }
  | { kind: 'http.response'; payload: HttpResponse & { readonly to: HttpRequest['from'] } }
  | {
      kind: 'authn.verdict'
      payload: {
        readonly authenticator: string | null
        readonly user: UserInfo | null
        readonly attempts: readonly AuthnAttempt[]
      }
    }
  | {
      kind: 'authz.verdict'
      payload: { readonly allowed: boolean; readonly decisions: readonly AuthzDecision[] }
    }
  | {
      kind: 'admission.verdict'
      /** `skipped`: plugins passed over since the previous verdict because they do not handle the operation. */
      payload: AdmissionRecord & { readonly skipped: readonly AdmissionRecord[] }
    }
  | {
      kind: 'apiserver.decode'
      payload: {
        readonly defaults: readonly JsonPatchOp[]
        readonly unknownFields: readonly string[]
        readonly fieldValidation: string
      }
    }
  | {
      kind: 'apiserver.validation'
      payload: {
        readonly errors: readonly string[]
        /** The same errors as the 422's `details.causes`: typed field paths for the editor's markers. */
        readonly causes: readonly StatusCause[]
      }
    }
  | {
      kind: 'etcd.put'
      payload: {
        readonly key: string
        readonly revision: number
        readonly createRevision: number
        readonly what: string
      }
    }
  | {
      kind: 'watch.event'
      payload: {
        readonly type: 'ADDED' | 'MODIFIED' | 'DELETED'
        readonly watcher: string
        readonly resourceVersion: string
      }
    }
  | {
      kind: 'scheduler.cycle'
      /** `pod`: the `namespace/name` the cycle was for (a manifest may create several pods). */
      payload: SchedulingResult & { readonly pod?: string }
    }
  | {
      kind: 'scheduler.queue'
      /** The scheduling queue: a PreEnqueue rejection (gated), or a pod moved back to be retried. */
      payload: {
        readonly action: 'gated' | 'requeued'
        readonly preEnqueue?: readonly PluginVerdict[]
        /** Virtual ms when the next attempt runs. */
        readonly retryAt?: number
      }
    }
  | { kind: 'kubelet.sync'; payload: { readonly node: string; readonly action: string } }
  | {
      kind: 'cluster.node-added'
      /** A node joins while the story plays (a ClusterChange of the cluster file). */
      payload: { readonly node: string; readonly key: string; readonly revision: number }
    }
  | {
      kind: 'runtime.step'
      payload: { readonly node: string; readonly action: string; readonly detail: Json }
    }
  | { kind: 'cri.call'; payload: CriCall }
  | { kind: 'cni.add'; payload: CniInvocation }
  | {
      kind: 'registry.pull'
      payload: {
        readonly image: string
        readonly reference: string
        readonly sizeBytes: number
        readonly ms: number
      }
    }
  | { kind: 'k8s.event'; payload: KubeEvent }
  | {
      kind: 'kubectl.output'
      payload: { readonly exitCode: number; readonly stdout: string; readonly stderr: string }
    }
  | { kind: 'pod.running'; payload: { readonly pod: Pod } }
  | {
      /** A controller of kube-controller-manager syncs one object: what it sees and what it does. */
      kind: 'controller.sync'
      payload: {
        readonly controller: 'deployment' | 'replicaset'
        readonly key: string
        readonly decision: string
        readonly calls: number
      }
    }

export type EventKind = EventBody['kind']

export type SimEvent = Base & EventBody

/** An event as a step produces it; the runner stamps `seq` and `at`. */
export type EventDraft = Omit<Base, 'seq' | 'at'> & EventBody
