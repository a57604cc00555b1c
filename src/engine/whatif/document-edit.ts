/**
 * Editing one object of a manifest or cluster file the way a person would: the YAML is changed
 * through the `yaml` package's Document API, so comments, key order, quoting and flow collections
 * survive, and only the document that changed is re-printed (every other document is kept byte for
 * byte). JSON text is edited as JSON and printed with its own indentation. A `kind: List` document is
 * searched item by item, as kubectl reads it.
 */
import { Document, isMap, isNode, isScalar, isSeq, parseAllDocuments } from 'yaml'
import type { JsonObject, KubeObject } from '../model/objects'
import { isJsWhitespace, trailingRun } from '../model/text-trim'

export type Path = readonly (string | number)[]

/** Reads and edits one object; paths are relative to the object (`['spec', 'containers', 0, 'image']`). */
export interface ObjectEditor {
  /** The value at `path` as plain JSON (after the edits so far), or undefined. */
  get(path: Path): unknown
  /** Sets a value, creating the maps and lists on the way. A scalar keeps the old one's quoting. */
  set(path: Path, value: unknown): void
  /** Removes the value; maps left empty by it are removed too (but never the object itself). */
  remove(path: Path): void
  /** Renames the key at `path`, keeping its value and its place. */
  rename(path: Path, key: string): void
  /** Appends to the list at `path`, creating it when absent. */
  append(path: Path, value: unknown): void
}

export type EditFn = (e: ObjectEditor) => void
export type MatchFn = (object: JsonObject) => boolean

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

// ---- plain JSON values ------------------------------------------------------------------------

function plainEditor(root: Record<string, unknown>): ObjectEditor {
  const walk = (path: Path): unknown => {
    let v: unknown = root
    for (const k of path) {
      if (Array.isArray(v) && typeof k === 'number') v = v[k]
      else if (isObject(v) && typeof k === 'string') v = v[k]
      else return undefined
    }
    return v
  }
  const editor: ObjectEditor = {
    get: (path) => walk(path),
    set(path, value) {
      let v: unknown = root
      path.forEach((k, i) => {
        const last = i === path.length - 1
        const container = v as Record<string | number, unknown>
        if (last) container[k] = value
        else {
          if (typeof container[k] !== 'object' || container[k] === null)
            container[k] = typeof path[i + 1] === 'number' ? [] : {}
          v = container[k]
        }
      })
    },
    remove(path) {
      for (let n = path.length; n > 0; n--) {
        const parent = walk(path.slice(0, n - 1))
        const k = path[n - 1]!
        if (Array.isArray(parent) && typeof k === 'number') parent.splice(k, 1)
        else if (isObject(parent) && typeof k === 'string') delete parent[k]
        else return
        const above = walk(path.slice(0, n - 1))
        if (n - 1 <= 1 || !isObject(above) || Object.keys(above).length > 0) return
      }
    },
    rename(path, key) {
      const parent = walk(path.slice(0, -1))
      const old = path[path.length - 1]
      if (!isObject(parent) || typeof old !== 'string' || !(old in parent)) return
      const entries = Object.entries(parent).map(([k, v]) => [k === old ? key : k, v] as const)
      for (const k of Object.keys(parent)) delete parent[k]
      for (const [k, v] of entries) parent[k] = v
    },
    append(path, value) {
      const list = walk(path)
      editor.set([...path, Array.isArray(list) ? list.length : 0], value)
    },
  }
  return editor
}

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

/** The objects of a JSON document: the object itself, or the items of a List. */
function targets(root: unknown): { readonly path: Path; readonly object: JsonObject }[] {
  if (!isObject(root)) return []
  if (root['kind'] === 'List' && Array.isArray(root['items']))
    return (root['items'] as unknown[]).flatMap((item, i) =>
      isObject(item) ? [{ path: ['items', i] as Path, object: item as JsonObject }] : [],
    )
  return [{ path: [], object: root as JsonObject }]
}

function prefixed(e: ObjectEditor, prefix: Path): ObjectEditor {
  if (prefix.length === 0) return e
  return {
    get: (p) => e.get([...prefix, ...p]),
    set: (p, v) => e.set([...prefix, ...p], v),
    remove: (p) => e.remove([...prefix, ...p]),
    rename: (p, k) => e.rename([...prefix, ...p], k),
    append: (p, v) => e.append([...prefix, ...p], v),
  }
}

function editJson(text: string, match: MatchFn, edit: EditFn): string | null {
  let root: unknown
  try {
    root = JSON.parse(text)
  } catch {
    return null
  }
  const target = targets(root).find((t) => match(t.object))
  if (!target) return null
  const before = JSON.stringify(root)
  edit(prefixed(plainEditor(root as Record<string, unknown>), target.path))
  if (JSON.stringify(root) === before) return null
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? ''
  return `${JSON.stringify(root, null, indent || undefined)}${text.endsWith('\n') ? '\n' : ''}`
}

// ---- YAML documents ---------------------------------------------------------------------------

function yamlEditor(doc: Document): ObjectEditor {
  const node = (path: Path): unknown => (path.length === 0 ? doc.contents : doc.getIn(path, true))
  const editor: ObjectEditor = {
    get(path) {
      const n = node(path)
      return isNode(n) ? n.toJS(doc) : n
    },
    set(path, value) {
      const plain = value === null || typeof value !== 'object'
      doc.setIn(path, plain ? value : doc.createNode(value))
    },
    remove(path) {
      doc.deleteIn(path)
      for (let n = path.length - 1; n > 1; n--) {
        const parent = node(path.slice(0, n))
        if (!isMap(parent) || parent.items.length > 0) return
        doc.deleteIn(path.slice(0, n))
      }
    },
    rename(path, key) {
      const parent = node(path.slice(0, -1))
      const old = path[path.length - 1]
      if (!isMap(parent)) return
      const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === old)
      if (!pair) return
      if (isScalar(pair.key)) pair.key.value = key
      else pair.key = key
    },
    append(path, value) {
      const list = node(path)
      editor.set([...path, isSeq(list) ? list.items.length : 0], value)
    },
  }
  return editor
}

/** How the text lays out what the printer would otherwise choose: list indentation, flow padding. */
function printOptions(text: string) {
  const indentSeq = !/^( *)[^\s#-][^\n]*:[ \t]*\n\1- /m.test(text)
  const flowCollectionPadding = /[[{] [^\s\]}]/.test(text)
  return { indentSeq, flowCollectionPadding, lineWidth: 0 }
}

function editYaml(text: string, match: MatchFn, edit: EditFn): string | null {
  const docs = parseAllDocuments(text)
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return null
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!
    const target = targets(doc.toJS()).find((t) => match(t.object))
    if (!target) continue
    const start = i === 0 ? 0 : doc.range[0]
    const end = i + 1 < docs.length ? docs[i + 1]!.range[0] : text.length
    const before = doc.toString(printOptions(text))
    edit(prefixed(yamlEditor(doc), target.path))
    const after = doc.toString(printOptions(text))
    if (after === before) return null
    // Keep the blank lines that followed the document.
    const trailing = trailingRun(text.slice(start, end), isJsWhitespace)
    return `${text.slice(0, start)}${after.trimEnd()}${trailing}${text.slice(end)}`
  }
  return null
}

const isJsonText = (text: string) => /^\s*[[{]/.test(text)

/**
 * The text with the first object `match` picks edited by `edit`, or null when no object matches,
 * the text does not parse, or the edit changed nothing.
 */
export function editDocument(text: string, match: MatchFn, edit: EditFn): string | null {
  return isJsonText(text) ? editJson(text, match, edit) : editYaml(text, match, edit)
}

/** The text with `object` added as a new YAML document at the end. */
export function appendDocument(text: string, object: JsonObject): string {
  const body = new Document(object).toString({ indentSeq: false, lineWidth: 0 })
  const sep = text.length === 0 || text.endsWith('\n') ? '' : '\n'
  return `${text}${sep}---\n${body}`
}

/** The objects with the first one `match` picks edited (a new array; the others are shared), or null. */
export function editObjects(
  objects: readonly KubeObject[],
  match: MatchFn,
  edit: EditFn,
): readonly KubeObject[] | null {
  const i = objects.findIndex((o) => match(o as unknown as JsonObject))
  if (i < 0) return null
  const edited = copy(objects[i]!) as unknown as Record<string, unknown>
  const before = JSON.stringify(edited)
  edit(plainEditor(edited))
  if (JSON.stringify(edited) === before) return null
  return objects.map((o, j) => (j === i ? (edited as unknown as KubeObject) : o))
}
