/**
 * What this chapter's part of Kubernetes does and why, and where popular explanations are out of
 * date, then vs now (engine/lessons/chapters.ts, with the upstream source named). Open at the start
 * of each chapter in presenter mode, folded otherwise.
 */
// The chapters' texts alone (a few kB), not the whole views chunk: they show from the first step on.
import { CHAPTER_INTROS } from '../../engine/lessons/chapters'
import { STAGES, type StageId } from '../../engine/index'

export default function ChapterIntro({ stage, open }: { stage: StageId; open: boolean }) {
  const intro = CHAPTER_INTROS[stage]
  const title = STAGES.find((s) => s.id === stage)?.title ?? stage
  return (
    <details className="chapter-intro" open={open} key={`${stage}-${open}`} data-testid="chapter-intro">
      <summary>About this chapter: {title}</summary>
      <p>
        {intro.what} {intro.why}
      </p>
      {intro.thenVsNow && (
        <div className="then-now">
          <strong>Then</strong>
          <span>{intro.thenVsNow.then}</span>
          <strong>Now</strong>
          <span>{intro.thenVsNow.now}</span>
        </div>
      )}
      <p className="source">Upstream: {intro.source}</p>
    </details>
  )
}
