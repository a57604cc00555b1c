/**
 * Go's text/tabwriter (elastic tabstops), reimplemented for the texts kubectl
 * prints, plus the RememberWidths flag of github.com/liggitt/tabwriter, the
 * fork kubectl's table printer uses so that `kubectl get -w` columns never
 * shrink between flushes.
 *
 * Rules (Go src/text/tabwriter/tabwriter.go, `format`):
 * - Text is split into cells terminated by '\t' (hard) or '\v' (soft); '\n'
 *   and '\f' end a line, and '\f' also flushes.
 * - The last cell of a line is not tab-terminated, so it belongs to no column
 *   and is never padded.
 * - A column block is a run of consecutive lines that all have a terminated
 *   cell in that column; its width is the widest cell plus padding (at least
 *   minwidth). A line with fewer cells ends the block.
 * - A line of a single cell cannot affect later lines, so Write flushes there.
 *
 * Escape (0xff) and HTML filtering are not implemented: kubectl never enables
 * FilterHTML, and a JavaScript string holds UTF-16, so the 0xff byte of Go's
 * UTF-8 input cannot occur.
 */

export interface TabWriterOptions {
  /** Minimal cell width including padding. */
  readonly minwidth: number
  /** Width of a tab character, used when padding with tabs. */
  readonly tabwidth: number
  /** Added to a cell's width before computing the column width. */
  readonly padding: number
  /** One character used for padding; '\t' pads with tabs. */
  readonly padchar: string
  readonly alignRight?: boolean
  readonly discardEmptyColumns?: boolean
  readonly tabIndent?: boolean
  readonly debug?: boolean
  /** liggitt/tabwriter: keep each column's widest width across flushes. */
  readonly rememberWidths?: boolean
}

/** kubectl describe: `tabwriter.Init(buf, 0, 8, 2, ' ', 0)` (pkg/describe/describe.go tabbedString). */
export const DESCRIBE_TABWRITER: TabWriterOptions = { minwidth: 0, tabwidth: 8, padding: 2, padchar: ' ' }

/** kubectl get: cli-runtime pkg/printers/tabwriter.go GetNewTabWriter. */
export const GET_TABWRITER: TabWriterOptions = {
  minwidth: 6,
  tabwidth: 4,
  padding: 3,
  padchar: ' ',
  rememberWidths: true,
}

interface Cell {
  readonly text: string
  /** Width in Unicode code points, as Go counts runes. */
  readonly width: number
  /** Terminated by '\t' (a soft '\v' cell may be discarded when empty). */
  readonly htab: boolean
}

export interface TabWriter {
  write(text: string): void
  /** Formats and emits everything buffered; columns start afresh after it. */
  flush(): void
  /** Everything emitted so far (call flush first to include buffered text). */
  output(): string
}

function runeCount(s: string): number {
  let n = 0
  for (const _ of s) n++
  return n
}

export function createTabWriter(options: TabWriterOptions): TabWriter {
  const { minwidth, tabwidth, padding, padchar } = options
  if (minwidth < 0 || tabwidth < 0 || padding < 0) throw new Error('negative minwidth, tabwidth, or padding')
  if ([...padchar].length !== 1)
    throw new Error(`padchar must be one character, got ${JSON.stringify(padchar)}`)
  // Tab padding forces left alignment (Init clears AlignRight).
  const alignRight = !!options.alignRight && padchar !== '\t'
  const out: string[] = []
  let lines: Cell[][] = [[]]
  let cell = ''
  const maxwidths: number[] = []

  const terminateCell = (htab: boolean): number => {
    const line = lines[lines.length - 1]!
    line.push({ text: cell, width: runeCount(cell), htab })
    cell = ''
    return line.length
  }

  const padTo = (textw: number, cellw: number, useTabs: boolean): string => {
    if (padchar === '\t' || useTabs) {
      if (tabwidth === 0) return ''
      const rounded = Math.ceil(cellw / tabwidth) * tabwidth
      return '\t'.repeat(Math.ceil((rounded - textw) / tabwidth))
    }
    return padchar.repeat(Math.max(0, cellw - textw))
  }

  const emitLines = (from: number, to: number, widths: readonly number[]): void => {
    for (let i = from; i < to; i++) {
      const line = lines[i]!
      let useTabs = !!options.tabIndent
      line.forEach((c, j) => {
        if (j > 0 && options.debug) out.push('|')
        const padded = j < widths.length
        if (c.text === '') {
          if (padded) out.push(padTo(c.width, widths[j]!, useTabs))
          return
        }
        useTabs = false
        const pad = padded ? padTo(c.width, widths[j]!, false) : ''
        out.push(alignRight ? pad + c.text : c.text + pad)
      })
      // The last buffered line has no line break of its own.
      if (i + 1 < lines.length) out.push('\n')
    }
  }

  // Lays out lines [from, to) whose columns left of `widths.length` are fixed.
  const layout = (from: number, to: number, widths: readonly number[]): void => {
    const column = widths.length
    let printed = from
    let i = from
    while (i < to) {
      if (lines[i]!.length - 1 <= column) {
        i++
        continue
      }
      emitLines(printed, i, widths)
      let width = minwidth
      let discardable = true
      let end = i
      for (; end < to && lines[end]!.length - 1 > column; end++) {
        const c = lines[end]![column]!
        width = Math.max(width, c.width + padding)
        if (c.width > 0 || c.htab) discardable = false
      }
      if (discardable && options.discardEmptyColumns) width = 0
      if (options.rememberWidths) {
        while (maxwidths.length < column) maxwidths.push(widths[maxwidths.length]!)
        if (maxwidths.length === column) maxwidths.push(width)
        else if (maxwidths[column]! > width) width = maxwidths[column]!
        else maxwidths[column] = width
      }
      layout(i, end, [...widths, width])
      printed = end
      i = end
    }
    emitLines(printed, to, widths)
  }

  const flush = (): void => {
    if (cell !== '') terminateCell(false)
    layout(0, lines.length, [])
    lines = [[]]
    cell = ''
  }

  const write = (text: string): void => {
    let start = 0
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue
      cell += text.slice(start, i)
      start = i + 1
      const cells = terminateCell(ch === '\t')
      if (ch === '\n' || ch === '\f') {
        lines.push([])
        if (ch === '\f' || cells === 1) {
          flush()
          if (ch === '\f' && options.debug) out.push('---\n')
        }
      }
    }
    cell += text.slice(start)
  }

  return { write, flush, output: () => out.join('') }
}

/** Formats a whole text in one go: write everything, then flush. */
export function tabwrite(text: string, options: TabWriterOptions = DESCRIBE_TABWRITER): string {
  const w = createTabWriter(options)
  w.write(text)
  w.flush()
  return w.output()
}
