/**
 * Turns a request path into authorization attributes
 * (staging/src/k8s.io/apiserver/pkg/endpoints/request/requestinfo.go).
 */
import type { HttpRequest } from '../protocol/http'

export interface RequestInfo {
  /** False for discovery and other non-resource paths (/api, /apis, /openapi/v3, /version). */
  readonly isResourceRequest: boolean
  readonly path: string
  readonly verb: string
  readonly apiGroup: string
  readonly resource: string
  readonly subresource: string
  readonly namespace: string
  readonly name: string
}

const VERBS: Readonly<Record<string, string>> = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
}

export function requestInfo(req: HttpRequest): RequestInfo {
  const parts = req.path.split('/').filter(Boolean)
  // Only /api/<version>/… and /apis/<group>/<version>/… with a resource are resource requests.
  const prefixLength = parts[0] === 'api' ? 2 : parts[0] === 'apis' ? 3 : Infinity
  if (parts.length <= prefixLength) {
    return {
      isResourceRequest: false,
      path: req.path,
      verb: req.method.toLowerCase(),
      apiGroup: '',
      resource: '',
      subresource: '',
      namespace: '',
      name: '',
    }
  }
  // /api/v1/namespaces/{ns}/{resource}/{name}/{subresource}  or  /apis/{group}/{version}/namespaces/...
  const core = parts[0] === 'api'
  const apiGroup = core ? '' : (parts[1] ?? '')
  let rest = parts.slice(core ? 2 : 3)
  let namespace = ''
  if (rest[0] === 'namespaces' && rest.length > 2) {
    namespace = rest[1] ?? ''
    rest = rest.slice(2)
  }
  const [resource = '', name = '', subresource = ''] = rest
  const verb = req.method === 'GET' ? (name ? 'get' : 'list') : (VERBS[req.method] ?? 'get')
  return { isResourceRequest: true, path: req.path, verb, apiGroup, resource, subresource, namespace, name }
}
