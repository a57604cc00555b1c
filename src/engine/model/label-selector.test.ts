import { describe, expect, it } from 'vitest'
import { matchesSelector, toSelector, withLabels } from './label-selector'

// Upstream: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers_test.go (TestLabelSelectorAsSelector),
// staging/src/k8s.io/apimachinery/pkg/labels/selector_test.go.
describe('label selectors', () => {
  const cases: {
    name: string
    selector: Parameters<typeof toSelector>[0]
    labels: Record<string, string>
    matches: boolean
  }[] = [
    { name: 'a nil selector matches nothing', selector: null, labels: { a: 'b' }, matches: false },
    { name: 'an empty selector matches everything', selector: {}, labels: {}, matches: true },
    {
      name: 'matchLabels',
      selector: { matchLabels: { app: 'web' } },
      labels: { app: 'web', x: 'y' },
      matches: true,
    },
    {
      name: 'matchLabels mismatch',
      selector: { matchLabels: { app: 'web' } },
      labels: { app: 'db' },
      matches: false,
    },
    {
      name: 'In',
      selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] },
      labels: { tier: 'b' },
      matches: true,
    },
    {
      name: 'NotIn with the key absent matches',
      selector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['a'] }] },
      labels: {},
      matches: true,
    },
    {
      name: 'Exists',
      selector: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] },
      labels: { foo: '' },
      matches: true,
    },
    {
      name: 'DoesNotExist',
      selector: { matchExpressions: [{ key: 'foo', operator: 'DoesNotExist' }] },
      labels: { foo: '' },
      matches: false,
    },
  ]
  for (const c of cases)
    it(c.name, () => expect(matchesSelector(toSelector(c.selector), c.labels)).toBe(c.matches))

  it('matchLabelKeys add the pod’s own values', () => {
    const s = withLabels(toSelector({ matchLabels: { app: 'web' } }), { 'pod-template-hash': 'abc' })
    expect(matchesSelector(s, { app: 'web', 'pod-template-hash': 'abc' })).toBe(true)
    expect(matchesSelector(s, { app: 'web', 'pod-template-hash': 'def' })).toBe(false)
  })
})
