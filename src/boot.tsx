/**
 * The app itself: the engine's worker, the first run (asked of the worker, so no saved input can hold
 * the page), the store, persistence, and React.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './ui/app/App'
import { AppStoreProvider } from './store/context'
import { createAppStore } from './store/create-app-store'
import {
  loadCluster,
  loadLargeCluster,
  loadManifest,
  loadScenarioChoice,
  saveCluster,
  saveManifest,
  saveScenarioChoice,
} from './store/persist'
import { DEFAULT_CLUSTER, DEFAULT_MANIFEST, DEFAULT_SCENARIO } from './engine/index'
import { openFromAddress } from './ui/classroom/open-from-address'
import { createWorkerRunner } from './worker/worker-runner'
import { openApp } from './store/opening'
import './ui/app/app.css'
import './ui/app/layout.css'
import './ui/graph/graph.css'
import './ui/narration/narration.css'
import './ui/classroom/classroom.css'
import './ui/classroom/lesson.css'
import './ui/whatif/whatif.css'

const manifest = loadManifest(DEFAULT_MANIFEST)
// A first visit opens the default scenario: the picker says so.
const scenario =
  loadScenarioChoice() ?? (manifest === DEFAULT_MANIFEST ? { ...DEFAULT_SCENARIO, edited: false } : null)

const runner = createWorkerRunner()
const savedCluster = loadCluster(DEFAULT_CLUSTER)

openApp(runner, manifest, savedCluster, scenario, (opening) => {
  const store = createAppStore(
    manifest,
    {
      saveManifest,
      saveCluster,
      saveScenario: saveScenarioChoice,
      // A callback queued from requestAnimationFrame runs after that frame is painted.
      afterPaint: (fn) => requestAnimationFrame(() => setTimeout(fn, 0)),
      runner,
    },
    savedCluster,
    scenario,
    opening,
  )

  // A share link (#s=…), or ?scenario= / ?lesson=, opens what it names; a bad one says why.
  openFromAddress(store)

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppStoreProvider store={store}>
        <App />
      </AppStoreProvider>
    </StrictMode>,
  )

  // A large saved cluster is read from IndexedDB after first paint.
  const saved = loadLargeCluster()
  if (saved) store.getState().restoreCluster(saved)
})
