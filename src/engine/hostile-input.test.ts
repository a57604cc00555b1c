/**
 * Whatever a user types or pastes, the engine answers with what a cluster (or kubectl) would say and never
 * throws: random YAML-shaped documents, random Pod-shaped objects, and known hostile inputs.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { stringify } from 'yaml'
import { simulate } from './simulate'

const run = (manifest: string) => simulate({ manifest }, { seed: 1, until: 20_000 })

describe('hostile and random manifests', () => {
  it.each([
    [
      'an alias bomb',
      'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
    ],
    ['deep nesting', `a: ${'['.repeat(3000)}${']'.repeat(3000)}`],
    ['binary bytes', '\u0000\u0001\u0002\ufffd'],
    ['a bare scalar', '42'],
    ['a null container', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - null\n'],
  ])('%s is refused with a message, not a crash', (_name, manifest) => {
    const t = run(manifest)
    expect(t.outcome.kind).toBe('Rejected')
    expect(t.frames.at(-1)?.kubectl?.stderr).toMatch(/^(error: |Error from server|The Pod )/)
  })

  it('__proto__ keys do not pollute objects', () => {
    run(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  __proto__: {polluted: true}\nspec:\n  containers:\n  - name: c\n    image: nginx\n',
    )
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('random documents never make the engine throw', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        run(stringify(value))
      }),
      { numRuns: 150 },
    )
  })

  it('random Pod-shaped objects never make the engine throw', () => {
    const anything = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.boolean(),
      fc.array(fc.string(), { maxLength: 2 }),
    )
    const container = fc.record(
      {
        name: fc.oneof(fc.constantFrom('app', 'web', 'a_b', ''), anything),
        image: fc.oneof(fc.constantFrom('nginx:1.27', 'busybox', 'nope:0'), anything),
        ports: fc.oneof(fc.constant([{ containerPort: 80 }]), anything),
        resources: fc.oneof(fc.constant({ requests: { cpu: '100m' } }), anything),
        command: fc.oneof(fc.constant(['sleep', '3']), anything),
      },
      { requiredKeys: [] },
    )
    const pod = fc.record(
      {
        apiVersion: fc.oneof(fc.constant('v1'), anything),
        kind: fc.oneof(fc.constant('Pod'), anything),
        metadata: fc.oneof(
          fc.record({ name: fc.oneof(fc.constantFrom('p', 'Bad_Name'), anything) }, { requiredKeys: [] }),
          anything,
        ),
        spec: fc.oneof(
          fc.record(
            {
              containers: fc.oneof(fc.array(container, { maxLength: 2 }), anything),
              restartPolicy: fc.oneof(fc.constantFrom('Never', 'Sometimes'), anything),
              nodeSelector: fc.oneof(fc.constant({ a: 'b' }), anything),
            },
            { requiredKeys: [] },
          ),
          anything,
        ),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(pod, (p) => {
        run(stringify(p))
      }),
      { numRuns: 200 },
    )
  })
})
