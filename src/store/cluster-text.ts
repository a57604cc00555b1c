/**
 * The cluster file as the app handles it: parsed once per text (a 5,000-node cluster is a 45 MB
 * JSON List, and re-parsing it on every edit of the manifest would freeze the page for a second),
 * and "large" above the size the text editor and localStorage are used for.
 */
import { parseClusterText, type ClusterParse } from '../engine/index'

/**
 * Above this many characters the cluster file is not edited as text (Monaco would hold tens of MB and
 * copy them out on every keystroke) nor kept in localStorage (a few MB per origin): about 1 MB, a
 * cluster of a hundred nodes with their pods.
 */
export const LARGE_CLUSTER_CHARS = 1_000_000

export const isLargeCluster = (text: string): boolean => text.length > LARGE_CLUSTER_CHARS

/** A file's size as the notices say it: "45.0 MB", or "12 kB" under 0.1 MB. */
export const textSize = (chars: number): string =>
  chars >= 1e5 ? `${(chars / 1e6).toFixed(1)} MB` : `${Math.ceil(chars / 1e3)} kB`

let last: { readonly text: string; readonly parsed: ClusterParse } | null = null

/** parseClusterText, remembered for the last text: the store, the node panel and re-runs share one parse. */
export function parseCluster(text: string): ClusterParse {
  if (last?.text !== text) last = { text, parsed: parseClusterText(text) }
  return last.parsed
}
