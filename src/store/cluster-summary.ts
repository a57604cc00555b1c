/**
 * What the cluster tab shows of the cluster file: the node panel's rows and the count of objects by
 * kind. Computed where the file is parsed (the engine's worker, with each run), so the page never
 * parses the cluster file itself (issue 12: a pasted cluster file of 6,000-deep nesting or 45 MB
 * took the page hundreds of milliseconds to parse again for the panel).
 */
import type { KubeObject } from '../engine/index'
import { parseCluster } from './cluster-text'

export interface NodeRow {
  readonly name: string
  readonly cpu: string
  readonly memory: string
  readonly pods: number
  readonly taints: readonly string[]
  readonly cordoned: boolean
}

export interface ClusterSummary {
  /** The Nodes in file order. */
  readonly nodes: readonly NodeRow[]
  /** How many objects of each kind, most first. */
  readonly kinds: readonly (readonly [string, number])[]
}

interface NodeFields {
  spec?: { taints?: unknown; unschedulable?: boolean }
  status?: { allocatable?: Record<string, unknown> }
}

const taintText = (t: unknown): string => {
  const { key, value, effect } = (t ?? {}) as { key?: unknown; value?: unknown; effect?: unknown }
  return `${String(key ?? '')}${value ? `=${String(value)}` : ''}:${String(effect ?? '')}`
}

/** The node panel's rows for already parsed cluster objects, in file order. */
export function nodeRows(objects: readonly KubeObject[]): NodeRow[] {
  const pods = new Map<string, number>()
  for (const o of objects) {
    if (o.kind !== 'Pod') continue
    const n = (o as { spec?: { nodeName?: unknown } }).spec?.nodeName
    if (typeof n === 'string') pods.set(n, (pods.get(n) ?? 0) + 1)
  }
  const rows: NodeRow[] = []
  for (const o of objects) {
    if (o.kind !== 'Node') continue
    const n = o as KubeObject & NodeFields
    const name = String(n.metadata.name ?? '')
    const taints = n.spec?.taints
    rows.push({
      name,
      cpu: String(n.status?.allocatable?.['cpu'] ?? ''),
      memory: String(n.status?.allocatable?.['memory'] ?? ''),
      pods: pods.get(name) ?? 0,
      taints: Array.isArray(taints) ? taints.map(taintText) : [],
      cordoned: n.spec?.unschedulable === true,
    })
  }
  return rows
}

/** The cluster tab's view of a cluster file, or null when the file does not load. */
export function summarizeCluster(text: string): ClusterSummary | null {
  const parsed = parseCluster(text)
  if (!parsed.ok) return null
  const counts = new Map<string, number>()
  for (const o of parsed.objects) counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1)
  return { nodes: nodeRows(parsed.objects), kinds: [...counts].sort((a, b) => b[1] - a[1]) }
}
