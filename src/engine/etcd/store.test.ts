import { describe, expect, it } from 'vitest'
import { createEtcdState, etcdDelete, etcdEntries, etcdPut } from './store'
import { etcdKeyRows } from './key-rows'
import type { EtcdEntry } from '../protocol/world'

const entry = (rev: number, summary: string): EtcdEntry => ({
  createRevision: rev,
  modRevision: rev,
  version: 1,
  summary,
})

describe('etcd keys shared between revisions', () => {
  const base = Object.freeze({
    '/registry/minions/a': entry(1, 'Node a'),
    '/registry/pods/default/p': entry(2, 'Pod default/p'),
  })
  const start = createEtcdState(2, base)

  it('reads the keys the cluster started with, and the ones written since', () => {
    const s = etcdPut(start, '/registry/pods/default/nginx', 'Pod default/nginx')
    expect(s.revision).toBe(3)
    expect(s.keys['/registry/minions/a']).toEqual(entry(1, 'Node a'))
    expect(s.keys['/registry/pods/default/nginx']).toEqual(entry(3, 'Pod default/nginx'))
    expect(start.keys['/registry/pods/default/nginx']).toBeUndefined()
  })

  it('updating an existing key keeps its create revision and bumps its version', () => {
    const s = etcdPut(etcdPut(start, '/registry/pods/default/p', 'x'), '/registry/pods/default/p', 'y')
    expect(s.keys['/registry/pods/default/p']).toEqual({
      createRevision: 2,
      modRevision: 4,
      version: 3,
      summary: 'y',
    })
  })

  it('lists keys in the order a plain object would: the cluster first, then new keys as first written', () => {
    let s = etcdPut(start, '/registry/pods/default/nginx', 'n1')
    s = etcdPut(s, '/registry/pods/default/p', 'p2')
    s = etcdPut(s, '/registry/pods/default/nginx', 'n2')
    expect(etcdEntries(s).map(([k, v]) => `${k} ${v.summary}`)).toEqual([
      '/registry/minions/a Node a',
      '/registry/pods/default/p p2',
      '/registry/pods/default/nginx n2',
    ])
  })

  it('a deleted key is gone, also when the cluster started with it', () => {
    const s = etcdDelete(etcdPut(start, '/registry/pods/default/nginx', 'n'), '/registry/pods/default/p')
    expect(s.revision).toBe(4)
    expect(s.keys['/registry/pods/default/p']).toBeUndefined()
    expect(etcdEntries(s).map(([k]) => k)).toEqual(['/registry/minions/a', '/registry/pods/default/nginx'])
  })

  it('a write copies only the keys written since the start, never the cluster’s', () => {
    let s = start
    for (let i = 0; i < 5; i++) s = etcdPut(s, `/registry/pods/default/n${i}`, 'n')
    expect(Object.keys(s.keys)).toHaveLength(5)
    expect(Object.getPrototypeOf(s.keys)).toBe(Object.getPrototypeOf(start.keys))
  })
})

describe('the inspector rows of etcd', () => {
  it('lists pod and node keys as etcdEntries does, patched after writes and deletes', () => {
    const base = Object.create(null) as Record<string, EtcdEntry>
    base['/registry/minions/a'] = entry(1, 'Node a')
    base['/registry/namespaces/default'] = entry(2, 'Namespace default')
    base['/registry/pods/default/p'] = entry(3, 'Pod default/p')
    base['/registry/pods/default/q'] = entry(4, 'Pod default/q')
    let s = createEtcdState(4, base)
    s = etcdPut(s, '/registry/pods/default/nginx', 'n')
    s = etcdPut(s, '/registry/pods/default/p', 'p')
    s = etcdDelete(s, '/registry/pods/default/q')
    const expected = etcdEntries(s)
      .filter(([k]) => !k.startsWith('/registry/namespaces/'))
      .map(([k, v]) => [k, String(v.createRevision), String(v.modRevision), String(v.version)])
    expect(etcdKeyRows(s)).toEqual(expected)
    expect(etcdKeyRows(s).map((r) => r[0])).toEqual([
      '/registry/minions/a',
      '/registry/pods/default/p',
      '/registry/pods/default/nginx',
    ])
    expect(etcdKeyRows(s)).toBe(etcdKeyRows(s))
  })
})
