/**
 * `kubectl apply --server-side` of objects that do not exist yet. Upstream: staging/src/k8s.io/kubectl/
 * pkg/cmd/apply/apply.go (the server-side branch returns the Patch error as it is, no AddSourceToErr),
 * staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go (an apply patch creates a missing object),
 * the field manager's typed patch (`failed to create typed patch object (…): … field not declared in
 * schema`), sigs.k8s.io/structured-merge-diff ValidationErrors.Error (one error, or "errors:" and one per line).
 */
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { toContractReport } from '../report/contract'
import { IDENTITIES } from '../scenario/identities'

const command = 'kubectl apply --server-side -f pod.yaml'
const pod = (extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.27\n${extra}`
const run = (manifest: string, kubeconfig?: string) =>
  toContractReport(
    simulate(
      { manifest, manifestName: 'pod.yaml', command, ...(kubeconfig ? { kubeconfig } : {}) },
      { seed: 1, until: 30_000 },
    ),
    { command },
  )

describe('server-side apply of a new object', () => {
  it('creates the pod: one PATCH answered 201, "serverside-applied", and the pod runs', () => {
    const r = run(pod())
    expect(r.kubectl).toEqual({ exitCode: 0, stdout: 'pod/nginx serverside-applied\n', stderr: '' })
    const all = r.requests.filter((q) => q.from === 'kubectl')
    const sent = all.filter((q) => !q.path.startsWith('/openapi/'))
    expect(all.map((q) => `${q.method} ${q.path} ${q.response?.code}`)).toEqual([
      'GET /openapi/v3 304',
      'GET /openapi/v3/api/v1 200',
      'PATCH /api/v1/namespaces/default/pods/nginx 201',
    ])
    expect(sent[0]!.headers['Content-Type']).toBe('application/apply-patch+yaml')
    expect(sent[0]!.query).toMatchObject({ fieldManager: 'kubectl', force: 'false' })
    expect(r.pod?.status?.phase).toBe('Running')
  })

  it('an unknown field fails to build the typed patch (500, no reason, no file context)', () => {
    const r = run(pod('    imagePullPolice: Always\n'))
    expect(r.kubectl).toEqual({
      exitCode: 1,
      stdout: '',
      stderr:
        'Error from server: failed to create typed patch object (default/nginx; /v1, Kind=Pod): .spec.containers[name="nginx"].imagePullPolice: field not declared in schema\n',
    })
    expect(r.pod).toBeNull()
  })

  it('several unknown fields are listed one per line', () => {
    const r = run(pod('    imagePullPolice: Always\n  restartPolicyy: Never\n'))
    expect(r.kubectl.stderr).toBe(
      'Error from server: failed to create typed patch object (default/nginx; /v1, Kind=Pod): errors:\n' +
        '  .spec.containers[name="nginx"].imagePullPolice: field not declared in schema\n' +
        '  .spec.restartPolicyy: field not declared in schema\n',
    )
  })

  it('a Forbidden answer is printed without "error when creating"', () => {
    const jane = IDENTITIES.find((i) => i.id === 'jane')!
    expect(run(pod(), jane.kubeconfig).kubectl.stderr).toBe(
      'Error from server (Forbidden): pods "nginx" is forbidden: User "jane" cannot patch resource "pods" in API group "" in the namespace "default"\n',
    )
  })

  it('applying again to the pod it created merges the new fields (200)', () => {
    const labelled = pod().replace('  name: nginx\n', '  name: nginx\n  labels:\n    tier: web\n')
    const r = run(`${pod()}---\n${labelled}`)
    expect(r.kubectl.stdout).toBe('pod/nginx serverside-applied\npod/nginx serverside-applied\n')
    // The index (304) and the v1 document (from the HTTP cache) once, then one PATCH per document.
    expect(r.requests.filter((q) => q.from === 'kubectl').map((q) => q.response?.code)).toEqual([
      304, 200, 201, 200,
    ])
    expect(r.pod?.metadata.labels).toEqual({ tier: 'web' })
  })
})
