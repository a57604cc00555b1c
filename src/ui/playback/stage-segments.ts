/** The timeline bar's chapters: where each stage starts and how many events it spans (pure). */
import { STAGES, type SimEvent, type StageId } from '../../engine/index'

export interface Segment {
  readonly stage: StageId
  readonly title: string
  readonly first: number
  readonly count: number
}

export function stageSegments(events: readonly SimEvent[]): Segment[] {
  const out: Segment[] = []
  for (const s of STAGES) {
    const first = events.findIndex((e) => e.stage === s.id)
    if (first < 0) continue
    const count = events.filter((e) => e.stage === s.id).length
    out.push({ stage: s.id, title: s.title, first, count })
  }
  return out.sort((a, b) => a.first - b.first)
}
