/**
 * Every pod the run created, keyed by `namespace/name`, each with what the components remember about
 * it (the kubelet's pod worker, the scheduling queue's entry). A manifest may hold several Pods (`---`
 * documents or a List); kubectl creates them one after the other and each lives its own life. Steps do
 * not know about "the pod": a queued message says what it is about (`About`, carried by the delivery),
 * and the step reads and writes that pod's record through its StepWriter (protocol/step.ts).
 *
 * The Pod itself is not in the record: etcd holds it (`podOf` reads it from the store), so it lives in
 * one place. Records are born in one place, etcd/write-pod.ts, when the apiserver first stores a pod. That is
 * generic: a pod a controller creates at run time (generateName, so its key is known only once the
 * apiserver names it) gets its record there like a manifest pod, without a `doc`.
 */
import type { Pod } from '../model/objects'
import type { PodWorkerState } from '../kubelet/pod-state'
import type { SchedulerQueueState, World } from './world'

/** `namespace/name`, as kubelet/status.ts podKeyOf and the runtime's `pod` fields spell it. */
export type PodKey = string

export interface PodRecord {
  /** The manifest document that created it (SimEvent.slot, the report's order); absent for a pod a controller made. */
  readonly doc?: number
  /** The kubelet's memory of the pod between syncs (restart back-off, reason cache, probes). */
  readonly worker?: PodWorkerState
  /** The scheduling queue's memory of the pod: failed attempts, the last failure, the retry that counts. */
  readonly queue?: SchedulerQueueState
  /** When the kubelet asked for each image pull (`node/container` → virtual ms), to time the Pulled event. */
  readonly pullStartedAt?: Readonly<Record<string, number>>
}

/**
 * What a queued message is about: the pod's key once the pod exists, and the manifest document it
 * came from (kubectl's requests for a document name only the document: the pod does not exist yet).
 */
export interface About {
  readonly doc?: number
  readonly pod?: PodKey
}

export function keyOfPod(pod: Pod): PodKey {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`
}

/** The pod `key` as etcd holds it at this instant, or null when it is not stored (or was deleted). */
export function podOf(world: World, key: PodKey | undefined): Pod | null {
  if (key === undefined) return null
  return (world.etcd.keys[`/registry/pods/${key}`]?.object as Pod | undefined) ?? null
}

/**
 * `about` completed from the world: the pod of its document once that exists, and the document of its
 * pod. The runner calls it before each step, so a message sent about a document before its pod was
 * stored (kubectl's, the apiserver's answers to it) reaches that pod's record.
 */
export function resolveAbout(world: World, about: About): About {
  if (about.pod !== undefined) {
    const doc = world.pods[about.pod]?.doc
    return about.doc !== undefined || doc === undefined ? about : { ...about, doc }
  }
  if (about.doc === undefined) return about
  for (const key of world.podOrder) if (world.pods[key]!.doc === about.doc) return { ...about, pod: key }
  return about
}

/** The world with `key`'s record set; a new key goes last in creation order. */
export function putPodRecord(world: World, key: PodKey, record: PodRecord): World {
  const known = key in world.pods
  return {
    ...world,
    pods: { ...world.pods, [key]: record },
    ...(known ? {} : { podOrder: [...world.podOrder, key] }),
  }
}

/** Every record in creation order (for the manifest's pods, document order: kubectl sends them in turn). */
export function podRecords(world: World): PodRecord[] {
  return world.podOrder.map((k) => world.pods[k]!)
}

/** Every pod the run created that etcd still holds, in creation order. */
export function allPods(world: World): Pod[] {
  return world.podOrder.flatMap((k) => podOf(world, k) ?? [])
}

/** The run's pods other than `key`'s, in creation order. */
export function otherPods(world: World, key: PodKey | undefined): Pod[] {
  return world.podOrder.flatMap((k) => (k === key ? [] : (podOf(world, k) ?? [])))
}

/**
 * The key of the first Pod document of the manifest: the pod the app shows and tells the story of. A
 * manifest without a Pod document (a Deployment) tells the story of the first pod the run created.
 */
export function storyKey(world: World): PodKey | undefined {
  const doc = world.primaryDoc ?? 0
  const key = world.podOrder.find((k) => world.pods[k]!.doc === doc)
  if (key !== undefined) return key
  const first = world.podOrder[0]
  return first !== undefined && world.pods[first]!.doc === undefined ? first : undefined
}

/** The record of the story pod (storyKey). */
export function storyRecord(world: World): PodRecord | undefined {
  const key = storyKey(world)
  return key === undefined ? undefined : world.pods[key]
}

/** The pod the app shows: the manifest's first Pod document as stored, or null before it exists. */
export function storyPod(world: World): Pod | null {
  return podOf(world, storyKey(world))
}
