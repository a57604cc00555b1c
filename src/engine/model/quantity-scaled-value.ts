/**
 * Quantity.Value() and MilliValue() as Go computes them, overflow included: ParseQuantity keeps a value
 * either as an int64 with a base-10 scale (its fast path) or as an inf.Dec, and ScaledValue converts each
 * its own way. Past int64 they disagree with arithmetic: an int64Amount that overflows scaling by a power
 * of ten other than 1, 2, 3, 6 or 9 gives 0 (memory `10E` has Value() 0), the others wrap, and an inf.Dec
 * keeps the low 64 bits (the capped `9223372036854775807` has MilliValue() -1000). Every consumer reads
 * the stored text back through ParseQuantity, so the representation is the one parsing that text gives.
 * Upstream: apimachinery pkg/api/resource/quantity.go (ParseQuantity, ScaledValue), amount.go
 * (int64Amount.AsScaledInt64), math.go (positiveScaleInt64, negativeScaleInt64, int64MultiplyScale*),
 * scale_int.go (scaledValue); math/big Int.Int64.
 */

/** value × 10^exponent, as ParseQuantity left it. */
export type GoAmount =
  | { readonly kind: 'int64'; readonly value: bigint; readonly exponent: number }
  | { readonly kind: 'dec'; readonly unscaled: bigint; readonly exponent: number }

const MOST_NEGATIVE = -(2n ** 63n)
const wrap = (x: bigint): bigint => BigInt.asIntN(64, x)
/** big.Int.Int64: the low 64 bits of the magnitude, then the sign. */
const bigIntInt64 = (x: bigint): bigint => (x < 0n ? wrap(-BigInt.asUintN(64, -x)) : wrap(x))

/** int64MultiplyScale: the wrapped product and whether it fits. */
function multiply(a: bigint, b: bigint): [bigint, boolean] {
  if (a === 0n || a === 1n) return [a * b, true]
  if (a === MOST_NEGATIVE && b !== 1n) return [0n, false]
  const c = wrap(a * b)
  return [c, c / b === a]
}

/** positiveScaleInt64: the fixed scales return the wrapped product, the loop gives 0 on overflow. */
function positiveScale(base: bigint, scale: number): bigint {
  if (scale === 0) return base
  if ([1, 2, 3, 6, 9].includes(scale)) return multiply(base, 10n ** BigInt(scale))[0]
  let value = base
  for (let i = 0; i < scale; i++) {
    const [next, ok] = multiply(value, 10n)
    if (!ok) return 0n
    value = next
  }
  return value
}

/** negativeScaleInt64: divides by 10^scale, rounding a fraction away from zero. */
function negativeScale(base: bigint, scale: number): bigint {
  let value = base
  let fraction = false
  for (let i = 0; i < scale; i++) {
    if (!fraction && value % 10n !== 0n) fraction = true
    value /= 10n
    if (value === 0n) return fraction ? (base > 0n ? 1n : -1n) : 0n
  }
  return fraction ? value + (base > 0n ? 1n : -1n) : value
}

/** scaledValue(unscaled, scale, newScale) for an inf.Dec, whose scale is the negated exponent. */
function decScaledValue(unscaled: bigint, exponent: number, target: number): bigint {
  const dif = target - exponent
  if (dif === 0) return bigIntInt64(unscaled)
  // Scaling up multiplies in int64 (int64(math.Pow10(n)) is the most negative int64 once n > 18).
  if (dif < 0) return wrap(bigIntInt64(unscaled) * (-dif > 18 ? MOST_NEGATIVE : 10n ** BigInt(-dif)))
  const divisor = 10n ** BigInt(dif)
  // Truncated division, then one more when there is a remainder (the fast and the big paths agree).
  const result = unscaled / divisor
  return bigIntInt64(unscaled % divisor !== 0n ? result + 1n : result)
}

/** Quantity.ScaledValue(scale): ceil(q / 10^scale) as Go's int64 arithmetic gives it. */
export function goScaledValue(amount: GoAmount, scale: number): bigint {
  if (amount.kind === 'dec') return decScaledValue(amount.unscaled, amount.exponent, scale)
  return amount.exponent < scale
    ? negativeScale(amount.value, scale - amount.exponent)
    : positiveScale(amount.value, amount.exponent - scale)
}
