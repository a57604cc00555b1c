/**
 * Server-side errors (422 validation causes, strict-decoding unknown fields)
 * placed on the manifest line of the field they name. Pure, tested in Node.
 */
import type { ManifestError, Timeline } from '../../engine/index'

export interface FieldProblem {
  readonly path: string
  readonly message: string
  /** The manifest document the refused request carried (0 for the first). */
  readonly document: number
}

/** `spec.containers[0].resources.requests[cpu]` → `spec.containers.0.resources.requests.cpu`. */
export function toPositionPath(fieldPath: string): string {
  return fieldPath.replace(/\[(\d+)\]/g, '.$1').replace(/\[([^\]]+)\]/g, '.$1')
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
