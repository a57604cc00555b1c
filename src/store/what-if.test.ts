import { describe, expect, it } from 'vitest'
import { DEFAULT_MANIFEST, IDENTITIES } from '../engine/index'
import { proposeFixes, SCENARIOS } from '../engine/views'
import { createAppStore, simInputOf } from './create-app-store'
import { runAsOf } from './what-if'

const big = SCENARIOS.find((s) => s.id === 'insufficient-cpu')!

describe('what if…', () => {
  it('opens a proposed fix beside the run, keeps the main run, and can make the fix the main run', () => {
    const s = createAppStore(big.manifest, { debounceMs: 0 })
    const st = s.getState()
    const proposal = proposeFixes(
      { ...simInputOf(st.manifest, st.cluster, st.runAs)!, cluster: st.cluster },
      st.timeline,
    )[0]!
    expect(proposal.outcome.kind).toBe('Running')
    st.openWhatIf({ title: proposal.title, manifest: proposal.change.manifest!, timeline: proposal.timeline })
    expect(s.getState().timeline.outcome.kind).toBe('Pending')
    expect(s.getState().whatIf?.timeline.outcome.kind).toBe('Running')
    s.getState().adoptWhatIf()
    expect(s.getState().whatIf).toBeNull()
    expect(s.getState().timeline.outcome.kind).toBe('Running')
    expect(s.getState().manifest).toBe(proposal.change.manifest)
    // What it replaced is one Undo away.
    s.getState().undoLoad()
    expect(s.getState().manifest).toBe(big.manifest)
  })

  it('re-runs the second manifest when it is edited, and keeps the last good run on a broken edit', () => {
    const s = createAppStore(DEFAULT_MANIFEST, { debounceMs: 0 })
    s.getState().openWhatIf({ title: 'copy' })
    const w = s.getState().whatIf!
    expect(w.timeline.events.length).toBe(s.getState().timeline.events.length)
    s.getState().setWhatIfManifest(DEFAULT_MANIFEST.replace('cpu: 250m', 'cpu: "64"'))
    return new Promise<void>((done) =>
      setTimeout(() => {
        expect(s.getState().whatIf?.timeline.outcome.kind).toBe('Pending')
        expect(s.getState().whatIf?.title).toBe('Your edit')
        done()
      }, 20),
    )
  })

  it('runs the second as another identity: jane, with no RBAC binding, is Forbidden where admin is not', () => {
    const s = createAppStore(DEFAULT_MANIFEST, { debounceMs: 0 })
    s.getState().openWhatIf({ title: 'copy' })
    s.getState().setWhatIfRunAs({ identity: 'jane', verb: 'create' })
    expect(s.getState().timeline.outcome.kind).toBe('Running')
    expect(s.getState().whatIf?.timeline.outcome).toMatchObject({ kind: 'Rejected', exitCode: 1 })
    expect(s.getState().whatIf?.title).toMatch(/^Run as jane/)
  })

  it('reads a proposal’s kubeconfig and command back as the identity, verb and namespace', () => {
    const admin = IDENTITIES.find((i) => i.id === 'admin')!
    expect(
      runAsOf(
        { kubeconfig: admin.kubeconfig, command: 'kubectl create -f pod.yaml -n dev' },
        {
          identity: 'jane',
          verb: 'apply',
          namespace: '',
        },
      ),
    ).toEqual({ identity: 'admin', verb: 'create', namespace: 'dev' })
    expect(runAsOf({}, { identity: 'jane', verb: 'apply', namespace: '' })).toEqual({
      identity: 'jane',
      verb: 'apply',
      namespace: '',
    })
  })
})
