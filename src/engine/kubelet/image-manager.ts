/**
 * EnsureImageExists: the pull policy decides whether to pull; a present image is used, a missing one
 * is pulled through containerd, and a failed pull backs off per pod and image (10s, doubling up to 5
 * minutes).
 * Upstream: pkg/kubelet/images/image_manager.go (EnsureImageExists), images/helpers.go
 */
import type { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import type { Json } from '../protocol/events'
import type { Container, Pod } from '../model/objects'
import { parseImageReference, parseNormalizedNamed } from '../model/image-reference'
import { findContainer } from './status'
import { formatBackoff, isInBackOffSinceUpdate, nextBackoff } from './backoff'
import { pullSecretsFor } from './pull-secrets'
import * as M from './kubelet-messages'
import { setWaiting, setWs, ws } from './worker-state'
import { cri } from './cri-client'
import { recordEvent } from './event-recorder'
import { createContainer } from './container-start'
import type { SyncLoop } from './sync-loop'

function pullPolicy(c: Container): string {
  if (c.imagePullPolicy) return c.imagePullPolicy
  // As SetDefaults_Container: an image that does not parse has no tag, hence IfNotPresent.
  return parseImageReference(c.image ?? '')?.tag === 'latest' ? 'Always' : 'IfNotPresent'
}

export function ensureImage(
  w: StepWriter,
  ctx: SimContext,
  node: string,
  name: string,
  loop: SyncLoop,
): void {
  const pod = w.pod!
  const c = findContainer(pod, name)!.c
  const image = c.image ?? ''
  const parsed = parseNormalizedNamed(image)
  if (!parsed.ok) {
    const msg = M.MSG_INVALID_IMAGE(image, parsed.error)
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      M.EVENT.InspectFailed,
      msg,
      `"${image}" is not an image reference the kubelet can parse (${parsed.error}), so it never asks containerd for it: no pull is attempted.`,
    )
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      M.EVENT.Failed,
      M.MSG_ERROR(M.INVALID_IMAGE_NAME),
      `The container waits with reason InvalidImageName until the pod is fixed.`,
    )
    setWaiting(w, name, { reason: M.INVALID_IMAGE_NAME, message: msg })
    // SyncPod returns the error; the pod worker tries again after its back-off, with the same events.
    setWs(w, { syncError: M.INVALID_IMAGE_NAME })
    return loop.containerFailed(w, ctx, node, name)
  }
  // The kubelet only appends :latest (applyDefaultImageTag); containerd normalises the rest.
  const ref = parsed.ref
  const withTag = ref.digest === null && !image.endsWith(`:${ref.tag}`) ? `${image}:${ref.tag}` : image
  cri(w, 1, node, { call: 'ImageStatus', pod, container: name, request: { image: { image: withTag } } })
}

function backoffKey(pod: Pod, image: string): string {
  return `${pod.metadata.uid ?? ''}_${image}`
}

export function onImageStatus(
  w: StepWriter,
  ctx: SimContext,
  node: string,
  pod: Pod,
  c: Container,
  present: boolean,
  loop: SyncLoop,
): void {
  const image = c.image ?? ''
  const policy = pullPolicy(c)
  if (policy === 'Never' || (present && policy !== 'Always')) {
    if (present) {
      recordEvent(
        w,
        node,
        pod,
        'Normal',
        M.EVENT.Pulled,
        M.MSG_ALREADY_PRESENT(image),
        `The image is already on ${node} and imagePullPolicy is ${policy}, so nothing is downloaded.`,
      )
      return createContainer(w, ctx, node, pod, c, loop)
    }
    const msg = M.MSG_NEVER_PULL(image)
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      M.EVENT.ErrImageNeverPull,
      msg,
      `imagePullPolicy is Never and ${image} is not on ${node}, so the kubelet will not pull it; the container cannot start.`,
    )
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      M.EVENT.Failed,
      M.MSG_ERROR(M.ERR_IMAGE_NEVER_PULL),
      'The container waits with reason ErrImageNeverPull.',
    )
    setWaiting(w, c.name, { reason: M.ERR_IMAGE_NEVER_PULL, message: msg })
    setWs(w, { syncError: M.ERR_IMAGE_NEVER_PULL })
    return loop.containerFailed(w, ctx, node, c.name)
  }
  const key = backoffKey(pod, image)
  const s = ws(w)
  if (isInBackOffSinceUpdate(s.imageBackoff[key], ctx.at)) {
    const window = s.imageBackoff[key]!.backoffMs
    recordEvent(
      w,
      node,
      pod,
      'Normal',
      M.EVENT.BackOff,
      M.MSG_BACKOFF_PULL(image),
      `The last pull of ${image} failed less than ${formatBackoff(window)} ago, so the kubelet does not try again yet (image pulls back off 10s, doubling up to 5 minutes).`,
    )
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      M.EVENT.Failed,
      M.MSG_ERROR(M.IMAGE_PULL_BACKOFF),
      'The container waits with reason ImagePullBackOff; its message repeats the last pull error.',
    )
    setWaiting(w, c.name, {
      reason: M.IMAGE_PULL_BACKOFF,
      message: M.MSG_BACKOFF_PULL_WAITING(image, s.prevPullErr[key] ?? ''),
    })
    w.send(Math.max(1, s.imageBackoff[key]!.lastUpdate + window - ctx.at), {
      to: 'kubelet',
      type: 'sync',
      node,
      pod,
      reason: 'image pull back-off expired',
    })
    return loop.containerFailed(w, ctx, node, c.name)
  }
  recordEvent(
    w,
    node,
    pod,
    'Normal',
    M.EVENT.Pulling,
    M.MSG_PULLING(image),
    `${image} is not on ${node} yet (or imagePullPolicy is Always), so the kubelet asks containerd to pull it.`,
  )
  w.updateRecord({ pullStartedAt: { ...(w.record?.pullStartedAt ?? {}), [`${node}/${c.name}`]: ctx.at } })
  const host = parseImageReference(image)?.repository.split('/')[0] ?? ''
  const secrets = pullSecretsFor(ctx.cluster, pod)
  const auth: Record<string, Json> = secrets.hosts.includes(host) ? { auth: { server_address: host } } : {}
  cri(w, 1, node, {
    call: 'PullImage',
    pod,
    container: c.name,
    request: { image: { image: parseImageReference(image)?.normalized ?? image }, ...auth },
  })
}

export function onPulled(
  w: StepWriter,
  ctx: SimContext,
  node: string,
  pod: Pod,
  c: Container,
  error: string | undefined,
  loop: SyncLoop,
): void {
  const image = c.image ?? ''
  const key = backoffKey(pod, image)
  if (error) {
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      M.EVENT.Failed,
      M.MSG_FAILED_PULL(image, error),
      `containerd could not pull ${image}. A typo in the name or tag, a private repository without an imagePullSecret, or a registry that is down all end here.`,
    )
    const s = ws(w)
    setWs(w, {
      imageBackoff: { ...s.imageBackoff, [key]: nextBackoff(s.imageBackoff[key], ctx.at) },
      prevPullErr: { ...s.prevPullErr, [key]: `${M.ERR_IMAGE_PULL}: ${error}` },
      pullFailed: true,
    })
    recordEvent(
      w,
      node,
      pod,
      'Warning',
      M.EVENT.Failed,
      M.MSG_ERROR(M.ERR_IMAGE_PULL),
      'The container waits with reason ErrImagePull; the next attempt backs off (10s, doubling up to 5 minutes).',
    )
    setWaiting(w, c.name, { reason: M.ERR_IMAGE_PULL, message: error })
    return loop.containerFailed(w, ctx, node, c.name)
  }
  const started = w.record?.pullStartedAt?.[`${node}/${c.name}`] ?? ctx.at
  const took = Math.trunc(ctx.at - started)
  recordEvent(
    w,
    node,
    pod,
    'Normal',
    M.EVENT.Pulled,
    M.MSG_PULLED(image, took, took, sizeOfPulled(ctx, image)),
    `The image is pulled and unpacked; it stays in containerd's store on ${node} for the next pod that needs it.`,
  )
  createContainer(w, ctx, node, pod, c, loop)
}

function sizeOfPulled(ctx: SimContext, image: string): number {
  const ref = parseImageReference(image)
  const repo = ctx.cluster.registry.find((r) => r.name === ref?.repository)
  return repo?.tags[ref?.tag ?? 'latest']?.sizeBytes ?? 0
}
