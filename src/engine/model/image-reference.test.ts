import { describe, expect, it } from 'vitest'
import {
  ERR_DIGEST_INVALID_FORMAT,
  ERR_DIGEST_INVALID_LENGTH,
  ERR_DIGEST_UNSUPPORTED,
  ERR_HEX_NAME,
  ERR_NAME_TOO_LONG,
  ERR_REFERENCE_INVALID_FORMAT,
  ERR_REMOTE_UPPERCASE,
  parseImageReference,
  parseNormalizedNamed,
} from './image-reference'

// Upstream: github.com/distribution/reference v0.6.0 normalize.go (ParseNormalizedNamed,
// splitDockerDomain, TagNameOnly), reference.go (Parse) and normalize_test.go, reference_test.go.
const DIGEST = `sha256:${'a'.repeat(64)}`

describe('image references as containerd normalises them', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx', 'latest', null, 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx', '1.27', null, 'docker.io/library/nginx:1.27'],
    ['bitnami/redis:7.2', 'docker.io/bitnami/redis', '7.2', null, 'docker.io/bitnami/redis:7.2'],
    ['docker.io/library/nginx:1.27', 'docker.io/library/nginx', '1.27', null, 'docker.io/library/nginx:1.27'],
    ['localhost:5000/myapp', 'localhost:5000/myapp', 'latest', null, 'localhost:5000/myapp:latest'],
    ['localhost/myapp:v1', 'localhost/myapp', 'v1', null, 'localhost/myapp:v1'],
    ['registry.k8s.io/pause:3.10', 'registry.k8s.io/pause', '3.10', null, 'registry.k8s.io/pause:3.10'],
    ['gcr.io/40', 'gcr.io/40', 'latest', null, 'gcr.io/40:latest'],
    ['my_registry.io/app', 'my_registry.io/app', 'latest', null, 'my_registry.io/app:latest'],
    ['[2001:db8::1]:5000/repo', '[2001:db8::1]:5000/repo', 'latest', null, '[2001:db8::1]:5000/repo:latest'],
    ['nginx:Latest', 'docker.io/library/nginx', 'Latest', null, 'docker.io/library/nginx:Latest'],
    [`nginx@${DIGEST}`, 'docker.io/library/nginx', null, DIGEST, `docker.io/library/nginx@${DIGEST}`],
    [
      `nginx:latest@${DIGEST}`,
      'docker.io/library/nginx',
      'latest',
      DIGEST,
      `docker.io/library/nginx:latest@${DIGEST}`,
    ],
  ])('%s → %s (tag %s)', (image, repository, tag, digest, normalized) => {
    expect(parseImageReference(image)).toEqual({ repository, tag, digest, normalized })
  })

  // normalize_test.go TestValidateRemoteName: the valid names.
  it.each([
    'docker/docker',
    'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
    'docker-rules/docker',
    'docker---rules/docker',
    'd/docker',
    'dock__er/docker',
  ])('%s is a valid repository name', (image) => {
    expect(parseNormalizedNamed(image).ok).toBe(true)
  })

  // splitDockerDomain rewrites the legacy index.docker.io domain to docker.io.
  it('index.docker.io/library/nginx → docker.io/library/nginx:latest', () => {
    expect(parseImageReference('index.docker.io/library/nginx')?.normalized).toBe(
      'docker.io/library/nginx:latest',
    )
  })

  // splitDockerDomain takes a first component with upper-case letters as a domain.
  it('UPPER/app parses, its upper-case first component taken as a domain', () => {
    expect(parseImageReference('UPPER/app')?.normalized).toBe('UPPER/app:latest')
  })
})

describe('image references the kubelet cannot parse, with the library’s own message', () => {
  const hex = '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a'
  it.each([
    // ParseNormalizedNamed names the repository as splitDockerDomain left it, "library/" included.
    ['an upper-case repository', 'Nginx', ERR_REMOTE_UPPERCASE('library/Nginx')],
    ['an upper-case repository with a tag', 'Nginx:1.27', ERR_REMOTE_UPPERCASE('library/Nginx')],
    ['an upper-case path after a domain', 'docker/Docker', ERR_REMOTE_UPPERCASE('docker/Docker')],
    [
      'an upper-case path after a registry with a port',
      'test:5000/Uppercase/lowercase:tag',
      ERR_REMOTE_UPPERCASE('Uppercase/lowercase'),
    ],
    ['a 64-character hexadecimal name', hex, ERR_HEX_NAME(hex)],
    // v0.6.0 measures the path without the domain; a bare name gets "library/" (8 characters) first.
    ['a path over 255 characters', `domain.io/${'a'.repeat(256)}:tag`, ERR_NAME_TOO_LONG],
    ['a bare name of 248 characters (library/ makes 256)', 'a'.repeat(248), ERR_NAME_TOO_LONG],
    ['an empty tag', 'nginx:', ERR_REFERENCE_INVALID_FORMAT],
    ['a space in the tag', 'nginx:Bad Tag', ERR_REFERENCE_INVALID_FORMAT],
    ['trailing whitespace', 'nginx:1.27 ', ERR_REFERENCE_INVALID_FORMAT],
    ['an empty name', '', ERR_REFERENCE_INVALID_FORMAT],
    ['a digest too short for the grammar', 'nginx@sha256:abc', ERR_REFERENCE_INVALID_FORMAT],
    ['a sha256 digest of the wrong length', `repo@sha256:${'f'.repeat(34)}`, ERR_DIGEST_INVALID_LENGTH],
    ['an unknown digest algorithm', `validname@invaliddigest:${'f'.repeat(64)}`, ERR_DIGEST_UNSUPPORTED],
    ['an upper-case sha256 digest', `nginx@sha256:${'A'.repeat(64)}`, ERR_DIGEST_INVALID_FORMAT],
    ['three slashes', 'docker///docker', ERR_REFERENCE_INVALID_FORMAT],
    ['a leading hyphen', '-docker/docker', ERR_REFERENCE_INVALID_FORMAT],
    ['consecutive periods', 'dock..er/docker', ERR_REFERENCE_INVALID_FORMAT],
    ['no repository', 'docker/', ERR_REFERENCE_INVALID_FORMAT],
    ['a bracketed IPv6 address alone', '[2001:db8::1]:5000', ERR_REFERENCE_INVALID_FORMAT],
  ])('%s: %j → %s', (_what, image, error) => {
    expect(parseNormalizedNamed(image)).toEqual({ ok: false, error })
    expect(parseImageReference(image)).toBeUndefined()
  })

  it('a bare name of 247 characters still fits (library/ makes 255)', () => {
    expect(parseNormalizedNamed('a'.repeat(247)).ok).toBe(true)
  })

  it('a 64-character hexadecimal name with a tag is an ordinary name', () => {
    expect(parseImageReference(`${hex}:1.0`)?.repository).toBe(`docker.io/library/${hex}`)
  })

  it('stays linear on a long name that fails at its end', () => {
    const t0 = performance.now()
    parseNormalizedNamed(`${'a-'.repeat(100_000)}!`)
    parseNormalizedNamed(`${'a.'.repeat(100_000)}:${'x'.repeat(100_000)}@`)
    expect(performance.now() - t0).toBeLessThan(1000)
  })
})
