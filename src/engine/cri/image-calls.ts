/**
 * containerd's image calls: ImageStatus looks in the node's image store, PullImage fetches from the
 * registry and adds the image to the store, or returns the registry's error to the kubelet.
 * Upstream: containerd internal/cri/server (image_status.go, image_pull.go)
 */
import type { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import type { NodeRuntime } from '../protocol/world'
import type { CriMessage } from '../protocol/cri'
import { parseImageReference } from '../model/image-reference'
import { findImage } from '../registry/registry'
import { setNode } from './runtime-state'
import { CALL_MS, emitCall, reply } from './cri-server'

/** ImageStatus: whether the image is in the node's store (the kubelet pulls when it is not). */
export function imageStatus(
  w: StepWriter,
  ctx: SimContext,
  nodeName: string,
  node: NodeRuntime,
  call: CriMessage,
): void {
  const image = String((call.request as { image?: { image?: string } }).image?.image ?? '')
  const ref = parseImageReference(image)?.normalized ?? image
  const present = node.images.includes(ref)
  const found = findImage(ctx.cluster.registry, image)
  const response = present
    ? { image: { id: `sha256:${'0'.repeat(64)}`, repo_tags: [ref], size: found?.sizeBytes ?? 0 } }
    : { image: null }
  emitCall(
    w,
    nodeName,
    call,
    response,
    present ? `containerd already has ${ref} in its image store.` : `containerd does not have ${ref} yet.`,
  )
  reply(w, CALL_MS['ImageStatus']!, nodeName, call, response)
}

/** PullImage: containerd asks the registry; the answer comes back as pulled or pull-failed. */
export function pullImage(w: StepWriter, nodeName: string, call: CriMessage): void {
  const image = String((call.request as { image?: { image?: string } }).image?.image ?? '')
  emitCall(
    w,
    nodeName,
    call,
    { image_ref: parseImageReference(image)?.normalized ?? image },
    `The kubelet asks containerd to pull ${image}.`,
  )
  w.send(3, { to: 'registry', type: 'pull', node: nodeName, call, reference: image })
}

/** The registry served the image: it joins the node's store and PullImage answers with its reference. */
export function pulled(w: StepWriter, nodeName: string, call: CriMessage): void {
  const node = w.world.nodes[nodeName]!
  const image = String((call.request as { image?: { image?: string } }).image?.image ?? '')
  const ref = parseImageReference(image)?.normalized ?? image
  w.update(
    setNode(w, nodeName, {
      ...node,
      images: node.images.includes(ref) ? node.images : [...node.images, ref],
    }),
  )
  reply(w, 1, nodeName, call, { image_ref: ref })
}

/** The registry refused or could not serve the pull: containerd returns its error to the kubelet. */
export function pullFailed(w: StepWriter, nodeName: string, call: CriMessage, error: string): void {
  emitCall(w, nodeName, call, { error }, `The pull fails; containerd returns the error to the kubelet.`)
  w.send(1, {
    to: 'kubelet',
    type: 'cri-reply',
    node: nodeName,
    reply: {
      call: 'PullImage',
      pod: call.pod,
      container: call.container,
      response: {},
      error,
    },
  })
}
