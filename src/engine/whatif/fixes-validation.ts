/**
 * Fixes for a pod the apiserver could not accept as written: unknown fields under strict field
 * validation (400 BadRequest: rename to the field the schema has at that place, or remove it) and
 * invalid values (422 Invalid) where the fix is obvious from the cause: a name that is not an
 * RFC 1123 name (lower-cased, other characters turned into '-'), an unsupported value (the listed
 * value it most resembles). A 422 is fixed as a whole or not at all: every cause must have a fix, or
 * the re-run would only be refused again.
 *
 * The cause texts are upstream's: staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go
 * (Invalid, NotSupported, Required), pkg/util/validation/validation.go (IsDNS1123Subdomain/Label), and
 * the strict decoder's `unknown field "…"` (sigs.k8s.io/json, via apimachinery runtime/serializer/json).
 */
import schema from '../model/pod-fields.schema.json'
import { closest } from './string-distance'
import type { ObjectEditor, Path } from './document-edit'
import { podChange, type FixContext, type FixFamily, type StatusCause } from './fix-context'
import type { Candidate } from './types'

interface SchemaNode {
  readonly $ref?: string
  readonly properties?: Readonly<Record<string, SchemaNode>>
  readonly items?: SchemaNode
  readonly anyOf?: readonly SchemaNode[]
}
const DEFINITIONS = (schema as unknown as { definitions: Record<string, SchemaNode> }).definitions

function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  let n = node
  for (let i = 0; i < 8 && n?.$ref; i++) n = DEFINITIONS[n.$ref.replace('#/definitions/', '')]
  return n?.anyOf?.find((a) => resolve(a)?.properties) ?? n
}

/** `spec.containers[0].imagePullPolice` → ['spec', 'containers', 0, 'imagePullPolice']. */
export function parseFieldPath(field: string): Path {
  const out: (string | number)[] = []
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!)
  return out
}

/** The fields the Pod schema knows at the place `path` points into. */
function knownFieldsAt(path: Path): string[] {
  let node = resolve(DEFINITIONS['Pod'])
  for (const k of path) {
    node = resolve(typeof k === 'number' ? node?.items : node?.properties?.[k])
    if (!node) return []
  }
  return Object.keys(node?.properties ?? {})
}

/** How many edits a misspelt field may be from a real one. */
const MAX_FIELD_EDITS = 3

function unknownFields(ctx: FixContext): Candidate[] {
  const r = ctx.refusal
  // The 400's message lists them: `strict decoding error: unknown field "a", unknown field "b"`.
  if (!r || r.code !== 400 || !r.message.includes('strict decoding error')) return []
  const fields = [...r.message.matchAll(/unknown field "([^"]+)"/g)].map((m) => m[1]!)
  if (fields.length === 0) return []
  const steps: { path: Path; to: string | null; field: string }[] = fields.map((field) => {
    const path = parseFieldPath(field)
    const name = String(path[path.length - 1])
    return { path, field, to: closest(name, knownFieldsAt(path.slice(0, -1)), MAX_FIELD_EDITS) }
  })
  const change = podChange(ctx, (e) =>
    steps.forEach((s) => (s.to ? e.rename(s.path, s.to) : e.remove(s.path))),
  )
  if (!change) return []
  const says = steps.map((s) =>
    s.to ? `${String(s.path[s.path.length - 1])} → ${s.to}` : `remove ${s.field}`,
  )
  const only = steps[0]!
  return [
    {
      id: `validation:unknown-fields:${fields.join(',')}`,
      title:
        steps.length === 1
          ? only.to
            ? `Rename ${String(only.path[only.path.length - 1])} to ${only.to}`
            : `Remove the unknown field ${only.field}`
          : `Fix ${steps.length} unknown fields (${says.join(', ')})`,
      why: `The apiserver refused the pod with ${r.code} ${r.reason}: "${r.message}".`,
      change,
    },
  ]
}

/** An RFC 1123 name from any text: lower case, runs of other characters as one '-', trimmed. */
export function toDnsName(value: string, allowDots: boolean, max: number): string {
  const lowered = value.toLowerCase().replace(allowDots ? /[^a-z0-9.]+/g : /[^a-z0-9]+/g, '-')
  return lowered.slice(0, max).replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
}

const SUPPORTED = /^Unsupported value: "([^"]*)": supported values: (.*)$/

/** The fix of one 422 cause, or null when it is not obvious. */
function fixCause(c: StatusCause): { path: Path; value: string; label: string } | null {
  const path = parseFieldPath(c.field ?? '')
  const leaf = String(path[path.length - 1] ?? '')
  const message = c.message ?? ''
  if (c.reason === 'FieldValueInvalid' && leaf === 'name' && message.includes('RFC 1123')) {
    const value = /^Invalid value: "([^"]*)"/.exec(message)?.[1] ?? ''
    const subdomain = message.includes('RFC 1123 subdomain')
    const name = toDnsName(value, subdomain, subdomain ? 253 : 63)
    return name && name !== value ? { path, value: name, label: `name ${name}` } : null
  }
  const m = c.reason === 'FieldValueNotSupported' ? SUPPORTED.exec(message) : null
  if (m) {
    const options = [...m[2]!.matchAll(/"([^"]*)"/g)].map((x) => x[1]!)
    // A near miss (case, a typo) is the value meant; otherwise the first listed, which upstream lists first as the default.
    const value = closest(m[1]!, options, 2) ?? options[0]
    return value === undefined ? null : { path, value, label: `${leaf} ${value}` }
  }
  return null
}

function invalidValues(ctx: FixContext): Candidate[] {
  const r = ctx.refusal
  if (!r || r.code !== 422 || r.causes.length === 0) return []
  const fixes = r.causes.map(fixCause)
  if (fixes.some((f) => f === null)) return []
  const all = fixes as NonNullable<(typeof fixes)[number]>[]
  const change = podChange(ctx, (e: ObjectEditor) => all.forEach((f) => e.set(f.path, f.value)))
  if (!change) return []
  return [
    {
      id: `validation:invalid:${all.map((f) => f.path.join('.')).join(',')}`,
      title:
        all.length === 1
          ? `Set ${all[0]!.label}`
          : `Fix ${all.length} fields: ${all.map((f) => f.label).join(', ')}`,
      why: `The apiserver refused the pod with 422 Invalid: ${r.causes.map((c) => `"${c.field}: ${c.message}"`).join('; ')}.`,
      change,
    },
  ]
}

export const ValidationFixes: FixFamily = {
  name: 'Validation',
  candidates: (ctx) => [...unknownFields(ctx), ...invalidValues(ctx)],
}
