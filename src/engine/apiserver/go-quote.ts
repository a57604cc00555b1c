/**
 * Go's `%q` for a string (strconv.Quote), which apiserver warnings use to quote
 * names, paths and IPs. It differs from JSON.stringify for control characters
 * (`\x01`, `\a`, `\v`) and DEL. Upstream: go/src/strconv/quote.go (appendEscapedRune).
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

export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const code = ch.codePointAt(0)!
    const short = SHORT_ESCAPES[ch]
    if (short) out += short
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`
    else out += ch
  }
  return out + '"'
}
