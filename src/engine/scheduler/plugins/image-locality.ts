/**
 * ImageLocality favours nodes that already hold the pod's images, scaled by
 * how widely each image is spread, between 23 MB and 1000 MB per container.
 * Upstream: pkg/scheduler/framework/plugins/imagelocality/image_locality.go
 */
import type { ScorePlugin } from '../framework/types'
import { SUCCESS, MAX_NODE_SCORE as MAX_NODE_SCORE_ } from '../framework/types'
import { normalizedImage } from '../framework/node-info'

// Module-local copies: the hot path reads them for every node, and where modules are compiled
// to CommonJS (tsx, the benchmark) every read of an imported binding is a getter call.
const MAX_NODE_SCORE = MAX_NODE_SCORE_

const MB = 1024 * 1024
const MIN_THRESHOLD = 23 * MB
const MAX_CONTAINER_THRESHOLD = 1000 * MB

export interface ImageLocalityState {
  /** Each container's normalised image name and its spread (nodes holding it / all nodes). */
  readonly images: readonly { readonly name: string; readonly spread: number }[]
  readonly maxThreshold: number
}

export const ImageLocality: ScorePlugin<ImageLocalityState> = {
  name: 'ImageLocality',
  // The per-pod part (names, spread) once per cycle rather than once per node.
  preScore(pod, _nodes, ctx) {
    const containers = [...(pod.spec.initContainers ?? []), ...pod.spec.containers]
    const images = containers.map((c) => {
      const name = normalizedImage(c.image ?? '')
      return { name, spread: (ctx.imageNodeCounts.get(name) ?? 0) / ctx.totalNodes }
    })
    return { status: SUCCESS, state: { images, maxThreshold: MAX_CONTAINER_THRESHOLD * containers.length } }
  },
  score(_pod, node, state) {
    let sum = 0
    for (const img of state.images) {
      const size = node.images.get(img.name)
      if (size !== undefined) sum += Math.trunc(size * img.spread)
    }
    const max = state.maxThreshold
    const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), max)
    return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (max - MIN_THRESHOLD))
  },
}
