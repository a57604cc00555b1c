/** The engine's located manifest errors as Monaco markers (pure, tested in Node). */
import type { ManifestError } from '../../engine/index'

export interface MarkerData {
  readonly severity: 8
  readonly message: string
  readonly startLineNumber: number
  readonly startColumn: number
  readonly endLineNumber: number
  readonly endColumn: number
  readonly source: 'kubectl'
}

/** Monaco's MarkerSeverity.Error. */
const ERROR = 8 as const

export function toMarkers(
  errors: readonly ManifestError[],
  lineLength: (line: number) => number,
): MarkerData[] {
  return errors.map((e) => ({
    severity: ERROR,
    message: e.kubectl,
    startLineNumber: e.line,
    startColumn: e.column,
    endLineNumber: e.endLine ?? e.line,
    endColumn: e.endColumn ?? Math.max(e.column + 1, lineLength(e.line) + 1),
    source: 'kubectl',
  }))
}
