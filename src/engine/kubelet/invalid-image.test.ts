/**
 * An image the kubelet cannot parse never reaches containerd: EnsureImageExists fails in
 * applyDefaultImageTag and records InspectFailed with distribution/reference's own error, then the
 * container waits with InvalidImageName. The apiserver accepted the pod (it only rejects whitespace) and
 * defaulted imagePullPolicy to IfNotPresent, because SetDefaults_Container ignores the parse error and
 * sees no tag.
 * Upstream: kubernetes pkg/kubelet/images/image_manager.go (EnsureImageExists, applyDefaultImageTag),
 * pkg/util/parsers/parsers.go (ParseImageName), pkg/apis/core/v1/defaults.go (SetDefaults_Container),
 * github.com/distribution/reference v0.6.0 normalize.go (ParseNormalizedNamed), reference.go (Parse).
 */
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { toContractReport } from '../report/contract'

const HEX = 'f'.repeat(64)
const LONG = `registry.example.com/${'a'.repeat(256)}`

const manifest = (image: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: ${image}\n`

describe('images the kubelet cannot parse end in InspectFailed and InvalidImageName, never in a pull', () => {
  it.each([
    [
      'an upper-case repository names the repository',
      'Nginx:1.27',
      'invalid reference format: repository name (library/Nginx) must be lowercase',
    ],
    [
      'an upper-case path under a registry names the path',
      'registry.example.com/Team/App',
      'invalid reference format: repository name (Team/App) must be lowercase',
    ],
    ['a repository path over 255 characters', LONG, 'repository name must not be more than 255 characters'],
    [
      'a 64-character hexadecimal name',
      HEX,
      `invalid repository name (${HEX}), cannot specify 64-byte hexadecimal strings`,
    ],
  ])('%s', (_what, image, error) => {
    const r = toContractReport(simulate({ manifest: manifest(image) }, { seed: 1, until: 8_000 }), {
      command: 'kubectl apply -f pod.yaml',
    })
    expect(r.kubectl.exitCode).toBe(0)
    const message = `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${error}`
    const kubelet = r.events
      .filter((e) => e.source === 'kubelet')
      .map((e) => `${e.type} ${e.reason}: ${e.message}`)
    expect(kubelet.slice(0, 2)).toEqual([
      `Warning InspectFailed: ${message}`,
      'Warning Failed: Error: InvalidImageName',
    ])
    expect(r.events.some((e) => e.reason === 'Pulling')).toBe(false)
    expect(r.cri.some((c) => c.call === 'PullImage' || c.call === 'ImageStatus')).toBe(false)
    const container = r.pod?.spec.containers[0]
    expect(container?.imagePullPolicy).toBe('IfNotPresent')
    const status = (r.pod?.status?.['containerStatuses'] as { state: unknown }[] | undefined)?.[0]
    expect(status?.state).toEqual({ waiting: { message, reason: 'InvalidImageName' } })
  })
})
