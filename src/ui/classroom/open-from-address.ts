/**
 * What the page's address asks for when it opens: a share link in the fragment (`#s=…`: exactly what
 * the sender saw), or a readable `?scenario=<id>`. A link that cannot be opened leaves the app as it
 * was, with a notice saying why. The fragment is then removed from the address bar, so a reload after
 * the user's own edits does not bring the link's manifest back over them.
 */
import type { AppStore } from '../../store/create-app-store'
import { decodeShare } from '../../store/share-link'
import { DEFAULT_CLUSTER } from '../../engine/index'

export function openFromAddress(store: AppStore, where: Location = location): void {
  const shared = decodeShare(where.hash)
  const s = store.getState()
  if (shared?.ok) s.openShared(shared.state)
  else if (shared) s.showNotice({ tone: 'rejected', text: shared.error })
  if (shared) history.replaceState(null, '', where.pathname + where.search)
  if (shared?.ok) return
  const params = new URLSearchParams(where.search)
  const scenarioId = params.get('scenario')
  if (scenarioId) {
    void import('../../engine/views').then(({ SCENARIOS }) => {
      const sc = SCENARIOS.find((x) => x.id === scenarioId)
      if (!sc) {
        store.getState().showNotice({
          tone: 'rejected',
          text: `There is no scenario "${scenarioId}" in this Podlife; pick one from the Scenario list.`,
        })
        return
      }
      if (store.getState().scenario?.id === sc.id && !store.getState().scenario?.edited) return
      store.getState().loadScenario(sc.manifest, sc.cluster ?? DEFAULT_CLUSTER, {
        id: sc.id,
        title: sc.title,
        lesson: sc.lesson,
      })
    })
  }
}
