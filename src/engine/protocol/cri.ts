/** The CRI calls the kubelet makes to the container runtime (k8s.io/cri-api runtime/v1 api.proto). */
import type { Json } from './events'
import type { Pod } from '../model/objects'

export type CriCallName =
  | 'RunPodSandbox'
  | 'PodSandboxStatus'
  | 'StopPodSandbox'
  | 'ImageStatus'
  | 'PullImage'
  | 'CreateContainer'
  | 'StartContainer'
  | 'StopContainer'

export interface CriMessage {
  readonly call: CriCallName
  readonly pod: Pod
  /** The container's name (init or regular) for container-level calls. */
  readonly container?: string
  readonly request: Json
}

export interface CriReply {
  readonly call: CriCallName
  readonly pod: Pod
  readonly container?: string
  readonly response: Json
  /** The gRPC error the call failed with (`rpc error: code = … desc = …`), if it failed. */
  readonly error?: string
}
