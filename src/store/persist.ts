/**
 * The user's manifest and cluster survive a reload. The manifest and a normal cluster file live in
 * localStorage; a large cluster (tens of MB: far over localStorage's few MB per origin, and too slow
 * to write synchronously) lives in IndexedDB, with a marker in localStorage saying so.
 */
import { isLargeCluster } from './cluster-text'
import type { LoadedScenario } from './create-app-store'

const MANIFEST_KEY = 'podlife.manifest.v1'
const CLUSTER_KEY = 'podlife.cluster.v1'
/** Set while the cluster is in IndexedDB rather than under CLUSTER_KEY. */
const LARGE_MARKER = 'podlife.cluster-in-indexeddb.v1'
const DB_NAME = 'podlife'
const DB_STORE = 'sources'
const DB_KEY = 'cluster'

function load(key: string, fallback: string): string {
  try {
    return globalThis.localStorage?.getItem(key) ?? fallback
  } catch {
    return fallback
  }
}

function trySet(key: string, value: string): boolean {
  try {
    globalThis.localStorage?.setItem(key, value)
    return true
  } catch {
    // Full (QuotaExceededError) or disabled.
    return false
  }
}

function tryRemove(key: string): void {
  try {
    globalThis.localStorage?.removeItem(key)
  } catch {
    // disabled
  }
}

export const loadManifest = (fallback: string): string => load(MANIFEST_KEY, fallback)
/** The saved cluster if it is in localStorage; a large one comes later from `loadLargeCluster`. */
export const loadCluster = (fallback: string): string => load(CLUSTER_KEY, fallback)

/** False when storage refused it (full or disabled): the edit then lives only in memory. */
export function saveManifest(text: string): boolean {
  return trySet(MANIFEST_KEY, text)
}

function withStore<T>(mode: IDBTransactionMode, request: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    let open: IDBOpenDBRequest
    try {
      open = globalThis.indexedDB.open(DB_NAME, 1)
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)))
      return
    }
    open.onupgradeneeded = () => open.result.createObjectStore(DB_STORE)
    open.onerror = () => reject(open.error ?? new Error('IndexedDB cannot be opened'))
    open.onsuccess = () => {
      const db = open.result
      let req: IDBRequest<T>
      try {
        req = request(db.transaction(DB_STORE, mode).objectStore(DB_STORE))
      } catch (e) {
        // A damaged or foreign database (its object store missing): report it, never throw from here.
        db.close()
        reject(e instanceof Error ? e : new Error(String(e)))
        return
      }
      req.onsuccess = () => {
        db.close()
        resolve(req.result)
      }
      req.onerror = () => {
        db.close()
        reject(req.error ?? new Error('IndexedDB request failed'))
      }
    }
  })
}

export function saveCluster(text: string): void {
  if (!isLargeCluster(text) && trySet(CLUSTER_KEY, text)) {
    if (load(LARGE_MARKER, '') !== '') {
      tryRemove(LARGE_MARKER)
      withStore('readwrite', (s) => s.delete(DB_KEY)).catch(() => {})
    }
    return
  }
  // A stale small copy must not come back on reload in place of this one.
  tryRemove(CLUSTER_KEY)
  if (!globalThis.indexedDB || !trySet(LARGE_MARKER, String(text.length))) return
  withStore('readwrite', (s) => s.put(text, DB_KEY)).catch(() => tryRemove(LARGE_MARKER))
}

/**
 * The large cluster saved in IndexedDB, on its way; null at once when the saved cluster (if any)
 * is in localStorage. The promise gives null if the copy cannot be read.
 */
export function loadLargeCluster(): Promise<string | null> | null {
  if (load(LARGE_MARKER, '') === '' || !globalThis.indexedDB) return null
  return withStore<unknown>('readonly', (s) => s.get(DB_KEY)).then(
    (v) => (typeof v === 'string' ? v : null),
    () => null,
  )
}

const SCENARIO_KEY = 'podlife.scenario.v1'

/** The scenario the user loaded last (its id, title and lesson), or null. */
export function loadScenarioChoice(): LoadedScenario | null {
  try {
    const v: unknown = JSON.parse(load(SCENARIO_KEY, 'null'))
    if (!v || typeof v !== 'object') return null
    const o = v as Record<string, unknown>
    return typeof o.id === 'string' && typeof o.title === 'string' && typeof o.lesson === 'string'
      ? { id: o.id, title: o.title, lesson: o.lesson, edited: o.edited === true }
      : null
  } catch {
    return null
  }
}

export function saveScenarioChoice(s: LoadedScenario | null): void {
  if (s) trySet(SCENARIO_KEY, JSON.stringify(s))
  else tryRemove(SCENARIO_KEY)
}
