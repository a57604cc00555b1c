import { describe, expect, it } from 'vitest'
import { ERR_FORMAT_WRONG, ERR_SUFFIX, parseQuantity, quantityMilliValue, quantityValue } from './quantity'

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
