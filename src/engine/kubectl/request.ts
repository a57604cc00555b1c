/**
 * The HTTP requests kubectl sends, built as kubectl v1.34 builds them:
 * method, path, query, headers and a compact JSON body with sorted keys.
 * Upstream: staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go, create/create.go,
 * staging/src/k8s.io/cli-runtime/pkg/resource/helper.go, kubectl/pkg/util/apply.go (GetModifiedConfiguration)
 */
import type { HttpRequest } from '../protocol/http'
import type { JsonObject } from '../model/objects'
import type { KubectlCommand } from './command'
import { credentialHeaders, type ResolvedKubeconfig } from './kubeconfig'
import { sortedJson } from './json'
import { CORE_RESOURCES, resourcePath } from '../model/core-resources'

export const KUBECTL_VERSION = 'v1.34.0'
/** git commit of the v1.34.0 release, shortened as kubectl's User-Agent does. */
export const KUBECTL_USER_AGENT = `kubectl/${KUBECTL_VERSION} (linux/amd64) kubernetes/f28b4c9`
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

function baseHeaders(cmd: KubectlCommand, cfg: ResolvedKubeconfig, session: string): Record<string, string> {
  return {
    Accept: 'application/json',
    'User-Agent': KUBECTL_USER_AGENT,
    'Kubectl-Command': `kubectl ${cmd.verb}`,
    'Kubectl-Session': session,
    ...credentialHeaders(cfg.credential),
  }
}

/** kubectl fills in the namespace of a namespaced object (cluster-scoped ones have none). */
function withNamespace(obj: JsonObject, namespace: string): JsonObject {
  if (CORE_RESOURCES[String(obj['kind'])]?.namespaced === false) return obj
  const metadata = (obj['metadata'] ?? {}) as JsonObject
  return { ...obj, metadata: { ...metadata, namespace } }
}

const kindOf = (obj: JsonObject): string => String(obj['kind'] ?? 'Pod')

/** kubectl apply stores what the user applied, serialised without itself, in an annotation. */
export function withLastApplied(obj: JsonObject): JsonObject {
  const metadata = (obj['metadata'] ?? {}) as JsonObject
  const annotations = { ...((metadata['annotations'] ?? {}) as Record<string, string>) }
  delete annotations[LAST_APPLIED]
  const bare = { ...obj, metadata: { ...metadata, annotations } }
  const lastApplied = sortedJson(bare) + '\n'
  return { ...obj, metadata: { ...metadata, annotations: { ...annotations, [LAST_APPLIED]: lastApplied } } }
}

export function getRequest(
  id: number,
  cmd: KubectlCommand,
  cfg: ResolvedKubeconfig,
  session: string,
  namespace: string,
  name: string,
  kind = 'Pod',
): HttpRequest {
  return {
    id,
    from: 'kubectl',
    method: 'GET',
    path: resourcePath(kind, namespace, name),
    query: {},
    headers: baseHeaders(cmd, cfg, session),
    body: null,
  }
}

export function createRequest(
  id: number,
  cmd: KubectlCommand,
  cfg: ResolvedKubeconfig,
  session: string,
  namespace: string,
  obj: JsonObject,
): HttpRequest {
  const fieldManager = cmd.verb === 'apply' ? 'kubectl-client-side-apply' : 'kubectl-create'
  const body0 = withNamespace(obj, namespace)
  const body = cmd.verb === 'apply' ? withLastApplied(body0) : body0
  return {
    id,
    from: 'kubectl',
    method: 'POST',
    path: resourcePath(kindOf(obj), namespace),
    query: {
      ...(cmd.dryRunServer ? { dryRun: 'All' } : {}),
      fieldManager,
      fieldValidation: cmd.validate,
    },
    headers: { ...baseHeaders(cmd, cfg, session), 'Content-Type': 'application/json' },
    body: JSON.parse(sortedJson(body)),
  }
}

export function serverSideApplyRequest(
  id: number,
  cmd: KubectlCommand,
  cfg: ResolvedKubeconfig,
  session: string,
  namespace: string,
  obj: JsonObject,
): HttpRequest {
  const name = String(((obj['metadata'] ?? {}) as JsonObject)['name'] ?? '')
  return {
    id,
    from: 'kubectl',
    method: 'PATCH',
    path: resourcePath(kindOf(obj), namespace, name),
    query: {
      ...(cmd.dryRunServer ? { dryRun: 'All' } : {}),
      fieldManager: 'kubectl',
      fieldValidation: cmd.validate,
      force: 'false',
    },
    headers: { ...baseHeaders(cmd, cfg, session), 'Content-Type': 'application/apply-patch+yaml' },
    body: JSON.parse(sortedJson(withNamespace(obj, namespace))),
  }
}

/**
 * Client-side apply's PATCH of an existing object with the three-way
 * strategic merge patch (kubectl/pkg/cmd/apply/patcher.go).
 */
export function patchRequest(
  id: number,
  cmd: KubectlCommand,
  cfg: ResolvedKubeconfig,
  session: string,
  namespace: string,
  name: string,
  patch: JsonObject,
  kind = 'Pod',
): HttpRequest {
  return {
    id,
    from: 'kubectl',
    method: 'PATCH',
    path: resourcePath(kind, namespace, name),
    query: {
      ...(cmd.dryRunServer ? { dryRun: 'All' } : {}),
      fieldManager: 'kubectl-client-side-apply',
      fieldValidation: cmd.validate,
    },
    headers: { ...baseHeaders(cmd, cfg, session), 'Content-Type': 'application/strategic-merge-patch+json' },
    body: JSON.parse(sortedJson(patch)),
  }
}

/** The object apply sends: the namespace filled in and the last-applied annotation set (GetModifiedConfiguration). */
export function appliedObject(obj: JsonObject, namespace: string): JsonObject {
  return withLastApplied(withNamespace(obj, namespace))
}
