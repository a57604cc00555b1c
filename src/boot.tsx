/** The app itself: the store (which runs the engine once for the first story), persistence, and React. */
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

const store = createAppStore(
  manifest,
  {
    saveManifest,
    saveCluster,
    saveScenario: saveScenarioChoice,
    // A callback queued from requestAnimationFrame runs after that frame is painted.
    afterPaint: (fn) => requestAnimationFrame(() => setTimeout(fn, 0)),
  },
  loadCluster(DEFAULT_CLUSTER),
  scenario,
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
