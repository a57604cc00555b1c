/**
 * Labels and annotations as kubectl describe prints them, and the nested
 * writer kubectl uses for an object printed inside another (an ephemeral
 * volume's claim template). Upstream: kubernetes/kubectl pkg/describe/describe.go
 * (printLabelsMultilineWithIndent, printAnnotationsMultiline, shorten,
 * NewNestedPrefixWriter) at v0.34.
 *
 * Go measures and slices strings in bytes: `len(value)` is the UTF-8 length
 * and `s[:138]` may cut a character in two. The cut-off bytes are not valid
 * UTF-8; they show as one U+FFFD, as a UTF-8 decoder reads them.
 */
import { compareStrings, type PrefixWriter } from './prefix-writer'

/** describe.go maxAnnotationLen. */
export const MAX_ANNOTATION_LEN = 140
/** kubectl hides this annotation in describe (describe.go skipAnnotations). */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

const codePointBytes = (cp: number): number => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4)

/** Go's len(s): the UTF-8 length. */
export function byteLength(s: string): number {
  let n = 0
  for (const ch of s) n += codePointBytes(ch.codePointAt(0)!)
  return n
}

/** Go's s[:n] on a UTF-8 string, a split character shown as U+FFFD. */
export function sliceBytes(s: string, n: number): string {
  let used = 0
  let out = ''
  for (const ch of s) {
    const size = codePointBytes(ch.codePointAt(0)!)
    if (used + size > n) return used < n ? `${out}\uFFFD` : out
    used += size
    out += ch
  }
  return out
}

/** describe.go shorten: the first maxLength bytes and "...". */
const shorten = (s: string, maxLength: number): string =>
  byteLength(s) > maxLength ? `${sliceBytes(s, maxLength)}...` : s

/** printLabelsMultiline: sorted `key=value` lines, the first after the title. */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Readonly<Record<string, string>> | undefined,
): void {
  w.write(0, `${title}:\t`)
  const keys = Object.keys(labels ?? {}).sort(compareStrings)
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  keys.forEach((key, i) => {
    if (i > 0) {
      // Two writes, as upstream: a nested writer indents each of them.
      w.write(0, '')
      w.write(0, '\t')
    }
    w.write(0, `${key}=${labels![key]}\n`)
  })
}

/**
 * printAnnotationsMultiline: a value goes on lines of its own when it holds a
 * newline or `key: value` would pass 140 bytes, each line cut at 138 bytes.
 */
export function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Readonly<Record<string, string>> | undefined,
): void {
  w.write(0, `${title}:\t`)
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== LAST_APPLIED)
    .sort(compareStrings)
  if (keys.length === 0) {
    w.writeLine('<none>')
    return
  }
  keys.forEach((key, i) => {
    if (i > 0) w.write(0, '\t')
    const value = annotations![key]!.replace(/\n$/, '')
    if (byteLength(value) + byteLength(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${key}:\n`)
      for (const line of value.split('\n')) w.write(0, `\t  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`)
    } else {
      w.write(0, `${key}: ${value}\n`)
    }
  })
}

/** NewNestedPrefixWriter: every write `indent` levels deeper; WriteLine becomes an indented write. */
export function createNestedPrefixWriter(out: PrefixWriter, indent: number): PrefixWriter {
  return {
    write: (level, text) => out.write(level + indent, text),
    writeLine: (text) => out.write(indent, `${text}\n`),
    flush: () => out.flush(),
  }
}
