/**
 * field.Error rendering from k8s.io/apimachinery/pkg/util/validation/field/errors.go:
 * strings are quoted, integers are not.
 */
export function fmtValue(v: unknown): string {
  if (typeof v === 'number' && Number.isInteger(v)) return String(v)
  if (typeof v === 'string') return JSON.stringify(v)
  return JSON.stringify(v)
}

export const invalid = (path: string, value: unknown, detail: string): string =>
  `${path}: Invalid value: ${fmtValue(value)}: ${detail}`
export const required = (path: string, detail = ''): string =>
  detail ? `${path}: Required value: ${detail}` : `${path}: Required value`
export const duplicate = (path: string, value: unknown): string =>
  `${path}: Duplicate value: ${fmtValue(value)}`
export const unsupported = (path: string, value: unknown, supported: readonly string[]): string =>
  `${path}: Unsupported value: ${fmtValue(value)}: supported values: ${supported.map((s) => `"${s}"`).join(', ')}`

/** `Pod "x" is invalid: e` or, with several errors, `Pod "x" is invalid: [e1, e2]` (errors.NewInvalid). */
export function invalidMessage(kind: string, name: string, errors: readonly string[]): string {
  const body = errors.length === 1 ? errors[0]! : `[${errors.join(', ')}]`
  return `${kind} "${name}" is invalid: ${body}`
}
