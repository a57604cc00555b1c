/**
 * The timeline bar's chapters: the story step each stage starts at (pure). Read from the story's
 * steps rather than the raw events, so a chapter button lands where Step would (apply's GET is
 * folded into one kubectl step: the Authentication chapter starts at the POST's verdict).
 */
import { STAGES, type StageId, type Story } from '../../engine/index'

export interface Segment {
  readonly stage: StageId
  readonly title: string
  /** The story step the chapter starts at. */
  readonly step: number
}

export function stageSegments(story: Story): Segment[] {
  const out: Segment[] = []
  for (const s of STAGES) {
    const step = story.steps.findIndex((x) => x.stage === s.id)
    if (step < 0) continue
    out.push({ stage: s.id, title: s.title, step })
  }
  return out.sort((a, b) => a.step - b.step)
}
