/**
 * Image references as github.com/distribution/reference v0.6.0 parses them (the version kubelet 1.34
 * vendors): ParseNormalizedNamed (normalize.go), which splits the Docker domain off, refuses an upper-case
 * repository, then hands `domain/remainder` to Parse (reference.go), whose grammar is regexp.go's
 * ReferenceRegexp. A bare name is a Docker Hub "library" repository; a missing tag means `latest`
 * (k8s.io/kubernetes pkg/util/parsers ParseImageName).
 *
 * Errors are values carrying upstream's exact texts, because the kubelet quotes them in its InspectFailed
 * event and the InvalidImageName waiting message. The grammar is checked by scanning rather than by one
 * expression: ReferenceRegexp's nested repetitions backtrack in V8 (Go's RE2 does not).
 */
export interface ImageReference {
  /** e.g. docker.io/library/nginx (Named.Name()) */
  readonly repository: string
  readonly tag: string | null
  readonly digest: string | null
  /** The fully qualified reference, e.g. docker.io/library/nginx:1.27 */
  readonly normalized: string
}

export type ImageParse =
  { readonly ok: true; readonly ref: ImageReference } | { readonly ok: false; readonly error: string }

// reference.go: the package's error values.
export const ERR_REFERENCE_INVALID_FORMAT = 'invalid reference format'
export const ERR_NAME_CONTAINS_UPPERCASE = 'repository name must be lowercase'
/** RepositoryNameTotalLengthMax is 255; v0.6.0 measures the path only, without the domain. */
export const REPOSITORY_NAME_TOTAL_LENGTH_MAX = 255
export const ERR_NAME_TOO_LONG = `repository name must not be more than ${REPOSITORY_NAME_TOTAL_LENGTH_MAX} characters`
// normalize.go ParseNormalizedNamed.
export const ERR_HEX_NAME = (s: string): string =>
  `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`
export const ERR_REMOTE_UPPERCASE = (remote: string): string =>
  `invalid reference format: repository name (${remote}) must be lowercase`
// github.com/opencontainers/go-digest v1.0.0 digest.go, which Parse calls for the digest part.
export const ERR_DIGEST_INVALID_FORMAT = 'invalid checksum digest format'
export const ERR_DIGEST_INVALID_LENGTH = 'invalid checksum digest length'
export const ERR_DIGEST_UNSUPPORTED = 'unsupported digest algorithm'

const DEFAULT_DOMAIN = 'docker.io'
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io'
const OFFICIAL_REPO_PREFIX = 'library/'

/** The kubelet links crypto/sha256 and crypto/sha512 (pkg/util/parsers imports both), so these are Available(). */
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 }

const ALNUM_LOWER = /^[a-z0-9]$/
const TAG = /^\w[\w.-]{0,127}$/
const HEX_64 = /^[a-f0-9]{64}$/
const LOWER_HEX = /^[a-f0-9]+$/
const HEX = /^[0-9a-fA-F]+$/
/** go-digest DigestRegexp: `[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+` (separators never repeat: linear). */
const GO_DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/
const DIGEST_ALGORITHM = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*$/
const DOMAIN_COMPONENT = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/
const IPV6 = /^\[[a-fA-F0-9:]+\]$/
const PORT = /^[0-9]+$/

/** regexp.go pathComponent: alphanumeric runs joined by `.`, `_`, `__` or any run of `-`. */
function isPathComponent(c: string): boolean {
  if (c === '' || !ALNUM_LOWER.test(c[0]!) || !ALNUM_LOWER.test(c[c.length - 1]!)) return false
  let sep = ''
  for (const ch of c) {
    if (ALNUM_LOWER.test(ch)) {
      if (sep !== '' && sep !== '.' && sep !== '_' && sep !== '__' && sep !== '-'.repeat(sep.length))
        return false
      sep = ''
    } else sep += ch
  }
  return true
}

const isRemoteName = (s: string): boolean => s.split('/').every(isPathComponent)

/** regexp.go domainAndPort: a domain name or a bracketed IPv6 address, then an optional `:port`. */
function isDomainAndPort(s: string): boolean {
  let host = s
  let port: string | null = null
  if (s.startsWith('[')) {
    const close = s.indexOf(']')
    if (close < 0) return false
    host = s.slice(0, close + 1)
    const rest = s.slice(close + 1)
    if (rest !== '') {
      if (!rest.startsWith(':')) return false
      port = rest.slice(1)
    }
    if (!IPV6.test(host)) return false
  } else {
    const colon = s.indexOf(':')
    if (colon >= 0) {
      host = s.slice(0, colon)
      port = s.slice(colon + 1)
    }
    if (!host.split('.').every((c) => DOMAIN_COMPONENT.test(c))) return false
  }
  return port === null || PORT.test(port)
}

/** anchoredNameRegexp: the optional domain is tried first, as the expression's `(...)?` does. */
function splitName(name: string): { domain: string; path: string } | null {
  const slash = name.indexOf('/')
  if (slash >= 0 && isDomainAndPort(name.slice(0, slash)) && isRemoteName(name.slice(slash + 1)))
    return { domain: name.slice(0, slash), path: name.slice(slash + 1) }
  return isRemoteName(name) ? { domain: '', path: name } : null
}

interface Matched {
  readonly name: { domain: string; path: string }
  readonly tag: string
  readonly digest: string
}

/**
 * ReferenceRegexp `^(name)(?::(tag))?(?:@(digest))?$`. The split is unambiguous: `@` appears only before
 * the digest, and a `:` after the last `/` can only start the tag (a port is always followed by `/`).
 */
function matchReference(s: string): Matched | null {
  const at = s.indexOf('@')
  const beforeDigest = at >= 0 ? s.slice(0, at) : s
  const digest = at >= 0 ? s.slice(at + 1) : ''
  if (at >= 0) {
    const colon = digest.indexOf(':')
    if (colon < 0 || !DIGEST_ALGORITHM.test(digest.slice(0, colon))) return null
    const hex = digest.slice(colon + 1)
    if (hex.length < 32 || !HEX.test(hex)) return null
  }
  const colon = beforeDigest.lastIndexOf(':')
  const hasTag = colon > beforeDigest.lastIndexOf('/')
  const tag = hasTag ? beforeDigest.slice(colon + 1) : ''
  if (hasTag && !TAG.test(tag)) return null
  const name = splitName(hasTag ? beforeDigest.slice(0, colon) : beforeDigest)
  return name ? { name, tag, digest } : null
}

/** go-digest Digest.Validate, then Algorithm.Validate. */
function validateDigest(d: string): string | null {
  const i = d.indexOf(':')
  if (i <= 0 || i + 1 === d.length) return ERR_DIGEST_INVALID_FORMAT
  const size = DIGEST_HEX_LENGTH[d.slice(0, i)]
  if (size === undefined) return GO_DIGEST.test(d) ? ERR_DIGEST_UNSUPPORTED : ERR_DIGEST_INVALID_FORMAT
  const encoded = d.slice(i + 1)
  if (encoded.length !== size) return ERR_DIGEST_INVALID_LENGTH
  return LOWER_HEX.test(encoded) ? null : ERR_DIGEST_INVALID_FORMAT
}

/** reference.go Parse. */
function parse(s: string): { ok: true; matched: Matched } | { ok: false; error: string } {
  const matched = matchReference(s)
  if (!matched) {
    const lower = s.toLowerCase()
    // Succeeds when lower-cased, so the input holds an invalid (upper-case) repository name.
    if (lower !== s && matchReference(lower)) return { ok: false, error: ERR_NAME_CONTAINS_UPPERCASE }
    return { ok: false, error: ERR_REFERENCE_INVALID_FORMAT }
  }
  if (matched.name.path.length > REPOSITORY_NAME_TOTAL_LENGTH_MAX)
    return { ok: false, error: ERR_NAME_TOO_LONG }
  const digestError = matched.digest ? validateDigest(matched.digest) : null
  return digestError ? { ok: false, error: digestError } : { ok: true, matched }
}

/** normalize.go splitDockerDomain (v0.6.0). */
function splitDockerDomain(name: string): [domain: string, remainder: string] {
  const slash = name.indexOf('/')
  if (slash < 0) return [DEFAULT_DOMAIN, OFFICIAL_REPO_PREFIX + name]
  const maybeDomain = name.slice(0, slash)
  const maybeRemote = name.slice(slash + 1)
  let domain: string
  let remote: string
  if (maybeDomain === 'localhost') [domain, remote] = [maybeDomain, maybeRemote]
  else if (maybeDomain === LEGACY_DEFAULT_DOMAIN) [domain, remote] = [DEFAULT_DOMAIN, maybeRemote]
  else if (maybeDomain.includes('.') || maybeDomain.includes(':'))
    [domain, remote] = [maybeDomain, maybeRemote]
  // Upper-case namespaces are not allowed, so an upper-case first element is taken for a domain.
  else if (maybeDomain.toLowerCase() !== maybeDomain) [domain, remote] = [maybeDomain, maybeRemote]
  else [domain, remote] = [DEFAULT_DOMAIN, name]
  if (domain === DEFAULT_DOMAIN && !remote.includes('/')) remote = OFFICIAL_REPO_PREFIX + remote
  return [domain, remote]
}

/** ParseNormalizedNamed, then ParseImageName's default tag. The error is the library's own text. */
export function parseNormalizedNamed(s: string): ImageParse {
  if (HEX_64.test(s)) return { ok: false, error: ERR_HEX_NAME(s) }
  const [domain, remainder] = splitDockerDomain(s)
  const tagSep = remainder.indexOf(':')
  const remote = tagSep >= 0 ? remainder.slice(0, tagSep) : remainder
  if (remote.toLowerCase() !== remote) return { ok: false, error: ERR_REMOTE_UPPERCASE(remote) }
  const parsed = parse(`${domain}/${remainder}`)
  if (!parsed.ok) return parsed
  const { name, tag: t, digest: d } = parsed.matched
  const repository = name.domain ? `${name.domain}/${name.path}` : name.path
  const digest = d || null
  const tag = t || (digest === null ? 'latest' : null)
  const normalized = repository + (tag !== null ? `:${tag}` : '') + (digest !== null ? `@${digest}` : '')
  return { ok: true, ref: { repository, tag, digest, normalized } }
}

/** The reference, or undefined when the kubelet could not parse it (see parseNormalizedNamed for why). */
export function parseImageReference(image: string): ImageReference | undefined {
  const r = parseNormalizedNamed(image)
  return r.ok ? r.ref : undefined
}
