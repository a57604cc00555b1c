/** A test helper: the admission input for a pod created in a namespace of a cluster built from objects. */
import type { AdmissionInput } from '../apiserver/admission/types'
import type { KubeObject, Pod } from '../model/objects'
import { loadCluster } from '../model/cluster'
import { createRng } from '../sim/rng'

export function admissionInputFor(
  pod: Pod,
  objects: readonly KubeObject[] = [],
  namespace = 'default',
): AdmissionInput {
  return {
    operation: 'CREATE',
    resource: 'pods',
    namespace,
    name: pod.metadata.name ?? '',
    pod: { ...pod, metadata: { ...pod.metadata, namespace } },
    user: { name: 'alice', uid: '', groups: ['system:authenticated'] },
    cluster: loadCluster(objects),
    rng: createRng(1),
    dryRun: false,
  }
}
