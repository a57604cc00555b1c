/**
 * PodSecurity enforces the Pod Security Standard named by the namespace label
 * `pod-security.kubernetes.io/enforce` (privileged when unset).
 * Upstream: staging/src/k8s.io/pod-security-admission/admission/admission.go
 *
 * The baseline and restricted checks arrive with issue #3; until then a pod in a
 * labelled namespace is admitted with a note saying which level applies.
 */
import type { AdmissionPlugin } from '../types'
import { admitUnchanged } from '../types'
import { findObject } from '../../../model/cluster'

export const PodSecurity: AdmissionPlugin = {
  name: 'PodSecurity',
  handles: (op) => op === 'CREATE' || op === 'UPDATE',
  validate(input) {
    const ns = findObject(input.cluster, 'Namespace', input.namespace)
    const level = ns?.metadata.labels?.['pod-security.kubernetes.io/enforce'] ?? 'privileged'
    return admitUnchanged(input, `namespace ${input.namespace} enforces the "${level}" Pod Security Standard`)
  },
}
