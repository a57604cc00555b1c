/**
 * Docker image reference normalisation as containerd applies it
 * (github.com/distribution/reference ParseNormalizedNamed): a bare name is a
 * Docker Hub "library" repository, and a missing tag means `latest`.
 */
export interface ImageReference {
  /** e.g. docker.io/library/nginx */
  readonly repository: string
  readonly tag: string | null
  readonly digest: string | null
  /** The fully qualified reference, e.g. docker.io/library/nginx:1.27 */
  readonly normalized: string
}

const NAME_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const TAG = /^[\w][\w.-]{0,127}$/

export function parseImageReference(image: string): ImageReference | undefined {
  let rest = image
  let digest: string | null = null
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!/^sha256:[a-f0-9]{64}$/.test(digest)) return undefined
  }
  let tag: string | null = null
  const lastColon = rest.lastIndexOf(':')
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1)
    rest = rest.slice(0, lastColon)
    if (!TAG.test(tag)) return undefined
  }
  const parts = rest.split('/')
  let domain = 'docker.io'
  const first = parts[0] ?? ''
  // splitDockerDomain: a first component with '.', ':', upper case, or "localhost" is a registry host.
  if (
    parts.length > 1 &&
    (first.includes('.') || first.includes(':') || first === 'localhost' || first.toLowerCase() !== first)
  ) {
    domain = first === 'index.docker.io' ? 'docker.io' : first
    parts.shift()
  }
  if (domain === 'docker.io' && parts.length === 1) parts.unshift('library')
  if (parts.length === 0 || !parts.every((p) => NAME_COMPONENT.test(p))) return undefined
  const repository = `${domain}/${parts.join('/')}`
  if (tag === null && digest === null) tag = 'latest'
  const normalized = repository + (tag !== null ? `:${tag}` : '') + (digest !== null ? `@${digest}` : '')
  return { repository, tag, digest, normalized }
}
