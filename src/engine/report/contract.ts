/**
 * The headless command's output (docs/simulate.md, the public contract): a pure
 * function from a Timeline to one JSON-ready object. Nothing here may import
 * from `node:` or touch the platform, because the browser app reuses it to
 * show or download the same report the command prints.
 *
 * Contract rules that matter here: times are virtual seconds after Enter; fields
 * are only ever added, never renamed or dropped; everything reflects the world
 * at `until` (the last event at or before it).
 */
import { createdObjects } from '../etcd/objects'
import type { Timeline } from '../protocol/timeline'
import type { AdmissionRecord, Json, JsonPatchOp, KubeEvent, NodeVerdict, SimEvent } from '../protocol/events'
import type { AuthzDecision, HttpRequest, HttpResponse, UserInfo } from '../protocol/http'
import type { ComponentId } from '../protocol/components'
import type { KubeObject, Pod } from '../model/objects'
import type { World } from '../protocol/world'
import { storageKey } from '../model/core-resources'
import { allPods } from '../protocol/pods'

/** The Kubernetes minor version whose texts and behaviour the engine follows. */
export const KUBERNETES_VERSION = '1.34'

/**
 * Header names the simulation uses to carry what TLS carries in reality (the
 * client certificate, a component's verified subject). A real request has no
 * such headers, so the report leaves them out. Source: apiserver/authn/x509.ts.
 */
const PSEUDO_HEADER_PREFIX = 'x-podlife-'

export interface ContractMeta {
  /** The kubectl command line that was simulated, as printed in `command`. */
  readonly command: string
  /** Virtual ms; the report shows the world at this instant. Defaults to `timeline.until`. */
  readonly until?: number
}

export interface ContractAuthn {
  readonly authenticator: string
  readonly user: UserInfo
}

export interface ContractRequest {
  readonly t: number
  readonly from: HttpRequest['from']
  readonly method: HttpRequest['method']
  readonly path: string
  readonly query: Readonly<Record<string, string>>
  readonly headers: Readonly<Record<string, string>>
  readonly body: Json | string | null
  /** null when no response arrived by `until`. */
  readonly response: {
    readonly code: number
    readonly body: Json
    readonly warnings: readonly string[]
    /** Response headers that carry meaning (the OpenAPI endpoints' Etag, Cache-Control, Expires). */
    readonly headers?: Readonly<Record<string, string>>
    /** true when kubectl's HTTP cache answered and the apiserver never saw the request. */
    readonly fromCache?: boolean
  } | null
  /** null when no authenticator succeeded, or no response arrived by `until`. */
  readonly authn: ContractAuthn | null
  readonly authz: readonly AuthzDecision[]
}

export interface ContractAdmission {
  readonly plugin: string
  readonly phase: AdmissionRecord['phase']
  readonly verdict: AdmissionRecord['verdict']
  readonly patch: readonly JsonPatchOp[]
  readonly message?: string
  /** Audit annotations the plugin wrote (PodSecurity); absent when none. Added for issue 3. */
  readonly auditAnnotations?: Readonly<Record<string, string>>
}

export interface ContractEvent {
  readonly t: number
  readonly type: 'Normal' | 'Warning'
  readonly reason: string
  readonly message: string
  readonly source: KubeEvent['source']
  readonly host?: string
  readonly object: string
}

export interface ContractScheduling {
  readonly t: number
  /** `namespace/name` of the pod this cycle scheduled (a manifest may hold several pods). */
  readonly pod: string
  readonly result: 'Scheduled' | 'Unschedulable'
  readonly message: string
  readonly selected: string | null
  readonly nodes: readonly NodeVerdict[]
  /** How the selected node was chosen among the feasible ones, in words. */
  readonly tieBreak: string
}

export interface ContractReport {
  readonly kubernetesVersion: typeof KUBERNETES_VERSION
  readonly command: string
  /** exitCode is null when kubectl has not finished by `until`. */
  readonly kubectl: { readonly exitCode: number | null; readonly stdout: string; readonly stderr: string }
  readonly requests: readonly ContractRequest[]
  readonly admission: readonly ContractAdmission[]
  /** The manifest's first stored pod (in document order) at `until`. */
  readonly pod: Pod | null
  /** Every pod the manifest created, in document order (one for a single-pod manifest). */
  readonly pods: readonly Pod[]
  /**
   * Every object the run stored that is still stored at `until` (Namespaces, ConfigMaps, Deployments,
   * ReplicaSets, Pods, …), as the apiserver would return it, in the order etcd first stored them.
   */
  readonly objects: readonly KubeObject[]
  readonly events: readonly ContractEvent[]
  readonly scheduling: readonly ContractScheduling[]
  readonly etcd: readonly {
    readonly t: number
    readonly op: 'put'
    readonly key: string
    readonly revision: number
  }[]
  readonly cri: readonly { readonly t: number; node: string; call: string; request: Json; response: Json }[]
  readonly cni: readonly {
    readonly t: number
    node: string
    command: 'ADD' | 'DEL'
    config: Json
    result: Json
  }[]
  readonly timeline: readonly {
    readonly t: number
    readonly component: ComponentId
    readonly from: ComponentId | null
    readonly to: ComponentId | null
    readonly kind: SimEvent['kind']
    readonly summary: string
    /** The manifest document the entry is about, when it is not the first (added field). */
    readonly slot?: number
  }[]
  /** Added: set when the run hit its event budget and stopped early, in words. */
  readonly stopped?: string
  /** Added: set when the input could not be loaded (nothing was simulated), with where the problem is. */
  readonly error?: string
}

/**
 * Turns a timeline into the headless command's JSON report.
 *
 * Pure and deterministic: the same timeline and meta give a deep-equal report.
 * Only events at or before `meta.until` (default `timeline.until`) count, and
 * `pod` and `kubectl` are taken from the world after the last of them.
 *
 * @example
 * const report = toContractReport(simulate({ manifest }, { seed: 1 }), { command: 'kubectl apply -f pod.yaml' })
 */
export function toContractReport(timeline: Timeline, meta: ContractMeta): ContractReport {
  const until = meta.until ?? timeline.until
  const last = lastIndexAtOrBefore(timeline, until)
  const events = timeline.events.slice(0, last + 1)
  const world = last >= 0 ? timeline.frames[last]! : timeline.initial
  const kubectl = world.kubectl ?? { exitCode: null, stdout: '', stderr: '' }
  return {
    ...(timeline.stopped ? { stopped: timeline.stopped } : {}),
    ...(timeline.outcome.kind === 'InvalidInput' ? { error: timeline.outcome.message } : {}),
    kubernetesVersion: KUBERNETES_VERSION,
    command: meta.command,
    kubectl: { exitCode: kubectl.exitCode, stdout: kubectl.stdout, stderr: kubectl.stderr },
    requests: toRequests(events),
    admission: events.flatMap((e) =>
      e.kind === 'admission.verdict' ? [...e.payload.skipped.map(toAdmission), toAdmission(e.payload)] : [],
    ),
    pod: allPods(world)[0] ?? null,
    pods: allPods(world),
    objects: storedObjects(world),
    events: events.flatMap((e) => (e.kind === 'k8s.event' ? [toEvent(e.at, e.payload)] : [])),
    scheduling: events.flatMap((e) =>
      e.kind === 'scheduler.cycle'
        ? [
            {
              t: seconds(e.at),
              pod: e.payload.pod ?? '',
              result: e.payload.result,
              message: e.payload.message,
              selected: e.payload.selected,
              nodes: e.payload.nodes,
              tieBreak: e.payload.tieBreak,
            },
          ]
        : [],
    ),
    etcd: events.flatMap((e) =>
      e.kind === 'etcd.put'
        ? [{ t: seconds(e.at), op: 'put' as const, key: e.payload.key, revision: e.payload.revision }]
        : [],
    ),
    cri: events.flatMap((e) =>
      e.kind === 'cri.call'
        ? [
            {
              t: seconds(e.at),
              node: e.payload.node,
              call: e.payload.call,
              request: e.payload.request,
              response: e.payload.response,
            },
          ]
        : [],
    ),
    cni: events.flatMap((e) =>
      e.kind === 'cni.add'
        ? [
            {
              t: seconds(e.at),
              node: e.payload.node,
              command: e.payload.command,
              config: e.payload.config,
              result: e.payload.result,
            },
          ]
        : [],
    ),
    timeline: events.map((e) => ({
      t: seconds(e.at),
      component: e.component,
      from: e.from ?? null,
      to: e.to ?? null,
      kind: e.kind,
      summary: e.summary,
      ...(e.slot ? { slot: e.slot } : {}),
    })),
  }
}

/**
 * Virtual ms to seconds, rounded to the microsecond: step delays are summed in
 * floating point (7.6000000000000005 ms), and the report should print 0.0076.
 */
export function seconds(ms: number): number {
  return Math.round(ms * 1000) / 1_000_000
}

/** Index of the last event at or before `until` (events are sorted by (at, seq)); -1 if none. */
function lastIndexAtOrBefore(timeline: Timeline, until: number): number {
  let i = timeline.events.length - 1
  while (i >= 0 && timeline.events[i]!.at > until) i--
  return i
}

interface RequestDraft {
  request: Omit<ContractRequest, 'response' | 'authn' | 'authz'>
  response: ContractRequest['response']
  authn: ContractAuthn | null
  authz: readonly AuthzDecision[]
}

/** Pairs each http.request with the http.response carrying its id, in request order. */
function toRequests(events: readonly SimEvent[]): ContractRequest[] {
  const drafts: RequestDraft[] = []
  const byId = new Map<number, RequestDraft>()
  for (const e of events) {
    if (e.kind === 'http.request') {
      const r = e.payload
      const draft: RequestDraft = {
        request: {
          t: seconds(e.at),
          from: r.from,
          method: r.method,
          path: r.path,
          query: r.query,
          headers: realHeaders(r.headers),
          body: r.body,
        },
        response: null,
        authn: null,
        authz: [],
      }
      drafts.push(draft)
      byId.set(r.id, draft)
    } else if (e.kind === 'http.response') {
      const draft = byId.get(e.payload.requestId)
      if (!draft)
        throw new Error(`http.response for unknown request id ${e.payload.requestId} (seq ${e.seq})`)
      draft.response = {
        code: e.payload.code,
        body: e.payload.body,
        warnings: e.payload.warnings ?? [],
        ...(e.payload.headers ? { headers: e.payload.headers } : {}),
        ...(e.payload.fromCache ? { fromCache: true } : {}),
      }
      draft.authn = toAuthn(e.payload.authn)
      draft.authz = e.payload.authz
    }
  }
  return drafts.map((d) => ({ ...d.request, response: d.response, authn: d.authn, authz: d.authz }))
}

function realHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(headers)) {
    if (!k.toLowerCase().startsWith(PSEUDO_HEADER_PREFIX)) out[k] = v
  }
  return out
}

function toAuthn(authn: HttpResponse['authn']): ContractAuthn | null {
  if (authn.authenticator === null || authn.user === null) return null
  return { authenticator: authn.authenticator, user: authn.user }
}

function toAdmission(r: AdmissionRecord): ContractAdmission {
  return {
    plugin: r.plugin,
    phase: r.phase,
    verdict: r.verdict,
    patch: r.patch,
    ...(r.message !== undefined ? { message: r.message } : {}),
    ...(r.auditAnnotations !== undefined ? { auditAnnotations: r.auditAnnotations } : {}),
  }
}

function toEvent(at: number, e: Extract<SimEvent, { kind: 'k8s.event' }>['payload']): ContractEvent {
  return {
    t: seconds(at),
    type: e.type,
    reason: e.reason,
    message: e.message,
    source: e.source,
    ...(e.source === 'kubelet' && e.host !== undefined ? { host: e.host } : {}),
    object: e.object,
  }
}

/** The objects the run wrote, each as last stored, in order of etcd's createRevision (objects list). */
function storedObjects(world: World): KubeObject[] {
  const keyed: { readonly object: KubeObject; readonly revision: number }[] = []
  const add = (object: KubeObject): void => {
    const key = storageKey(object.kind, object.metadata.namespace ?? '', object.metadata.name ?? '')
    const entry = world.etcd.keys[key]
    if (entry) keyed.push({ object, revision: entry.createRevision })
  }
  for (const o of createdObjects(world.etcd)) add(o)
  for (const p of allPods(world)) add(p as unknown as KubeObject)
  return keyed.sort((a, b) => a.revision - b.revision).map((k) => k.object)
}
