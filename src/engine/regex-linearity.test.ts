/**
 * Every regular expression literal in the engine's sources is run against long adversarial strings
 * built from its own characters, and must stay linear: V8 backtracks, Go's regexp (RE2) does not, so an
 * expression upstream can afford may hang the page here. Then the inputs that hung before are run
 * end to end at 200,000 characters and more. Budgets are generous (a quadratic expression at 50,000
 * characters takes seconds; a linear one well under a millisecond).
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { parseQuantity } from './model/quantity'
import { decodeBase64, encodeBase64, utf8Bytes } from './model/base64'
import { readClientCertificate } from './kubectl/certificate'
import { withoutComment } from './kubectl/go-yaml-error'
import { parseManifest } from './kubectl/parse'
import { smdPath } from './apiserver/server-side-apply'
import { trimEndWhile, trailingRun, isJsWhitespace } from './model/text-trim'
import { isDNS1123Subdomain } from './model/names'

const ENGINE = new URL('.', import.meta.url).pathname

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  )
}

function regexLiterals(): { where: string; re: RegExp }[] {
  const out: { where: string; re: RegExp }[] = []
  for (const file of sourceFiles(ENGINE)) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true)
    const visit = (n: ts.Node) => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText(sf)
        const slash = text.lastIndexOf('/')
        const line = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1
        out.push({
          where: `${file.slice(ENGINE.length)}:${line} ${text}`,
          re: new RegExp(text.slice(1, slash), text.slice(slash + 1)),
        })
      }
      ts.forEachChild(n, visit)
    }
    visit(sf)
  }
  return out
}

const BASE = [' ', '\t', '\n', 'a', '0', '_', '-', '.', '/', '=', '"', '#', ':', '[', ']']

/** Repeated single characters and pairs of the expression's own characters, with endings that fail. */
function adversarial(re: RegExp, length: number): string[] {
  const own = [...new Set(re.source.replace(/\\[dswbDSWBpPu]/g, '').split(''))].filter(
    (c) => c >= ' ' && c <= '~',
  )
  const singles = [...new Set([...BASE, ...own])]
  const pumps = [...singles, ...own.slice(0, 10).flatMap((a) => own.slice(0, 10).map((b) => a + b))]
  return pumps.flatMap((p) => ['', '\u0001', '!'].map((end) => p.repeat(Math.ceil(length / p.length)) + end))
}

function elapsed(f: () => unknown): number {
  const t0 = performance.now()
  f()
  return performance.now() - t0
}

describe('regular expressions on user text are linear', () => {
  const literals = regexLiterals()

  it('finds the engine’s expressions', () => {
    expect(literals.length).toBeGreaterThan(100)
  })

  it.each(literals.map((l) => [l.where, l.re] as const))('%s', (_where, re) => {
    const run = (s: string) =>
      elapsed(() => {
        re.lastIndex = 0
        if (re.global || re.sticky) s.replace(re, '')
        else re.test(s)
      })
    // The slowest input, timed again at its best of three so a GC pause under a loaded CI is not blamed.
    let worst = { ms: 0, input: '' }
    for (const s of adversarial(re, 50_000)) {
      const ms = run(s)
      if (ms > worst.ms) worst = { ms, input: s }
    }
    expect(Math.min(worst.ms, run(worst.input), run(worst.input), run(worst.input))).toBeLessThan(500)
  })
})

describe('the inputs that hung the engine before', () => {
  const N = 200_000
  it.each([
    ['a 200k-digit quantity with a stray letter (was 13 s)', () => parseQuantity(`${'1'.repeat(N)}!`)],
    [
      'a 200k quantity of digits then exponent letters',
      () => parseQuantity(`${'1'.repeat(N / 2)}${'e'.repeat(N / 2)}!`),
    ],
    ['a comment after 2 million spaces (never finished)', () => withoutComment(`${' '.repeat(2_000_000)}x`)],
    [
      'a manifest with 2 million spaces before a tab (never finished)',
      () => parseManifest(`a: b\nc:${' '.repeat(2_000_000)}x\n\tx: 1\n`),
    ],
    [
      '40,000 PEM headers without an END (was 11 s)',
      () => readClientCertificate(encodeBase64(utf8Bytes('-----BEGIN CERTIFICATE-----'.repeat(40_000)))),
    ],
    ['200k "=" then a letter in base64', () => decodeBase64(`${'='.repeat(N)}A`)],
    ['200k "/" then a letter', () => trimEndWhile(`${'/'.repeat(N)}a`, (c) => c === '/')],
    ['200k blanks then a letter', () => trailingRun(`${' \n'.repeat(N)}a`, isJsWhitespace)],
    ['a field path of 200k indexes', () => smdPath(`spec.containers${'[1]'.repeat(N / 3)}x`, {})],
    ['a 200k-character name', () => isDNS1123Subdomain(`${'a-'.repeat(N / 2)}!`)],
  ])('%s', (_name, f) => {
    // At its best of three, so a loaded CI machine is not blamed on the expression.
    expect(Math.min(elapsed(f), elapsed(f), elapsed(f))).toBeLessThan(500)
  })

  it('keeps what the expressions matched', () => {
    expect(withoutComment('a: b  # c')).toBe('a: b')
    expect(withoutComment('a: b#c')).toBe('a: b#c')
    expect(withoutComment('a: "x # y"\r')).toBe('a: "x # y"\r')
    expect(withoutComment('# c')).toBe('# c')
    expect(parseQuantity('1.5e3').ok).toBe(true)
    expect(parseQuantity('+1Ki').ok).toBe(true)
    expect(parseQuantity('1.2.3').ok).toBe(false)
    expect(parseQuantity('1e').ok).toBe(false)
    expect(decodeBase64('YQ==')).toEqual(new Uint8Array([97]))
  })
})
