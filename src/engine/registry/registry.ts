/**
 * The image registry: serves manifests and layers for the repositories and
 * tags it holds. Pull time grows with the image size.
 */
import type { Step } from '../protocol/step'
import { StepWriter } from '../protocol/step'
import type { SimContext } from '../protocol/context'
import type { World } from '../protocol/world'
import type { Message } from '../protocol/messages'
import { parseImageReference } from '../model/image-reference'
import type { RegistryRepository } from '../model/image-catalog'
import { resolvePull } from './pull'

type RegistryMessage = Extract<Message, { to: 'registry' }>

/** Round trips for token, manifest and config, then layers at ~40 MB/s. */
const PULL_LATENCY_MS = 420
const BYTES_PER_MS = 40_000

export function pullDurationMs(sizeBytes: number): number {
  return PULL_LATENCY_MS + Math.round(sizeBytes / BYTES_PER_MS)
}

/**
 * The image a reference names in the registry: its size, its full reference and its config's `User`
 * ("" when the image has none, i.e. root; see model/image-catalog.ts).
 */
export function findImage(
  registry: readonly RegistryRepository[],
  image: string,
): { sizeBytes: number; reference: string; user: string } | null {
  const ref = parseImageReference(image)
  if (!ref) return null
  const repo = registry.find((r) => r.name === ref.repository)
  const tag = repo?.tags[ref.tag ?? 'latest']
  if (!repo || !tag) return null
  return { sizeBytes: tag.sizeBytes, reference: ref.normalized, user: tag.user ?? '' }
}

/** The image as the pod spec names it (`nginx:1.27`), which containerd normalises before pulling. */
function specImage(msg: RegistryMessage): string {
  const { pod, container } = msg.call
  const c = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find((x) => x.name === container)
  return c?.image ?? msg.reference
}

/**
 * What containerd fetches: a short name is resolved to its full reference first (docker.io and
 * library/ are implied; containerd's reference/docker ParseNormalizedNamed), a full one is not.
 */
export function pullNarration(image: string, reference: string, host: string): string {
  return image === reference
    ? `containerd downloads the manifest and layers of ${reference} from ${host}`
    : `containerd resolves ${image} to ${reference} and downloads its manifest and layers from ${host}`
}

/** Token, then a manifest HEAD that fails: a failed resolve is quick. */
const FAILED_RESOLVE_MS = 310

export function registryStep(world: World, msg: RegistryMessage, ctx: SimContext): Step {
  const w = new StepWriter(world, ctx.about)
  const server = (msg.call.request as { auth?: { server_address?: string } }).auth?.server_address
  const pull = resolvePull(ctx.cluster.registry, msg.reference, server ? [server] : [])
  if (!pull.ok) {
    const host = pull.reference.split('/')[0] ?? ''
    w.emit({
      kind: 'registry.pull',
      component: 'registry',
      from: 'containerd',
      to: 'registry',
      stage: 'containers',
      summary: `pull ${pull.reference} failed`,
      narration: `containerd asks ${host} for ${pull.reference} and is refused: ${pull.why}.`,
      payload: { image: msg.reference, reference: pull.reference, sizeBytes: 0, ms: FAILED_RESOLVE_MS },
    })
    w.send(FAILED_RESOLVE_MS, {
      to: 'containerd',
      type: 'pull-failed',
      node: msg.node,
      call: msg.call,
      error: pull.error,
    })
    return w.done()
  }
  const found = { sizeBytes: pull.sizeBytes, reference: pull.reference }
  const ms = pullDurationMs(found.sizeBytes)
  const host = found.reference.split('/')[0] ?? ''
  w.emit({
    kind: 'registry.pull',
    component: 'registry',
    from: 'containerd',
    to: 'registry',
    stage: 'containers',
    summary: `pull ${found.reference} (${(found.sizeBytes / 1e6).toFixed(1)} MB)`,
    narration: `${pullNarration(specImage(msg), found.reference, host)} (${(found.sizeBytes / 1e6).toFixed(1)} MB, about ${(ms / 1000).toFixed(1)} s here), then unpacks them.`,
    payload: { image: msg.reference, reference: found.reference, sizeBytes: found.sizeBytes, ms },
  })
  w.send(ms, { to: 'containerd', type: 'pulled', node: msg.node, call: msg.call, sizeBytes: found.sizeBytes })
  return w.done()
}
