/**
 * Resource quantities past int64 in a pod: what the apiserver stores and prints, and what validation
 * compares. apimachinery pkg/api/resource/quantity.go ParseQuantity caps a BinarySI value at maxAllowed
 * (2^63-1) and leaves decimal values alone; CanonicalizeBytes (v1.34) prints no suffix past E.
 * Upstream: apimachinery quantity.go, quantity_test.go (TestQuantityParse: 9Ei, 9223372036854775807Ki, 12E);
 * kubernetes pkg/apis/core/validation/validation.go (ValidateResourceRequirements: Cmp, then
 * "must be less than or equal to %s limit of %s" with the limit's String()); kubectl describe
 * (describePod: Limits/Requests print each quantity's String()).
 */
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { toContractReport } from '../report/contract'
import { podYaml } from '../describe/pod-yaml'

const MAX = '9223372036854775807'
const manifest = (requests: string, limits: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    resources:\n      requests: {${requests}}\n      limits: {${limits}}\n`

function run(m: string) {
  const command = 'kubectl apply -f pod.yaml'
  return toContractReport(simulate({ manifest: m, command }, { seed: 1, until: 5_000 }), { command })
}

describe('quantities past int64 in a pod', () => {
  it('9Ei and 9223372036854775807Ki are both stored as 9223372036854775807, so they compare equal', () => {
    const r = run(manifest('memory: 9Ei', 'memory: 9223372036854775807Ki'))
    expect(r.kubectl.exitCode).toBe(0)
    const resources = r.pod?.spec.containers[0]?.resources
    expect(resources).toEqual({ limits: { memory: MAX }, requests: { memory: MAX } })
    expect(podYaml(r.pod!)).toContain(
      `      limits:\n        memory: "${MAX}"\n      requests:\n        memory: "${MAX}"\n`,
    )
  })

  it('a request of 8Ei is capped to int64, which is still above a 7Ei limit: 422', () => {
    const r = run(manifest('memory: 8Ei', 'memory: 7Ei'))
    expect(r.kubectl.exitCode).toBe(1)
    expect(r.kubectl.stderr).toContain(
      `spec.containers[0].resources.requests: Invalid value: "${MAX}": must be less than or equal to memory limit of 7Ei`,
    )
  })

  it('decimal values are not capped: 12E is more than a 9Ei limit', () => {
    const r = run(manifest('memory: 12E', 'memory: 9Ei'))
    expect(r.kubectl.exitCode).toBe(1)
    expect(r.kubectl.stderr).toContain(
      `spec.containers[0].resources.requests: Invalid value: "12E": must be less than or equal to memory limit of ${MAX}`,
    )
  })

  it('1000E is stored as "1" by Kubernetes 1.34 (no suffix past E), and then compares as 1', () => {
    const r = run(manifest('memory: 1000E', 'memory: 1000E'))
    expect(r.kubectl.exitCode).toBe(0)
    expect(r.pod?.spec.containers[0]?.resources).toEqual({
      limits: { memory: '1' },
      requests: { memory: '1' },
    })
  })

  // The scheduler reads the stored text back (ParseQuantity) and sums Value() for memory
  // (noderesources/fit.go computePodResourceRequest): 10E is an int64Amount{10, 18} whose Value()
  // overflows to 0, while the capped 9223372036854775807 is an inf.Dec whose Value() is 2^63-1.
  it.each([
    ['10E', true],
    ['9Ei', false],
  ])('the scheduler on a memory request of %s: scheduled %s', (memory, scheduled) => {
    const r = run(manifest(`memory: ${memory}`, `memory: ${memory}`))
    const failed = r.events.find((e) => e.reason === 'FailedScheduling')
    expect(r.events.some((e) => e.reason === 'Scheduled')).toBe(scheduled)
    if (!scheduled) expect(failed?.message).toContain('Insufficient memory')
  })
})
