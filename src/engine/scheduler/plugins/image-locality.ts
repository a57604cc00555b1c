/**
 * ImageLocality favours nodes that already hold the pod's images, scaled by
 * how widely each image is spread, between 23 MB and 1000 MB per container.
 * Upstream: pkg/scheduler/framework/plugins/imagelocality/image_locality.go
 */
import type { ScorePlugin } from '../framework/types'
import { MAX_NODE_SCORE } from '../framework/types'
import { normalizedImage } from '../framework/node-info'

const MB = 1024 * 1024
const MIN_THRESHOLD = 23 * MB
const MAX_CONTAINER_THRESHOLD = 1000 * MB

export const ImageLocality: ScorePlugin<void> = {
  name: 'ImageLocality',
  score(pod, node, _state, ctx) {
    let sum = 0
    const containers = [...(pod.spec.initContainers ?? []), ...pod.spec.containers]
    for (const c of containers) {
      const name = normalizedImage(c.image ?? '')
      const size = node.images.get(name)
      if (size === undefined) continue
      const spread = (ctx.imageNodeCounts.get(name) ?? 0) / ctx.totalNodes
      sum += Math.trunc(size * spread)
    }
    const maxThreshold = MAX_CONTAINER_THRESHOLD * containers.length
    const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), maxThreshold)
    return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD))
  },
}
