/**
 * NamespaceLifecycle refuses new objects in a namespace that does not exist or
 * is being terminated. Upstream: staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go
 */
import type { AdmissionPlugin } from '../types'
import { admitUnchanged } from '../types'
import { findObject } from '../../../model/cluster'

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
        message: `namespaces "${input.namespace}" not found`,
        note: `namespace ${input.namespace} does not exist`,
      }
    }
    const phase = (ns['status'] as { phase?: string } | undefined)?.phase
    if (phase === 'Terminating') {
      return {
        kind: 'deny',
        code: 403,
        reason: 'Forbidden',
        message: `pods "${input.pod.metadata.name ?? ''}" is forbidden: unable to create new content in namespace ${input.namespace} because it is being terminated`,
        note: `namespace ${input.namespace} is terminating`,
      }
    }
    return admitUnchanged(input, `namespace ${input.namespace} exists and is Active`)
  },
}
