/**
 * Reads a manifest the way kubectl does: one or more YAML (or JSON) documents
 * separated by `---`, each converted to JSON. Errors are values with a 1-based
 * line and column, so the editor can mark them and kubectl can print them.
 *
 * kubectl itself only checks that each document has `apiVersion` and `kind`;
 * field validation happens on the server (fieldValidation=Strict).
 * Upstream: k8s.io/cli-runtime/pkg/resource/visitor.go, k8s.io/apimachinery/pkg/util/yaml.
 */
import { LineCounter, parseAllDocuments, isMap, isSeq, isScalar, isAlias, type Node as YamlNode } from 'yaml'
import type { JsonObject } from '../model/objects'
import { toGoYamlError, unknownAnchor } from './go-yaml-error'
import { INVALID_OBJECT, goJsonTypeOf, validationFailed, type GoJsonType } from './client-validation'
import {
  DEPTH_MESSAGE,
  MAX_ALIAS_COUNT,
  MAX_DEPTH,
  MAX_MANIFEST_DOCUMENTS,
  STACK_MESSAGE,
  documentsMessage,
  isNestedDeeperThan,
  isStackOverflow,
} from './parse-limits'

export interface ManifestError {
  readonly line: number
  readonly column: number
  readonly endLine?: number
  readonly endColumn?: number
  readonly message: string
  /** The text kubectl prints for this problem (without the leading `error: `). */
  readonly kubectl: string
}

export interface ManifestDocument {
  readonly object: JsonObject
  /** Offsets of each JSON path (`spec.containers.0.image`) to 1-based positions, for markers and highlights. */
  readonly positions: Readonly<Record<string, { line: number; column: number }>>
}

/**
 * One document as kubectl's stream reader meets it (cli-runtime StreamVisitor): an object; YAML that is
 * no mapping (kubectl refuses it, and with validation on stops there: kubectl/client-validation.ts); or a
 * document that cannot be read at all, which ends the stream.
 */
export type ManifestEntry =
  | { readonly type: 'object'; readonly document: ManifestDocument }
  | { readonly type: 'not-an-object'; readonly jsonType: GoJsonType; readonly error: ManifestError }
  | { readonly type: 'unreadable'; readonly error: ManifestError }

export type ParseResult =
  | { readonly ok: true; readonly documents: readonly ManifestDocument[] }
  | {
      readonly ok: false
      /** The first problem; a document that is no mapping counts, though kubectl may read past it. */
      readonly errors: readonly ManifestError[]
      /** The documents before the broken one: kubectl's stream reader has already handed them on. */
      readonly documents?: readonly ManifestDocument[]
      /** Every document in file order, up to an unreadable one: what kubectl reads past a non-mapping. */
      readonly entries?: readonly ManifestEntry[]
    }

/** Beyond this many bytes the manifest is refused before parsing (a real apiserver caps requests at 3 MiB). */
export const MAX_MANIFEST_BYTES = 3 * 1024 * 1024
export function parseManifest(text: string, fileName = 'pod.yaml'): ParseResult {
  try {
    return parseManifestOrThrow(text, fileName)
  } catch (e) {
    // The yaml package recurses per level of nesting: running out of stack is Podlife's limit, never go-yaml's.
    if (isStackOverflow(e)) return fail(1, 1, STACK_MESSAGE, `error parsing ${fileName}: ${STACK_MESSAGE}`)
    throw e
  }
}

function parseManifestOrThrow(text: string, fileName: string): ParseResult {
  if (text.length > MAX_MANIFEST_BYTES) {
    const message = `the manifest is ${text.length} bytes, more than the ${MAX_MANIFEST_BYTES} bytes a request may carry`
    return fail(1, 1, message, `error parsing ${fileName}: ${message}`)
  }
  const lineCounter = new LineCounter()
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false })
  const list = Array.isArray(docs) ? docs : [docs]
  if (list.length > MAX_MANIFEST_DOCUMENTS) {
    const line = lineCounter.linePos(list[MAX_MANIFEST_DOCUMENTS]!.range[0]).line
    const message = documentsMessage(MAX_MANIFEST_DOCUMENTS, 'one manifest')
    return fail(line, 1, message, `error parsing ${fileName}: ${message}`)
  }
  const entries: ManifestEntry[] = []
  // An unreadable document ends the stream: kubectl has handed on what came before it.
  const stop = (line: number, column: number, message: string, kubectl: string): ParseResult => {
    entries.push({ type: 'unreadable', error: { line, column, message, kubectl } })
    return resultOf(entries)
  }
  for (const doc of list) {
    const err = doc.errors[0]
    if (doc.errors.some(isStackOverflow)) throw new RangeError(STACK_MESSAGE)
    if (err) {
      const pos = lineCounter.linePos(err.pos[0])
      const goError = toGoYamlError(text, err, lineCounter)
      return stop(
        goError.fileLine,
        goError.fileLine === pos.line ? pos.col : 1,
        err.message.split('\n')[0] ?? err.message,
        `error parsing ${fileName}: error converting YAML to JSON: yaml: ${goError.text}`,
      )
    }
    if (doc.contents === null) continue
    let value: unknown
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
    } catch (e) {
      if (isStackOverflow(e)) throw e
      const message = e instanceof Error ? e.message : String(e)
      // go-yaml reports an alias to an undefined anchor without a line (decode.go).
      const colon = message.lastIndexOf(': ')
      const alias = message.startsWith('Unresolved alias') && colon >= 0 ? message.slice(colon + 2) : ''
      const goText = alias && !alias.includes('\n') ? unknownAnchor(alias) : message
      return stop(1, 1, message, `error parsing ${fileName}: error converting YAML to JSON: yaml: ${goText}`)
    }
    if (value === null || value === undefined) continue
    if (isNestedDeeperThan(value, MAX_DEPTH)) {
      const pos = lineCounter.linePos(doc.contents.range?.[0] ?? 0)
      return stop(pos.line, pos.col, DEPTH_MESSAGE, `error parsing ${fileName}: ${DEPTH_MESSAGE}`)
    }
    const jsonType = goJsonTypeOf(value)
    if (jsonType) {
      const pos = lineCounter.linePos(doc.contents.range?.[0] ?? 0)
      const message = `${INVALID_OBJECT}: this document is a ${jsonType === 'bool' ? 'boolean' : jsonType}, not a mapping with apiVersion and kind`
      // The text kubectl prints with validation on, its default; plan.ts words it for --validate=false.
      const kubectl = validationFailed(fileName, INVALID_OBJECT)
      entries.push({
        type: 'not-an-object',
        jsonType,
        error: { line: pos.line, column: pos.col, message, kubectl },
      })
      continue
    }
    const positions: Record<string, { line: number; column: number }> = {}
    collectPositions(doc.contents, '', positions, lineCounter, 0)
    const object = value as JsonObject
    if (object['kind'] === 'List' && Array.isArray(object['items'])) {
      // kubectl flattens a List: each item is an object of its own, with its own field positions.
      const byItem = positionsByItem(positions)
      object['items'].forEach((item, i) =>
        entries.push({
          type: 'object',
          document: { object: item as JsonObject, positions: byItem.get(String(i)) ?? {} },
        }),
      )
    } else entries.push({ type: 'object', document: { object, positions } })
  }
  return resultOf(entries)
}

/** ok with every document, or the first problem with the documents before it and every entry read. */
function resultOf(entries: readonly ManifestEntry[]): ParseResult {
  const first = entries.findIndex((e) => e.type !== 'object')
  const objects = (list: readonly ManifestEntry[]) =>
    list.flatMap((e) => (e.type === 'object' ? [e.document] : []))
  if (first < 0) return { ok: true, documents: objects(entries) }
  const problem = entries[first]!
  if (problem.type === 'object') throw new Error('resultOf: the first problem is an object')
  return { ok: false, errors: [problem.error], documents: objects(entries.slice(0, first)), entries }
}

/**
 * The positions under `items.<i>`, keyed by `<i>` and re-rooted at the item, in one pass over the
 * List's positions (a 1,200-item List has about 10,000 of them; one filtering pass per item was quadratic).
 */
function positionsByItem(
  positions: Readonly<Record<string, { line: number; column: number }>>,
): Map<string, Record<string, { line: number; column: number }>> {
  const out = new Map<string, Record<string, { line: number; column: number }>>()
  for (const [path, at] of Object.entries(positions)) {
    if (!path.startsWith('items.')) continue
    const rest = path.slice('items.'.length)
    const dot = rest.indexOf('.')
    const index = dot < 0 ? rest : rest.slice(0, dot)
    let item = out.get(index)
    if (!item) out.set(index, (item = {}))
    item[dot < 0 ? '' : rest.slice(dot + 1)] = at
  }
  return out
}

function fail(line: number, column: number, message: string, kubectl: string): ParseResult {
  return { ok: false, errors: [{ line, column, message, kubectl }], documents: [] }
}

function collectPositions(
  node: YamlNode | null | undefined,
  path: string,
  out: Record<string, { line: number; column: number }>,
  lc: LineCounter,
  depth: number,
): void {
  if (!node || depth > 32 || isAlias(node)) return
  if (node.range) {
    const p = lc.linePos(node.range[0])
    out[path] = { line: p.line, column: p.col }
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : ''
      const childPath = path ? `${path}.${key}` : key
      if (isScalar(pair.key) && pair.key.range) {
        const p = lc.linePos(pair.key.range[0])
        out[childPath] = { line: p.line, column: p.col }
      }
      collectPositions(pair.value as YamlNode | null, childPath, out, lc, depth + 1)
      if (isScalar(pair.key) && pair.key.range) {
        const p = lc.linePos(pair.key.range[0])
        out[childPath] = { line: p.line, column: p.col }
      }
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) =>
      collectPositions(item as YamlNode, path ? `${path}.${i}` : String(i), out, lc, depth + 1),
    )
  } else if (isScalar(node)) {
    return
  }
}
