/** Hands the app's store down the React tree; components subscribe with narrow selectors. */
import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { AppActions, AppState, AppStore } from './create-app-store'

const StoreContext = createContext<AppStore | null>(null)

export function AppStoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
}

export function useAppStore<T>(selector: (s: AppState & AppActions) => T): T {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useAppStore outside AppStoreProvider')
  return useStore(store, selector)
}

export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useAppStoreApi outside AppStoreProvider')
  return store
}
