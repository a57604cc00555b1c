/**
 * Reading a cluster file: YAML documents or JSON, any of them possibly a List
 * (what `kubectl get nodes,pods -A -o yaml` prints). Mistakes are values with
 * the document and line they are in, never a crash later in the simulation:
 * every object needs apiVersion and kind, and the quantities the scheduler
 * reads (node capacity, pod requests) must parse.
 */
import { LineCounter, parseAllDocuments } from 'yaml'
import type { KubeObject } from './objects'
import { parseQuantity } from './quantity'

export type ClusterParse = { ok: true; objects: KubeObject[] } | { ok: false; error: string }

function checkQuantities(where: string, list: unknown): string | null {
  if (list === undefined || list === null) return null
  if (typeof list !== 'object' || Array.isArray(list)) return `${where} must be a map of quantities`
  for (const [k, v] of Object.entries(list as Record<string, unknown>)) {
    const r = parseQuantity(typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '')
    if (!r.ok) return `${where}.${k}: ${JSON.stringify(v)}: ${r.error}`
  }
  return null
}

function checkObject(o: unknown, where: string): string | null {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return `${where}: an object must be a mapping`
  const obj = o as Record<string, unknown>
  if (typeof obj['kind'] !== 'string' || !obj['kind']) return `${where}: kind not set`
  if (typeof obj['apiVersion'] !== 'string' || !obj['apiVersion']) return `${where}: apiVersion not set`
  if (obj['apiVersion'] === 'podlife.dev/v1alpha1') return null
  const meta = obj['metadata'] as Record<string, unknown> | undefined
  if (!meta || typeof meta !== 'object' || typeof meta['name'] !== 'string' || !meta['name']) {
    return `${where}: ${String(obj['kind'])} has no metadata.name`
  }
  const name = `${String(obj['kind'])} ${meta['name']}`
  if (obj['kind'] === 'Node') {
    const status = (obj['status'] ?? {}) as Record<string, unknown>
    return (
      checkQuantities(`${where}: ${name} status.allocatable`, status['allocatable']) ??
      checkQuantities(`${where}: ${name} status.capacity`, status['capacity'])
    )
  }
  if (obj['kind'] === 'Pod') {
    const spec = (obj['spec'] ?? {}) as { containers?: unknown; initContainers?: unknown }
    if (!Array.isArray(spec.containers)) return `${where}: ${name} has no spec.containers`
    for (const c of [
      ...spec.containers,
      ...(Array.isArray(spec.initContainers) ? spec.initContainers : []),
    ]) {
      const r = (c as { resources?: { requests?: unknown; limits?: unknown } })?.resources
      const bad =
        checkQuantities(`${where}: ${name} requests`, r?.requests) ??
        checkQuantities(`${where}: ${name} limits`, r?.limits)
      if (bad) return bad
    }
  }
  return null
}

export function parseClusterText(text: string): ClusterParse {
  const trimmed = text.trimStart()
  const values: { value: unknown; where: string }[] = []
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      values.push({ value: JSON.parse(text), where: 'JSON' })
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) }
    }
  } else {
    const lc = new LineCounter()
    const docs = parseAllDocuments(text, { lineCounter: lc })
    for (const d of Array.isArray(docs) ? docs : [docs]) {
      const err = d.errors[0]
      if (err)
        return {
          ok: false,
          error: `line ${lc.linePos(err.pos[0]).line}: ${(err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
        }
      if (d.contents === null) continue
      try {
        values.push({ value: d.toJS({ maxAliasCount: 100 }), where: `line ${lc.linePos(d.range[0]).line}` })
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) }
      }
    }
  }
  const objects: KubeObject[] = []
  for (const { value, where } of values) {
    if (value === null || value === undefined) continue
    const list = value as { kind?: unknown; items?: unknown }
    const isList = typeof list.kind === 'string' && list.kind.endsWith('List') && Array.isArray(list.items)
    // A loop, not push(...items): a 150,000-item List would overflow the call stack.
    const items = isList ? (list.items as unknown[]) : [value]
    for (let i = 0; i < items.length; i++) {
      const bad = checkObject(items[i], isList ? `${where}, item ${i}` : where)
      if (bad) return { ok: false, error: bad }
      objects.push(items[i] as KubeObject)
    }
  }
  return { ok: true, objects }
}
