/**
 * A timeline across a worker boundary (issue 12: the engine runs in a Web Worker, the page renders).
 *
 * `postMessage` copies by the structured clone algorithm, which keeps shared references (frames share
 * most of their world) but drops two things the engine relies on: prototypes (etcd's keys are layered
 * on the cluster's keys, etcd/store.ts; objects made with `Object.create(null)`) and private fields
 * (AppendLog, sim/append-log.ts). And one message is deserialised in one task: a 5,000-node cluster's
 * 155,000 objects take over a second, a frozen page.
 *
 * So `encodeTransfer` turns a value into messages that clone cheaply and `TransferReceiver` turns them
 * back into an equal value with the same sharing:
 * - **Chunks first.** Every array or plain object with more than `bulkOver` entries (the cluster's pods,
 *   its etcd keys, the nodes) travels as chunks of `chunkSize` entries, each message its own task on
 *   the receiving side. An object listed by several such containers travels once, with the first; the
 *   others point at it (a `ref`).
 * - **Recipes, with where they go.** A value the clone would spoil is replaced by a recipe (how to make
 *   it again), and its holder by a shallow copy; each message lists the places (holder, key) where a
 *   recipe sits, so the receiver fixes those places without walking the whole value. Recipes and holder
 *   copies are recognised by identity (the message lists them), never by their shape: nothing a manifest
 *   holds can pass for one.
 *
 * Pure and platform-neutral: the worker and the page call it, and so do tests in Node
 * (`structuredClone` is the same algorithm).
 */
import { AppendLog } from './append-log'

type Key = string | number
type Holder = Record<Key, unknown>

/** How to make a value again that structured clone would spoil. */
type Recipe =
  | { readonly t: 'log'; readonly items: unknown; readonly length: number }
  | { readonly t: 'layer'; readonly proto: unknown; readonly own: Holder }
  | { readonly t: 'null'; readonly own: Holder }
  | { readonly t: 'bulk'; readonly id: number; readonly container: ContainerSpec }
  | { readonly t: 'ref'; readonly id: number; readonly index: number }

/** A place where a recipe sits: holder[key]. */
type Patch = readonly [holder: Holder, key: Key, recipe: Recipe]

interface ContainerSpec {
  readonly array: boolean
  readonly nullProto: boolean
  readonly size: number
}

export interface TransferChunk {
  readonly kind: 'chunk'
  /** The bulk container these entries belong to, and the index of the first. */
  readonly id: number
  readonly container: ContainerSpec
  readonly start: number
  /** The entries' keys, for a plain object. */
  readonly keys?: readonly string[]
  readonly values: readonly unknown[]
  readonly recipes: readonly Recipe[]
  readonly patches: readonly Patch[]
}

export interface TransferRoot {
  readonly kind: 'root'
  readonly value: unknown
  readonly recipes: readonly Recipe[]
  readonly patches: readonly Patch[]
}

export type TransferMessage = TransferChunk | TransferRoot

export interface TransferOptions {
  /** Containers with more entries than this travel in chunks. */
  readonly bulkOver?: number
  readonly chunkSize?: number
  /**
   * Objects known to be plain data all the way down (the cluster's decoded objects): they travel as the
   * clone copies them, unwalked. Walking 150,000 pods field by field would take seconds.
   */
  readonly leaves?: Iterable<object>
}

const isPlainProto = (p: unknown) => p === Object.prototype || p === null

/** holder[key] = value as data: a "__proto__" key is a key (JSON.parse makes such keys), never the prototype. */
function put(holder: Holder, key: Key, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(holder, key, { value, enumerable: true, writable: true, configurable: true })
  else holder[key] = value
}

/** Whether `o` is a data object the clone copies faithfully as it is (arrays, plain objects, Maps, Sets). */
function kindOf(o: object): 'array' | 'plain' | 'null' | 'layer' | 'log' | 'map' | 'set' {
  const proto: unknown = Object.getPrototypeOf(o)
  if (proto === Object.prototype) return 'plain'
  if (proto === Array.prototype) return 'array'
  if (proto === null) return 'null'
  if (o instanceof AppendLog) return 'log'
  if (o instanceof Map) return 'map'
  if (o instanceof Set) return 'set'
  // An object whose prototype is itself a data object (not a class's): etcd's layered keys.
  if (
    typeof proto === 'object' &&
    isPlainProto(Object.getPrototypeOf(proto)) &&
    !Object.hasOwn(proto, 'constructor')
  )
    return 'layer'
  throw new Error(
    `encodeTransfer: cannot send a ${o.constructor?.name ?? 'class'} instance across the worker boundary`,
  )
}

/** The messages that carry `value`: chunks first, the root last. */
export function encodeTransfer(value: unknown, options: TransferOptions = {}): TransferMessage[] {
  const bulkOver = options.bulkOver ?? 4000
  const chunkSize = options.chunkSize ?? 2500

  // Pass 1: the bulk containers, and which one carries each object they list (the first found).
  const containers: {
    readonly o: object
    readonly array: boolean
    readonly nullProto: boolean
    readonly size: number
  }[] = []
  const containerId = new Map<object, number>()
  const owner = new Map<object, readonly [id: number, index: number]>()
  const leaves = new Set<object>(options.leaves ?? [])
  const seen = new Set<object>()
  const discover = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v) || leaves.has(v)) return
    seen.add(v)
    const kind = kindOf(v)
    if (kind === 'log') return discover(AppendLog.partsOf(v as AppendLog<unknown>).items)
    if (kind === 'layer') {
      discover(Object.getPrototypeOf(v))
      for (const k of Object.keys(v)) discover((v as Holder)[k])
      return
    }
    if (kind === 'map' || kind === 'set') {
      for (const e of v as Iterable<unknown>) discover(e)
      return
    }
    const entries = kind === 'array' ? (v as unknown[]) : Object.values(v)
    const size = entries.length
    if (size > bulkOver) {
      const id = containers.length
      containerId.set(v, id)
      containers.push({ o: v, array: kind === 'array', nullProto: kind === 'null', size })
      entries.forEach((e, i) => {
        if (e !== null && typeof e === 'object' && !owner.has(e)) owner.set(e, [id, i])
      })
    }
    for (const e of entries) discover(e)
  }
  discover(value)

  // Pass 2: encode. Each message gathers the recipes and patches made while encoding what it carries.
  let recipes: Recipe[] = []
  let patches: Patch[] = []
  const isRecipe = new WeakSet<object>()
  const encoded = new Map<object, unknown>()
  /** The bulk entry being encoded as itself (not as a ref to itself). */
  let carrying: object | null = null

  const recipe = (r: Recipe): Recipe => {
    recipes.push(r)
    isRecipe.add(r)
    return r
  }
  /** A copy of `o` with replaced entries, the patches recorded; `o` itself when nothing changed. */
  const withEntries = <T extends Holder>(o: T, copy: () => T): T => {
    let out: T | null = null
    for (const k of Array.isArray(o) ? o.keys() : Object.keys(o)) {
      const before = o[k]
      const after = encode(before)
      if (after === before) continue
      out ??= copy()
      put(out, k, after)
      if (isRecipe.has(after as object)) patches.push([out, k, after as Recipe])
    }
    return out ?? o
  }
  const encode = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v
    const own = owner.get(v)
    if (own && carrying !== v) {
      // Carried by a chunk (maybe a later one): a ref, one per message that needs it.
      return recipe({ t: 'ref', id: own[0], index: own[1] })
    }
    if (leaves.has(v)) return v
    const done = encoded.get(v)
    if (done !== undefined) return done
    const id = containerId.get(v)
    if (id !== undefined) {
      const { array, nullProto, size } = containers[id]!
      return recipe({ t: 'bulk', id, container: { array, nullProto, size } })
    }
    const kind = kindOf(v)
    let out: unknown
    if (kind === 'log') {
      const { items, length } = AppendLog.partsOf(v as AppendLog<unknown>)
      out = recipe({ t: 'log', items: encode(items), length })
    } else if (kind === 'layer') {
      const own: Holder = { ...(v as Holder) }
      withEntries(own, () => own)
      out = recipe({ t: 'layer', proto: encode(Object.getPrototypeOf(v)), own })
    } else if (kind === 'null') {
      const own: Holder = { ...(v as Holder) }
      withEntries(own, () => own)
      out = recipe({ t: 'null', own })
    } else if (kind === 'map' || kind === 'set') {
      out = v // Maps and Sets clone as they are; the engine keeps none holding what needs a recipe.
    } else if (kind === 'array') {
      out = withEntries(v as unknown as Holder, () => [...(v as unknown[])] as unknown as Holder)
    } else {
      out = withEntries(v as Holder, () => ({ ...(v as Holder) }))
    }
    encoded.set(v, out)
    return out
  }

  // Each container's chunks, and the containers whose entries they point at (refs).
  const chunksOf: TransferChunk[][] = []
  const needs: Set<number>[] = []
  containers.forEach(({ o, array, nullProto, size }, id) => {
    const keys = array ? null : Object.keys(o)
    const values = array ? (o as unknown[]) : Object.values(o)
    const chunks: TransferChunk[] = (chunksOf[id] = [])
    const deps = (needs[id] = new Set())
    for (let start = 0; start < values.length; start += chunkSize) {
      recipes = []
      patches = []
      encoded.clear() // a message's holder copies and recipes must travel in that message
      const out: unknown[] = []
      for (let i = start; i < Math.min(values.length, start + chunkSize); i++) {
        const e = values[i]
        const own = e !== null && typeof e === 'object' ? owner.get(e) : undefined
        carrying = own?.[0] === id && own[1] === i ? (e as object) : null
        out.push(encode(e))
      }
      carrying = null
      for (const r of recipes) if (r.t === 'ref' && r.id !== id) deps.add(r.id)
      chunks.push({
        kind: 'chunk',
        id,
        container: { array, nullProto, size },
        start,
        ...(keys ? { keys: keys.slice(start, start + chunkSize) } : {}),
        values: out,
        recipes,
        patches,
      })
    }
  })
  // What a container's entries point at goes first (etcd's entries after the cluster's pods), so the
  // receiver places nearly every entry on arrival; a cycle is broken where it is met.
  const messages: TransferMessage[] = []
  const state: ('visiting' | 'sent' | undefined)[] = []
  const send = (id: number): void => {
    if (state[id]) return
    state[id] = 'visiting'
    for (const d of needs[id]!) send(d)
    state[id] = 'sent'
    messages.push(...chunksOf[id]!)
  }
  containers.forEach((_, id) => send(id))
  recipes = []
  patches = []
  encoded.clear()
  const root = encode(value)
  messages.push({
    kind: 'root',
    value: root,
    recipes,
    patches,
  })
  return messages
}

/** Thrown inside revival when a ref points at an entry that has not arrived yet; retried at the root. */
const NOT_YET: unique symbol = Symbol('not yet')

/**
 * Takes the messages in order and gives back the value once the root has arrived. Each chunk is placed
 * on arrival (its own task on a page), so the root's work is small.
 */
export class TransferReceiver {
  readonly #recipes = new Set<object>()
  /** Places whose value pointed at entries not yet arrived. */
  readonly #later: Patch[] = []
  /** Per bulk container: the container being filled, and its entries as they arrived (unrevived). */
  readonly #bulk = new Map<number, { readonly out: Holder; readonly raw: unknown[] }>()
  readonly #made = new Map<object, unknown>()

  /** Takes one message; returns the value when `m` is the root. */
  receive(m: TransferMessage): { readonly done: true; readonly value: unknown } | { readonly done: false } {
    for (const r of m.recipes) this.#recipes.add(r)
    if (m.kind === 'chunk') {
      const { out, raw } = this.#container(m.id, m.container)
      for (let i = 0; i < m.values.length; i++) {
        const at = m.start + i
        raw[at] = m.values[i]
        this.#place(out, m.keys ? m.keys[i]! : at, m.values[i])
      }
      for (const [holder, key, r] of m.patches) this.#place(holder, key, r)
      return { done: false }
    }
    for (const [holder, key, r] of m.patches) this.#place(holder, key, r)
    for (const [holder, key, r] of this.#later) put(holder, key, this.#revive(r))
    this.#later.length = 0
    return { done: true, value: this.#revive(m.value) }
  }

  #container(id: number, spec: ContainerSpec) {
    let c = this.#bulk.get(id)
    if (!c) {
      const out = (spec.array ? new Array(spec.size) : spec.nullProto ? Object.create(null) : {}) as Holder
      this.#bulk.set(id, (c = { out, raw: [] }))
    }
    return c
  }

  /** holder[key] = the value `v` stands for, now or (when it points ahead) at the root. */
  #place(holder: Holder, key: Key, v: unknown): void {
    try {
      put(holder, key, this.#revive(v))
    } catch (e) {
      if (e !== NOT_YET) throw e
      this.#later.push([holder, key, v as Recipe])
    }
  }

  #revive(v: unknown): unknown {
    if (v === null || typeof v !== 'object' || !this.#recipes.has(v)) return v
    const made = this.#made.get(v)
    if (made !== undefined) return made
    const r = v as Recipe
    switch (r.t) {
      case 'ref': {
        const raw = this.#bulk.get(r.id)?.raw
        if (!raw || !(r.index in raw)) throw NOT_YET
        return this.#set(r, this.#revive(raw[r.index]))
      }
      case 'log':
        return this.#set(r, AppendLog.fromParts(this.#revive(r.items) as unknown[], r.length))
      case 'null': {
        const o = Object.create(null) as Holder
        for (const [k, value] of Object.entries(r.own)) put(o, k, this.#revive(value))
        return this.#set(r, o)
      }
      case 'layer': {
        const props: PropertyDescriptorMap = {}
        for (const [k, value] of Object.entries(r.own))
          props[k] = { value: this.#revive(value), enumerable: true, writable: false, configurable: false }
        return this.#set(r, Object.create(this.#revive(r.proto) as object | null, props))
      }
      case 'bulk': {
        // The container itself, filled as its chunks arrive (all of them before the root).
        return this.#set(r, this.#container(r.id, r.container).out)
      }
    }
  }

  #set<T>(r: Recipe, made: T): T {
    this.#made.set(r, made)
    return made
  }
}
