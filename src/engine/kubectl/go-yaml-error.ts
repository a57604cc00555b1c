/**
 * Turns a YAML error found by the `yaml` package into the text kubectl prints,
 * which comes from go-yaml v2 (go.yaml.in/yaml/v2, used by sigs.k8s.io/yaml).
 *
 * The two parsers find the same faults but describe and place them
 * differently, so each `yaml` error code is mapped to the go-yaml message and
 * to the line go-yaml reports. The line rules follow go-yaml's decode.go
 * `(*parser).fail`: a scanner error reports `problem_mark.line + 1` (the
 * 1-based line of the scanner's position), a parser error reports
 * `problem_mark.line` unchanged — a 0-based index, so the 1-based line
 * *before* the offending token. A problem on the first line (index 0) falls back
 * to `context_mark.line`, which there is 0 as well, so no `line N: ` is printed.
 *
 * Lines count from the start of the document, not the file: kubectl splits the
 * stream at lines starting with `---` before it converts each document
 * (apimachinery pkg/util/yaml/decoder.go YAMLReader.Read).
 *
 * This is a mapping, not a port of go-yaml: the table in go-yaml-error.test.ts
 * holds the cases checked against go-yaml v2.4; other faults fall back to the
 * `yaml` package's own message.
 */
import type { LineCounter, YAMLError } from 'yaml'
import { isJsWhitespace } from '../model/text-trim'

// Scanner problems. Upstream: go-yaml v2 scannerc.go.
/** yaml_parser_fetch_value, a ':' where no simple key may start. */
export const MAPPING_VALUES_NOT_ALLOWED = 'mapping values are not allowed in this context'
/** yaml_parser_fetch_block_entry, a '-' after a key on the same line. */
export const BLOCK_SEQUENCE_ENTRIES_NOT_ALLOWED = 'block sequence entries are not allowed in this context'
/** yaml_parser_fetch_next_token, a character that starts no token (tab at a line start, '@', '`'). */
export const CANNOT_START_ANY_TOKEN = 'found character that cannot start any token'
/** yaml_parser_scan_plain_scalar, a tab in the indentation of a plain scalar's next line. */
export const TAB_VIOLATES_INDENTATION = 'found a tab character that violates indentation'
/** yaml_simple_key_is_valid / yaml_parser_remove_simple_key, a required key without ':'. */
export const COULD_NOT_FIND_EXPECTED_COLON = "could not find expected ':'"
/** yaml_parser_scan_flow_scalar, a quote never closed. */
export const UNEXPECTED_END_OF_STREAM = 'found unexpected end of stream'
// Parser problems. Upstream: go-yaml v2 parserc.go.
/** yaml_parser_parse_block_mapping_key. */
export const DID_NOT_FIND_EXPECTED_KEY = 'did not find expected key'
/** yaml_parser_parse_node. */
export const DID_NOT_FIND_NODE_CONTENT = 'did not find expected node content'
/** yaml_parser_parse_flow_sequence_entry. */
export const DID_NOT_FIND_FLOW_SEQUENCE_END = "did not find expected ',' or ']'"
/** yaml_parser_parse_flow_mapping_key. */
export const DID_NOT_FIND_FLOW_MAPPING_END = "did not find expected ',' or '}'"
/** go-yaml v2 decode.go (*parser).alias. */
export const unknownAnchor = (name: string) => `unknown anchor '${name}' referenced`

export interface GoYamlError {
  /** What follows `yaml: ` in kubectl's message, with go-yaml's `line N: ` prefix when it prints one. */
  readonly text: string
  /** 1-based line of the problem in the file, for the editor's marker. */
  readonly fileLine: number
}

type Kind = 'scanner' | 'parser'

/** Maps the first `yaml` error of a document to go-yaml's wording and line. */
export function toGoYamlError(source: string, err: YAMLError, lc: LineCounter): GoYamlError {
  const { line: at, col } = lc.linePos(err.pos[0])
  const first = err.message.split('\n')[0] ?? err.message
  const rule = ruleFor(source, err.code, first, at, col, lc) ?? {
    kind: 'scanner',
    message: first.replace(/ at line \d+, column \d+:?$/, ''),
    line: at,
  }
  return { text: withLine(source, rule.kind, rule.line, rule.message), fileLine: rule.line }
}

function ruleFor(
  source: string,
  code: string,
  message: string,
  at: number,
  col: number,
  lc: LineCounter,
): { kind: Kind; message: string; line: number } | null {
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      // `- ` under a key on the same line is a parser error on the '-' token.
      if (message.startsWith('A block sequence'))
        return { kind: 'parser', message: DID_NOT_FIND_EXPECTED_KEY, line: at }
      // The value's plain scalar runs on (maybe over several lines) until a ': '.
      return { kind: 'scanner', message: MAPPING_VALUES_NOT_ALLOWED, line: nextColonLine(source, at, col) }
    case 'MULTILINE_IMPLICIT_KEY':
    case 'MISSING_CHAR':
      if (message.startsWith('Missing closing'))
        return { kind: 'scanner', message: UNEXPECTED_END_OF_STREAM, line: endLine(source, lc) }
      if (message.startsWith('Sequence item without'))
        return { kind: 'parser', message: DID_NOT_FIND_EXPECTED_KEY, line: at }
      // A key alone on its line: go-yaml notices when its scan reaches the next non-blank line.
      return { kind: 'scanner', message: COULD_NOT_FIND_EXPECTED_COLON, line: nextNonBlankLine(source, at) }
    case 'BAD_INDENT':
      if (message.startsWith('Flow sequence'))
        return { kind: 'parser', message: DID_NOT_FIND_FLOW_SEQUENCE_END, line: at }
      if (message.startsWith('Flow map'))
        return { kind: 'parser', message: DID_NOT_FIND_FLOW_MAPPING_END, line: at }
      return { kind: 'parser', message: DID_NOT_FIND_EXPECTED_KEY, line: at }
    case 'TAB_AS_INDENT':
      return {
        kind: 'scanner',
        message: continuesPlainScalar(source, at) ? TAB_VIOLATES_INDENTATION : CANNOT_START_ANY_TOKEN,
        line: at,
      }
    case 'BAD_SCALAR_START':
      return { kind: 'scanner', message: CANNOT_START_ANY_TOKEN, line: at }
    case 'UNEXPECTED_TOKEN':
      if (message.includes('block-seq-ind on same line'))
        return { kind: 'scanner', message: BLOCK_SEQUENCE_ENTRIES_NOT_ALLOWED, line: at }
      if (message.includes('in flow') || message.includes('flow-seq-end') || message.includes('flow-map-end'))
        return { kind: 'parser', message: DID_NOT_FIND_NODE_CONTENT, line: at }
      return null
    default:
      return null
  }
}

/**
 * `line N: message` for a problem on 1-based file line `fileLine`. The mark's
 * 0-based line in its document is printed +1 for a scanner error and as is for
 * a parser error; a mark on the document's first line prints no line at all.
 */
function withLine(source: string, kind: Kind, fileLine: number, message: string): string {
  const index = fileLine - documentStartLine(source, fileLine)
  if (index <= 0) return message
  return `line ${kind === 'scanner' ? index + 1 : index}: ${message}`
}

function lines(source: string): string[] {
  return source.split('\n')
}

/** 1-based file line of the first line of the document (YAMLReader chunk) holding `fileLine`. */
function documentStartLine(source: string, fileLine: number): number {
  const ls = lines(source)
  let start = 1
  for (let i = 0; i < fileLine - 1 && i < ls.length; i++) if (ls[i]!.startsWith('---')) start = i + 2
  return start
}

/** The line of the first `: ` (or `:` at the end of a line) from 1-based `line`, `col` on. */
function nextColonLine(source: string, line: number, col: number): number {
  const ls = lines(source)
  for (let i = line - 1; i < ls.length; i++) {
    const l = ls[i]!
    if (/:(\s|$)/.test(i === line - 1 ? l.slice(col - 1) : l)) return i + 1
  }
  return line
}

/** The first line after `line` that is not blank (a comment line counts), or the end of the stream. */
function nextNonBlankLine(source: string, line: number): number {
  const ls = lines(source)
  for (let i = line; i < ls.length; i++) {
    if (ls[i]!.startsWith('---')) return i + 1
    if (ls[i]!.trim() !== '') return i + 1
  }
  return ls.length
}

/** The line of the end of the stream (after a final newline, the empty line that follows). */
function endLine(source: string, lc: LineCounter): number {
  return lc.linePos(source.length).line
}

/**
 * Whether the line before `line` ends in a plain scalar that a more-indented
 * next line would continue. Only then does go-yaml's plain-scalar scan meet the
 * tab (TAB_VIOLATES_INDENTATION); otherwise the tab is where a token should start.
 */
function continuesPlainScalar(source: string, line: number): boolean {
  const ls = lines(source)
  for (let i = line - 2; i >= 0; i--) {
    const l = withoutComment(ls[i]!).trimEnd()
    if (l.trim() === '' || l.trim().startsWith('#')) continue
    return !/[:"'|>[\]{},-]$/.test(l)
  }
  return false
}

/**
 * `line.replace(/\s+#.*$/, '')` as a scan: the expression retries `\s+` from every position of a long
 * run of blanks, so 2 million spaces before a tab never finished. The comment is the first '#' after
 * whitespace from which no line terminator follows (`.` stops at \r, \u2028, \u2029), and the
 * whitespace before it goes with it.
 */
export function withoutComment(line: string): string {
  let from = 0
  for (let i = line.length - 1; i >= 0; i--) {
    const c = line[i]!
    if (c === '\r' || c === '\u2028' || c === '\u2029') {
      from = i
      break
    }
  }
  for (let j = Math.max(from, 1); j < line.length; j++) {
    if (line[j] !== '#' || !isJsWhitespace(line[j - 1]!)) continue
    let start = j - 1
    while (start > 0 && isJsWhitespace(line[start - 1]!)) start--
    return line.slice(0, start)
  }
  return line
}
