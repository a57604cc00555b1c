/**
 * What a family of fixes reads about the failure at hand, taken once from the timeline: the pod as
 * stored at the end, kubectl's refusal with the verdicts that caused it, the last scheduling cycle
 * that found no node, and the Warning events about the pod. Everything is read from payloads and
 * stored objects, never from summaries.
 */
import { storyPod } from '../protocol/pods'
import type { SimInput } from '../simulate'
import { DEFAULT_CLUSTER } from '../scenario/default-scenario'
import type { Container, JsonObject, KubeObject, Pod } from '../model/objects'
import type { KubeEvent, SchedulingResult, SimEvent } from '../protocol/events'
import type { Timeline } from '../protocol/timeline'
import type { World } from '../protocol/world'
import {
  appendDocument,
  editDocument,
  editObjects,
  type EditFn,
  type MatchFn,
  type Path,
} from './document-edit'
import type { Candidate, ProposalChange } from './types'

/** A `Status` cause, as the apiserver lists them for a 422 (details.causes). */
export interface StatusCause {
  readonly reason?: string
  readonly message?: string
  readonly field?: string
}

/** The apiserver's refusal of kubectl's request. */
export interface Refusal {
  readonly code: number
  readonly reason: string
  readonly message: string
  readonly causes: readonly StatusCause[]
  /** The events between kubectl's request and the refusal: the verdicts that led to it. */
  readonly verdicts: readonly SimEvent[]
  /** The refused object's namespace and name, from the request path and the Status details. */
  readonly namespace: string | null
  readonly name: string | null
}

export interface FixContext {
  readonly input: SimInput
  readonly timeline: Timeline
  /** The world after the last event. */
  readonly final: World
  /** The pod as stored at the end; null when nothing was stored. */
  readonly pod: Pod | null
  /** The pod's name: the stored pod's, or the refused object's. */
  readonly podName: string | null
  readonly refusal: Refusal | null
  /** The last scheduling cycle for the pod that found no node. */
  readonly unschedulable: SchedulingResult | null
  /** Warning events about the pod, oldest first. */
  readonly warnings: readonly KubeEvent[]
}

/** A family of fixes: reads the failure, returns candidates in the order it would offer them. */
export interface FixFamily {
  /** Names the part of the cluster whose failure it answers (as upstream names a plugin). */
  readonly name: string
  candidates(ctx: FixContext): readonly Candidate[]
}

interface StatusBody {
  readonly reason?: string
  readonly message?: string
  readonly details?: { readonly name?: string; readonly causes?: readonly StatusCause[] }
}

function findRefusal(timeline: Timeline): Refusal | null {
  const methods = new Map<number, { method: string; path: string; index: number }>()
  const events = timeline.events
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!
    if (e.kind === 'http.request' && e.payload.from === 'kubectl')
      methods.set(e.payload.id, { method: e.payload.method, path: e.payload.path, index: i })
    if (e.kind !== 'http.response' || e.payload.to !== 'kubectl' || e.payload.code < 400) continue
    const request = methods.get(e.payload.requestId)
    // apply's GET of an object that does not exist yet answers 404 by design.
    if (e.payload.code === 404 && request?.method === 'GET') continue
    const body = (e.payload.body ?? {}) as StatusBody
    return {
      code: e.payload.code,
      reason: body.reason ?? '',
      message: body.message ?? '',
      causes: body.details?.causes ?? [],
      verdicts: request ? events.slice(request.index + 1, i) : [],
      namespace: /\/namespaces\/([^/?]+)/.exec(request?.path ?? '')?.[1] ?? null,
      name: body.details?.name ?? null,
    }
  }
  return null
}

const podKey = (pod: Pod) => `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`

export function createFixContext(input: SimInput, timeline: Timeline): FixContext {
  const final = timeline.frames[timeline.frames.length - 1] ?? timeline.initial
  const pod = storyPod(final)
  const refusal = findRefusal(timeline)
  let unschedulable: SchedulingResult | null = null
  const warnings: KubeEvent[] = []
  for (const e of timeline.events) {
    if (e.kind === 'scheduler.cycle' && e.payload.result === 'Unschedulable')
      if (!pod || !e.payload.pod || e.payload.pod === podKey(pod)) unschedulable = e.payload
    if (e.kind === 'k8s.event' && e.payload.type === 'Warning')
      if (!pod || e.payload.object === `Pod/${pod.metadata.name ?? ''}`) warnings.push(e.payload)
  }
  return {
    input,
    timeline,
    final,
    pod,
    podName: pod?.metadata.name ?? refusal?.name ?? null,
    refusal,
    unschedulable,
    warnings,
  }
}

// ---- reading and editing the pod --------------------------------------------------------------

/** The pod's document in the manifest: kind Pod, and the pod's name when known. */
export function podMatch(ctx: FixContext): MatchFn {
  return (o) =>
    o['kind'] === 'Pod' &&
    (ctx.podName === null || (o['metadata'] as JsonObject | undefined)?.['name'] === ctx.podName)
}

/** The manifest with the pod's document edited, or null when it cannot be found or nothing changed. */
export function editPod(ctx: FixContext, edit: EditFn): string | null {
  return editDocument(ctx.input.manifest, podMatch(ctx), edit)
}

/** A change of the manifest, or null when the edit did nothing. */
export function podChange(ctx: FixContext, edit: EditFn): ProposalChange | null {
  const manifest = editPod(ctx, edit)
  return manifest === null ? null : { manifest }
}

const written = new WeakMap<FixContext, Pod | null>()

/** The pod as the user wrote it (before defaults), or null when the manifest has no such document. */
export function writtenPod(ctx: FixContext): Pod | null {
  if (written.has(ctx)) return written.get(ctx) ?? null
  let found: Pod | null = null
  editPod(ctx, (e) => {
    found = e.get([]) as Pod
  })
  written.set(ctx, found)
  return found
}

export interface ContainerAt {
  readonly container: Container
  /** Where it is in the pod: `['spec', 'containers', 0]`. */
  readonly path: Path
}

/** Init containers, then app containers, each with its path. */
export function containersOf(pod: Pod): ContainerAt[] {
  const list = (key: 'initContainers' | 'containers') =>
    ((pod.spec[key] as readonly Container[] | undefined) ?? []).map((container, i) => ({
      container,
      path: ['spec', key, i] as Path,
    }))
  return [...list('initContainers'), ...list('containers')]
}

// ---- reading and editing the cluster ----------------------------------------------------------

/** The cluster as the run got it: text (the built-in file when absent) or objects. */
function clusterInput(ctx: FixContext): string | readonly KubeObject[] {
  return ctx.input.cluster ?? DEFAULT_CLUSTER
}

/** The cluster with one object edited, in the form the run used; null when it is not there. */
export function editClusterObject(ctx: FixContext, match: MatchFn, edit: EditFn): ProposalChange | null {
  const cluster = clusterInput(ctx)
  const out =
    typeof cluster === 'string' ? editDocument(cluster, match, edit) : editObjects(cluster, match, edit)
  return out === null ? null : { cluster: out }
}

/** The cluster with one object added. */
export function addClusterObject(ctx: FixContext, object: KubeObject): ProposalChange {
  const cluster = clusterInput(ctx)
  return {
    cluster:
      typeof cluster === 'string'
        ? appendDocument(cluster, object as unknown as JsonObject)
        : [...cluster, object],
  }
}

/** Matches an object by kind, name and (for namespaced kinds) namespace. */
export function objectMatch(kind: string, name: string, namespace?: string): MatchFn {
  return (o) => {
    const meta = (o['metadata'] ?? {}) as JsonObject
    if (o['kind'] !== kind || meta['name'] !== name) return false
    return namespace === undefined || (meta['namespace'] ?? 'default') === namespace
  }
}

/** The namespace the pod lives (or would have lived) in. */
export function podNamespace(ctx: FixContext): string {
  return ctx.pod?.metadata.namespace ?? ctx.refusal?.namespace ?? 'default'
}

/** A quoted message cut to its first sentence, for a `why`. */
export function firstSentence(message: string): string {
  const end = message.indexOf('. ')
  return end < 0 ? message : message.slice(0, end + 1)
}
