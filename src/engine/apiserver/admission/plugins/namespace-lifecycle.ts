/**
 * NamespaceLifecycle refuses new objects in a namespace that does not exist or
 * is being terminated. Upstream: staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go
 */
import type { AdmissionPlugin } from '../types'
import { admitUnchanged, forbidden } from '../types'
import { findObject } from '../../../model/cluster'

/** Upstream: apiserver pkg/admission/plugin/namespace/lifecycle/admission.go Admit. */
export const terminatingMessage = (ns: string) =>
  `unable to create new content in namespace ${ns} because it is being terminated`
/** Upstream: apimachinery pkg/api/errors/errors.go NewNotFound for the namespace lookup. */
export const namespaceNotFoundMessage = (ns: string) => `namespaces "${ns}" not found`

export const NamespaceLifecycle: AdmissionPlugin = {
  name: 'NamespaceLifecycle',
  handles: (op) => op === 'CREATE' || op === 'UPDATE' || op === 'DELETE',
  // Upstream implements only Admit (MutationInterface), though it never changes the object.
  admit(input) {
    const ns = findObject(input.cluster, 'Namespace', input.namespace)
    if (!ns) {
      return {
        kind: 'deny',
        code: 404,
        reason: 'NotFound',
        message: namespaceNotFoundMessage(input.namespace),
        note: `namespace ${input.namespace} does not exist`,
      }
    }
    const phase = (ns['status'] as { phase?: string } | undefined)?.phase
    if (phase === 'Terminating') {
      return forbidden(
        input,
        terminatingMessage(input.namespace),
        `namespace ${input.namespace} is terminating`,
      )
    }
    return admitUnchanged(input, `namespace ${input.namespace} exists and is Active`)
  },
}
