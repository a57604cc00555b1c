/**
 * Readers for the parts of a Pod the engine keeps as plain JSON (volumes,
 * affinity terms, env, annotations): each returns Go's zero value when the
 * field is absent, null or of another type, as a decoded Go struct would hold.
 */
export type RawObject = Readonly<Record<string, unknown>>

export function rawObject(v: unknown): RawObject | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as RawObject) : undefined
}

export function rawArray(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : []
}

export function rawString(v: unknown): string {
  return typeof v === 'string' ? v : ''
}

/** A pointer or slice field that is set (non-nil in Go): present and not null. */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null
}
