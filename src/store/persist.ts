/** The user's manifest survives a reload, in localStorage. */
const KEY = 'podlife.manifest.v1'

export function loadManifest(fallback: string): string {
  try {
    const v = globalThis.localStorage?.getItem(KEY)
    return v ?? fallback
  } catch {
    return fallback
  }
}

export function saveManifest(text: string): void {
  try {
    globalThis.localStorage?.setItem(KEY, text)
  } catch {
    // Storage may be full or disabled; the edit still lives in memory.
  }
}
