/**
 * VolumeBinding: every PersistentVolumeClaim of the pod must exist and be bound, or bindable on the node.
 * - PreFilter sorts the claims: bound ones, unbound ones whose StorageClass says WaitForFirstConsumer (bound
 *   later, for the chosen node) and unbound "immediate" ones, which the PV controller should already have
 *   bound, so the pod cannot be scheduled. Bound local volumes (node affinity on kubernetes.io/hostname)
 *   narrow the nodes to look at (GetEligibleNodes → PreFilterResult).
 * - Filter, per node (FindPodVolumes): a bound claim's PersistentVolume must exist and its node affinity
 *   match the node; a claim to bind needs an Available PersistentVolume of its class that fits (size,
 *   access modes, volume mode, node affinity), smallest first, or a class that can provision one here.
 * The PreBind writes that bind or provision volumes, and the controllers behind them, are not modelled.
 * Upstream: pkg/scheduler/framework/plugins/volumebinding/volume_binding.go, binder.go (GetPodVolumeClaims,
 * GetEligibleNodes, FindPodVolumes, checkBoundClaims, findMatchingVolumes, checkVolumeProvisions; the
 * node-affinity text changed in v1.33, kubernetes/kubernetes#129887), component-helpers storage/volume
 * (FindMatchingVolume, GetLocalPersistentVolumeNodeNames, IsDelayBindingMode).
 */
import type { KubeObject, Node, NodeSelectorTerm } from '../../model/objects'
import type { FilterPlugin, PluginContext, Status } from '../framework/types'
import { SKIP, SUCCESS, unresolvable } from '../framework/types'
import { podClaims, pvcNotFound } from './volume-claims'
import { matchTerm } from './node-affinity'
import { parseQuantity, quantityValue } from '../../model/quantity'

export const ERR_REASON_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims'
export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind"
export const ERR_REASON_NODE_CONFLICT = "node(s) didn't match PersistentVolume's node affinity"
export const ERR_REASON_PV_NOT_EXIST =
  'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)'
export const waitingForEphemeral = (name: string): string =>
  `waiting for ephemeral volume controller to create the persistentvolumeclaim "${name}"`

const HOSTNAME = 'kubernetes.io/hostname'
const NO_PROVISIONER = 'kubernetes.io/no-provisioner'
const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class'

interface ClaimSpec {
  readonly volumeName?: string
  readonly storageClassName?: string | null
  readonly accessModes?: readonly string[]
  readonly volumeMode?: string
  readonly resources?: { readonly requests?: { readonly storage?: string } }
}

interface BindState {
  /** Bound claims: their PersistentVolume, or null when it does not exist. */
  readonly bound: readonly (KubeObject | null)[]
  /** Claims to bind on the chosen node (WaitForFirstConsumer), smallest request first. */
  readonly toBind: readonly KubeObject[]
  readonly ctx: PluginContext | undefined
}

const specOf = (o: KubeObject): ClaimSpec => (o['spec'] ?? {}) as ClaimSpec

function storage(text: string | undefined): number {
  if (!text) return 0
  const q = parseQuantity(text)
  return q.ok ? quantityValue(q.quantity) : 0
}

/** GetPersistentVolumeClaimClass: spec.storageClassName, else the default class when the field is unset. */
function classOf(claim: KubeObject, ctx: PluginContext | undefined): KubeObject | undefined {
  const name = specOf(claim).storageClassName
  if (typeof name === 'string') return name ? ctx?.storageClasses?.get(name) : undefined
  for (const c of ctx?.storageClasses?.values() ?? [])
    if (c.metadata.annotations?.[DEFAULT_CLASS] === 'true') return c
  return undefined
}

function pvAffinityMatches(pv: KubeObject, node: Node): boolean {
  const terms = (
    pv['spec'] as { nodeAffinity?: { required?: { nodeSelectorTerms?: NodeSelectorTerm[] } } } | undefined
  )?.nodeAffinity?.required?.nodeSelectorTerms
  if (!terms) return true
  return terms.some((t) => matchTerm(t, node))
}

function intersect(a: ReadonlySet<string> | null, b: ReadonlySet<string>): Set<string> {
  return a === null ? new Set(b) : new Set([...a].filter((n) => b.has(n)))
}

/** GetLocalPersistentVolumeNodeNames: the hostnames a volume's node affinity pins it to, if any. */
function localNodeNames(pv: KubeObject): Set<string> | null {
  const terms = (
    pv['spec'] as { nodeAffinity?: { required?: { nodeSelectorTerms?: NodeSelectorTerm[] } } } | undefined
  )?.nodeAffinity?.required?.nodeSelectorTerms
  if (!terms) return null
  const result = new Set<string>()
  for (const t of terms) {
    let nodes: Set<string> | null = null
    for (const e of t.matchExpressions ?? []) {
      if (e.key !== HOSTNAME || e.operator !== 'In') continue
      const values = new Set(e.values ?? [])
      nodes = intersect(nodes, values)
    }
    for (const n of nodes ?? []) result.add(n)
  }
  return result.size > 0 ? result : null
}

export const VolumeBinding: FilterPlugin<BindState> = {
  name: 'VolumeBinding',
  preFilter(pod, _nodes, ctx) {
    const claims = podClaims(pod)
    const empty: BindState = { bound: [], toBind: [], ctx }
    if (claims.length === 0) return { status: SKIP, state: empty }
    const ns = pod.metadata.namespace ?? 'default'
    const bound: (KubeObject | null)[] = []
    const toBind: KubeObject[] = []
    for (const c of claims) {
      const key = `${ns}/${c.claimName}`
      const phase = ctx?.persistentVolumeClaims?.get(key)
      if (phase === undefined)
        return {
          status: unresolvable(c.ephemeral ? waitingForEphemeral(c.claimName) : pvcNotFound(c.claimName)),
          state: empty,
        }
      const claim = ctx?.volumeClaims?.get(key)
      const volumeName = claim ? specOf(claim).volumeName : undefined
      if (phase === 'Bound' || volumeName) {
        // Without PersistentVolume objects in the cluster, a bound claim is taken as fine.
        bound.push(
          volumeName && ctx?.persistentVolumes
            ? (ctx.persistentVolumes.get(volumeName) ?? null)
            : undefinedPv,
        )
        continue
      }
      const delayed = claim && classOf(claim, ctx)?.['volumeBindingMode'] === 'WaitForFirstConsumer'
      if (!delayed || !claim) return { status: unresolvable(ERR_REASON_UNBOUND_IMMEDIATE), state: empty }
      toBind.push(claim)
    }
    toBind.sort(
      (a, b) =>
        storage(specOf(a).resources?.requests?.storage) - storage(specOf(b).resources?.requests?.storage),
    )
    // GetEligibleNodes: bound local volumes pin the pod to their hosts (intersected over volumes).
    let eligible: Set<string> | null = null
    for (const pv of bound) {
      const names = pv && pv !== undefinedPv ? localNodeNames(pv) : null
      if (!names) continue
      eligible = intersect(eligible, names)
    }
    const state: BindState = { bound, toBind, ctx }
    return eligible === null ? { status: SUCCESS, state } : { status: SUCCESS, state, nodeNames: eligible }
  },
  filter(_pod, node, state) {
    let boundSatisfied = true
    let pvsFound = true
    for (const pv of state.bound) {
      if (pv === undefinedPv) continue
      if (pv === null) {
        pvsFound = false
        break
      }
      if (!pvAffinityMatches(pv, node.node)) {
        boundSatisfied = false
        break
      }
    }
    const unboundSatisfied = pvsFound && boundSatisfied ? canBindAll(state, node.node) : true
    const reasons: string[] = []
    if (!boundSatisfied) reasons.push(ERR_REASON_NODE_CONFLICT)
    if (!unboundSatisfied) reasons.push(ERR_REASON_BIND_CONFLICT)
    if (!pvsFound) reasons.push(ERR_REASON_PV_NOT_EXIST)
    return reasons.length ? ({ code: 'UnschedulableAndUnresolvable', reasons } as Status) : SUCCESS
  },
}

/** A bound claim whose volume cannot be checked (no PersistentVolume objects): it passes. */
const undefinedPv: KubeObject = { apiVersion: 'v1', kind: 'PersistentVolume', metadata: {} }

/** findMatchingVolumes, then checkVolumeProvisions for the claims left over. */
function canBindAll(state: BindState, node: Node): boolean {
  const chosen = new Set<string>()
  for (const claim of state.toBind) {
    const pv = matchingVolume(claim, node, chosen, state.ctx)
    if (pv) {
      chosen.add(pv.metadata.name ?? '')
      continue
    }
    const cls = classOf(claim, state.ctx)
    const provisioner = String(cls?.['provisioner'] ?? '')
    if (!cls || provisioner === NO_PROVISIONER || provisioner === '') return false
    const topologies = cls['allowedTopologies'] as
      { matchLabelExpressions?: { key: string; values: string[] }[] }[] | undefined
    if (topologies && topologies.length > 0) {
      const labels = node.metadata.labels ?? {}
      const ok = topologies.some((t) =>
        (t.matchLabelExpressions ?? []).every((e) => e.values.includes(labels[e.key] ?? '\u0000')),
      )
      if (!ok) return false
    }
  }
  return true
}

/** FindMatchingVolume (delayed binding): the smallest Available volume of the class that fits on the node. */
function matchingVolume(
  claim: KubeObject,
  node: Node,
  chosen: ReadonlySet<string>,
  ctx: PluginContext | undefined,
): KubeObject | null {
  const spec = specOf(claim)
  const className = classOf(claim, ctx)?.metadata.name ?? spec.storageClassName ?? ''
  const want = storage(spec.resources?.requests?.storage)
  const modes = spec.accessModes ?? []
  const volumeMode = spec.volumeMode ?? 'Filesystem'
  let best: KubeObject | null = null
  let bestSize = Infinity
  for (const pv of ctx?.persistentVolumes?.values() ?? []) {
    const s = (pv['spec'] ?? {}) as {
      storageClassName?: string
      claimRef?: { name?: string; namespace?: string }
      accessModes?: string[]
      capacity?: { storage?: string }
      volumeMode?: string
    }
    if (chosen.has(pv.metadata.name ?? '')) continue
    const ref = s.claimRef
    if (ref && !(ref.name === claim.metadata.name && ref.namespace === claim.metadata.namespace)) continue
    const phase = (pv['status'] as { phase?: string } | undefined)?.phase ?? 'Available'
    if (!ref && phase !== 'Available') continue
    if ((s.storageClassName ?? '') !== className) continue
    if ((s.volumeMode ?? 'Filesystem') !== volumeMode) continue
    if (!modes.every((m) => (s.accessModes ?? []).includes(m))) continue
    const size = storage(s.capacity?.storage)
    if (size < want) continue
    if (!pvAffinityMatches(pv, node)) continue
    if (size < bestSize) {
      best = pv
      bestSize = size
    }
  }
  return best
}
