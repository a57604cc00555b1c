/**
 * Errors only a later sync can clear are retried by the pod worker after its back-off (10 s, jitter 0.5),
 * each attempt recording its events again. Upstream: pkg/kubelet/pod_workers.go (completeWork requeues a
 * failed sync after backOffPeriod with workerBackOffPeriodJitterFactor), pkg/kubelet/images/image_manager.go
 * (ErrImageNeverPull, InvalidImageName with their events).
 */
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { toContractReport } from '../report/contract'

const pod = (image: string, policy = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: ${image}\n${policy ? `    imagePullPolicy: ${policy}\n` : ''}`

describe('the pod worker retries a failed sync', () => {
  it.each([
    ['an absent image with pull policy Never', pod('myapp:1.0', 'Never'), 'ErrImageNeverPull'],
    ['an invalid image name', pod('nginx:Bad Tag'), 'InspectFailed'],
  ])('%s: the events repeat every 10 to 15 s', (_t, manifest, reason) => {
    const r = toContractReport(simulate({ manifest }, { seed: 1, until: 60_000 }), {
      command: 'kubectl apply -f pod.yaml',
    })
    const times = r.events.filter((e) => e.reason === reason).map((e) => e.t)
    expect(times.length).toBeGreaterThanOrEqual(4)
    for (let i = 1; i < times.length; i++) {
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(10)
      expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(15.5)
    }
    expect(r.events.filter((e) => e.reason === 'Failed')).toHaveLength(times.length)
  })
})
