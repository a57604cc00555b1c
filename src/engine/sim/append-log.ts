/**
 * An append-only list that consecutive frames share: appending is O(1) and keeps every older version
 * valid, so a run's cost grows with the number of entries, not with entries × frames (issue 12).
 *
 * Rule of this file: a version never changes what it shows. Every version is a view (a length) over
 * one backing array; `append` pushes onto that array only when the version is its newest (tip), so
 * every other view still sees its own prefix. Appending to an older version, or to one whose array
 * was frozen (tests deep-freeze frames), copies its prefix first. The backing array and the length are
 * private fields: equality (`toEqual`) iterates the entries, and `JSON.stringify` writes the plain
 * array (`toJSON`), exactly as the array this replaces.
 */
export class AppendLog<T> implements Iterable<T> {
  readonly #items: T[]
  readonly #length: number

  private constructor(items: T[], length: number) {
    this.#items = items
    this.#length = length
  }

  static empty<T>(): AppendLog<T> {
    return new AppendLog<T>([], 0)
  }

  static of<T>(items: readonly T[]): AppendLog<T> {
    return new AppendLog<T>([...items], items.length)
  }

  /**
   * The backing array and this version's length, for sim/transfer.ts: versions that share a backing
   * array cross a worker boundary as one array (structured clone keeps the sharing), not one copy each.
   */
  static partsOf<T>(log: AppendLog<T>): { readonly items: readonly T[]; readonly length: number } {
    return { items: log.#items, length: log.#length }
  }

  /** The version `partsOf` described; `items` becomes its backing array. */
  static fromParts<T>(items: T[], length: number): AppendLog<T> {
    return new AppendLog<T>(items, length)
  }

  get length(): number {
    return this.#length
  }

  /** A new version with `item` at the end; this one still shows what it showed. */
  append(item: T): AppendLog<T> {
    const isTip = this.#items.length === this.#length && !Object.isFrozen(this.#items)
    const items = isTip ? this.#items : this.#items.slice(0, this.#length)
    items.push(item)
    return new AppendLog(items, this.#length + 1)
  }

  /** The entry at `index` (negative counts from the end), or undefined. */
  at(index: number): T | undefined {
    const i = index < 0 ? this.#length + index : index
    return i >= 0 && i < this.#length ? this.#items[i] : undefined
  }

  some(predicate: (item: T) => boolean): boolean {
    for (let i = 0; i < this.#length; i++) if (predicate(this.#items[i] as T)) return true
    return false
  }

  /** A fresh array of the entries, oldest first. */
  toArray(): T[] {
    return this.#items.slice(0, this.#length)
  }

  toJSON(): T[] {
    return this.toArray()
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.#length; i++) yield this.#items[i] as T
  }
}
