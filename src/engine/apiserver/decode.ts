/**
 * Decoding a request body into a Pod, as the apiserver's JSON serializer does:
 * wrong JSON types fail the whole request, unknown fields are collected for
 * field validation (Strict fails, Warn warns, Ignore drops them), and every
 * resource quantity is parsed and rewritten in canonical form.
 * Upstream: staging/src/k8s.io/apimachinery/pkg/runtime/serializer/json (strict),
 * staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go, rest.go (transformDecodeError)
 */
import schema from '../model/pod-fields.schema.json'
import type { Json, JsonObject } from '../model/objects'
import { parseQuantity } from '../model/quantity'
import { APPS_DEFINITIONS } from '../model/apps-fields'

interface SchemaNode {
  readonly $ref?: string
  readonly type?: string | readonly string[]
  readonly properties?: Readonly<Record<string, SchemaNode>>
  readonly additionalProperties?: boolean | SchemaNode
  readonly items?: SchemaNode
  readonly anyOf?: readonly SchemaNode[]
  readonly const?: unknown
}

const DEFINITIONS: Readonly<Record<string, SchemaNode>> = {
  ...(schema as unknown as { definitions: Record<string, SchemaNode> }).definitions,
  ...(APPS_DEFINITIONS as Record<string, SchemaNode>),
}

/** Fields whose Go type is int64 rather than int32 (pkg/apis/core/v1 types.go). */
const INT64_FIELDS = new Set([
  'terminationGracePeriodSeconds',
  'activeDeadlineSeconds',
  'runAsUser',
  'runAsGroup',
  'fsGroup',
  'expirationSeconds',
  'tolerationSeconds',
  'deletionGracePeriodSeconds',
  'generation',
  'observedGeneration',
])

export interface DecodeResult {
  /** The decoded object with canonical quantities; absent when decoding failed. */
  readonly object?: JsonObject
  /** A decode error that fails the request with 400 BadRequest. */
  readonly error?: string
  /** Unknown fields, as `unknown field "spec.foo"`, in document order. */
  readonly unknownFields: readonly string[]
}

export function decodePod(body: Json): DecodeResult {
  return decodeAs(body, 'Pod')
}

/** Decoding into another kind of the schema (Deployment, ReplicaSet), with the same rules. */
export function decodeAs(body: Json, kind: string): DecodeResult {
  const unknown: string[] = []
  const errors: string[] = []
  const root = resolve({ $ref: `#/definitions/${kind}` })
  const object = walk(body, root, kind, '', '', unknown, errors)
  if (errors[0] !== undefined) return { error: errors[0], unknownFields: unknown }
  return { object: object as JsonObject, unknownFields: unknown }
}

function resolve(node: SchemaNode): SchemaNode {
  let n = node
  for (let i = 0; i < 8 && n.$ref; i++) {
    const name = n.$ref.replace('#/definitions/', '')
    n = DEFINITIONS[name] ?? {}
  }
  return n
}

function refName(node: SchemaNode): string | undefined {
  return node.$ref?.replace('#/definitions/', '')
}

function jsonType(v: Json): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  return typeof v === 'object' ? 'object' : typeof v
}

function goType(schemaType: string, field: string, node: SchemaNode): string {
  if (node === DEFINITIONS['Quantity']) return 'resource.Quantity'
  switch (schemaType) {
    case 'number':
      return INT64_FIELDS.has(field) ? 'int64' : 'int32'
    case 'boolean':
      return 'bool'
    case 'array':
      return '[]'
    case 'object':
      return 'map'
    default:
      return 'string'
  }
}

function walk(
  value: Json,
  rawNode: SchemaNode,
  goStruct: string,
  jsonPath: string,
  goPath: string,
  unknown: string[],
  errors: string[],
): Json | undefined {
  const isQuantity = refName(rawNode) === 'Quantity'
  const node = resolve(rawNode)
  if (value === null) return value
  if (isQuantity) {
    if (typeof value !== 'string' && typeof value !== 'number') {
      errors.push(
        `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
      )
      return undefined
    }
    const r = parseQuantity(String(value))
    if (!r.ok) {
      errors.push(r.error)
      return undefined
    }
    return r.quantity.canonical
  }
  const types = node.type === undefined ? [] : typeof node.type === 'string' ? [node.type] : node.type
  const actual = jsonType(value)
  if (types.length > 0 && !types.includes(actual) && !(actual === 'number' && types.includes('integer'))) {
    const field = goPath.split('.').pop() ?? ''
    const expected = goType(types[0] ?? 'string', field, node)
    errors.push(
      `json: cannot unmarshal ${actual} into Go struct field ${goStruct}.${goPath} of type ${expected}`,
    )
    return undefined
  }
  if (actual === 'array') {
    const items = node.items ?? {}
    // A null element of a list of structs decodes to the struct's zero value, as encoding/json does.
    const zero = resolve(items).properties ? {} : null
    return (value as readonly Json[]).map(
      (v, i) =>
        walk(v === null ? zero : v, items, goStruct, `${jsonPath}[${i}]`, goPath, unknown, errors) ?? null,
    )
  }
  if (actual === 'object') {
    const out: Record<string, Json> = {}
    const props = node.properties
    for (const [key, v] of Object.entries(value as JsonObject)) {
      const childJson = jsonPath ? `${jsonPath}.${key}` : key
      const childGo = goPath ? `${goPath}.${key}` : key
      const propNode = props?.[key]
      if (propNode) {
        // Errors name the innermost Go struct and the full field path (sigs.k8s.io/json).
        const structNode = propNode.items ?? propNode
        const childStruct = resolve(structNode).properties ? (refName(structNode) ?? goStruct) : goStruct
        const nested = walk(v, propNode, childStruct, childJson, childGo, unknown, errors)
        if (nested !== undefined) out[key] = nested
      } else if (typeof node.additionalProperties === 'object') {
        const nested = walk(v, node.additionalProperties, goStruct, childJson, childGo, unknown, errors)
        if (nested !== undefined) out[key] = nested
      } else if (props && node.additionalProperties === false) {
        unknown.push(`unknown field "${childJson}"`)
      } else {
        out[key] = v
      }
    }
    return out
  }
  return value
}
