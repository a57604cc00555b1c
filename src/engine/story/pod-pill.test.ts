import { describe, expect, it } from 'vitest'
import type { Timeline } from '../protocol/timeline'
import { podPill } from './pod-pill'
import { runScenario } from './scenario-run'

const atEnd = (t: Timeline) => podPill(t, t.events.length - 1)

describe('podPill', () => {
  it('before Enter: what kubectl get pod prints for a pod that does not exist', () => {
    expect(podPill(runScenario('default'), -1)).toEqual({
      kind: 'none',
      name: 'nginx',
      text: 'Error from server (NotFound): pods "nginx" not found',
      tone: 'idle',
    })
  })

  it('nginx: Running 1/1 on worker-2 with its IP, green', () => {
    expect(atEnd(runScenario('default'))).toEqual({
      kind: 'pod',
      name: 'nginx',
      ready: '1/1',
      status: 'Running',
      restarts: '0',
      node: 'worker-2',
      ip: '10.244.2.3',
      tone: 'accepted',
    })
  })

  it('nginx: just stored, not yet scheduled: Pending, waiting', () => {
    const t = runScenario('default')
    const stored = t.events.findIndex((e) => e.kind === 'etcd.put')
    expect(podPill(t, stored)).toMatchObject({ status: 'Pending', ready: '0/1', node: null, tone: 'waiting' })
  })

  it('a 422: kubectl failed, with its stderr whole', () => {
    const t = runScenario('invalid')
    const pill = atEnd(t)
    expect(pill).toMatchObject({ kind: 'kubectl-failed', name: 'Bad_Name', exitCode: 1, tone: 'rejected' })
    expect(pill.kind === 'kubectl-failed' && pill.text).toBe(t.frames[t.frames.length - 1]!.kubectl!.stderr)
  })

  it.each([
    ['crashloop', { status: 'CrashLoopBackOff', ready: '0/1', tone: 'rejected' }],
    ['oom', { status: 'CrashLoopBackOff', tone: 'rejected' }],
    ['readiness', { status: 'Running', ready: '0/1', tone: 'waiting' }],
    ['job-style', { status: 'Completed', tone: 'accepted' }],
    ['image-typo', { status: 'ImagePullBackOff', tone: 'rejected' }],
    ['out-of-cpu', { status: 'OutOfcpu', tone: 'rejected' }],
    ['sysctl-forbidden', { status: 'SysctlForbidden', tone: 'rejected' }],
    ['missing-configmap-volume', { status: 'ContainerCreating', tone: 'waiting' }],
    ['missing-secret-env', { status: 'CreateContainerConfigError', tone: 'rejected' }],
    ['insufficient-cpu', { status: 'Pending', node: null, tone: 'waiting' }],
  ])('%s at the end', (id, expected) => {
    expect(atEnd(runScenario(id))).toMatchObject(expected)
  })

  it('crashloop: restarts as kubectl prints them, with the age of the last exit', () => {
    expect(atEnd(runScenario('crashloop'))).toMatchObject({
      restarts: expect.stringMatching(/^6 \(\d+m?\d*s ago\)$/),
    })
  })

  it.each(['crashloop', 'oom', 'post-start', 'pre-stop'])('%s: never green once it has restarted', (id) => {
    const t = runScenario(id)
    const restarted = t.events
      .map((_, i) => podPill(t, i))
      .filter((p) => p.kind === 'pod' && p.restarts !== '0')
    expect(restarted.length).toBeGreaterThan(0)
    expect(restarted.filter((p) => p.tone === 'accepted')).toEqual([])
  })

  it('crashloop: a container that exited 0 under restartPolicy Always shows Completed, and is not green', () => {
    const t = runScenario('crashloop')
    const completed = t.events
      .map((_, i) => podPill(t, i))
      .filter((p) => p.kind === 'pod' && p.status === 'Completed')
    expect(completed.length).toBeGreaterThan(0)
    expect(new Set(completed.map((p) => p.tone))).toEqual(new Set(['waiting', 'rejected']))
  })
})
