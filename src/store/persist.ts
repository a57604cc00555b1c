/** The user's manifest and cluster survive a reload, in localStorage. */
const MANIFEST_KEY = 'podlife.manifest.v1'
const CLUSTER_KEY = 'podlife.cluster.v1'

function load(key: string, fallback: string): string {
  try {
    return globalThis.localStorage?.getItem(key) ?? fallback
  } catch {
    return fallback
  }
}

export const loadManifest = (fallback: string): string => load(MANIFEST_KEY, fallback)
export const loadCluster = (fallback: string): string => load(CLUSTER_KEY, fallback)

export function saveSources(manifest: string, cluster: string): void {
  try {
    globalThis.localStorage?.setItem(MANIFEST_KEY, manifest)
    globalThis.localStorage?.setItem(CLUSTER_KEY, cluster)
  } catch {
    // Storage may be full or disabled; the edit still lives in memory.
  }
}
