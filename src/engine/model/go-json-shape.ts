/**
 * The shape of a decoded JSON value, as a Go type would accept it, and a checker that finds the first
 * field of the wrong shape. Kubernetes decodes every object and kubeconfig with encoding/json into
 * typed structs, so a number where a string belongs never reaches a component; the engine checks the
 * same at its edge (cluster-shapes.ts, kubectl/kubeconfig-shape.ts) so that no component meets a value
 * it cannot use.
 *
 * As in encoding/json, `null` is accepted anywhere (it leaves the zero value) and unknown fields are
 * ignored. The first error in document order is reported, as json.Unmarshal returns the first
 * UnmarshalTypeError. Upstream: golang encoding/json decode.go (UnmarshalTypeError.Error, addErrorContext).
 *
 * The checker walks iteratively with an explicit stack, so a 100,000-deep value cannot overflow it.
 */

export type Shape =
  | { readonly t: 'string' | 'bool' | 'int' | 'number' | 'bytes' | 'any' | 'quantity' | 'intOrString' }
  | { readonly t: 'list'; readonly of: Shape }
  | { readonly t: 'map'; readonly of: Shape }
  | { readonly t: 'struct'; readonly name: string; readonly fields: Readonly<Record<string, Shape>> }
  /** A string or a mapping (ABAC policy lines). */
  | { readonly t: 'stringOrObject' }

export const str: Shape = { t: 'string' }
export const bool: Shape = { t: 'bool' }
export const int: Shape = { t: 'int' }
export const num: Shape = { t: 'number' }
export const bytes: Shape = { t: 'bytes' }
export const any: Shape = { t: 'any' }
export const quantity: Shape = { t: 'quantity' }
export const intOrString: Shape = { t: 'intOrString' }
export const list = (of: Shape): Shape => ({ t: 'list', of })
export const map = (of: Shape): Shape => ({ t: 'map', of })
export const struct = (name: string, fields: Record<string, Shape>): Shape => ({ t: 'struct', name, fields })

export interface ShapeError {
  /** Readable path from the checked value: `spec.containers[0].ports`. */
  readonly path: string
  /** JSON field names only, as Go prints them: `spec.containers.ports`. */
  readonly goPath: string
  /** The innermost Go struct that holds the field (`Container`). */
  readonly goStruct: string
  /** Go's name for the JSON value met: `object`, `array`, `number`, `number 1.5`, `string`, `bool`. */
  readonly got: string
  /** Go's name of the expected type: `string`, `[]string`, `v1.Container`. */
  readonly goType: string
  /** What the field must be, in words: `a list of strings`. */
  readonly expected: string
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'object') return 'object'
  if (typeof v === 'number') return 'number'
  if (typeof v === 'boolean') return 'bool'
  return 'string'
}

function goTypeOf(s: Shape): string {
  switch (s.t) {
    case 'string':
      return 'string'
    case 'bool':
      return 'bool'
    case 'int':
      return 'int64'
    case 'number':
      return 'float64'
    case 'bytes':
      return '[]uint8'
    case 'quantity':
      return 'resource.Quantity'
    case 'intOrString':
      return 'intstr.IntOrString'
    case 'any':
    case 'stringOrObject':
      return 'interface {}'
    case 'list':
      return `[]${goTypeOf(s.of)}`
    case 'map':
      return `map[string]${goTypeOf(s.of)}`
    case 'struct':
      return `v1.${s.name}`
    default:
      return s satisfies never
  }
}

function expectedOf(s: Shape): string {
  switch (s.t) {
    case 'string':
    case 'bytes':
      return 'a string'
    case 'bool':
      return 'a boolean'
    case 'int':
      return 'an integer'
    case 'number':
      return 'a number'
    case 'quantity':
      return 'a quantity (a string or a number)'
    case 'intOrString':
      return 'an integer or a string'
    case 'stringOrObject':
      return 'a string or a mapping'
    case 'any':
      return 'a value'
    case 'list':
      return s.of.t === 'string' ? 'a list of strings' : 'a list'
    case 'map':
      return s.of.t === 'string' ? 'a map of strings' : 'a mapping'
    case 'struct':
      return 'a mapping'
    default:
      return s satisfies never
  }
}

/** Whether `v` has the shape's own type (not looking inside lists, maps and structs). */
function fits(s: Shape, v: unknown): boolean {
  switch (s.t) {
    case 'any':
      return true
    case 'string':
    case 'bytes':
      return typeof v === 'string'
    case 'bool':
      return typeof v === 'boolean'
    case 'int':
      return typeof v === 'number' && Number.isInteger(v)
    case 'number':
      return typeof v === 'number' && Number.isFinite(v)
    case 'quantity':
    case 'intOrString':
      return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))
    case 'stringOrObject':
      return typeof v === 'string' || (typeof v === 'object' && !Array.isArray(v))
    case 'list':
      return Array.isArray(v)
    case 'map':
    case 'struct':
      return typeof v === 'object' && !Array.isArray(v)
    default:
      return s satisfies never
  }
}

interface Frame {
  readonly shape: Shape
  readonly value: unknown
  readonly path: string
  readonly goPath: string
  readonly goStruct: string
  /** The list that holds this element, when a list of scalars is reported as a whole. */
  readonly listOf?: { readonly shape: Shape; readonly path: string }
}

/** The first value of the wrong shape under `value`, or null. `null` values are accepted everywhere. */
export function checkShape(value: unknown, shape: Shape, rootStruct: string): ShapeError | null {
  const stack: Frame[] = [{ shape, value, path: '', goPath: '', goStruct: rootStruct }]
  while (stack.length > 0) {
    const f = stack.pop()!
    const v = f.value
    if (v === null || v === undefined) continue
    if (!fits(f.shape, v)) {
      const at = f.listOf ?? { shape: f.shape, path: f.path }
      return {
        path: at.path,
        goPath: f.goPath,
        goStruct: f.goStruct,
        got: typeof v === 'number' && f.shape.t === 'int' ? `number ${v}` : jsonKind(v),
        goType: goTypeOf(f.shape),
        expected: expectedOf(at.shape),
      }
    }
    const s = f.shape
    if (s.t === 'list') {
      const items = v as unknown[]
      const scalar = s.of.t !== 'struct' && s.of.t !== 'list' && s.of.t !== 'map'
      for (let i = items.length - 1; i >= 0; i--)
        stack.push({
          shape: s.of,
          value: items[i],
          path: `${f.path}[${i}]`,
          goPath: f.goPath,
          goStruct: f.goStruct,
          ...(scalar ? { listOf: { shape: s, path: f.path } } : {}),
        })
    } else if (s.t === 'map') {
      const keys = Object.keys(v as object)
      const scalar = s.of.t !== 'struct' && s.of.t !== 'list' && s.of.t !== 'map'
      for (let i = keys.length - 1; i >= 0; i--)
        stack.push({
          shape: s.of,
          value: (v as Record<string, unknown>)[keys[i]!],
          path: `${f.path}.${keys[i]!}`,
          goPath: f.goPath,
          goStruct: f.goStruct,
          ...(scalar ? { listOf: { shape: s, path: f.path } } : {}),
        })
    } else if (s.t === 'struct') {
      const keys = Object.keys(v as object)
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i]!
        const field = Object.hasOwn(s.fields, k) ? s.fields[k] : undefined
        if (!field) continue
        stack.push({
          shape: field,
          value: (v as Record<string, unknown>)[k],
          path: f.path ? `${f.path}.${k}` : k,
          goPath: f.goPath ? `${f.goPath}.${k}` : k,
          goStruct: s.name,
        })
      }
    }
  }
  return null
}

/** encoding/json's text: `json: cannot unmarshal number into Go struct field Config.contexts of type []v1.NamedContext`. */
export function goJsonMessage(e: ShapeError): string {
  return `json: cannot unmarshal ${e.got} into Go struct field ${e.goStruct}.${e.goPath} of type ${e.goType}`
}
