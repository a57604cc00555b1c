import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { DEFAULT_MANIFEST } from '../scenario/default-scenario'
import { IDENTITIES } from '../scenario/identities'
import { AGGREGATED_DISCOVERY_ACCEPT } from './kubectl'

const requests = (t: ReturnType<typeof simulate>) =>
  t.events
    .filter((e) => e.kind === 'http.request' && e.component === 'kubectl')
    .map((e) => (e.kind === 'http.request' ? e.payload : null)!)

// client-go discovery/aggregated_discovery.go and discovery_client.go (v0.34): GET /api, then GET /apis.
// They come after the validator's OpenAPI requests: cli-runtime's StreamVisitor validates a document
// (ValidateSchema) before it maps it (infoForData), as kubectl v1.32 -v=9 against an empty cache shows.
describe('kubectl with an empty discovery cache (--cold-cache)', () => {
  it('asks for aggregated discovery, /api then /apis, before its own request', () => {
    const cold = requests(simulate({ manifest: DEFAULT_MANIFEST, coldCache: true }, { seed: 1 }))
    expect(cold.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /openapi/v3',
      'GET /openapi/v3/api/v1',
      'GET /api',
      'GET /apis',
      'GET /api/v1/namespaces/default/pods/nginx',
      'POST /api/v1/namespaces/default/pods',
    ])
    expect(cold[2]!.headers['Accept']).toBe(AGGREGATED_DISCOVERY_ACCEPT)
    // discovery_client.go defaultTimeout (32 s) travels as rest.Request's `timeout` parameter, as
    // `kubectl -v=6` shows: GET https://…:6443/api?timeout=32s. kubectl's own requests carry none.
    expect(cold.map((r) => r.query['timeout'] ?? null)).toEqual(['32s', '32s', '32s', '32s', null, null])
  })

  it('sends no discovery requests with a warm cache', () => {
    const warm = requests(simulate({ manifest: DEFAULT_MANIFEST }, { seed: 1 }))
    expect(warm.map((r) => r.path)).not.toContain('/api')
  })

  // Without validation nothing asks for the OpenAPI documents, so discovery is the first request.
  it('without credentials discovery itself is forbidden', () => {
    const anon = IDENTITIES.find((i) => i.id === 'anonymous')!
    const t = simulate(
      {
        manifest: DEFAULT_MANIFEST,
        coldCache: true,
        kubeconfig: anon.kubeconfig,
        command: 'kubectl apply -f pod.yaml --validate=false',
      },
      { seed: 1 },
    )
    expect(t.frames.at(-1)!.kubectl?.stderr).toBe(
      'Error from server (Forbidden): forbidden: User "system:anonymous" cannot get path "/api"\n',
    )
  })
})
