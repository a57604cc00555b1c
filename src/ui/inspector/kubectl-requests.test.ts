import { describe, expect, it } from 'vitest'
import { simulate, DEFAULT_MANIFEST } from '../../engine/index'
import { inspectorSections } from './sections'

// The kubectl inspector lists every request kubectl has sent so far, the OpenAPI ones first
// (cli-runtime query_param_verifier_v3.go), with who answered; the latest answer's headers follow.
const t = simulate({ manifest: DEFAULT_MANIFEST }, { seed: 1 })
const cold = simulate({ manifest: DEFAULT_MANIFEST, coldCache: true }, { seed: 1 })
const table = (timeline: typeof t, index: number) => {
  const s = inspectorSections(timeline, index, 'kubectl').find((x) =>
    x.title.startsWith('Requests kubectl sent'),
  )
  return s?.kind === 'table' ? s.rows : undefined
}
const text = (timeline: typeof t, index: number, title: string) => {
  const s = inspectorSections(timeline, index, 'kubectl').find((x) => x.title === title)
  return s?.kind === 'text' ? s.text : undefined
}

describe('the kubectl inspector: requests and answers', () => {
  it('lists the OpenAPI check before the object requests, with their answers and who gave them', () => {
    const rows = table(t, t.events.length - 1)!
    expect(rows.map((r) => [r[0]!.replace(/hash=[0-9A-F]+/, 'hash=…'), r[1], r[2]])).toEqual([
      ['GET /openapi/v3?timeout=32s', '304 Not Modified', 'kube-apiserver'],
      ['GET /openapi/v3/api/v1?hash=…&timeout=32s', '200 OK', "kubectl's HTTP cache"],
      ['GET /api/v1/namespaces/default/pods/nginx', '404 Not Found', 'kube-apiserver'],
      [
        'POST /api/v1/namespaces/default/pods?fieldManager=kubectl-client-side-apply&fieldValidation=Strict',
        '201 Created',
        'kube-apiserver',
      ],
    ])
  })

  it('shows nothing before kubectl has sent anything, and an unanswered request as pending', () => {
    expect(table(t, 0)).toBeUndefined()
    const first = t.events.findIndex((e) => e.kind === 'http.request')
    expect(table(t, first)!.map((r) => r[1])).toEqual(['…'])
  })

  it('shows the caching headers of the OpenAPI document the apiserver sent (empty cache)', () => {
    const i = cold.events.findIndex(
      (e) => e.kind === 'http.response' && e.payload.to === 'kubectl' && !!e.payload.headers?.['Expires'],
    )
    const response = text(cold, i, 'HTTP response')!
    expect(response.split('\n')[0]).toBe('200 OK')
    expect(response).toContain('Cache-Control: public, immutable')
    expect(response).toMatch(/\nEtag: "[0-9A-F]{128}"\n/)
    expect(response).toMatch(/\nExpires: .+ UTC\n/)
  })
})
