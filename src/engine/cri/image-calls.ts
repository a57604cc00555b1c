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
import { findContainer } from '../kubelet/status'
import { requiresNonRoot } from '../kubelet/run-as-non-root'
import { setNode } from './runtime-state'
import { CALL_MS, emitCall, reply } from './cri-server'

/** CRI Image.uid / Image.username: which of the two an image's config User gives. */
export interface ImageUser {
  /** The numeric user (Int64Value), when the config's user part is a number. */
  readonly uid?: number
  /** The user name, when it is not a number; "" when the image has no user. */
  readonly username: string
}

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n

/**
 * containerd's getUserFromImage: no user gives neither; `user:group` keeps the user; a number
 * (strconv.ParseInt base 10, 64 bits) is a uid, anything else a user name.
 * Upstream: containerd internal/cri/server/images/image_status.go (toCRIImage, getUserFromImage)
 */
export function userFromImage(configUser: string): ImageUser {
  if (configUser === '') return { username: '' }
  const user = configUser.split(':')[0] ?? ''
  if (/^[+-]?\d+$/.test(user)) {
    const n = BigInt(user)
    if (n >= INT64_MIN && n <= INT64_MAX) return { uid: Number(n), username: '' }
  }
  return { username: user }
}

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
  // The image's user as toCRIImage reports it (an empty username is left out, as protobuf JSON does).
  const user = userFromImage(found?.user ?? '')
  const response = present
    ? {
        image: {
          id: `sha256:${'0'.repeat(64)}`,
          repo_tags: [ref],
          size: found?.sizeBytes ?? 0,
          ...(user.uid !== undefined ? { uid: { value: user.uid } } : {}),
          ...(user.username ? { username: user.username } : {}),
        },
      }
    : { image: null }
  emitCall(
    w,
    nodeName,
    call,
    response,
    present
      ? `containerd already has ${ref} in its image store.${asksForUser(call) ? ` ${userSentence(found?.user ?? '', user)}` : ''}`
      : `containerd does not have ${ref} yet.`,
  )
  reply(w, CALL_MS['ImageStatus']!, nodeName, call, response)
}

/** The kubelet reads the image's user from this answer only for a container under runAsNonRoot. */
function asksForUser(call: CriMessage): boolean {
  const found = call.container ? findContainer(call.pod, call.container) : undefined
  return found !== undefined && requiresNonRoot(call.pod, found.c)
}

function userSentence(configUser: string, user: ImageUser): string {
  if (configUser === '')
    return 'Its config sets no USER, so it runs as root: the answer has neither uid nor username.'
  return user.uid !== undefined
    ? `Its config's USER is ${configUser}: the answer carries uid ${user.uid}.`
    : `Its config's USER is ${configUser}, a name: the answer carries username ${user.username}.`
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
