/**
 * A manifest may hold several Pods (`---` documents or a List); kubectl creates them one after the
 * other and each then lives its own life in the cluster. Every component's step is written about
 * "the pod" (`world.pod`, `world.podWorker`, …), so the runner keeps one slot per document and,
 * for a message about document k, swaps slot k's state into those fields before the step and back
 * after it. At rest (in every frame) the fields hold the primary slot, the first Pod document (kubectl
 * sets `primarySlot` when a Namespace or ConfigMap comes first), which the app shows.
 *
 * The swap is its own inverse: swapSlot(swapSlot(w, k), k) equals w.
 */
import type { Pod } from '../model/objects'
import type { PodSlot, World } from './world'

export function swapSlot(world: World, k: number): World {
  if (k === (world.primarySlot ?? 0)) return world
  const slots = [...(world.podSlots ?? [])]
  const incoming = slots[k] ?? { pod: null }
  slots[k] = slotOf(world)
  const { podWorker: _w, schedulerQueue: _q, pullStartedAt: _p, ...rest } = world
  return {
    ...rest,
    pod: incoming.pod,
    ...(incoming.podWorker ? { podWorker: incoming.podWorker } : {}),
    ...(incoming.schedulerQueue ? { schedulerQueue: incoming.schedulerQueue } : {}),
    ...(incoming.pullStartedAt ? { pullStartedAt: incoming.pullStartedAt } : {}),
    podSlots: slots,
  }
}

function slotOf(world: World): PodSlot {
  return {
    pod: world.pod,
    ...(world.podWorker ? { podWorker: world.podWorker } : {}),
    ...(world.schedulerQueue ? { schedulerQueue: world.schedulerQueue } : {}),
    ...(world.pullStartedAt ? { pullStartedAt: world.pullStartedAt } : {}),
  }
}

/** The manifest's other pods as stored (not the one in `world.pod`), in document order. */
export function otherSlotPods(world: World): Pod[] {
  const out: Pod[] = []
  for (const s of world.podSlots ?? []) if (s?.pod) out.push(s.pod)
  return out
}

/** Every pod the manifest created, in document order (call it at rest, as frames are). */
export function allSlotPods(world: World): Pod[] {
  const slots = world.podSlots ?? []
  const primary = world.primarySlot ?? 0
  const out: Pod[] = []
  for (let i = 0; i < Math.max(slots.length, primary + 1); i++) {
    const p = i === primary ? world.pod : (slots[i]?.pod ?? null)
    if (p) out.push(p)
  }
  return out
}

/**
 * The slot holding the manifest pod `namespace/name` when it is not the pod in `world.pod`, or null.
 * `current` is the slot being handled: its index in `podSlots` holds the primary slot during the swap.
 */
export function slotOfPod(world: World, current: number, namespace: string, name: string): number | null {
  const slots = world.podSlots ?? []
  for (let i = 0; i < slots.length; i++) {
    const p = slots[i]?.pod
    if (p && p.metadata.name === name && (p.metadata.namespace ?? 'default') === namespace)
      return i === current ? (world.primarySlot ?? 0) : i
  }
  return null
}

/** The document indices of the manifest's stored pods, while a step about slot `current` runs. */
export function podSlotIndices(world: World, current: number): number[] {
  const primary = world.primarySlot ?? 0
  const out: number[] = []
  if (world.pod) out.push(current)
  ;(world.podSlots ?? []).forEach((s, i) => {
    if (s?.pod) out.push(i === current ? primary : i)
  })
  return out.sort((a, b) => a - b)
}

/**
 * `next` with `prev`'s podSlots array when they hold the same state for every pod, so frames in which
 * no other pod changed share one array instead of each holding a copy of all of them (issue 12).
 * Each step about pod k rebuilds the array when it swaps k in and out (swapSlot); this undoes the copy.
 */
export function sharePodSlots(next: World, prev: World): World {
  const a = next.podSlots
  const b = prev.podSlots
  if (!a || !b || a === b || a.length !== b.length) return next
  for (let i = 0; i < a.length; i++) if (!isSameSlot(a[i], b[i])) return next
  return { ...next, podSlots: b }
}

function isSameSlot(a: PodSlot | undefined, b: PodSlot | undefined): boolean {
  if (a === b) return true
  if (!a || !b) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  return (
    ka.length === kb.length &&
    ka.every((k, i) => k === kb[i] && a[k as keyof PodSlot] === b[k as keyof PodSlot])
  )
}
