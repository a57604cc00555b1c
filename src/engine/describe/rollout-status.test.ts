/**
 * kubectl rollout status against kubernetes/kubectl pkg/polymorphichelpers/rollout_status_test.go
 * (TestDeploymentStatusViewerStatus's cases), and watched through a whole run.
 */
import { describe, expect, it } from 'vitest'
import type { Deployment } from '../controllers/apps-types'
import { rolloutStatusAt, rolloutStatusLine } from './rollout-status'
import { SCENARIOS } from '../scenario/scenarios'
import { simulate } from '../simulate'

const d = (
  generation: number,
  observed: number,
  replicas: number,
  s: { updated: number; total: number; available: number },
  reason?: string,
): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'foo', namespace: 'bar', generation },
  spec: { replicas, template: { spec: { containers: [] } } },
  status: {
    observedGeneration: observed,
    replicas: s.total,
    updatedReplicas: s.updated,
    availableReplicas: s.available,
    ...(reason
      ? {
          conditions: [
            {
              type: 'Progressing',
              status: 'False',
              reason,
              message: '',
              lastUpdateTime: '',
              lastTransitionTime: '',
            },
          ],
        }
      : {}),
  },
})

describe('DeploymentStatusViewer.Status', () => {
  it.each([
    [
      d(0, 1, 1, { updated: 0, total: 1, available: 1 }),
      'Waiting for deployment "foo" rollout to finish: 0 out of 1 new replicas have been updated...',
      false,
    ],
    [
      d(1, 1, 1, { updated: 1, total: 2, available: 2 }),
      'Waiting for deployment "foo" rollout to finish: 1 old replicas are pending termination...',
      false,
    ],
    [
      d(1, 1, 2, { updated: 2, total: 2, available: 1 }),
      'Waiting for deployment "foo" rollout to finish: 1 of 2 updated replicas are available...',
      false,
    ],
    [d(1, 1, 2, { updated: 2, total: 2, available: 2 }), 'deployment "foo" successfully rolled out', true],
    [
      d(2, 1, 2, { updated: 2, total: 2, available: 2 }),
      'Waiting for deployment spec update to be observed...',
      false,
    ],
    [
      d(1, 1, 1, { updated: 0, total: 1, available: 0 }, 'ProgressDeadlineExceeded'),
      'error: deployment "foo" exceeded its progress deadline',
      true,
    ],
  ] as const)('%#: %s', (deployment, line, done) => {
    expect(rolloutStatusLine(deployment)).toMatchObject({ line, done })
  })
})

describe('rollout status watched through a run', () => {
  const run = (id: string) => {
    const s = SCENARIOS.find((x) => x.id === id)!
    return simulate({ manifest: s.manifest, ...(s.cluster ? { cluster: s.cluster } : {}) }, { seed: 1 })
  }
  it('a new Deployment of 3: waits for the replicas, then rolls out and exits 0', () => {
    const t = run('deployment')
    const r = rolloutStatusAt(t, t.events.length - 1, 'default', 'web')
    expect(r.lines[0]).toBe('Waiting for deployment spec update to be observed...')
    expect(r.lines).toContain(
      'Waiting for deployment "web" rollout to finish: 0 of 3 updated replicas are available...',
    )
    expect(r.lines[r.lines.length - 1]).toBe('deployment "web" successfully rolled out')
    expect(r.exitCode).toBe(0)
  })
  it('a rolling update shows old replicas pending termination before it finishes', () => {
    const t = run('deployment-rolling-update')
    const r = rolloutStatusAt(t, t.events.length - 1, 'default', 'web')
    expect(r.lines).toContain(
      'Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...',
    )
    expect(r.exitCode).toBe(0)
  })
  it('a missing image ends the watch with the deadline error, exit 1', () => {
    const t = run('deployment-bad-image')
    const r = rolloutStatusAt(t, t.events.length - 1, 'default', 'web')
    expect(r.lines[r.lines.length - 1]).toBe('error: deployment "web" exceeded its progress deadline')
    expect(r.exitCode).toBe(1)
  })
})
