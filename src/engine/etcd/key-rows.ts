/**
 * The inspector's listing of etcd: every pod and node key with its create revision, mod revision
 * and version (what `etcdctl get --prefix /registry/pods -w json` reports per key), in the order
 * etcdEntries gives.
 *
 * A 150,000-pod cluster has that many keys, and every step of the story asks again; so the rows of
 * the keys the cluster started with are made once per cluster, and a later state only patches in
 * the few keys written since (see the sharing rule in store.ts).
 */
import type { EtcdEntry, EtcdState } from '../protocol/world'
import { etcdEntries } from './store'

export type EtcdKeyRow = readonly [key: string, createRevision: string, modRevision: string, version: string]

const isListed = (key: string) => key.startsWith('/registry/pods/') || key.startsWith('/registry/minions/')
function toRow(key: string, e: EtcdEntry): EtcdKeyRow {
  // Most keys were written once: one string serves both revisions, and the version is "1".
  const created = String(e.createRevision)
  return [
    key,
    created,
    e.modRevision === e.createRevision ? created : String(e.modRevision),
    e.version === 1 ? '1' : String(e.version),
  ]
}

const baseRows = new WeakMap<object, readonly EtcdKeyRow[]>()
const stateRows = new WeakMap<object, readonly EtcdKeyRow[]>()

function rowsOfBase(base: object): readonly EtcdKeyRow[] {
  let rows = baseRows.get(base)
  if (!rows) {
    const keys = base as Record<string, EtcdEntry | undefined>
    const out: EtcdKeyRow[] = []
    for (const k in keys) {
      const v = keys[k]
      if (v && isListed(k)) out.push(toRow(k, v))
    }
    rows = out
    baseRows.set(base, rows)
  }
  return rows
}

export function etcdKeyRows(state: EtcdState): readonly EtcdKeyRow[] {
  const cached = stateRows.get(state.keys)
  if (cached) return cached
  const base = Object.getPrototypeOf(state.keys) as object | null
  const baseProto = base ? (Object.getPrototypeOf(base) as object | null) : undefined
  let rows: readonly EtcdKeyRow[]
  if (base && base !== Object.prototype && (baseProto === null || baseProto === Object.prototype)) {
    const b = rowsOfBase(base)
    const patched = [...b]
    const gone = new Set<number>()
    for (const [k, v] of Object.entries(state.keys) as [string, EtcdEntry | undefined][]) {
      if (!isListed(k)) continue
      // Only a key the cluster started with has a row to replace; finding it is a scan, done
      // once per etcd state (a handful per story).
      const i = Object.hasOwn(base, k) ? b.findIndex((r) => r[0] === k) : -1
      if (!v) {
        if (i >= 0) gone.add(i)
      } else if (i >= 0) patched[i] = toRow(k, v)
      else patched.push(toRow(k, v))
    }
    rows = gone.size ? patched.filter((_, i) => !gone.has(i)) : patched
  } else {
    rows = etcdEntries(state)
      .filter(([k]) => isListed(k))
      .map(([k, v]) => toRow(k, v))
  }
  stateRows.set(state.keys, rows)
  return rows
}
