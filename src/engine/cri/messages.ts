/** The CRI calls the kubelet makes to the container runtime (k8s.io/cri-api runtime/v1 api.proto). */
import type { Json } from '../sim/events'
import type { Pod } from '../model/objects'

export type CriCallName =
  'RunPodSandbox' | 'PodSandboxStatus' | 'ImageStatus' | 'PullImage' | 'CreateContainer' | 'StartContainer'

export interface CriMessage {
  readonly call: CriCallName
  readonly pod: Pod
  /** Index into spec.containers for container-level calls. */
  readonly container?: number
  readonly request: Json
}

export interface CriReply {
  readonly call: CriCallName
  readonly pod: Pod
  readonly container?: number
  readonly response: Json
}
