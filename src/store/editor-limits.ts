/**
 * Which texts the code editor is given. Monaco lays a line out whole: a pasted line of 10,000
 * brackets or a megabyte annotation holds the page for 0.3–1.4 s however it is configured (profiled,
 * issue 12), and it stops rendering a line after 10,000 characters itself (its
 * `stopRenderingLineAfter` default). A text with such a line, of over 10,000 lines, or over 1 MB, is shown as a file
 * instead (what it is, its errors, how to replace it): the engine still runs it, the text is kept
 * exactly as given.
 */
import { LARGE_CLUSTER_CHARS, textSize } from './cluster-text'

/** The longest line the editor takes: Monaco's own rendering limit. */
export const LONG_LINE_CHARS = 10_000
/**
 * The most lines the editor takes: Monaco takes 150–250 ms to take in a paste of 24,000 lines on a
 * 2-core machine (1,200 pods, or 12,000 small documents), about a hundred a third of that.
 */
export const MAX_LINES = 10_000

const fmt = (n: number) => n.toLocaleString('en')

/** How many lines the text has and how long the longest is (one pass, no regular expression). */
export function measureLines(text: string): { readonly lines: number; readonly longest: number } {
  let longest = 0
  let lines = 0
  let start = 0
  for (;;) {
    const end = text.indexOf('\n', start)
    const stop = end === -1 ? text.length : end
    longest = Math.max(longest, stop - start)
    lines++
    if (end === -1) return { lines, longest }
    start = end + 1
  }
}

/** The last few answers: the pane asks for the manifest and the cluster file on every store change. */
const recent: { readonly text: string; readonly why: string | null }[] = []

/**
 * Why the editor does not take `text` ("a line of 12,004 characters: the editor takes lines up to
 * 10,000"), or null when it does.
 */
export function editorRefusal(text: string): string | null {
  const known = recent.find((r) => r.text === text)
  if (known) return known.why
  let why: string | null = null
  if (text.length > LARGE_CLUSTER_CHARS)
    why = `${textSize(text.length)}: the editor takes files up to ${fmt(LARGE_CLUSTER_CHARS / 1e6)} MB`
  else {
    const { lines, longest } = measureLines(text)
    if (longest > LONG_LINE_CHARS)
      why = `a line of ${fmt(longest)} characters: the editor takes lines up to ${fmt(LONG_LINE_CHARS)}`
    else if (lines > MAX_LINES) why = `${fmt(lines)} lines: the editor takes up to ${fmt(MAX_LINES)}`
  }
  recent.unshift({ text, why })
  recent.length = Math.min(recent.length, 4)
  return why
}

/** The text after pasting `pasted` over [start, end) of `text` (where the editor's selection was). */
export const pasteInto = (text: string, start: number, end: number, pasted: string): string =>
  text.slice(0, start) + pasted + text.slice(end)
