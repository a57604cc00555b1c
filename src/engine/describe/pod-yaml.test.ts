import { describe, expect, it } from 'vitest'
import { goYamlKeyLess, stringStyle, toKubectlYaml } from './pod-yaml'

describe('go-yaml string styles, as kubectl -o yaml quotes', () => {
  it.each([
    ['an ordinary word stays plain', 'nginx', 'PLAIN'],
    ['an image reference with a colon stays plain', 'nginx:1.27', 'PLAIN'],
    ['a number is double-quoted', '1231', 'QUOTE_DOUBLE'],
    ['a YAML 1.1 boolean is double-quoted', 'True', 'QUOTE_DOUBLE'],
    ['"on" is double-quoted', 'on', 'QUOTE_DOUBLE'],
    ['a timestamp is double-quoted', '2025-09-01T09:00:00Z', 'QUOTE_DOUBLE'],
    ['the empty string is double-quoted', '', 'QUOTE_DOUBLE'],
    ['a float-like version is double-quoted', '1.0', 'QUOTE_DOUBLE'],
    ['"colon space" needs single quotes', 'a: b', 'QUOTE_SINGLE'],
    ['a leading brace needs single quotes', '{"a":1}', 'QUOTE_SINGLE'],
    ['a leading dash and space needs single quotes', '- x', 'QUOTE_SINGLE'],
    ['a trailing space needs single quotes', 'x ', 'QUOTE_SINGLE'],
    ['a tab is a special character', 'a\tb', 'QUOTE_DOUBLE'],
    ['line breaks make a literal block', 'a\nb\n', 'BLOCK_LITERAL'],
  ] as const)('%s: %j', (_name, s, want) => {
    expect(stringStyle(s)).toBe(want)
  })
})

describe("go-yaml's key order (sorter.go)", () => {
  it.each([
    ['letters compare as characters', 'apiVersion', 'kind', true],
    ['non-letters sort before letters', '$setElementOrder/conditions', 'conditions', true],
    ['digit runs compare as numbers', 'item2', 'item10', true],
    ['a prefix sorts first', 'name', 'namespace', true],
  ] as const)('%s', (_name, a, b, less) => {
    expect(goYamlKeyLess(a, b)).toBe(less)
    expect(goYamlKeyLess(b, a)).toBe(!less)
  })
})

describe('kubectl -o yaml layout', () => {
  it('sorted keys, sequences level with their key, {} for empty maps, no anchors for shared values', () => {
    const shared = { cpu: '250m' }
    expect(
      toKubectlYaml({
        spec: { containers: [{ name: 'a', resources: { requests: shared } }], securityContext: {} },
        status: { containerStatuses: [{ name: 'a', resources: { requests: shared }, ready: true }] },
        apiVersion: 'v1',
        metadata: { annotations: { note: '{"a":1}\n' }, resourceVersion: '7' },
      }),
    ).toBe(
      'apiVersion: v1\n' +
        'metadata:\n' +
        '  annotations:\n' +
        '    note: |\n' +
        '      {"a":1}\n' +
        '  resourceVersion: "7"\n' +
        'spec:\n' +
        '  containers:\n' +
        '  - name: a\n' +
        '    resources:\n' +
        '      requests:\n' +
        '        cpu: 250m\n' +
        '  securityContext: {}\n' +
        'status:\n' +
        '  containerStatuses:\n' +
        '  - name: a\n' +
        '    ready: true\n' +
        '    resources:\n' +
        '      requests:\n' +
        '        cpu: 250m\n',
    )
  })

  it('folds a long string at the first space after column 80, two spaces deeper than its key', () => {
    const message =
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available.'
    expect(toKubectlYaml({ conditions: [{ message, reason: 'Unschedulable' }] })).toBe(
      'conditions:\n' +
        "- message: '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient\n" +
        "    cpu. preemption: 0/3 nodes are available.'\n" +
        '  reason: Unschedulable\n',
    )
  })
})
