/**
 * What a pull of one image reference gives against the simulated registries,
 * and the exact error text containerd 2.1 reports over CRI when it fails.
 *
 * containerd 2.1+ pulls through the transfer service by default (it falls back
 * to the local client only for legacy registry settings), so resolve errors are
 * wrapped as "failed to resolve image". Upstream (containerd v2.1.4):
 * internal/cri/server/images/image_pull.go ("failed to pull and unpack image %q: %w"),
 * core/transfer/local/pull.go ("failed to resolve image: %w"),
 * core/remotes/docker/resolver.go ("%s: not found"; "pull access denied, repository does not exist or may require authorization: %w"),
 * core/remotes/docker/authorizer.go ("server message: %s: %w", ErrInvalidAuthorization = "authorization failed").
 * The gRPC code comes from errdefs: NotFound for ErrNotFound, Unknown otherwise.
 */
import type { RegistryRepository } from '../model/image-catalog'
import { parseImageReference } from '../model/image-reference'

export type PullResult =
  | { readonly ok: true; readonly reference: string; readonly sizeBytes: number }
  | { readonly ok: false; readonly reference: string; readonly error: string; readonly why: string }

export const PULL_NOT_FOUND = (ref: string): string =>
  `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve image: ${ref}: not found`
export const PULL_ACCESS_DENIED = (ref: string): string =>
  `rpc error: code = Unknown desc = failed to pull and unpack image "${ref}": failed to resolve image: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`

/**
 * `credentialHosts`: registry hosts the pod's imagePullSecrets hold credentials for.
 * Docker Hub answers 401 insufficient_scope both for a private repository without
 * credentials and for a repository that does not exist; other registries answer 404
 * for an unknown repository. An unknown tag is a 404 everywhere.
 */
export function resolvePull(
  registry: readonly RegistryRepository[],
  image: string,
  credentialHosts: readonly string[],
): PullResult {
  const ref = parseImageReference(image)
  const reference = ref?.normalized ?? image
  if (!ref) return { ok: false, reference, error: PULL_NOT_FOUND(reference), why: 'invalid reference' }
  const host = ref.repository.split('/')[0] ?? ''
  const repo = registry.find((r) => r.name === ref.repository)
  const denied = (why: string): PullResult =>
    host === 'docker.io'
      ? { ok: false, reference, error: PULL_ACCESS_DENIED(reference), why }
      : { ok: false, reference, error: PULL_NOT_FOUND(reference), why }
  if (!repo) return denied(`${ref.repository} does not exist`)
  if (repo.private && !credentialHosts.includes(host))
    return {
      ok: false,
      reference,
      error: PULL_ACCESS_DENIED(reference),
      why: `${ref.repository} is private and the pod has no imagePullSecret with credentials for ${host}`,
    }
  const tag = ref.tag ?? 'latest'
  const t = repo.tags[tag]
  if (!t && !ref.digest)
    return {
      ok: false,
      reference,
      error: PULL_NOT_FOUND(reference),
      why: `${ref.repository} has no tag ${tag}`,
    }
  return { ok: true, reference, sizeBytes: t?.sizeBytes ?? Object.values(repo.tags)[0]?.sizeBytes ?? 0 }
}
