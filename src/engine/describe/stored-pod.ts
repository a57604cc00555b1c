/**
 * A pod as the apiserver would return it at a frame of the timeline, by namespace and name, whichever
 * part of the world holds it: the manifest's pods live in the frame (`pod` and `podSlots`), the cluster
 * file's pods in `timeline.cluster`, with a graceful deletion read from the frame's etcd (etcd/objects.ts podDeletions)
 * (apiserver/delete.ts stores them with deletionTimestamp and deletionGracePeriodSeconds set, as
 * staging/src/k8s.io/apiserver/pkg/registry/rest/delete.go BeforeDelete does, then removes them).
 */
import { podDeletions } from '../etcd/objects'
import type { Pod } from '../model/objects'
import { allPods } from '../protocol/pods'
import type { Timeline } from '../protocol/timeline'
import type { World } from '../protocol/world'
import { applyPodDefaults } from '../apiserver/defaulting'

export interface PodRef {
  readonly namespace: string
  readonly name: string
}

const isPod = (pod: Pod, ref: PodRef): boolean =>
  pod.metadata.name === ref.name && (pod.metadata.namespace ?? 'default') === ref.namespace

/** The world at frame `index` (-1: before the first event). */
export function worldAt(timeline: Timeline, index: number): World {
  return index < 0 ? timeline.initial : timeline.frames[index]!
}

/**
 * A cluster-file pod as the apiserver returns it: decoding from storage applies the defaulters, so a
 * pod written without them reads back with them (probe thresholds, defaultMode, …). Cached per pod:
 * a cluster may hold 150,000 pods and only the ones looked at are defaulted.
 */
const defaultedPods = new WeakMap<Pod, Pod>()
function asRead(pod: Pod): Pod {
  let d = defaultedPods.get(pod)
  if (!d) {
    d = applyPodDefaults(pod)
    defaultedPods.set(pod, d)
  }
  return d
}

/** The stored pod `ref` right after `timeline.events[index]` (-1: at Enter), or null when none is stored. */
export function storedPodAt(timeline: Timeline, index: number, ref: PodRef): Pod | null {
  const world = worldAt(timeline, index)
  const own = allPods(world).find((p) => isPod(p, ref))
  if (own) return own
  const found = timeline.cluster.pods.find((p) => isPod(p, ref))
  if (!found) return null
  const existing = asRead(found)
  const deleted = podDeletions(world.etcd)?.[`${ref.namespace}/${ref.name}`]
  if (!deleted) return existing
  if (deleted.state === 'Deleted') return null
  return {
    ...existing,
    metadata: {
      ...existing.metadata,
      deletionTimestamp: deleted.deletionTimestamp,
      deletionGracePeriodSeconds: Number(existing.spec['terminationGracePeriodSeconds'] ?? 30),
    },
  }
}
