/**
 * Server-side errors (422 validation causes, strict-decoding unknown fields)
 * placed on the manifest line of the field they name. Pure, tested in Node.
 */
import type { Timeline } from '../protocol/timeline'
import type { ManifestError } from '../kubectl/parse'

export interface FieldProblem {
  readonly path: string
  readonly message: string
  /** The manifest document the refused request carried (0 for the first). */
  readonly document: number
}

/**
 * `spec.containers[0].resources.requests[cpu]` → `spec.containers.0.resources.requests.cpu`: each
 * `[x]` becomes `.x`. One pass (the next `]` after every place worked out from the end), not a regular
 * expression: the path holds the user's keys, and `\[([^\]]+)\]` backtracks over a run of `[`.
 */
export function toPositionPath(fieldPath: string): string {
  const nextClose = new Int32Array(fieldPath.length + 1).fill(-1)
  for (let i = fieldPath.length - 1; i >= 0; i--) nextClose[i] = fieldPath[i] === ']' ? i : nextClose[i + 1]!
  let out = ''
  let i = 0
  while (i < fieldPath.length) {
    const close = fieldPath[i] === '[' ? nextClose[i + 1]! : -1
    if (close > i + 1) {
      out += `.${fieldPath.slice(i + 1, close)}`
      i = close + 1
    } else out += fieldPath[i++]
  }
  return out
}

/** The field problems the apiserver reported for the last request, if it refused the pod. */
export function serverFieldProblems(timeline: Timeline): FieldProblem[] {
  const out: FieldProblem[] = []
  for (const e of timeline.events) {
    if (e.kind === 'apiserver.validation') {
      // field.Error.Error(): the path, then the error body, as the 422 message lists them.
      for (const c of e.payload.causes)
        if (c.field) out.push({ path: c.field, message: `${c.field}: ${c.message}`, document: e.slot ?? 0 })
    } else if (e.kind === 'apiserver.decode' && e.payload.fieldValidation === 'Warn') {
      for (const u of e.payload.unknownFields) {
        const m = /^unknown field "(.+)"$/.exec(u)
        if (m) out.push({ path: m[1]!, message: u, document: e.slot ?? 0 })
      }
    } else if (e.kind === 'http.response' && e.payload.code === 400) {
      // Strict field validation refuses the request while decoding: the fields are in the Status message.
      const message = String((e.payload.body as { message?: unknown } | null)?.message ?? '')
      for (const m of message.matchAll(/unknown field "([^"]+)"/g))
        out.push({ path: m[1]!, message: m[0], document: e.slot ?? 0 })
    }
  }
  return out
}

/** Locates each problem at its field in its own document, or the nearest parent the manifest has. */
export function locateProblems(
  problems: readonly FieldProblem[],
  documents: readonly { readonly positions: Readonly<Record<string, { line: number; column: number }>> }[],
): ManifestError[] {
  return problems.map((p) => {
    const positions = documents[p.document]?.positions ?? {}
    let path = toPositionPath(p.path)
    while (path && !positions[path]) path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : ''
    const at = positions[path] ?? { line: 1, column: 1 }
    return { line: at.line, column: at.column, message: p.message, kubectl: p.message }
  })
}
