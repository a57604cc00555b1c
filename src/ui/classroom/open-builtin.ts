/** Opening what ships with Podlife: a scenario (its manifest and cluster), or a lesson on its scenario. */
import { DEFAULT_CLUSTER } from '../../engine/index'
import { SCENARIOS, resolveLesson, type Lesson, type Scenario } from '../../engine/views'
import type { AppStore } from '../../store/create-app-store'

/** Load a built-in scenario, as the picker does: what it replaces of the user's can be undone. */
export function openScenario(store: AppStore['getState'], s: Scenario): void {
  store().loadScenario(s.manifest, s.cluster ?? DEFAULT_CLUSTER, {
    id: s.id,
    title: s.title,
    lesson: s.lesson,
  })
}

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
