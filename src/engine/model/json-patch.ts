/**
 * RFC 6902 patches between two JSON values, so the timeline can show exactly
 * what defaulting or an admission plugin changed in the Pod.
 */
import type { Json } from './objects'
import type { JsonPatchOp } from '../protocol/events'

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1')
}

function isObject(v: unknown): v is Readonly<Record<string, Json>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function diff(before: unknown, after: unknown, path = ''): JsonPatchOp[] {
  if (before === after) return []
  if (isObject(before) && isObject(after)) {
    const ops: JsonPatchOp[] = []
    for (const key of Object.keys(before)) {
      if (!(key in after)) ops.push({ op: 'remove', path: `${path}/${escape(key)}` })
    }
    for (const [key, value] of Object.entries(after)) {
      const p = `${path}/${escape(key)}`
      if (!(key in before)) ops.push({ op: 'add', path: p, value })
      else ops.push(...diff(before[key], value, p))
    }
    return ops
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const ops: JsonPatchOp[] = []
    const common = Math.min(before.length, after.length)
    for (let i = 0; i < common; i++) ops.push(...diff(before[i], after[i], `${path}/${i}`))
    for (let i = common; i < after.length; i++)
      ops.push({ op: 'add', path: `${path}/${i}`, value: after[i] as Json })
    for (let i = before.length - 1; i >= common; i--) ops.push({ op: 'remove', path: `${path}/${i}` })
    return ops
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return []
  return [{ op: before === undefined ? 'add' : 'replace', path, value: after as Json }]
}
