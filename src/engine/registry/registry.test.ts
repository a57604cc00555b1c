import { describe, expect, it } from 'vitest'
import { SCENARIOS } from '../scenario/scenarios'
import { simulate } from '../simulate'
import { pullNarration } from './registry'

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
