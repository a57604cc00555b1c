/**
 * kubectl's field-validation check through OpenAPI v3 before a create or apply. Upstream: kubectl
 * pkg/cmd/util/factory_client_access.go (Validator: none for --validate=ignore), cli-runtime
 * pkg/resource/query_param_verifier_v3.go, fallback_query_param_verifier.go, query_param_verifier.go,
 * visitor.go; kube-openapi pkg/handler3/handler.go. The sequences match kubectl v1.32.4 -v=9 against a
 * loopback server (1.34 only adds a per-kind cache of the verdict, caching_verifier.go): an empty cache
 * sends GET /openapi/v3, GET /openapi/v3/api/v1?hash=…, /api, /apis, then the object; a warm one sends
 * the index with If-None-Match (the server saw it, 304) and answers the hashed document from its HTTP
 * cache (-v=9 logs it, the server never saw it); an apiserver that refuses the index is asked for
 * /openapi/v2, and then the validation error is printed and nothing is sent.
 */
import { describe, expect, it } from 'vitest'
import { simulate, type SimInput } from '../simulate'
import { toContractReport } from '../report/contract'
import { DEFAULT_CLUSTER, DEFAULT_MANIFEST } from '../scenario/default-scenario'
import { IDENTITIES } from '../scenario/identities'
import { OPENAPI_V3_INDEX_ETAG } from '../model/openapi-v3'

function run(input: Partial<SimInput> & { command: string }) {
  const timeline = simulate(
    { manifest: DEFAULT_MANIFEST, manifestName: 'pod.yaml', ...input },
    { seed: 1, until: 20_000 },
  )
  return toContractReport(timeline, { command: input.command })
}
const sent = (r: ReturnType<typeof run>) =>
  r.requests
    .filter((q) => q.from === 'kubectl')
    .map((q) => `${q.method} ${q.path}${q.query['hash'] ? '?hash=…' : ''} ${q.response?.code}`)
const anonymous = IDENTITIES.find((i) => i.id === 'anonymous')!.kubeconfig
const VALIDATION_FAILED = (cause: string) =>
  `error: error validating "pod.yaml": error validating data: failed to download openapi: ${cause}; if you choose to ignore these errors, turn validation off with --validate=false\n`

describe('which requests kubectl sends, by --validate and cache', () => {
  const cases: { name: string; command: string; coldCache?: boolean; want: string[] }[] = [
    {
      name: 'apply, warm cache: the index is revalidated (304), the document comes from the HTTP cache',
      command: 'kubectl apply -f pod.yaml',
      want: [
        'GET /openapi/v3 304',
        'GET /openapi/v3/api/v1?hash=… 200',
        'GET /api/v1/namespaces/default/pods/nginx 404',
        'POST /api/v1/namespaces/default/pods 201',
      ],
    },
    {
      name: 'create, empty cache: both documents from the apiserver, then discovery, then the POST',
      command: 'kubectl create -f pod.yaml',
      coldCache: true,
      want: [
        'GET /openapi/v3 200',
        'GET /openapi/v3/api/v1?hash=… 200',
        'GET /api 200',
        'GET /apis 200',
        'POST /api/v1/namespaces/default/pods 201',
      ],
    },
    {
      name: '--validate=warn still asks (it needs to know the server validates)',
      command: 'kubectl create -f pod.yaml --validate=warn',
      want: [
        'GET /openapi/v3 304',
        'GET /openapi/v3/api/v1?hash=… 200',
        'POST /api/v1/namespaces/default/pods 201',
      ],
    },
    {
      name: '--validate=false builds no validator: no OpenAPI request at all',
      command: 'kubectl create -f pod.yaml --validate=false',
      want: ['POST /api/v1/namespaces/default/pods 201'],
    },
    {
      name: '--validate=ignore, empty cache: discovery only',
      command: 'kubectl apply --server-side -f pod.yaml --validate=ignore',
      coldCache: true,
      want: ['GET /api 200', 'GET /apis 200', 'PATCH /api/v1/namespaces/default/pods/nginx 201'],
    },
  ]
  it.each(cases)('$name', ({ command, coldCache, want }) => {
    const r = run({ command, ...(coldCache ? { coldCache } : {}) })
    expect(r.kubectl.exitCode).toBe(0)
    expect(sent(r)).toEqual(want)
  })

  it.each([
    ['kubectl create -f pod.yaml', 'Strict'],
    ['kubectl create -f pod.yaml --validate=warn', 'Warn'],
    ['kubectl create -f pod.yaml --validate=false', 'Ignore'],
    ['kubectl create -f pod.yaml --validate=ignore', 'Ignore'],
    ['kubectl create -f pod.yaml --validate=true', 'Strict'],
  ])('%s sends fieldValidation=%s', (command, want) => {
    const post = run({ command }).requests.find((q) => q.method === 'POST')
    expect(post?.query['fieldValidation']).toBe(want)
  })
})

describe('the requests and their answers', () => {
  it('empty cache: the index lists each group-version with its hash; kubectl follows that URL', () => {
    const r = run({ command: 'kubectl create -f pod.yaml', coldCache: true })
    const [index, doc] = r.requests
    expect(index).toMatchObject({
      method: 'GET',
      path: '/openapi/v3',
      query: { timeout: '32s' },
      headers: { Accept: 'application/json, */*', 'Kubectl-Command': 'kubectl create' },
      response: { code: 200 },
    })
    expect(index!.headers['If-None-Match']).toBeUndefined()
    const paths = (index!.response!.body as { paths: Record<string, { serverRelativeURL: string }> }).paths
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['api/v1', 'apis/apps/v1', 'version']))
    const url = paths['api/v1']!.serverRelativeURL
    expect(url).toMatch(/^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{128}$/)
    expect(`${doc!.path}?hash=${doc!.query['hash']}`).toBe(url)
    expect(doc!.query).toEqual({ hash: url.split('hash=')[1], timeout: '32s' })
    expect(doc!.headers['Accept']).toBe('application/json')
    expect(index!.response!.headers).toMatchObject({
      'Cache-Control': 'no-cache, private',
      'Content-Type': 'application/json',
      Etag: `"${OPENAPI_V3_INDEX_ETAG}"`,
    })
    // HandleGroupVersion: a hashed URL is immutable for a year (Expires in time.RFC1123, UTC).
    expect(doc!.response!.headers).toMatchObject({
      'Cache-Control': 'public, immutable',
      Etag: `"${doc!.query['hash']}"`,
      Vary: 'Accept',
      Expires: expect.stringMatching(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} UTC$/),
    })
    const patch = (
      doc!.response!.body as { paths: Record<string, { patch?: { parameters: { name: string }[] } }> }
    ).paths['/api/v1/namespaces/{namespace}/pods/{name}']?.patch
    expect(patch?.parameters.map((p) => p.name)).toContain('fieldValidation')
    // Both pass authentication and authorization: system:discovery grants /openapi/* to authenticated users.
    expect(index!.authz.at(-1)).toMatchObject({ authorizer: 'RBAC', decision: 'Allow' })
  })

  it('warm cache: If-None-Match gets a 304 without a body; the document is answered by kubectl’s cache', () => {
    const r = run({ command: 'kubectl apply -f pod.yaml' })
    const [index, doc] = r.requests
    expect(index!.headers['If-None-Match']).toBe(`"${OPENAPI_V3_INDEX_ETAG}"`)
    expect(index!.response).toMatchObject({ code: 304, body: '' })
    expect(index!.authn?.authenticator).toBe('x509')
    expect(doc!.response).toMatchObject({ code: 200, fromCache: true, headers: { 'X-From-Cache': '1' } })
    // Nothing reached the apiserver: no authentication, no authorization.
    expect(doc!.authn).toBeNull()
    expect(doc!.authz).toEqual([])
  })

  it('a manifest of several core objects reads the v1 document once, before the first object', () => {
    const pods = `${DEFAULT_MANIFEST}---\n${DEFAULT_MANIFEST.replace('name: nginx', 'name: second')}`
    const r = run({ manifest: pods, command: 'kubectl create -f pod.yaml' })
    expect(sent(r)).toEqual([
      'GET /openapi/v3 304',
      'GET /openapi/v3/api/v1?hash=… 200',
      'POST /api/v1/namespaces/default/pods 201',
      'POST /api/v1/namespaces/default/pods 201',
    ])
  })
})

describe('a document of another group-version (apps/v1)', () => {
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
`
  const manifest = `${DEFAULT_MANIFEST}---\n${deployment}`
  // create validates each document as its visitor reaches it (create.go RunCreate: r.Visit).
  it('create reads the apps/v1 document just before the Deployment’s POST', () => {
    expect(sent(run({ manifest, command: 'kubectl create -f pod.yaml' }))).toEqual([
      'GET /openapi/v3 304',
      'GET /openapi/v3/api/v1?hash=… 200',
      'POST /api/v1/namespaces/default/pods 201',
      'GET /openapi/v3/apis/apps/v1?hash=… 200',
      'POST /apis/apps/v1/namespaces/default/deployments 201',
    ])
  })
  // apply reads and validates every document before sending any (apply.go GetObjects, r.Infos()).
  it('apply reads both documents before the first GET', () => {
    expect(sent(run({ manifest, command: 'kubectl apply -f pod.yaml' }))).toEqual([
      'GET /openapi/v3 304',
      'GET /openapi/v3/api/v1?hash=… 200',
      'GET /openapi/v3/apis/apps/v1?hash=… 200',
      'GET /api/v1/namespaces/default/pods/nginx 404',
      'POST /api/v1/namespaces/default/pods 201',
      'GET /apis/apps/v1/namespaces/default/deployments/web 404',
      'POST /apis/apps/v1/namespaces/default/deployments 201',
    ])
  })
})

describe('when the apiserver refuses the OpenAPI documents', () => {
  it('no credentials: 403 on /openapi/v3, the v2 fallback 403 too, and kubectl stops before sending', () => {
    const r = run({ command: 'kubectl apply -f pod.yaml', kubeconfig: anonymous })
    expect(sent(r)).toEqual(['GET /openapi/v3 403', 'GET /openapi/v2 403'])
    expect(r.requests[1]!.headers['Accept']).toBe(
      'application/com.github.proto-openapi.spec.v2@v1.0+protobuf',
    )
    // The discovery client cannot decode the Status, so the message is client-go's "unknown".
    expect(r.kubectl).toEqual({ exitCode: 1, stdout: '', stderr: VALIDATION_FAILED('unknown') })
    expect(r.pod).toBeNull()
  })

  it('a token the apiserver does not know: 401 twice, then the credentials message', () => {
    const badToken = anonymous.replace('user: {}', 'user:\n    token: not-a-known-token')
    const r = run({ command: 'kubectl create -f pod.yaml', kubeconfig: badToken })
    expect(sent(r)).toEqual(['GET /openapi/v3 401', 'GET /openapi/v2 401'])
    expect(r.kubectl.stderr).toBe(
      VALIDATION_FAILED('the server has asked for the client to provide credentials'),
    )
  })

  it('with --validate=false the same user reaches the POST and gets its Forbidden', () => {
    const r = run({ command: 'kubectl apply -f pod.yaml --validate=false', kubeconfig: anonymous })
    expect(sent(r)[0]).toBe('GET /api/v1/namespaces/default/pods/nginx 403')
  })

  it('create with several documents: every object fails with the cached error, requests only once', () => {
    const pods = `${DEFAULT_MANIFEST}---\n${DEFAULT_MANIFEST.replace('name: nginx', 'name: second')}`
    const r = run({ manifest: pods, command: 'kubectl create -f pod.yaml', kubeconfig: anonymous })
    expect(sent(r)).toEqual(['GET /openapi/v3 403', 'GET /openapi/v2 403'])
    const line = VALIDATION_FAILED('unknown').slice('error: '.length)
    expect(r.kubectl.stderr).toBe(line + line)
  })
})

describe('RBAC reasons reach kubectl through the Forbidden message', () => {
  it('jane bound to a Role that does not exist: the POST is forbidden with the RBAC reason', () => {
    const binding = `---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: jane-pods, namespace: default}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-writer}
subjects: [{apiGroup: rbac.authorization.k8s.io, kind: User, name: jane}]
`
    const jane = IDENTITIES.find((i) => i.id === 'jane')!.kubeconfig
    const r = run({
      command: 'kubectl create -f pod.yaml',
      kubeconfig: jane,
      cluster: DEFAULT_CLUSTER + binding,
    })
    // The OpenAPI documents are open to every authenticated user (system:discovery).
    expect(sent(r)).toEqual([
      'GET /openapi/v3 304',
      'GET /openapi/v3/api/v1?hash=… 200',
      'POST /api/v1/namespaces/default/pods 403',
    ])
    expect(r.kubectl.stderr).toBe(
      'Error from server (Forbidden): error when creating "pod.yaml": pods is forbidden: User "jane" cannot create resource "pods" in API group "" in the namespace "default": RBAC: role.rbac.authorization.k8s.io "pod-writer" not found\n',
    )
  })
})
