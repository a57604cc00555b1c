import { describe, expect, it } from 'vitest'
import {
  ERR_FORMAT_WRONG,
  ERR_SUFFIX,
  parseQuantity,
  quantityFromNanos,
  quantityMilliValue,
  quantityValue,
} from './quantity'

// Cases from kubernetes/apimachinery pkg/api/resource/quantity_test.go (TestQuantityParse, TestQuantityParseEmit)
describe('resource.Quantity canonical form', () => {
  const cases: [string, string][] = [
    ['0.5', '500m'],
    ['1.5', '1500m'],
    ['9.01', '9010m'],
    ['2000m', '2'],
    ['1000m', '1'],
    ['1000M', '1G'],
    ['1024Mi', '1Gi'],
    ['1.5G', '1500M'],
    ['1.5Gi', '1536Mi'],
    ['0.5Mi', '512Ki'],
    ['1e14', '100e12'],
    ['1.2e3', '1200'],
    ['0.05Gi', '53687091200m'],
    ['0.0000000005', '1n'],
    ['100m', '100m'],
    ['128Mi', '128Mi'],
    ['1.', '1.'],
    ['01', '01'],
    ['+1', '+1'],
    ['0', '0'],
  ]
  it.each(cases)('%s is stored as %s', (input, canonical) => {
    const r = parseQuantity(input)
    expect(r.ok && r.quantity.canonical).toBe(canonical)
  })
})

describe('resource.Quantity errors', () => {
  it.each([' 1', '1 ', '1 Gi', '', 'abc', '1gi', '5Mb'])('%j does not match the grammar', (input) => {
    expect(parseQuantity(input)).toEqual({ ok: false, error: ERR_FORMAT_WRONG })
  })
  it.each(['1K', '1Mii', '1iM'])('%j has an unknown suffix', (input) => {
    expect(parseQuantity(input)).toEqual({ ok: false, error: ERR_SUFFIX })
  })
})

describe('integer values round up', () => {
  it('Value of 1.5 is 2 and MilliValue of 5n is 1', () => {
    const a = parseQuantity('1.5')
    const b = parseQuantity('5n')
    expect(a.ok && quantityValue(a.quantity)).toBe(2)
    expect(b.ok && quantityMilliValue(b.quantity)).toBe(1)
  })
})

// TestQuantityParse ("Things that saturate/round": 9Ei and 9223372036854775807Ki are maxAllowed,
// 12E is decQuantity(12, 18)); quantity.go ParseQuantity caps only BinarySI at maxAllowed (2^63-1).
describe('quantities beyond int64', () => {
  const MAX = '9223372036854775807'
  it.each([
    ['9Ei', MAX],
    ['9223372036854775807Ki', MAX],
    ['8Ei', MAX], // 2^63 is one more than int64 holds
    ['-9Ei', `-${MAX}`],
    ['16Ei', MAX],
    ['7Ei', '7Ei'],
    ['8191Pi', '8191Pi'],
    ['12E', '12E'],
    ['10000000000000000000', '10E'],
    ['9223372036854775808', '9223372036854775808'],
    ['1e21', '1e21'],
    // Kubernetes 1.34's CanonicalizeBytes has no SI suffix past E and prints the mantissa alone
    // (kubernetes/kubernetes#141249; PR #140459 fixed it after 1.34).
    ['1000E', '1'],
    ['1000000000000000000000', '1'],
    ['5000E', '5'],
    ['12000E', '12'],
  ])('%s is stored as %s', (input, canonical) => {
    const r = parseQuantity(input)
    expect(r.ok && r.quantity.canonical).toBe(canonical)
  })

  it('9Ei and 8Ei are the same value once capped; 12E is larger than both', () => {
    const nanos = (t: string) => {
      const r = parseQuantity(t)
      return r.ok ? r.quantity.nanos : null
    }
    expect(nanos('9Ei')).toBe(nanos('8Ei'))
    expect(nanos('9Ei')).toBe(9223372036854775807n * 1_000_000_000n)
    expect(nanos('12E')! > nanos('9Ei')!).toBe(true)
  })

  it('a sum past Ei has no suffix either: 1024Ei + 1024Ei is printed as the mantissa 2', () => {
    const a = parseQuantity('1Ei')
    if (!a.ok) throw new Error(a.error)
    const big = quantityFromNanos(a.quantity.nanos * 2048n, 'BinarySI')
    expect(big.canonical).toBe('2')
  })
})

// What consumers compute from the stored text: the scheduler's MilliValue() for CPU and Value() for
// memory, worked out from apimachinery's int64 arithmetic past int64 (quantity.go ScaledValue, amount.go
// AsScaledInt64, math.go positiveScaleInt64 and int64MultiplyScale, scale_int.go scaledValue).
describe('Value() and MilliValue() as Go computes them', () => {
  // 2^63-1 as a JavaScript number (Number(9223372036854775807n), which rounds up to 2^63).
  const MAX = Number(9223372036854775807n)
  it.each([
    ['1', 1, 1000],
    ['1.5', 2, 1500],
    ['100m', 1, 100],
    ['5n', 1, 1],
    ['128Mi', 134217728, 134217728000],
    ['9E', 9e18, 0], // int64Amount{9, 18}: scaling by 10^21 overflows the loop, which gives 0
    ['10E', 0, 0], // 10^19 does not fit: Value() is 0
    ['12E', 0, 0],
    ['9223372036854775807', MAX, -1000], // an inf.Dec: its low 64 bits, times 1000, wrap to -1000
    ['1000000m', 1000, 1000000],
  ])('%s: Value() %d, MilliValue() %d', (text, value, milli) => {
    const r = parseQuantity(text)
    if (!r.ok) throw new Error(r.error)
    expect(quantityValue(r.quantity)).toBe(value)
    expect(quantityMilliValue(r.quantity)).toBe(milli)
  })
})
