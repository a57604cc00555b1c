/**
 * The ReplicaSet the deployment controller makes for the Deployment's current template, and how it
 * recognises an existing one.
 * Upstream: pkg/controller/deployment/sync.go (getNewReplicaSet), util/deployment_util.go
 * (FindNewReplicaSet, EqualIgnoreHash, SetNewReplicaSetAnnotations, annotationsToSkip,
 * SetReplicasAnnotations, MaxRevision), pkg/util/labels (CloneAndAddLabel, CloneSelectorAndAddLabel).
 */
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../apps-types'
import {
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  POD_TEMPLATE_HASH,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
} from '../apps-types'
import { computeHash } from '../compute-hash'
import type { Json } from '../../model/objects'
import { controllerRef } from '../replicaset/pod-from-template'
import { byCreation } from './replica-counts'
import { maxReplicasAnnotation } from './rolling'

const SKIPPED_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
])

function withoutHash(t: PodTemplateSpec): unknown {
  const labels = { ...(t.metadata?.labels ?? {}) }
  delete labels[POD_TEMPLATE_HASH]
  return canonical({ ...t, metadata: { ...(t.metadata ?? {}), labels } })
}

function canonical(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) return v.map(canonical)
  const o = v as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(o).sort()) {
    const x = o[k]
    // Semantic equality treats an empty map like an absent one (labels: {} vs none).
    if (x === undefined || (x && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length === 0))
      continue
    out[k] = canonical(x)
  }
  return out
}

/** EqualIgnoreHash: the same template once the pod-template-hash label is set aside. */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return JSON.stringify(withoutHash(a)) === JSON.stringify(withoutHash(b))
}

/** FindNewReplicaSet: the oldest set whose template is the Deployment's. */
export function findNewReplicaSet(d: Deployment, sets: readonly ReplicaSet[]): ReplicaSet | null {
  return byCreation(sets).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template)) ?? null
}

/** MaxRevision: the highest revision annotation among the sets (0 when none has one). */
export function maxRevision(sets: readonly ReplicaSet[]): number {
  let max = 0
  for (const rs of sets) {
    const v = Number.parseInt(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? '', 10)
    if (Number.isFinite(v) && v > max) max = v
  }
  return max
}

export function podTemplateHash(d: Deployment): string {
  return computeHash(d.spec.template as unknown as Json, d.status?.collisionCount)
}

/** The new ReplicaSet, as the controller sends it to the apiserver. */
export function newReplicaSet(d: Deployment, replicas: number, revision: number): ReplicaSet {
  const hash = podTemplateHash(d)
  const labels = { ...(d.spec.template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash }
  const annotations: Record<string, string> = {}
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {}))
    if (!SKIPPED_ANNOTATIONS.has(k)) annotations[k] = v
  annotations[REVISION_ANNOTATION] = String(revision)
  annotations[DESIRED_REPLICAS_ANNOTATION] = String(d.spec.replicas ?? 1)
  annotations[MAX_REPLICAS_ANNOTATION] = String(maxReplicasAnnotation(d))
  const selector = d.spec.selector ?? {}
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name ?? ''}-${hash}`,
      namespace: d.metadata.namespace ?? 'default',
      labels,
      annotations,
      ownerReferences: [controllerRef(d)],
    },
    spec: {
      replicas,
      ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
      selector: { ...selector, matchLabels: { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash } },
      template: { ...d.spec.template, metadata: { ...(d.spec.template.metadata ?? {}), labels } },
    },
  }
}
