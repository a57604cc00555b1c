import { describe, expect, it } from 'vitest'
import { SCENARIOS } from '../scenario/scenarios'
import { simulate } from '../simulate'
import { DEFAULT_CATALOG } from '../model/image-catalog'
import { findImage, pullNarration } from './registry'

describe('pullNarration', () => {
  it.each([
    [
      'a short name is resolved to its full reference',
      'nginx:1.27',
      'docker.io/library/nginx:1.27',
      'containerd resolves nginx:1.27 to docker.io/library/nginx:1.27 and downloads its manifest and layers from docker.io',
    ],
    [
      'an image without a tag gets :latest',
      'polinux/stress',
      'docker.io/polinux/stress:latest',
      'containerd resolves polinux/stress to docker.io/polinux/stress:latest and downloads its manifest and layers from docker.io',
    ],
    [
      'a full reference is not "resolved" to itself',
      'registry.example.com/team/app:1.0',
      'registry.example.com/team/app:1.0',
      'containerd downloads the manifest and layers of registry.example.com/team/app:1.0 from registry.example.com',
    ],
  ])('%s', (_name, image, reference, text) => {
    expect(pullNarration(image, reference, reference.split('/')[0]!)).toBe(text)
  })

  it('no scenario narrates a pull that resolves an image to itself', () => {
    for (const s of SCENARIOS) {
      const t = simulate({ manifest: s.manifest, ...(s.cluster ? { cluster: s.cluster } : {}) }, { seed: 1 })
      for (const e of t.events)
        if (e.kind === 'registry.pull') expect(e.narration).not.toMatch(/resolves (\S+) to \1 /)
    }
  })
})

// The image config's User, as each image's Dockerfile sets it (sources in model/image-catalog.ts):
// containerd reports it in ImageStatus and the kubelet's runAsNonRoot check reads it.
describe('findImage: the image config User', () => {
  it.each([
    ['nginx:1.27', ''],
    ['nginx:alpine', ''],
    ['busybox', ''],
    ['redis:7.4', ''],
    ['registry.k8s.io/pause:3.10', '65535:65535'],
    ['registry.k8s.io/e2e-test-images/agnhost:2.52', ''],
  ])('%s → %j', (image, user) => {
    expect(findImage(DEFAULT_CATALOG, image)?.user).toBe(user)
  })

  it("a Registry repository's tag may set it", () => {
    const registry = [
      {
        name: 'registry.example.com/team/app',
        private: false,
        tags: { '1.0': { sizeBytes: 1, user: 'app' } },
      },
    ]
    expect(findImage(registry, 'registry.example.com/team/app:1.0')).toEqual({
      sizeBytes: 1,
      reference: 'registry.example.com/team/app:1.0',
      user: 'app',
    })
  })
})
