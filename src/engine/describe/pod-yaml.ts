/**
 * `kubectl get pod -o yaml`: kubectl marshals the object to JSON and converts
 * it with sigs.k8s.io/yaml, whose go-yaml v2 encoder decides the layout:
 * - map keys in go-yaml's order (sorter.go keyList.Less: letters compare as
 *   characters, non-letters sort before letters, digit runs compare as numbers);
 * - 2-space indent, sequences not indented under their key (`- name:`);
 * - strings plain unless they would read back as another type (numbers,
 *   booleans, null, timestamps: double quotes), plain is not allowed there
 *   (single quotes), or they hold special characters (double quotes); strings
 *   with line breaks as literal blocks (`|`);
 * - long plain and single-quoted strings folded at the first space after
 *   column 80, continuing two spaces deeper than their key.
 * The `yaml` package lays the document out; the style choices and the folding
 * follow go-yaml (encode.go stringv, emitterc.go yaml_emitter_analyze_scalar,
 * yaml_emitter_write_plain_scalar, resolve.go).
 */
import { Document, visit, type Pair, type Scalar } from 'yaml'
import type { Pod } from '../model/objects'

const BEST_WIDTH = 80

type Style = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL'

/** The YAML text `kubectl get pod <name> -o yaml` prints for a stored pod. */
export function podYaml(pod: Pod): string {
  return toKubectlYaml(pod)
}

/** Any JSON value as kubectl's YAML printer writes it. */
export function toKubectlYaml(value: unknown): string {
  const doc = new Document(value, { sortMapEntries: comparePairs, aliasDuplicateObjects: false })
  const folded = new Map<string, { text: string; style: Style }>()
  visit(doc, {
    Scalar(key, node: Scalar) {
      if (typeof node.value !== 'string') return
      const style = stringStyle(node.value, key === 'key')
      if (key !== 'key' && (style === 'PLAIN' || style === 'QUOTE_SINGLE') && node.value.includes(' ')) {
        // Lay out a placeholder, then fold the real text where it landed.
        const token = `podlifefold${folded.size}x`
        folded.set(token, { text: node.value, style })
        node.value = token
        node.type = 'PLAIN'
        return
      }
      node.type = style
    },
  })
  const text = doc.toString({ indentSeq: false, lineWidth: 0 })
  if (folded.size === 0) return text
  return text
    .split('\n')
    .map((line) => {
      const m = /podlifefold\d+x$/.exec(line)
      const entry = m && folded.get(m[0])
      if (!m || !entry) return line
      const prefix = line.slice(0, m.index)
      const lead = /^( *)((?:- )*)/.exec(prefix)!
      const keyColumn = lead[1]!.length + lead[2]!.length
      // A mapping value continues two spaces deeper than its key; a sequence item, two deeper than its dash.
      const indent = prefix.length > keyColumn ? keyColumn + 2 : keyColumn
      return prefix + foldScalar(entry.text, entry.style, prefix.length, indent)
    })
    .join('\n')
}

/** go-yaml's write_plain_scalar / write_single_quoted_scalar with allow_breaks. */
function foldScalar(value: string, style: Style, startColumn: number, indent: number): string {
  const chars = [...value]
  const quoted = style === 'QUOTE_SINGLE'
  let out = quoted ? "'" : ''
  let column = startColumn + out.length
  let spaces = false
  chars.forEach((ch, i) => {
    if (ch === ' ') {
      const inside = !quoted || (i > 0 && i < chars.length - 1)
      if (!spaces && column > BEST_WIDTH && inside && chars[i + 1] !== ' ') {
        out += `\n${' '.repeat(indent)}`
        column = indent
      } else {
        out += ' '
        column++
      }
      spaces = true
      return
    }
    const text = quoted && ch === "'" ? "''" : ch
    out += text
    column += text.length
    spaces = false
  })
  return quoted ? `${out}'` : out
}

function comparePairs(a: Pair, b: Pair): number {
  const ka = String((a.key as Scalar | null)?.value ?? a.key)
  const kb = String((b.key as Scalar | null)?.value ?? b.key)
  return goYamlKeyLess(ka, kb) ? -1 : goYamlKeyLess(kb, ka) ? 1 : 0
}

const isLetter = (c: string): boolean => /\p{L}/u.test(c)
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'

/** go-yaml v2 sorter.go keyList.Less for two string keys. */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = [...a]
  const br = [...b]
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue
    const al = isLetter(ar[i]!)
    const bl = isLetter(br[i]!)
    if (al && bl) return ar[i]! < br[i]!
    if (al || bl) return bl
    let an = 0
    let bn = 0
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1
          bn = 1
          break
        }
      }
    }
    let ai = i
    let bi = i
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai])
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi])
    if (an !== bn) return an < bn
    if (ai !== bi) return ai < bi
    return ar[i]! < br[i]!
  }
  return ar.length < br.length
}

/** The style go-yaml gives a string (encode.go stringv, then select_scalar_style). */
export function stringStyle(s: string, isKey = false): Style {
  const a = analyzeScalar(s)
  if (s.includes('\n')) return a.blockAllowed && !isKey ? 'BLOCK_LITERAL' : 'QUOTE_DOUBLE'
  if (!resolvesToString(s)) return 'QUOTE_DOUBLE'
  if (a.plainAllowed) return 'PLAIN'
  return a.singleAllowed ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE'
}

const isBreak = (c: string | undefined): boolean =>
  c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029'
const isBlankz = (c: string | undefined): boolean =>
  c === undefined || c === ' ' || c === '\t' || c === '\0' || isBreak(c)

function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0)!
  if (cp === 0x0a) return true
  if (cp >= 0x20 && cp <= 0x7e) return true
  if (cp >= 0xa0 && cp <= 0xd7ff) return true
  return cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff
}

/** emitterc.go yaml_emitter_analyze_scalar, in a block context. */
function analyzeScalar(s: string): { plainAllowed: boolean; singleAllowed: boolean; blockAllowed: boolean } {
  if (s === '') return { plainAllowed: false, singleAllowed: true, blockAllowed: false }
  const chars = [...s]
  let blockIndicators = s.startsWith('---') || s.startsWith('...')
  let special = false
  let lineBreaks = false
  let leadingSpace = false
  let leadingBreak = false
  let trailingSpace = false
  let trailingBreak = false
  let breakSpace = false
  let spaceBreak = false
  let previousSpace = false
  let previousBreak = false
  let precededByWhitespace = true
  chars.forEach((c, i) => {
    const followedByWhitespace = isBlankz(chars[i + 1])
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true
      if ((c === '?' || c === ':') && followedByWhitespace) blockIndicators = true
      if (c === '-' && followedByWhitespace) blockIndicators = true
    } else {
      if (c === ':' && followedByWhitespace) blockIndicators = true
      if (c === '#' && precededByWhitespace) blockIndicators = true
    }
    if (!isPrintable(c)) special = true
    if (isBreak(c)) lineBreaks = true
    const first = i === 0
    const last = i === chars.length - 1
    if (c === ' ') {
      if (first) leadingSpace = true
      if (last) trailingSpace = true
      if (previousBreak) breakSpace = true
      previousSpace = true
      previousBreak = false
    } else if (isBreak(c)) {
      if (first) leadingBreak = true
      if (last) trailingBreak = true
      if (previousSpace) spaceBreak = true
      previousBreak = true
      previousSpace = false
    } else {
      previousSpace = false
      previousBreak = false
    }
    precededByWhitespace = isBlankz(c)
  })
  let plainAllowed = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak)
  let singleAllowed = true
  let blockAllowed = !trailingSpace
  if (breakSpace || spaceBreak || special) {
    plainAllowed = false
    singleAllowed = false
  }
  if (spaceBreak || special) blockAllowed = false
  if (lineBreaks || blockIndicators) plainAllowed = false
  return { plainAllowed, singleAllowed, blockAllowed }
}

const NON_STRINGS = new Set(
  [
    '~ null Null NULL',
    'y Y yes Yes YES n N no No NO true True TRUE false False FALSE on On ON off Off OFF',
    '.nan .NaN .NAN .inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF <<',
  ]
    .join(' ')
    .split(' '),
)
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/
const TIMESTAMPS = [
  /^\d{4}-\d{1,2}-\d{1,2}$/,
  /^\d{4}-\d{1,2}-\d{1,2}[Tt]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?$/,
]
/** strconv.ParseInt/ParseUint with base 0, after go-yaml drops underscores. */
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]*|[1-9][0-9]*)$/

/** resolve.go: would the plain text read back as a string? (and not a base-60 float, which go-yaml also quotes) */
function resolvesToString(s: string): boolean {
  if (s === '' || NON_STRINGS.has(s)) return false
  if (BASE60_FLOAT.test(s)) return false
  const hint = s[0]!
  if (hint === '.') return Number.isNaN(Number(s)) || !/^\.[0-9]/.test(s)
  if (hint !== '+' && hint !== '-' && !isDigit(hint)) return true
  const plain = s.replaceAll('_', '')
  if (GO_INT.test(plain) || YAML_FLOAT.test(plain)) return false
  if (/^[-+]?0[bB][01]+$/.test(plain)) return false
  if (isDigit(hint) && TIMESTAMPS.some((re) => re.test(s))) return false
  return true
}
