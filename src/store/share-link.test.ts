import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { deflateSync, strToU8 } from 'fflate'
import { COMPONENT_IDS, DEFAULT_CLUSTER, DEFAULT_MANIFEST } from '../engine/index'
import { clusterForLink, decodeShare, encodeShare, SHARE_FORMAT, type SharedState } from './share-link'

const base: SharedState = {
  manifest: DEFAULT_MANIFEST,
  cluster: null,
  clusterOmitted: null,
  runAs: { identity: 'admin', verb: 'apply', namespace: '' },
  seed: 1,
  index: 12,
  selected: 'kube-scheduler',
  scenario: null,
  lesson: null,
  presenter: false,
}

const b64 = (value: unknown) =>
  btoa(String.fromCharCode(...deflateSync(strToU8(JSON.stringify(value)))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')

describe('share links', () => {
  it('give back exactly the state they were made from', () => {
    fc.assert(
      fc.property(
        fc.record({
          manifest: fc.string({ maxLength: 400 }),
          cluster: fc.option(fc.string({ maxLength: 400 })),
          identity: fc.constantFrom('admin', 'jane', 'anonymous'),
          verb: fc.constantFrom('apply' as const, 'create' as const, 'apply --server-side' as const),
          namespace: fc.constantFrom('', 'default', 'team-a'),
          seed: fc.nat(),
          index: fc.integer({ min: -1, max: 5000 }),
          selected: fc.option(fc.constantFrom(...COMPONENT_IDS)),
          lesson: fc.option(fc.record({ id: fc.string({ minLength: 1 }), stop: fc.nat(20) })),
          presenter: fc.boolean(),
        }),
        (r) => {
          const state: SharedState = {
            ...base,
            manifest: r.manifest,
            cluster: r.cluster,
            runAs: { identity: r.identity, verb: r.verb, namespace: r.namespace },
            seed: r.seed,
            index: r.index,
            selected: r.selected,
            lesson: r.lesson,
            presenter: r.presenter,
          }
          expect(decodeShare('#' + encodeShare(state))).toEqual({ ok: true, state })
        },
      ),
    )
  })

  it('keep the default scenario short enough to paste in a chat', () => {
    // The default manifest is ~300 characters of YAML; deflate + base64url keeps the link under 400.
    expect(encodeShare(base).length).toBeLessThan(400)
  })

  it('leave out the built-in cluster, and a cluster too large for a URL with its size', () => {
    expect(clusterForLink(DEFAULT_CLUSTER, DEFAULT_CLUSTER)).toEqual({ text: null, omitted: null })
    const small = DEFAULT_CLUSTER.replace('worker-1', 'worker-a')
    expect(clusterForLink(small, DEFAULT_CLUSTER)).toEqual({ text: small, omitted: null })
    // 3,000 nodes with their own names, addresses and CIDRs: far over what a link should carry.
    const nodes = Array.from(
      { length: 3000 },
      (_, i) => `---
apiVersion: v1
kind: Node
metadata:
  name: node-${i}
  labels: { kubernetes.io/hostname: node-${i}, topology.kubernetes.io/zone: zone-${i % 7} }
spec: { podCIDR: 10.${(i >> 8) & 255}.${i & 255}.0/24 }
status:
  addresses: [{ type: InternalIP, address: 192.168.${(i >> 8) & 255}.${i & 255} }]
  allocatable: { cpu: "${2 + (i % 13)}", memory: ${4 + (i % 29)}Gi, pods: "110" }
`,
    ).join('')
    const big = clusterForLink(nodes, DEFAULT_CLUSTER)
    expect(big.text).toBeNull()
    expect(big.omitted).toBe(nodes.length)
  })

  it('ignore a fragment without a share link', () => {
    expect(decodeShare('')).toBeNull()
    expect(decodeShare('#inspector')).toBeNull()
  })

  it('report a link cut short, tampered with, or from a newer Podlife, in words', () => {
    const link = encodeShare(base)
    const cut = decodeShare(link.slice(0, link.length - 20))
    expect(cut).toMatchObject({ ok: false, error: expect.stringContaining('damaged') })
    expect(decodeShare('s=1.%%%')).toMatchObject({ ok: false, error: expect.stringContaining('damaged') })
    expect(decodeShare('s=1.')).toMatchObject({ ok: false })
    expect(decodeShare('s=x.abc')).toMatchObject({ ok: false })
    const future = link.replace(`s=${SHARE_FORMAT}.`, `s=${SHARE_FORMAT + 1}.`)
    expect(decodeShare(future)).toMatchObject({
      ok: false,
      error: expect.stringContaining(`link format ${SHARE_FORMAT + 1}`),
    })
  })

  it('refuse well-formed links whose fields are wrong, naming the field', () => {
    const cases: [unknown, string][] = [
      [[1, 2], 'content'],
      [{ i: 0 }, 'manifest'],
      [{ m: 'x', i: 'three' }, 'step'],
      [{ m: 'x', i: 0, u: 'root' }, 'identity'],
      [{ m: 'x', i: 0, v: 'delete' }, 'verb'],
      [{ m: 'x', i: 0, n: 'Not A Namespace' }, 'namespace'],
      [{ m: 'x', i: 0, o: 'kube-proxy-evil' }, 'component'],
      [{ m: 'x', i: 0, l: ['birth'] }, 'lesson'],
    ]
    for (const [body, field] of cases)
      expect(decodeShare(`s=1.${b64(body)}`)).toMatchObject({
        ok: false,
        error: expect.stringContaining(field),
      })
  })

  it('refuse a link that inflates past the limit instead of exhausting memory', () => {
    // 9 MB of one repeated character deflates to a few kB.
    const bomb = deflateSync(new Uint8Array(9 * 1024 * 1024).fill(32), { level: 9 })
    const text = btoa(String.fromCharCode(...bomb))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '')
    expect(decodeShare(`s=1.${text}`)).toMatchObject({
      ok: false,
      error: expect.stringContaining('more than'),
    })
  })
})
