import { describe, expect, it } from 'vitest'
import { parseImageReference } from './image-reference'

// Upstream: github.com/distribution/reference v0.6.0 normalize.go (ParseNormalizedNamed,
// splitDockerDomain, TagNameOnly) and normalize_test.go.
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

  it.each([
    ['Nginx', 'the repository name must be lowercase'],
    ['nginx:', 'an empty tag'],
    ['nginx@sha256:abc', 'a digest of the wrong length'],
    ['', 'an empty name'],
    ['nginx:1.27 ', 'trailing whitespace'],
  ])('%j does not parse (%s)', (image) => {
    expect(parseImageReference(image)).toBeUndefined()
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
