/**
 * The discrete-event queue: items leave in (at, seq) order. `seq` is handed
 * out when an item is scheduled, so two items due at the same virtual time
 * leave in the order they were scheduled and no tie is left to a sort.
 */
export interface Scheduled<T> {
  readonly at: number
  readonly seq: number
  readonly item: T
}

export class EventQueue<T> {
  private heap: Scheduled<T>[] = []
  private counter = 0

  get size(): number {
    return this.heap.length
  }

  push(at: number, item: T): void {
    const entry: Scheduled<T> = { at, seq: this.counter++, item }
    const h = this.heap
    h.push(entry)
    let i = h.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!before(h[i]!, h[parent]!)) break
      ;[h[i], h[parent]] = [h[parent]!, h[i]!]
      i = parent
    }
  }

  pop(): Scheduled<T> | undefined {
    const h = this.heap
    if (h.length === 0) return undefined
    const top = h[0]!
    const last = h.pop()!
    if (h.length > 0) {
      h[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < h.length && before(h[l]!, h[m]!)) m = l
        if (r < h.length && before(h[r]!, h[m]!)) m = r
        if (m === i) break
        ;[h[i], h[m]] = [h[m]!, h[i]!]
        i = m
      }
    }
    return top
  }
}

function before<T>(a: Scheduled<T>, b: Scheduled<T>): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq)
}
