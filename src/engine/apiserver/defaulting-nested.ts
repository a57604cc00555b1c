/**
 * The walk zz_generated.defaults.go SetObjectDefaults_Pod makes after
 * SetDefaults_Pod and SetDefaults_PodSpec (defaulting.ts): every volume, then
 * init, regular and ephemeral containers (probes, lifecycle hooks, env,
 * resource lists), then the pod's overhead. Upstream: kubernetes/kubernetes
 * pkg/apis/core/v1/zz_generated.defaults.go.
 */
import type { Container, Pod } from '../model/objects'
import { defaultContainerNested } from './defaulting-containers'
import { defaultResourceList } from './defaulting-resources'
import { defaultVolume } from './defaulting-volumes'

export function applyNestedDefaults(pod: Pod): Pod {
  const s = pod.spec
  const ephemeral = s['ephemeralContainers']
  const overhead = s['overhead'] as Readonly<Record<string, unknown>> | undefined
  return {
    ...pod,
    spec: {
      ...s,
      ...(s.volumes ? { volumes: s.volumes.map(defaultVolume) } : {}),
      ...(s.initContainers ? { initContainers: s.initContainers.map(defaultContainerNested) } : {}),
      containers: s.containers.map(defaultContainerNested),
      ...(Array.isArray(ephemeral)
        ? { ephemeralContainers: (ephemeral as readonly Container[]).map(defaultContainerNested) }
        : {}),
      ...(overhead ? { overhead: defaultResourceList(overhead) } : {}),
    },
  }
}
