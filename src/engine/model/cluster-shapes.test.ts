/**
 * Every field of every kind the cluster file may hold, given a value of the wrong shape: the file is
 * refused with a located error naming the kind and the field (as the apiserver's decoder and client-go
 * refuse a wrong JSON type), never a TypeError in a component (issue 12). The fields come from the
 * shapes themselves (cluster-shapes.ts), so a field added there is covered here.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { Shape } from './go-json-shape'
import { KIND_SHAPES, PODLIFE_SHAPES } from './cluster-shapes'
import { parseClusterText } from './cluster-file'

interface FieldCase {
  readonly kind: string
  readonly podlife: boolean
  /** Steps from the object's root: a field name, or 0 for the first element of a list, or a map key. */
  readonly steps: readonly (string | 0)[]
  /** As the error prints it: `spec.taints[0].key`. */
  readonly path: string
  readonly shape: Shape
}

const MAX_DEPTH = 6

function fields(kind: string, podlife: boolean, shape: Shape): FieldCase[] {
  const out: FieldCase[] = []
  const walk = (s: Shape, steps: (string | 0)[], path: string, depth: number): void => {
    if (steps.length > 0) out.push({ kind, podlife, steps, path, shape: s })
    if (depth >= MAX_DEPTH) return
    if (s.t === 'struct')
      for (const [name, f] of Object.entries(s.fields)) {
        if (steps.length === 0 && (name === 'kind' || name === 'apiVersion')) continue
        walk(f, [...steps, name], path ? `${path}.${name}` : name, depth + 1)
      }
    else if (s.t === 'list') walk(s.of, [...steps, 0], `${path}[0]`, depth + 1)
    else if (s.t === 'map') walk(s.of, [...steps, 'k'], `${path}.k`, depth + 1)
  }
  walk(shape, [], '', 0)
  return out
}

/** Values Go's decoder refuses for a field of this shape (none for the shapes that take anything). */
function wrongValues(s: Shape): unknown[] {
  switch (s.t) {
    case 'string':
      return [5, true, ['a'], { a: 'b' }]
    case 'bool':
      return ['yes', 1, ['a'], { a: 'b' }]
    case 'int':
      return ['x', true, 1.5, ['a'], { a: 'b' }]
    case 'number':
      return ['x', true, ['a'], { a: 'b' }]
    case 'quantity':
    case 'intOrString':
      return [true, ['a'], { a: 'b' }]
    case 'list':
      return ['x', 5, { a: 'b' }]
    case 'map':
    case 'struct':
      return ['x', 5, true, ['a']]
    default:
      return []
  }
}

function objectWith(c: FieldCase, value: unknown): Record<string, unknown> {
  const root: Record<string, unknown> = {
    apiVersion: c.podlife ? 'podlife.dev/v1alpha1' : 'v1',
    kind: c.kind,
    metadata: { name: 'x' },
  }
  let at: Record<string, unknown> | unknown[] = root
  c.steps.forEach((step, i) => {
    const last = i === c.steps.length - 1
    const next = c.steps[i + 1]
    const key = step === 0 ? 0 : step
    if (last) {
      ;(at as Record<string | number, unknown>)[key] = value
      return
    }
    const existing = (at as Record<string | number, unknown>)[key]
    const child =
      existing && typeof existing === 'object' ? existing : next === 0 ? [] : ({} as Record<string, unknown>)
    ;(at as Record<string | number, unknown>)[key] = child
    at = child as Record<string, unknown> | unknown[]
  })
  return root
}

const CASES = [
  ...Object.entries(KIND_SHAPES).flatMap(([kind, s]) => fields(kind, false, s)),
  ...Object.entries(PODLIFE_SHAPES).flatMap(([kind, s]) => fields(kind, true, s)),
].filter((c) => wrongValues(c.shape).length > 0)

describe('a cluster file with a field of the wrong shape', () => {
  it('covers the fields of every kind', () => {
    expect(new Set(CASES.map((c) => c.kind)).size).toBe(
      Object.keys(KIND_SHAPES).length + Object.keys(PODLIFE_SHAPES).length,
    )
    expect(CASES.length).toBeGreaterThan(300)
  })

  it('is refused with the kind, its name and the field, for every field and every wrong value', () => {
    for (const c of CASES)
      for (const value of wrongValues(c.shape)) {
        const text = JSON.stringify(objectWith(c, value))
        const r = parseClusterText(text)
        const where = `${c.kind} ${c.path} = ${JSON.stringify(value)}`
        expect(r.ok, where).toBe(false)
        if (r.ok) continue
        expect(r.error, where).toContain(c.kind)
        // A wrong metadata.name leaves the object unnamed; any other field is reported at its path.
        if (c.path !== 'metadata.name' && c.path !== 'metadata') expect(r.error, where).toContain(`"x": `)
        expect(r.error, where).toContain(c.path.split(/[.[]/)[0]!)
      }
  })

  it('property: any mix of valid objects and one wrong field is refused at that field, never thrown', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CASES), fc.nat(), fc.boolean(), (c, pick, asYamlList) => {
        const values = wrongValues(c.shape)
        const bad = objectWith(c, values[pick % values.length])
        const good = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'fine' } }
        const text = asYamlList
          ? JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [good, bad] })
          : `${JSON.stringify(good)}\n---\n${JSON.stringify(bad)}\n`
        const r = parseClusterText(text)
        return !r.ok && r.error.includes(c.kind)
      }),
      { numRuns: 300 },
    )
  })
})
