/**
 * "What if…": this run and a second one with one change, side by side. The fixes on offer were
 * proposed by the engine and each re-run to Running before being offered (engine/whatif); the user
 * may also edit the second manifest in the diff. The two stories are aligned by chapter, the first
 * step where they differ is marked with what differs, and each run's ending is shown.
 */
import { lazy, Suspense, useMemo } from 'react'
import { STAGES, type StageId, type Timeline } from '../../engine/index'
import { IdentitySelect, VerbSelect } from '../editor/RunAsFields'
import { alignRuns, proposeFixes, type Proposal } from '../../engine/views'
import { endingOf } from '../narration/ending-of'
import { useAppStore } from '../../store/context'
import { isLargeCluster } from '../../store/cluster-text'
import { simInputOf } from '../../store/create-app-store'
import { runAsOf } from '../../store/what-if'
import { storyOf } from '../../store/story'

const ManifestDiff = lazy(() => import('./ManifestDiff'))

function stageCell(t: Timeline, stage: StageId, span: { first: number; last: number } | null) {
  if (!span) return <span className="whatif-none">—</span>
  const story = storyOf(t)
  const last = story.steps[span.last]!
  // Chapters interleave (kubectl prints "created" while the scheduler works): count this chapter's own.
  const n = story.steps.filter((x) => x.stage === stage).length
  return (
    <>
      <span className="whatif-steps">
        {n} step{n === 1 ? '' : 's'}
      </span>{' '}
      <code>{t.events[last.last]!.summary}</code>
    </>
  )
}

function EndingLine({ t, label }: { t: Timeline; label: string }) {
  const e = endingOf(t)
  return (
    <div className={`whatif-ending tone-${e.tone}`} data-testid={`whatif-ending-${label}`}>
      <strong>{label === 'a' ? 'This run' : 'What if'}:</strong> {e.headline}
    </div>
  )
}

export default function WhatIfView() {
  const whatIf = useAppStore((s) => s.whatIf)
  const timeline = useAppStore((s) => s.timeline)
  const manifest = useAppStore((s) => s.manifest)
  const cluster = useAppStore((s) => s.cluster)
  const runAs = useAppStore((s) => s.runAs)
  const seed = useAppStore((s) => s.seed)
  const openWhatIf = useAppStore((s) => s.openWhatIf)
  const closeWhatIf = useAppStore((s) => s.closeWhatIf)
  const adoptWhatIf = useAppStore((s) => s.adoptWhatIf)
  const seekIndex = useAppStore((s) => s.seekIndex)
  const setWhatIfRunAs = useAppStore((s) => s.setWhatIfRunAs)
  // The fixes: each one re-run by the engine; only those that reach Running come back.
  const proposals = useMemo<readonly Proposal[]>(() => {
    const input = simInputOf(manifest, cluster, runAs)
    if (!input) return []
    // A cluster given as text comes back edited as text (the user's layout kept); a large one stays objects.
    const large = isLargeCluster(cluster)
    return proposeFixes(large ? input : { ...input, cluster }, timeline, { seed }).filter(
      (p) => !p.change.cluster || typeof p.change.cluster === 'string',
    )
  }, [manifest, cluster, runAs, timeline, seed])
  const alignment = useMemo(() => (whatIf ? alignRuns(timeline, whatIf.timeline) : null), [timeline, whatIf])
  if (!whatIf || !alignment) return null
  const d = alignment.divergence
  const b = whatIf.timeline
  return (
    <section className="whatif" aria-label="What if" data-testid="whatif">
      <header className="whatif-head">
        <h2>What if…</h2>
        <p className="whatif-title" data-testid="whatif-title">
          {whatIf.title}
          {whatIf.why && <span className="whatif-why"> — {whatIf.why}</span>}
        </p>
        <div className="whatif-actions">
          <button type="button" onClick={adoptWhatIf}>
            Make this my run
          </button>
          <button type="button" onClick={closeWhatIf}>
            Close
          </button>
        </div>
      </header>
      <div className="whatif-proposals" role="group" aria-label="Fixes checked by re-running the simulation">
        <span>
          {proposals.length
            ? 'Fixes that reach Running (each one re-run):'
            : 'No single change that Podlife knows reaches Running; edit the manifest on the right to try your own.'}
        </span>
        {proposals.map((p) => (
          <button
            key={p.id}
            type="button"
            aria-pressed={whatIf.title === p.title}
            title={p.why}
            onClick={() =>
              openWhatIf({
                title: p.title,
                why: p.why,
                ...(p.change.manifest !== undefined ? { manifest: p.change.manifest } : {}),
                ...(typeof p.change.cluster === 'string' ? { cluster: p.change.cluster } : {}),
                runAs: runAsOf(p.change, runAs),
                timeline: p.timeline,
              })
            }
          >
            {p.title}
          </button>
        ))}
      </div>
      <div className="whatif-runas">
        <label>
          The second run as{' '}
          <IdentitySelect
            label="The second run as"
            value={whatIf.runAs.identity}
            onChange={(identity) => setWhatIfRunAs({ identity })}
          />
        </label>
        <label>
          with{' '}
          <VerbSelect
            label="The second run's verb"
            value={whatIf.runAs.verb}
            onChange={(verb) => setWhatIfRunAs({ verb })}
          />
        </label>
        <span className="whatif-hint">or edit its manifest on the right, below</span>
      </div>
      {whatIf.error && (
        <p className="banner tone-rejected" role="alert">
          The changed run cannot be simulated: {whatIf.error}
        </p>
      )}
      <div className="whatif-endings">
        <EndingLine t={timeline} label="a" />
        <EndingLine t={b} label="b" />
      </div>
      <p
        className={`whatif-divergence${d ? '' : ' is-same'}`}
        data-testid="whatif-divergence"
        aria-live="polite"
      >
        {d ? (
          <>
            <strong>First difference</strong> in {STAGES.find((s) => s.id === d.stage)?.title ?? d.stage}:{' '}
            {d.reason}{' '}
            <button type="button" onClick={() => seekIndex(storyOf(timeline).steps[d.a]!.last)}>
              Show this step in this run
            </button>
          </>
        ) : (
          'The two runs are the same, step for step.'
        )}
      </p>
      <table className="whatif-stages" aria-label="The two runs, chapter by chapter">
        <thead>
          <tr>
            <th scope="col">Chapter</th>
            <th scope="col">This run</th>
            <th scope="col">What if</th>
          </tr>
        </thead>
        <tbody>
          {alignment.stages.map((row) => {
            const diverges = d?.stage === row.stage
            return (
              <tr key={row.stage} className={diverges ? 'is-divergence' : ''} data-stage={row.stage}>
                <th scope="row">
                  {STAGES.find((s) => s.id === row.stage)?.title}
                  {diverges && <span className="whatif-badge">first difference</span>}
                </th>
                <td>{stageCell(timeline, row.stage, row.a)}</td>
                <td>{stageCell(b, row.stage, row.b)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <Suspense fallback={<p className="whatif-diff">Loading the diff editor…</p>}>
        <ManifestDiff />
      </Suspense>
    </section>
  )
}
