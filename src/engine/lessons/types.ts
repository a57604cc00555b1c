/**
 * Lessons as data: a guided walk through one scenario's timeline, stop by stop. A stop names the
 * event it is about with a declarative anchor (kind, a few payload predicates, which occurrence),
 * never with a raw index, so a lesson keeps pointing at the right moment when the engine adds or
 * regroups events. Types only.
 */
import type { ComponentId } from '../protocol/components'
import type { EventKind } from '../protocol/events'
import type { HttpRequest } from '../protocol/http'

/** Who runs kubectl for the lesson, as the app's "run as" control sets it (store/create-app-store.ts). */
export interface LessonRunAs {
  readonly identity: 'admin' | 'jane' | 'anonymous'
  /** `apply` when absent. */
  readonly verb?: 'apply' | 'create' | 'apply --server-side'
  /** `-n <namespace>`; the kubeconfig's (or the manifest's) namespace when absent. */
  readonly namespace?: string
}

export interface LessonScenario {
  /** An id of SCENARIOS (scenario/scenarios.ts). */
  readonly scenarioId: string
  /** kubeadm's admin with `kubectl apply` when absent. */
  readonly runAs?: LessonRunAs
}

/**
 * The payload predicates an anchor may use, per event kind. Every predicate given must hold; an
 * absent predicate matches anything. Kinds not listed take no predicates.
 */
export interface EventMatchers {
  readonly 'http.request': { readonly from?: HttpRequest['from']; readonly method?: HttpRequest['method'] }
  readonly 'http.response': { readonly code?: number; readonly to?: HttpRequest['from'] }
  /** `authenticated: false` is a request no authenticator recognised (401). */
  readonly 'authn.verdict': { readonly authenticated?: boolean }
  readonly 'authz.verdict': { readonly allowed?: boolean }
  readonly 'admission.verdict': {
    readonly plugin?: string
    readonly phase?: 'mutating' | 'validating'
    readonly verdict?: 'admit' | 'deny'
    /** True: the plugin changed the pod (a non-empty patch). */
    readonly mutates?: boolean
  }
  /** `what`: create, binding, status (etcd/write-pod.ts). */
  readonly 'etcd.put': { readonly what?: string }
  /** `watcher`: `kube-scheduler`, or `kubelet` for any node's kubelet (`kubelet/worker-2` for one). */
  readonly 'watch.event': { readonly watcher?: string }
  /** `plugin`: a filter plugin that rejected some node, or a PostFilter plugin that ran (DefaultPreemption). */
  readonly 'scheduler.cycle': { readonly result?: 'Scheduled' | 'Unschedulable'; readonly plugin?: string }
  readonly 'kubelet.sync': { readonly action?: string }
  readonly 'runtime.step': { readonly action?: string }
  /** `callName`: the CRI method, e.g. RunPodSandbox, CreateContainer. */
  readonly 'cri.call': { readonly callName?: string }
  readonly 'k8s.event': { readonly reason?: string; readonly type?: 'Normal' | 'Warning' }
  readonly 'kubectl.output': { readonly exitCode?: number }
}

export type EventMatch<K extends EventKind> = K extends keyof EventMatchers ? EventMatchers[K] : never

/** One event of a kind, picked by payload predicates and by occurrence. */
export type EventAnchor = {
  readonly [K in EventKind]: {
    readonly event: K
    readonly match?: EventMatch<K>
    /** Which matching event: 1 for the first (the default), 2 for the second, … or the last one. */
    readonly nth?: number | 'last'
  }
}[EventKind]

/** Where a stop lands: before the first event, the last event, or the story step holding an event. */
export type StopAnchor = 'start' | 'end' | EventAnchor

/**
 * Questions asked before the run shows the answer; choices and answer come from the run itself.
 * `restart-backoff`: how long the kubelet's next CrashLoopBackOff wait is.
 */
export type PredictionKind =
  'scheduler-node' | 'kubectl-output' | 'apiserver-accepts' | 'pod-ip-range' | 'restart-backoff'

export interface LessonStop {
  /** Unique within its lesson. */
  readonly id: string
  readonly at: StopAnchor
  readonly title: string
  /** Two to four plain sentences, naming the upstream source of each fact claimed. */
  readonly text: string
  /** The component whose inspector to open. */
  readonly open?: ComponentId
  /** A manifest field path to highlight, in the app's notation: `spec.containers.0.resources.requests.cpu`. */
  readonly field?: string
  /** A question to ask at this stop, before the story shows its answer. */
  readonly predict?: PredictionKind
}

export interface Lesson {
  readonly id: string
  readonly title: string
  /** One sentence. */
  readonly summary: string
  readonly scenario: LessonScenario
  readonly stops: readonly LessonStop[]
}

/** A question about what the run will do next, with every choice taken from the run. */
export interface Prediction {
  readonly kind: PredictionKind
  readonly question: string
  /** Two to five distinct choices. */
  readonly choices: readonly string[]
  /** One of `choices`. */
  readonly answer: string
  /** Why the answer is what it is, from the run's own verdicts. */
  readonly explanation: string
  /** The event index at which the story first shows the answer; always after the index asked at. */
  readonly revealIndex: number
}

export type PredictionResult =
  { readonly ok: true; readonly prediction: Prediction } | { readonly ok: false; readonly error: string }

export interface ResolvedStop {
  readonly stop: LessonStop
  /** The event the anchor names (-1 for 'start'). */
  readonly anchorIndex: number
  /** Where the cursor goes: the `last` event of the story step holding the anchor (-1 for 'start'). */
  readonly eventIndex: number
  /** The story step index (-1 for 'start'). */
  readonly step: number
  readonly prediction?: Prediction
}

export type LessonResolution =
  | { readonly ok: true; readonly stops: readonly ResolvedStop[] }
  | { readonly ok: false; readonly stopId: string; readonly error: string }
