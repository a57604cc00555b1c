/**
 * What the page's address asks for when it opens: a share link in the fragment (`#s=…`: exactly what
 * the sender saw), or a readable `?scenario=<id>`. A link that cannot be opened leaves the app as it
 * was, with a notice saying why. The fragment is then removed from the address bar, so a reload after
 * the user's own edits does not bring the link's manifest back over them.
 */
import type { AppStore } from '../../store/create-app-store'
import type { Decoded } from '../../store/share-link'

export function openFromAddress(store: AppStore, where: Location = location): void {
  // Only a link with a share fragment loads the decoder (fflate): it stays out of the first paint.
  if (/(?:^#|&)s=/.test(where.hash)) {
    void import('../../store/share-link').then(({ decodeShare }) =>
      openAddress(store, where, decodeShare(where.hash)),
    )
    return
  }
  openAddress(store, where, null)
}

function openAddress(store: AppStore, where: Location, shared: Decoded | null): void {
  const s = store.getState()
  if (shared?.ok) s.openShared(shared.state)
  else if (shared) s.showNotice({ tone: 'rejected', text: shared.error })
  if (shared) history.replaceState(null, '', where.pathname + where.search)
  if (shared?.ok) {
    const l = shared.state.lesson
    if (l)
      void import('../../engine/views').then(({ LESSONS, resolveLesson }) => {
        const lesson = LESSONS.find((x) => x.id === l.id)
        if (lesson) store.getState().attachLesson(lesson, resolveLesson, l.stop)
        else
          store.getState().showNotice({
            tone: 'waiting',
            text: `The link follows a lesson ("${l.id}") this Podlife does not have; it shows the run without it.`,
          })
      })
    return
  }
  const params = new URLSearchParams(where.search)
  const lessonId = params.get('lesson')
  if (lessonId) {
    void Promise.all([import('../../engine/views'), import('./open-builtin')]).then(
      ([{ LESSONS }, { openLesson }]) => {
        const lesson = LESSONS.find((x) => x.id === lessonId)
        if (!lesson) {
          store.getState().showNotice({
            tone: 'rejected',
            text: `There is no lesson "${lessonId}" in this Podlife; these exist: ${LESSONS.map((x) => x.id).join(', ')}.`,
          })
          return
        }
        const stop = Number(params.get('stop') ?? '1')
        openLesson(store.getState, lesson, Number.isInteger(stop) && stop > 0 ? stop - 1 : 0)
        if (params.get('present') === '1') store.getState().setPresenter(true)
      },
    )
    return
  }
  const scenarioId = params.get('scenario')
  if (scenarioId) {
    void Promise.all([import('../../engine/views'), import('./open-builtin')]).then(
      ([{ SCENARIOS }, { openScenario }]) => {
        const sc = SCENARIOS.find((x) => x.id === scenarioId)
        if (!sc) {
          store.getState().showNotice({
            tone: 'rejected',
            text: `There is no scenario "${scenarioId}" in this Podlife; pick one from the Scenario list.`,
          })
          return
        }
        if (store.getState().scenario?.id === sc.id && !store.getState().scenario?.edited) return
        openScenario(store.getState, sc)
      },
    )
  }
}
