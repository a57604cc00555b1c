/**
 * resource.Quantity as kubernetes/apimachinery parses and prints it
 * (pkg/api/resource/quantity.go, suffix.go, amount.go).
 *
 * Values are kept exactly as a count of nano-units (BigInt), rounded up to the
 * nano scale as ParseQuantity does. `canonical` reproduces CanonicalizeBytes,
 * including the fast path that keeps the user's text when it is already canonical.
 */
import { goScaledValue, type GoAmount } from './quantity-scaled-value'

export const ERR_FORMAT_WRONG =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
export const ERR_SUFFIX = "unable to parse quantity's suffix"
export const ERR_NUMERIC = 'unable to parse numeric part of quantity'

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

export interface Quantity {
  /** The value in nano-units (1 = 1e-9), rounded away from zero. */
  readonly nanos: bigint
  readonly format: Format
  /** The text a real apiserver stores and `kubectl get -o yaml` prints. */
  readonly canonical: string
  /** How Go holds it after ParseQuantity, for Value() and MilliValue(); absent for computed values. */
  readonly go?: GoAmount
}

export type QuantityResult = { ok: true; quantity: Quantity } | { ok: false; error: string }

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
}
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 }
const DECIMAL_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]))
const BINARY_BY_EXPONENT = new Map(Object.entries(BINARY_SUFFIXES).map(([s, e]) => [e, s]))

/**
 * The suffix part of ERR_FORMAT_WRONG's expression. Its three classes are disjoint, so a backtracking
 * engine gives back at most one character class at a time: linear.
 */
const SUFFIX_SHAPE = /^[eEinumkKMGTP]*[-+]?[0-9]*$/

const isNumberChar = (c: string) => (c >= '0' && c <= '9') || c === '.'

/**
 * `^([+-]?)([0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$` as a scan. As one expression, `[0-9.]+` and the
 * suffix's `[0-9]*` overlap, so 200,000 digits and a stray letter take V8 seconds (Go's RE2 is linear).
 * Greedy is exact here: the suffix cannot start with '.', and if it started with a digit the digits
 * would have to run to the end, where the greedy split matches as well.
 */
function splitQuantity(text: string): [sign: string, numberPart: string, suffix: string] | null {
  const sign = text[0] === '+' || text[0] === '-' ? text[0] : ''
  let i = sign.length
  while (i < text.length && isNumberChar(text[i]!)) i++
  if (i === sign.length) return null
  const suffix = text.slice(i)
  return SUFFIX_SHAPE.test(suffix) ? [sign, text.slice(sign.length, i), suffix] : null
}
const NANO = 1_000_000_000n
const INT64_MAX = 9223372036854775807n
/** quantity.go maxAllowed: int64's largest value, in units. */
const MAX_ALLOWED_NANOS = INT64_MAX * NANO

interface Suffix {
  readonly base: 2 | 10
  readonly exponent: number
  readonly format: Format
}

function interpretSuffix(suffix: string): Suffix | undefined {
  if (suffix in DECIMAL_SUFFIXES)
    return { base: 10, exponent: DECIMAL_SUFFIXES[suffix]!, format: 'DecimalSI' }
  if (suffix in BINARY_SUFFIXES) return { base: 2, exponent: BINARY_SUFFIXES[suffix]!, format: 'BinarySI' }
  const m = /^[eE]([-+]?[0-9]+)$/.exec(suffix)
  if (m) return { base: 10, exponent: Number(m[1]), format: 'DecimalExponent' }
  return undefined
}

/** Parses a quantity string exactly as apimachinery's ParseQuantity accepts it. */
export function parseQuantity(text: string): QuantityResult {
  const shape = splitQuantity(text)
  if (!shape) return { ok: false, error: ERR_FORMAT_WRONG }
  const [sign, numberPart, suffixText] = shape
  const dots = numberPart.split('.')
  if (dots.length > 2) return { ok: false, error: ERR_FORMAT_WRONG }
  const suffix = interpretSuffix(suffixText)
  if (!suffix) return { ok: false, error: ERR_SUFFIX }
  const whole = (dots[0] ?? '').replace(/^0+/, '')
  const num = whole === '' ? '0' : whole
  const denom = dots[1] ?? ''
  if (!/[0-9]/.test(numberPart)) return { ok: false, error: ERR_NUMERIC }
  const negative = sign === '-'

  // Exact value: (num.denom) * base^exponent, rounded up to nano-units.
  const digits = BigInt(num + denom)
  let numerator = digits * NANO
  let denominator = 10n ** BigInt(denom.length)
  if (suffix.base === 10) {
    if (suffix.exponent >= 0) numerator *= 10n ** BigInt(suffix.exponent)
    else denominator *= 10n ** BigInt(-suffix.exponent)
  } else {
    numerator *= 2n ** BigInt(suffix.exponent)
  }
  let nanos = numerator / denominator
  if (nanos * denominator !== numerator) nanos += 1n
  // "The max is just a simple cap": a binary value beyond int64 is stored as 2^63-1 units, so 9Ei and
  // 9223372036854775807Ki both become 9223372036854775807. Decimal values are not capped (12E stays 12E).
  const capped = suffix.format === 'BinarySI' && nanos > MAX_ALLOWED_NANOS
  if (capped) nanos = MAX_ALLOWED_NANOS
  if (negative) nanos = -nanos

  const cached = keepsOriginalText(num, denom, suffix, digits)
  const canonical = cached ? text : canonicalize(nanos, suffix.format)
  const go = goAmountOf(num, denom, suffix, negative ? -digits : digits, nanos, capped)
  return { ok: true, quantity: { nanos, format: suffix.format, canonical, go } }
}

/**
 * How ParseQuantity holds the value: its fast path keeps an int64 and a base-10 scale when the digits
 * fit (18 of them for decimal, fewer for binary) and the scale is at least nano; otherwise an inf.Dec
 * rounded up to nano scale, or set to maxAllowed itself (scale 0) when a binary value was capped.
 */
function goAmountOf(
  num: string,
  denom: string,
  suffix: Suffix,
  digits: bigint,
  nanos: bigint,
  capped: boolean,
): GoAmount {
  if (suffix.format === 'BinarySI') {
    const precision = 15 - num.length - Math.trunc((suffix.exponent * 3) / 10) - 1
    if (denom.length === 0 && precision >= 0)
      return { kind: 'int64', value: digits * 2n ** BigInt(suffix.exponent), exponent: 0 }
  } else if (18 - (num.length + denom.length) >= 0 && suffix.exponent - denom.length >= -9) {
    return { kind: 'int64', value: digits, exponent: suffix.exponent - denom.length }
  }
  if (capped) return { kind: 'dec', unscaled: nanos < 0n ? -INT64_MAX : INT64_MAX, exponent: 0 }
  return { kind: 'dec', unscaled: nanos, exponent: nanos === 0n ? 0 : -9 }
}

/** ParseQuantity's fast path reuses the input string when it is already in canonical form. */
function keepsOriginalText(num: string, denom: string, suffix: Suffix, digits: bigint): boolean {
  if (suffix.format === 'BinarySI') {
    if (denom.length > 0) return false
    const precision = 15 - num.length - Math.trunc((suffix.exponent * 3) / 10) - 1
    if (precision < 0) return false
    if (digits * 2n ** BigInt(suffix.exponent) > INT64_MAX) return false
    return suffix.exponent % 10 === 0 && (digits & 7n) !== 0n
  }
  const precision = 18 - (num.length + denom.length)
  if (precision < 0) return false
  const scale = suffix.exponent - denom.length
  if (scale < -9) return false
  const shifted = num + denom
  return scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0'
}

function canonicalize(nanos: bigint, requested: Format): string {
  const negative = nanos < 0n
  const abs = negative ? -nanos : nanos
  const sign = negative ? '-' : ''
  let format = requested
  if (format === 'BinarySI') {
    // Small or fractional binary values print in decimal so no precision is lost.
    if (abs < 1024n * NANO || abs % NANO !== 0n) format = 'DecimalSI'
  }
  // Beyond the largest suffix (E, Ei) Kubernetes 1.34 prints the mantissa alone: CanonicalizeBytes drops
  // constructBytes' `ok`, so 1000E is stored as "1" (kubernetes/kubernetes#141249, fixed after 1.34 by
  // PR #140459). A parsed binary value never gets there (it is capped); a sum of them can.
  if (format === 'BinarySI') {
    let amount = abs / NANO
    let exponent = 0
    while (amount % 1024n === 0n && amount !== 0n) {
      amount /= 1024n
      exponent += 10
    }
    return sign + amount.toString() + (BINARY_BY_EXPONENT.get(exponent) ?? '')
  }
  if (abs === 0n) return '0'
  let amount = abs
  let exponent = -9
  while (amount % 10n === 0n) {
    amount /= 10n
    exponent += 1
  }
  const rem = ((exponent % 3) + 3) % 3
  amount *= 10n ** BigInt(rem)
  exponent -= rem
  if (format === 'DecimalExponent') return sign + amount.toString() + (exponent === 0 ? '' : `e${exponent}`)
  return sign + amount.toString() + (DECIMAL_BY_EXPONENT.get(exponent) ?? '')
}

/** Value() in apimachinery: whole units, rounded up; past int64 as Go's arithmetic leaves it. */
export function quantityValue(q: Quantity): number {
  if (q.go) return Number(goScaledValue(q.go, 0))
  const whole = q.nanos / NANO
  const up = q.nanos % NANO > 0n ? 1n : 0n
  return Number(whole + up)
}

/** MilliValue(): thousandths, rounded up (the scheduler's unit for CPU); past int64 as Go leaves it. */
export function quantityMilliValue(q: Quantity): number {
  if (q.go) return Number(goScaledValue(q.go, -3))
  const per = 1_000_000n
  const whole = q.nanos / per
  const up = q.nanos % per > 0n ? 1n : 0n
  return Number(whole + up)
}

/** Parses a quantity that is known to be valid (already admitted). Throws on an engine bug. */
export function mustParseQuantity(text: string): Quantity {
  const r = parseQuantity(text)
  if (!r.ok) throw new Error(`invalid quantity ${JSON.stringify(text)} reached the engine: ${r.error}`)
  return r.quantity
}

/** A quantity from a nano-unit count, printed as Quantity.String() prints a computed value (no cached text). */
export function quantityFromNanos(nanos: bigint, format: Quantity['format']): Quantity {
  return { nanos, format, canonical: canonicalize(nanos, format) }
}

/** Quantity.Add: the sum keeps the first operand's format, and its text is recomputed. */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return quantityFromNanos(a.nanos + b.nanos, a.format)
}
