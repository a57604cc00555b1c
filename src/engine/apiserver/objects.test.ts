/**
 * ConfigMaps, Secrets, ServiceAccounts and Namespaces in a manifest, beside its Pods.
 * Upstream: pkg/apis/core/validation/validation.go (ValidateConfigMap, ValidateSecret,
 * ValidateNamespaceName = NameIsDNSLabel), apimachinery util/validation (IsConfigMapKey),
 * pkg/registry/core/namespace/strategy.go (finalizers, phase Active), the namespace defaulting of the
 * kubernetes.io/metadata.name label, encoding/base64 (CorruptInputError offsets, as encoding/json
 * reports for []byte fields), kube-controller-manager's serviceaccounts controller and
 * root-ca-cert-publisher (default ServiceAccount and kube-root-ca.crt in every namespace).
 */
import { storyPod } from '../protocol/pods'
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { toContractReport } from '../report/contract'
import { DEFAULT_CLUSTER } from '../scenario/default-scenario'
import { IDENTITIES } from '../scenario/identities'
import { base64Error } from './objects'

function run(manifest: string, opts: { command?: string; cluster?: string; kubeconfig?: string } = {}) {
  const command = opts.command ?? 'kubectl apply -f app.yaml'
  const timeline = simulate(
    {
      manifest,
      manifestName: 'app.yaml',
      command,
      ...(opts.cluster ? { cluster: DEFAULT_CLUSTER + '\n---\n' + opts.cluster } : {}),
      ...(opts.kubeconfig ? { kubeconfig: opts.kubeconfig } : {}),
    },
    { seed: 1, until: 30_000 },
  )
  return toContractReport(timeline, { command })
}

const created = (r: ReturnType<typeof run>, i: number) =>
  r.requests.filter((q) => q.from === 'kubectl' && q.method === 'POST')[i]?.response?.body as Record<
    string,
    unknown
  >

describe('non-Pod objects in a manifest', () => {
  const app = [
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-config\n  namespace: shop\ndata:\n  index.html: <h1>hi</h1>\n',
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  namespace: shop\nstringData:\n  password: s3cret\n',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  containers:\n  - name: web\n    image: nginx\n',
  ].join('---\n')

  it('a namespace, a ConfigMap, a Secret and a pod in it are created in order and the pod runs', () => {
    const r = run(app)
    expect(r.kubectl).toEqual({
      exitCode: 0,
      stdout: 'namespace/shop created\nconfigmap/web-config created\nsecret/creds created\npod/web created\n',
      stderr: '',
    })
    expect(
      r.requests.filter((q) => q.from === 'kubectl').map((q) => `${q.method} ${q.path} ${q.response?.code}`),
    ).toEqual([
      // kubectl's validator reads the v1 OpenAPI document once for all four (query_param_verifier_v3.go).
      'GET /openapi/v3 304',
      'GET /openapi/v3/api/v1 200',
      'GET /api/v1/namespaces/shop 404',
      'POST /api/v1/namespaces 201',
      'GET /api/v1/namespaces/shop/configmaps/web-config 404',
      'POST /api/v1/namespaces/shop/configmaps 201',
      'GET /api/v1/namespaces/shop/secrets/creds 404',
      'POST /api/v1/namespaces/shop/secrets 201',
      'GET /api/v1/namespaces/shop/pods/web 404',
      'POST /api/v1/namespaces/shop/pods 201',
    ])
    expect(r.pod?.status?.phase).toBe('Running')
    expect(r.pod?.spec.serviceAccountName).toBe('default')
  })

  it('the app follows the first Pod even when a Namespace comes before it', () => {
    const t = simulate({ manifest: app }, { seed: 1, until: 30_000 })
    expect(storyPod(t.frames.at(-1)!)?.metadata.name).toBe('web')
    expect(storyPod(t.frames.at(-1)!)?.status?.phase).toBe('Running')
  })

  it('the namespace is stored with its defaults, and controllers add its default ServiceAccount and CA ConfigMap', () => {
    const r = run(app)
    const ns = created(r, 0)
    expect(ns['metadata']).toMatchObject({ name: 'shop', labels: { 'kubernetes.io/metadata.name': 'shop' } })
    expect(ns['spec']).toEqual({ finalizers: ['kubernetes'] })
    expect(ns['status']).toEqual({ phase: 'Active' })
    // A namespace is cluster-scoped: kubectl sends no metadata.namespace.
    const body = r.requests.find((q) => q.method === 'POST' && q.path === '/api/v1/namespaces')!.body as {
      metadata: Record<string, unknown>
    }
    expect(body.metadata['namespace']).toBeUndefined()
    const keys = r.etcd.map((e) => e.key)
    expect(keys).toEqual(
      expect.arrayContaining([
        '/registry/namespaces/shop',
        '/registry/serviceaccounts/shop/default',
        '/registry/configmaps/shop/kube-root-ca.crt',
        '/registry/configmaps/shop/web-config',
        '/registry/secrets/shop/creds',
        '/registry/pods/shop/web',
      ]),
    )
  })

  it('a Secret: stringData is merged into data as base64 and the type defaults to Opaque', () => {
    const secret = created(run(app), 2)
    expect(secret['data']).toEqual({ password: 'czNjcmV0' })
    expect(secret['stringData']).toBeUndefined()
    expect(secret['type']).toBe('Opaque')
  })

  it('a ConfigMap key with a space is invalid', () => {
    const r = run('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  bad key: x\n')
    expect(r.kubectl.stderr).toBe(
      `The ConfigMap "c" is invalid: data[bad key]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n`,
    )
  })

  it('a key in both data and binaryData is reported once, on data', () => {
    const r = run(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: x\nbinaryData:\n  k: eA==\n',
    )
    expect(r.kubectl.stderr).toBe(
      'The ConfigMap "c" is invalid: data[k]: Invalid value: "k": duplicate of key present in binaryData\n',
    )
  })

  it('binaryData that is not base64 cannot be decoded: 400 with the offset of the bad byte', () => {
    const r = run('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nbinaryData:\n  k: hello world\n')
    expect(r.kubectl.stderr).toBe(
      'Error from server (BadRequest): error when creating "app.yaml": ConfigMap in version "v1" cannot be handled as a ConfigMap: illegal base64 data at input byte 5\n',
    )
  })

  it('a TLS Secret needs tls.crt and tls.key', () => {
    const r = run('apiVersion: v1\nkind: Secret\nmetadata:\n  name: t\ntype: kubernetes.io/tls\n')
    expect(r.kubectl.stderr).toBe(
      'The Secret "t" is invalid: \n* data[tls.crt]: Required value\n* data[tls.key]: Required value\n',
    )
  })

  it('a basic-auth Secret without username and password: upstream prints its path with a literal %s', () => {
    const r = run('apiVersion: v1\nkind: Secret\nmetadata:\n  name: b\ntype: kubernetes.io/basic-auth\n')
    expect(r.kubectl.stderr).toBe(
      'The Secret "b" is invalid: \n* data[%s][username]: Required value\n* data[%s][password]: Required value\n',
    )
  })

  it('a Namespace name must be a DNS label', () => {
    const r = run('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a.b\n')
    expect(r.kubectl.stderr).toBe(
      'The Namespace "a.b" is invalid: metadata.name: Invalid value: "a.b": must not contain dots\n',
    )
  })

  it('strict field validation refuses an unknown field', () => {
    const r = run('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndatas:\n  k: v\n')
    expect(r.kubectl.stderr).toBe(
      'Error from server (BadRequest): error when creating "app.yaml": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "datas"\n',
    )
  })

  it('a namespaced object in a namespace that does not exist', () => {
    const r = run('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: nope\n')
    expect(r.kubectl.stderr).toBe(
      'Error from server (NotFound): error when creating "app.yaml": namespaces "nope" not found\n',
    )
  })

  it('create of an existing ConfigMap: AlreadyExists; apply with a change: configured', () => {
    const existing =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: default\ndata:\n  k: old\n'
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: new\n'
    expect(run(manifest, { cluster: existing, command: 'kubectl create -f app.yaml' }).kubectl.stderr).toBe(
      'Error from server (AlreadyExists): error when creating "app.yaml": configmaps "c" already exists\n',
    )
    const applied = run(manifest, { cluster: existing })
    expect(applied.kubectl.stdout).toBe('configmap/c configured\n')
    expect(applied.kubectl.stderr).toMatch(/^Warning: resource configmaps\/c is missing the kubectl/)
    const patch = applied.requests.find((q) => q.method === 'PATCH')!
    expect(patch.path).toBe('/api/v1/namespaces/default/configmaps/c')
    expect((patch.response!.body as { data: unknown }).data).toEqual({ k: 'new' })
  })

  it('RBAC applies per resource: a user without bindings may not create configmaps', () => {
    const jane = IDENTITIES.find((i) => i.id === 'jane')!
    const r = run('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n', {
      kubeconfig: jane.kubeconfig,
      command: 'kubectl create -f app.yaml',
    })
    expect(r.kubectl.stderr).toBe(
      'Error from server (Forbidden): error when creating "app.yaml": configmaps is forbidden: User "jane" cannot create resource "configmaps" in API group "" in the namespace "default"\n',
    )
  })
})

describe('base64 decoding errors (encoding/base64 CorruptInputError)', () => {
  it.each([
    ['aGk=', null],
    ['aGVsbG8=', null],
    ['', null],
    ['abcd', null],
    ['ab==', null],
    ['abc', 0],
    ['abcde', 4],
    ['ab c', 2],
    ['a===', 1],
    ['ab=', 3],
    ['ab=x', 2],
    ['abc=x', 4],
  ])('%j → %j', (input, offset) => {
    expect(base64Error(input)).toBe(offset)
  })
})
