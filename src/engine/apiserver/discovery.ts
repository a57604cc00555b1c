/**
 * Aggregated discovery documents (apidiscovery.k8s.io/v2 APIGroupDiscoveryList), trimmed to what
 * matters for a Pod: the core group with pods and its subresources, and the names of the other groups.
 * Upstream: staging/src/k8s.io/apiserver/pkg/endpoints/discovery/aggregated
 */
import type { Json } from '../model/objects'

const verbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']

const CORE: Json = {
  kind: 'APIGroupDiscoveryList',
  apiVersion: 'apidiscovery.k8s.io/v2',
  metadata: {},
  items: [
    {
      metadata: { creationTimestamp: null },
      versions: [
        {
          version: 'v1',
          resources: [
            {
              resource: 'pods',
              responseKind: { group: '', version: '', kind: 'Pod' },
              scope: 'Namespaced',
              singularResource: 'pod',
              shortNames: ['po'],
              categories: ['all'],
              verbs,
              subresources: [
                {
                  subresource: 'binding',
                  responseKind: { group: '', version: '', kind: 'Binding' },
                  verbs: ['create'],
                },
                {
                  subresource: 'status',
                  responseKind: { group: '', version: '', kind: 'Pod' },
                  verbs: ['get', 'patch', 'update'],
                },
              ],
            },
            {
              resource: 'namespaces',
              responseKind: { group: '', version: '', kind: 'Namespace' },
              scope: 'Cluster',
              singularResource: 'namespace',
              shortNames: ['ns'],
              verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
            },
          ],
          freshness: 'Current',
        },
      ],
    },
  ],
}

const GROUPS = [
  'apps',
  'batch',
  'rbac.authorization.k8s.io',
  'scheduling.k8s.io',
  'events.k8s.io',
  'resource.k8s.io',
]

const OTHERS: Json = {
  kind: 'APIGroupDiscoveryList',
  apiVersion: 'apidiscovery.k8s.io/v2',
  metadata: {},
  items: GROUPS.map((name) => ({
    metadata: { name, creationTimestamp: null },
    versions: [{ version: 'v1', resources: [], freshness: 'Current' }],
  })),
}

export function discoveryDocument(path: '/api' | '/apis'): Json {
  return path === '/api' ? CORE : OTHERS
}
