/** Opening a lesson: its scenario from the list, its identity, and the engine's stop resolver. */
import { DEFAULT_CLUSTER } from '../../engine/index'
import { SCENARIOS, resolveLesson, type Lesson } from '../../engine/views'
import type { AppStore } from '../../store/create-app-store'

/** Open a lesson with its scenario, at `stop` (the first by default). */
export function openLesson(store: AppStore['getState'], lesson: Lesson, stop = 0): void {
  const s = SCENARIOS.find((x) => x.id === lesson.scenario.scenarioId)
  if (!s) return
  store().openLesson(
    lesson,
    resolveLesson,
    { manifest: s.manifest, cluster: s.cluster ?? DEFAULT_CLUSTER, title: s.title, lesson: s.lesson },
    stop,
  )
}
