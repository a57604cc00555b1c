/**
 * Fixes for an image that does not pull (ErrImagePull, ImagePullBackOff): the repository the
 * simulated registry has that is closest to a misspelt name, a tag it has for a tag it does not, or
 * an existing pull secret with credentials for a private registry.
 *
 * What the registry holds is the run's own catalog (timeline.cluster.registry: the default catalog and
 * the cluster file's Registry objects); the pull verdict is the registry's own (registry/pull.ts,
 * after containerd's resolver: core/remotes/docker/resolver.go).
 */
import type { Pod } from '../model/objects'
import { parseImageReference } from '../model/image-reference'
import type { RegistryRepository } from '../model/image-catalog'
import { resolvePull } from '../registry/pull'
import { pullSecretsFor } from '../kubelet/pull-secrets'
import { closest } from './string-distance'
import { containersOf, podChange, podNamespace, type FixContext, type FixFamily } from './fix-context'
import type { Candidate } from './types'

/** The kubelet's waiting reasons for an image it could not get (pkg/kubelet/images/types.go). */
const PULL_REASONS = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName'])
/** How many edits a misspelt repository name may be away from a real one. */
const MAX_NAME_EDITS = 3

/** The name as people write it: `nginx` for docker.io/library/nginx, `polinux/stress` for docker.io/polinux/stress. */
function familiar(repository: string, asWritten: string): string {
  if (asWritten.startsWith('docker.io/')) return repository
  return repository.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '')
}

const tagsOf = (repo: RegistryRepository) => Object.keys(repo.tags)

/** The image the registry has that the user most likely meant, or null. */
function intended(
  image: string,
  registry: readonly RegistryRepository[],
): { image: string; what: string } | null {
  const ref = parseImageReference(image.toLowerCase())
  if (!ref) return null
  const byName = registry.find((r) => r.name === ref.repository)
  const tag = ref.tag ?? 'latest'
  if (byName) {
    if (byName.tags[tag]) return null
    const other = closest(tag, tagsOf(byName), Infinity)
    return other
      ? {
          image: `${familiar(byName.name, image)}:${other}`,
          what: `a tag the registry has (it has no ${tag})`,
        }
      : null
  }
  const name = closest(
    ref.repository,
    registry.map((r) => r.name),
    MAX_NAME_EDITS,
  )
  const repo = registry.find((r) => r.name === name)
  if (!repo) return null
  const newTag = repo.tags[tag] ? tag : closest(tag, tagsOf(repo), Infinity)
  if (!newTag) return null
  return {
    image: `${familiar(repo.name, image)}:${newTag}`,
    what: `the registry has no ${familiar(ref.repository, image)}`,
  }
}

/** The most specific clause of containerd's pull error: what the registry answered. */
function pullError(message: string): string {
  const i = message.lastIndexOf('failed to resolve image: ')
  return i >= 0 ? message.slice(i + 'failed to resolve image: '.length) : message
}

interface WaitingStatus {
  readonly name: string
  readonly state?: { readonly waiting?: { readonly reason?: string; readonly message?: string } }
}

function imageFixes(ctx: FixContext): Candidate[] {
  const pod = ctx.pod
  if (!pod) return []
  const statuses = [
    ...((pod.status?.['initContainerStatuses'] ?? []) as readonly WaitingStatus[]),
    ...((pod.status?.containerStatuses ?? []) as unknown as readonly WaitingStatus[]),
  ]
  const registry = ctx.timeline.cluster.registry
  const out: Candidate[] = []
  for (const { container, path } of containersOf(pod)) {
    const waiting = statuses.find((s) => s.name === container.name)?.state?.waiting
    if (!waiting?.reason || !PULL_REASONS.has(waiting.reason) || !container.image) continue
    const image = container.image
    const hosts = pullSecretsFor(ctx.timeline.cluster, pod).hosts
    const pull = resolvePull(registry, image, hosts)
    if (pull.ok) continue
    const warning = ctx.warnings.find((w) => w.message.startsWith(`Failed to pull image "${image}"`))
    const why = `The kubelet could not pull "${image}" (${waiting.reason}): "${pullError(warning?.message ?? waiting.message ?? pull.error)}".`
    const meant = intended(image, registry)
    if (meant) {
      const change = podChange(ctx, (e) => e.set([...path, 'image'], meant.image))
      if (change)
        out.push({
          id: `image:${container.name}:${meant.image}`,
          title: `Use image ${meant.image}, ${meant.what}`,
          why,
          change,
        })
      continue
    }
    // A private repository: a dockerconfigjson Secret of the namespace that has credentials for its host.
    const host = parseImageReference(image)?.repository.split('/')[0] ?? ''
    const ns = podNamespace(ctx)
    const secret = (ctx.timeline.cluster.objects['Secret'] ?? []).find((s) => {
      if ((s.metadata.namespace ?? 'default') !== ns) return false
      const probe: Pod = { ...pod, spec: { ...pod.spec, imagePullSecrets: [{ name: s.metadata.name }] } }
      return pullSecretsFor(ctx.timeline.cluster, probe).hosts.includes(host)
    })
    const name = secret?.metadata.name
    const change = name ? podChange(ctx, (e) => e.append(['spec', 'imagePullSecrets'], { name })) : null
    if (name && change)
      out.push({
        id: `image:pull-secret:${name}`,
        title: `Pull with the Secret ${name} (imagePullSecrets)`,
        why,
        change,
      })
  }
  return out
}

export const ImageFixes: FixFamily = { name: 'ImagePull', candidates: imageFixes }
