/**
 * etcd as the apiserver uses it: one global revision counter; every write
 * bumps it and becomes the object's resourceVersion (as a decimal string).
 * Upstream: staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go, api_object_versioner.go
 */
import type { EtcdState } from '../sim/world'

export function podKey(namespace: string, name: string): string {
  return `/registry/pods/${namespace}/${name}`
}

export function etcdPut(state: EtcdState, key: string, summary: string): EtcdState {
  const revision = state.revision + 1
  const prev = state.keys[key]
  return {
    revision,
    keys: {
      ...state.keys,
      [key]: {
        createRevision: prev?.createRevision ?? revision,
        modRevision: revision,
        version: (prev?.version ?? 0) + 1,
        summary,
      },
    },
  }
}
