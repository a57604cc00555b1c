/**
 * kubectl describe's PrefixWriter (pkg/describe/describe.go): each write is
 * indented by two spaces per level, terminal escapes are neutralised
 * (cli-runtime printers.WriteEscaped), and everything goes through one
 * tabwriter. The indent is added once per write, not per embedded line.
 */
import { createTabWriter, DESCRIBE_TABWRITER, type TabWriter } from './tabwriter'

export interface PrefixWriter {
  write(level: number, text: string): void
  /** fmt.Sprintln of one string: the text and a newline, with no indent. */
  writeLine(text: string): void
  flush(): void
}

const escapeTerminal = (s: string): string => s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r')

export function createPrefixWriter(out: TabWriter = createTabWriter(DESCRIBE_TABWRITER)): PrefixWriter {
  return {
    write: (level, text) => out.write(escapeTerminal('  '.repeat(level) + text)),
    writeLine: (text) => out.write(escapeTerminal(`${text}\n`)),
    flush: () => out.flush(),
  }
}

/** Runs `f` against a fresh describe writer and returns the flushed text (describe.go tabbedString). */
export function tabbedString(f: (w: PrefixWriter) => void): string {
  const out = createTabWriter(DESCRIBE_TABWRITER)
  f(createPrefixWriter(out))
  out.flush()
  return out.output()
}

/** JSON helpers for the loosely typed parts of a stored object. */
export type Obj = { readonly [key: string]: unknown }

export function asObj(v: unknown): Obj | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined
}

export function asArr(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : []
}

export function asStr(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : ''
}

export function asNum(v: unknown, fallback = 0): number {
  return typeof v === 'number' ? v : fallback
}

/** Go's `%v` of a bool field that may be absent (false). */
export function asBool(v: unknown): boolean {
  return v === true
}

/** Go's string ordering (by code unit, which matches bytes for the ASCII names Kubernetes allows). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
