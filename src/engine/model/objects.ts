/**
 * The Kubernetes objects the engine reads and writes, as JSON-shaped values.
 * Only the fields the simulation uses are typed; everything else a user wrote
 * is kept as it came, so the stored Pod shows what a real apiserver would keep.
 */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json }
export type JsonObject = { readonly [key: string]: Json }

export interface ObjectMeta {
  readonly name?: string
  readonly generateName?: string
  readonly namespace?: string
  readonly uid?: string
  readonly resourceVersion?: string
  readonly creationTimestamp?: string
  readonly labels?: Readonly<Record<string, string>>
  readonly annotations?: Readonly<Record<string, string>>
  readonly [key: string]: unknown
}

export interface Taint {
  readonly key: string
  readonly value?: string
  readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'
}

export interface Toleration {
  readonly key?: string
  readonly operator?: 'Exists' | 'Equal'
  readonly value?: string
  readonly effect?: string
  readonly tolerationSeconds?: number
}

export interface ResourceRequirements {
  readonly requests?: Readonly<Record<string, string>>
  readonly limits?: Readonly<Record<string, string>>
}

export interface ContainerPort {
  readonly containerPort: number
  readonly hostPort?: number
  readonly protocol?: string
  readonly hostIP?: string
  readonly name?: string
}

export interface VolumeMount {
  readonly name: string
  readonly mountPath: string
  readonly readOnly?: boolean
}

export interface Container {
  readonly name: string
  readonly image?: string
  readonly command?: readonly string[]
  readonly args?: readonly string[]
  readonly ports?: readonly ContainerPort[]
  readonly resources?: ResourceRequirements
  readonly imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never'
  readonly volumeMounts?: readonly VolumeMount[]
  readonly restartPolicy?: string
  readonly [key: string]: unknown
}

export interface NodeSelectorRequirement {
  readonly key: string
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt'
  readonly values?: readonly string[]
}

export interface NodeSelectorTerm {
  readonly matchExpressions?: readonly NodeSelectorRequirement[]
  readonly matchFields?: readonly NodeSelectorRequirement[]
}

export interface NodeAffinity {
  readonly requiredDuringSchedulingIgnoredDuringExecution?: {
    readonly nodeSelectorTerms: readonly NodeSelectorTerm[]
  }
  readonly preferredDuringSchedulingIgnoredDuringExecution?: readonly {
    readonly weight: number
    readonly preference: NodeSelectorTerm
  }[]
}

export interface PodSpec {
  readonly containers: readonly Container[]
  readonly initContainers?: readonly Container[]
  readonly nodeName?: string
  readonly nodeSelector?: Readonly<Record<string, string>>
  readonly affinity?: { readonly nodeAffinity?: NodeAffinity; readonly [key: string]: unknown }
  readonly tolerations?: readonly Toleration[]
  readonly restartPolicy?: string
  readonly schedulerName?: string
  readonly serviceAccountName?: string
  readonly priority?: number
  readonly priorityClassName?: string
  readonly volumes?: readonly JsonObject[]
  readonly [key: string]: unknown
}

export interface PodCondition {
  readonly type: string
  readonly status: 'True' | 'False' | 'Unknown'
  readonly lastProbeTime: string | null
  readonly lastTransitionTime: string
  readonly reason?: string
  readonly message?: string
  readonly observedGeneration?: number
}

export interface ContainerStatus {
  readonly name: string
  readonly image: string
  readonly imageID: string
  readonly containerID?: string
  readonly ready: boolean
  readonly started: boolean
  readonly restartCount: number
  readonly state: JsonObject
  readonly lastState: JsonObject
  readonly [key: string]: unknown
}

export interface PodStatus {
  readonly phase?: string
  readonly conditions?: readonly PodCondition[]
  readonly hostIP?: string
  readonly hostIPs?: readonly { readonly ip: string }[]
  readonly podIP?: string
  readonly podIPs?: readonly { readonly ip: string }[]
  readonly startTime?: string
  readonly qosClass?: string
  readonly containerStatuses?: readonly ContainerStatus[]
  readonly [key: string]: unknown
}

export interface Pod {
  readonly apiVersion: 'v1'
  readonly kind: 'Pod'
  readonly metadata: ObjectMeta
  readonly spec: PodSpec
  readonly status?: PodStatus
}

export interface NodeImage {
  readonly names: readonly string[]
  readonly sizeBytes: number
}

export interface Node {
  readonly apiVersion: 'v1'
  readonly kind: 'Node'
  readonly metadata: ObjectMeta
  readonly spec: {
    readonly podCIDR?: string
    readonly taints?: readonly Taint[]
    readonly unschedulable?: boolean
  }
  readonly status: {
    readonly capacity?: Readonly<Record<string, string>>
    readonly allocatable?: Readonly<Record<string, string>>
    readonly addresses?: readonly { readonly type: string; readonly address: string }[]
    readonly images?: readonly NodeImage[]
    readonly conditions?: readonly { readonly type: string; readonly status: string }[]
  }
}

/** Any other object of the cluster file (Namespace, ClusterRole, …), kept as JSON. */
export interface KubeObject {
  readonly apiVersion: string
  readonly kind: string
  readonly metadata: ObjectMeta
  readonly [key: string]: unknown
}
