/**
 * Go's `%q` for a string (strconv.Quote), which apiserver warnings, field errors and kubelet events use
 * to quote names, paths, images and IPs. It differs from JSON.stringify for control characters (`\x01`,
 * `\a`, `\v`), DEL, and the runes strconv.IsPrint refuses: the C1 controls, every space but U+0020 (NBSP,
 * U+2000–U+200A, U+3000 …), the line and paragraph separators and format characters such as the BOM,
 * all written `\u` + four hex digits. Upstream: go/src/strconv/quote.go (appendQuotedWith,
 * appendEscapedRune), go/src/strconv/isprint.go.
 */
const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\u000b': '\\v',
  '"': '\\"',
  '\\': '\\\\',
}

/**
 * Runes above DEL that strconv.IsPrint refuses, as [from, to] ranges. This is the part of Go's tables
 * a pod spec meets in practice (spaces, separators, invisible format characters), not all of Unicode.
 */
const NOT_PRINTABLE: readonly (readonly [number, number])[] = [
  [0x80, 0xa0],
  [0xad, 0xad],
  [0x1680, 0x1680],
  [0x180e, 0x180e],
  [0x2000, 0x200f],
  [0x2028, 0x202f],
  [0x205f, 0x206f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
  [0xfff9, 0xfffb],
]

const isPrintable = (code: number): boolean => !NOT_PRINTABLE.some(([a, b]) => code >= a && code <= b)

export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const code = ch.codePointAt(0)!
    const short = SHORT_ESCAPES[ch]
    if (short) out += short
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`
    // A lone surrogate cannot reach Go: its JSON decoder turns it into U+FFFD, which is printable.
    else if (code >= 0xd800 && code <= 0xdfff) out += '\ufffd'
    else if (!isPrintable(code)) out += `\\u${code.toString(16).padStart(4, '0')}`
    else out += ch
  }
  return out + '"'
}

/**
 * strings.TrimSpace's notion of space (unicode.IsSpace): '\t', '\n', '\v', '\f', '\r', ' ', U+0085,
 * U+00A0 and the White_Space property (U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
 * Unlike String.prototype.trim it takes U+0085 and leaves the BOM (U+FEFF) alone.
 */
export function isGoSpace(c: string): boolean {
  const code = c.codePointAt(0) ?? -1
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  )
}
