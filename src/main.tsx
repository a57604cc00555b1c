import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './ui/app/App'
import { AppStoreProvider } from './store/context'
import { createAppStore } from './store/create-app-store'
import { loadCluster, loadManifest, saveSources } from './store/persist'
import { DEFAULT_CLUSTER, DEFAULT_MANIFEST } from './engine/index'
import './ui/app/app.css'

const store = createAppStore(
  loadManifest(DEFAULT_MANIFEST),
  { save: saveSources },
  loadCluster(DEFAULT_CLUSTER),
)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>
  </StrictMode>,
)
