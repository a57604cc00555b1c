import { describe, expect, it } from 'vitest'
import type { LabelSelector } from '../model/label-selector'
import { formatLabelSelector, labelSelectorString } from './workload-selector'

describe('how kubectl prints a label selector', () => {
  // kubernetes/apimachinery pkg/apis/meta/v1/helpers_test.go TestLabelSelectorAsSelector (v0.34.1):
  // the selector each case gives, printed with String(); Nothing and Everything print "".
  const matchLabels = { foo: 'bar' }
  const matchExpressions = [{ key: 'baz', operator: 'In' as const, values: ['qux', 'norf'] }]
  it.each<[string, LabelSelector | null, string | null]>([
    ['a missing selector selects nothing', null, ''],
    ['an empty selector selects everything', {}, ''],
    ['matchLabels print key=value', { matchLabels }, 'foo=bar'],
    ['In prints its values sorted', { matchExpressions }, 'baz in (norf,qux)'],
    ['requirements are sorted by key', { matchLabels, matchExpressions }, 'baz in (norf,qux),foo=bar'],
    [
      'Exists with values is an error',
      { matchExpressions: [{ key: 'baz', operator: 'Exists', values: ['qux', 'norf'] }] },
      null,
    ],
  ])('%s', (_name, selector, expected) => {
    expect(labelSelectorString(selector)).toBe(expected)
  })

  // pkg/labels/selector.go Requirement.String for the other operators.
  it('prints NotIn, Exists and DoesNotExist as kubectl does', () => {
    expect(
      labelSelectorString({
        matchExpressions: [
          { key: 'tier', operator: 'NotIn', values: ['cache'] },
          { key: 'app', operator: 'Exists' },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      }),
    ).toBe('app,!canary,tier notin (cache)')
  })

  // helpers.go FormatLabelSelector: what `kubectl describe rs` and `get rs -o wide` show.
  it.each<[string, LabelSelector | null, string]>([
    ['an empty selector is <none>', {}, '<none>'],
    ['a missing selector is <none>', null, '<none>'],
    [
      'an invalid one is <error>',
      { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] },
      '<error>',
    ],
    [
      'a ReplicaSet selector with its pod-template-hash',
      { matchLabels: { 'pod-template-hash': '7d4b9c6f5', app: 'web' } },
      'app=web,pod-template-hash=7d4b9c6f5',
    ],
  ])('FormatLabelSelector: %s', (_name, selector, expected) => {
    expect(formatLabelSelector(selector)).toBe(expected)
  })
})
