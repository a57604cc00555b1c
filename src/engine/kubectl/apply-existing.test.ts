/**
 * kubectl apply and create against a pod that already exists in the cluster.
 * Upstream: staging/src/k8s.io/kubectl/pkg/cmd/apply/patcher.go (three-way
 * strategic merge patch, `{}` → unchanged), apply.go (missing-annotation warning),
 * pkg/apis/core/validation/validation.go (ValidatePodUpdate),
 * staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go (AlreadyExists).
 */
import { storyPod } from '../protocol/pods'
import { describe, expect, it } from 'vitest'
import { simulate } from '../simulate'
import { DEFAULT_CLUSTER } from '../scenario/default-scenario'
import { sortedJson } from './json'
import { LAST_APPLIED } from './request'
import type { HttpRequest } from '../protocol/http'

const manifest = (image: string, extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: ${image}\n${extra}`

/** The pod as a previous `kubectl apply` of `manifest('nginx:1.27')` left it, scheduled and running. */
function existingPod(annotated: boolean): string {
  const applied = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { annotations: {}, name: 'web', namespace: 'default' },
    spec: { containers: [{ image: 'nginx:1.27', name: 'web' }] },
  }
  const annotations = annotated
    ? `  annotations:\n    ${LAST_APPLIED}: ${JSON.stringify(sortedJson(applied) + '\n')}\n`
    : ''
  return `---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: default\n${annotations}spec:\n  nodeName: worker-1\n  containers:\n  - name: web\n    image: nginx:1.27\n    imagePullPolicy: IfNotPresent\n    terminationMessagePath: /dev/termination-log\n  restartPolicy: Always\nstatus:\n  phase: Running\n  podIP: 10.244.1.7\n`
}

function run(text: string, command: string, annotated = true) {
  const timeline = simulate(
    {
      manifest: text,
      manifestName: 'pod.yaml',
      command,
      cluster: DEFAULT_CLUSTER + '\n' + existingPod(annotated),
    },
    { seed: 1 },
  )
  // The validator's OpenAPI requests come first on every run; openapi.test.ts pins them.
  const requests = timeline.events.flatMap((e) =>
    e.kind === 'http.request' && e.payload.from === 'kubectl' && !e.payload.path.startsWith('/openapi/')
      ? [e.payload as HttpRequest]
      : [],
  )
  const last = timeline.frames[timeline.frames.length - 1]!
  return { requests, kubectl: last.kubectl, pod: storyPod(last) }
}

describe('kubectl apply on an existing pod', () => {
  it('re-applying the same file sends nothing after the GET and prints unchanged', () => {
    const r = run(manifest('nginx:1.27'), 'kubectl apply -f pod.yaml')
    expect(r.requests.map((q) => q.method)).toEqual(['GET'])
    expect(r.kubectl).toEqual({ exitCode: 0, stdout: 'pod/web unchanged\n', stderr: '' })
  })

  it('a new image is sent as a strategic merge patch and the pod is configured', () => {
    const r = run(manifest('nginx:1.28'), 'kubectl apply -f pod.yaml')
    expect(r.requests.map((q) => q.method)).toEqual(['GET', 'PATCH'])
    const patch = r.requests[1]!
    expect(patch.path).toBe('/api/v1/namespaces/default/pods/web')
    expect(patch.query).toEqual({ fieldManager: 'kubectl-client-side-apply', fieldValidation: 'Strict' })
    expect(patch.headers['Content-Type']).toBe('application/strategic-merge-patch+json')
    const body = patch.body as Record<string, Record<string, unknown>>
    expect(body['spec']).toEqual({
      '$setElementOrder/containers': [{ name: 'web' }],
      containers: [{ image: 'nginx:1.28', name: 'web' }],
    })
    expect(Object.keys(body['metadata']!)).toEqual(['annotations'])
    expect(r.kubectl).toEqual({ exitCode: 0, stdout: 'pod/web configured\n', stderr: '' })
    expect(r.pod?.spec.containers[0]?.image).toBe('nginx:1.28')
  })

  it('a changed env var is refused: a pod spec is immutable except images and a few fields', () => {
    const r = run(
      manifest('nginx:1.27', '    env:\n    - name: MODE\n      value: fast\n'),
      'kubectl apply -f pod.yaml',
    )
    expect(r.kubectl?.exitCode).toBe(1)
    expect(r.kubectl?.stderr).toBe(
      'The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n',
    )
  })

  it('warns when the live pod has no last-applied annotation, then patches it in', () => {
    const r = run(manifest('nginx:1.27'), 'kubectl apply -f pod.yaml', false)
    expect(r.requests.map((q) => q.method)).toEqual(['GET', 'PATCH'])
    expect(r.kubectl).toEqual({
      exitCode: 0,
      stdout: 'pod/web configured\n',
      stderr:
        'Warning: resource pods/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    })
  })

  it('kubectl create of an existing pod fails with AlreadyExists', () => {
    const r = run(manifest('nginx:1.27'), 'kubectl create -f pod.yaml')
    expect(r.kubectl).toEqual({
      exitCode: 1,
      stdout: '',
      stderr:
        'Error from server (AlreadyExists): error when creating "pod.yaml": pods "web" already exists\n',
    })
  })
})
