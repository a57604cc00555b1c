/**
 * The Go types of the cluster file's kinds, as far as the engine reads them: every field a component
 * reads is checked here, at load, so that a number where a list belongs is a located error
 * (`line 3: APIServer "x": authorizationModes: must be a list of strings`), never a TypeError deep
 * in a component. Field names and nesting follow k8s.io/api (core/v1, rbac/v1, scheduling/v1,
 * policy/v1, storage/v1, apps/v1); Podlife's own kinds follow docs/simulate.md.
 */
import {
  any,
  bool,
  int,
  intOrString,
  list,
  map,
  num,
  quantity,
  str,
  struct,
  type Shape,
} from './go-json-shape'

const strings = list(str)
const labels = map(str)
const quantities = map(quantity)
const ownerReference = struct('OwnerReference', {
  apiVersion: str,
  kind: str,
  name: str,
  uid: str,
  controller: bool,
  blockOwnerDeletion: bool,
})
const objectMeta = struct('ObjectMeta', {
  name: str,
  generateName: str,
  namespace: str,
  uid: str,
  resourceVersion: str,
  generation: int,
  creationTimestamp: str,
  deletionTimestamp: str,
  deletionGracePeriodSeconds: int,
  labels,
  annotations: labels,
  ownerReferences: list(ownerReference),
  finalizers: strings,
})
const requirement = struct('LabelSelectorRequirement', { key: str, operator: str, values: strings })
const labelSelector = struct('LabelSelector', { matchLabels: labels, matchExpressions: list(requirement) })
const nodeSelectorTerm = struct('NodeSelectorTerm', {
  matchExpressions: list(struct('NodeSelectorRequirement', { key: str, operator: str, values: strings })),
  matchFields: list(struct('NodeSelectorRequirement', { key: str, operator: str, values: strings })),
})
const nodeSelector = struct('NodeSelector', { nodeSelectorTerms: list(nodeSelectorTerm) })
const podAffinityTerm = struct('PodAffinityTerm', {
  labelSelector,
  namespaceSelector: labelSelector,
  namespaces: strings,
  topologyKey: str,
})
const weighted = (name: string, field: string, shape: Shape) =>
  list(struct(name, { weight: int, [field]: shape }))
const podAffinity = (name: string) =>
  struct(name, {
    requiredDuringSchedulingIgnoredDuringExecution: list(podAffinityTerm),
    preferredDuringSchedulingIgnoredDuringExecution: weighted(
      'WeightedPodAffinityTerm',
      'podAffinityTerm',
      podAffinityTerm,
    ),
  })
const affinity = struct('Affinity', {
  nodeAffinity: struct('NodeAffinity', {
    requiredDuringSchedulingIgnoredDuringExecution: nodeSelector,
    preferredDuringSchedulingIgnoredDuringExecution: weighted(
      'PreferredSchedulingTerm',
      'preference',
      nodeSelectorTerm,
    ),
  }),
  podAffinity: podAffinity('PodAffinity'),
  podAntiAffinity: podAffinity('PodAntiAffinity'),
})
const resources = struct('ResourceRequirements', { requests: quantities, limits: quantities })
const probe = struct('Probe', {
  exec: struct('ExecAction', { command: strings }),
  httpGet: struct('HTTPGetAction', { path: str, port: intOrString, host: str, scheme: str }),
  tcpSocket: struct('TCPSocketAction', { port: intOrString, host: str }),
  initialDelaySeconds: int,
  periodSeconds: int,
  timeoutSeconds: int,
  successThreshold: int,
  failureThreshold: int,
})
const securityContext = struct('SecurityContext', {
  runAsUser: int,
  runAsGroup: int,
  runAsNonRoot: bool,
  privileged: bool,
  allowPrivilegeEscalation: bool,
  readOnlyRootFilesystem: bool,
  capabilities: struct('Capabilities', { add: strings, drop: strings }),
  seccompProfile: struct('SeccompProfile', { type: str, localhostProfile: str }),
})
const keySelector = (name: string) => struct(name, { name: str, key: str, optional: bool })
const container = struct('Container', {
  name: str,
  image: str,
  imagePullPolicy: str,
  command: strings,
  args: strings,
  workingDir: str,
  ports: list(
    struct('ContainerPort', { name: str, containerPort: int, hostPort: int, hostIP: str, protocol: str }),
  ),
  env: list(
    struct('EnvVar', {
      name: str,
      value: str,
      valueFrom: struct('EnvVarSource', {
        configMapKeyRef: keySelector('ConfigMapKeySelector'),
        secretKeyRef: keySelector('SecretKeySelector'),
        fieldRef: struct('ObjectFieldSelector', { fieldPath: str, apiVersion: str }),
      }),
    }),
  ),
  envFrom: list(
    struct('EnvFromSource', {
      prefix: str,
      configMapRef: struct('ConfigMapEnvSource', { name: str, optional: bool }),
      secretRef: struct('SecretEnvSource', { name: str, optional: bool }),
    }),
  ),
  resources,
  volumeMounts: list(
    struct('VolumeMount', { name: str, mountPath: str, subPath: str, readOnly: bool, mountPropagation: str }),
  ),
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: probe,
  securityContext,
  restartPolicy: str,
  terminationMessagePath: str,
  terminationMessagePolicy: str,
  stdin: bool,
  tty: bool,
})
const volume = struct('Volume', {
  name: str,
  configMap: struct('ConfigMapVolumeSource', { name: str, optional: bool, defaultMode: int }),
  secret: struct('SecretVolumeSource', { secretName: str, optional: bool, defaultMode: int }),
  persistentVolumeClaim: struct('PersistentVolumeClaimVolumeSource', { claimName: str, readOnly: bool }),
  emptyDir: struct('EmptyDirVolumeSource', { medium: str, sizeLimit: quantity }),
  hostPath: struct('HostPathVolumeSource', { path: str, type: str }),
  projected: struct('ProjectedVolumeSource', { defaultMode: int, sources: list(any) }),
})
const toleration = struct('Toleration', {
  key: str,
  operator: str,
  value: str,
  effect: str,
  tolerationSeconds: int,
})
const podSpec = struct('PodSpec', {
  nodeName: str,
  nodeSelector: labels,
  containers: list(container),
  initContainers: list(container),
  ephemeralContainers: list(any),
  volumes: list(volume),
  restartPolicy: str,
  terminationGracePeriodSeconds: int,
  activeDeadlineSeconds: int,
  dnsPolicy: str,
  serviceAccountName: str,
  serviceAccount: str,
  automountServiceAccountToken: bool,
  hostNetwork: bool,
  hostPID: bool,
  hostIPC: bool,
  securityContext: struct('PodSecurityContext', {
    runAsUser: int,
    runAsGroup: int,
    runAsNonRoot: bool,
    fsGroup: int,
    supplementalGroups: list(int),
    seccompProfile: struct('SeccompProfile', { type: str, localhostProfile: str }),
  }),
  imagePullSecrets: list(struct('LocalObjectReference', { name: str })),
  hostname: str,
  subdomain: str,
  affinity,
  schedulerName: str,
  tolerations: list(toleration),
  priorityClassName: str,
  priority: int,
  preemptionPolicy: str,
  overhead: quantities,
  topologySpreadConstraints: list(
    struct('TopologySpreadConstraint', {
      maxSkew: int,
      topologyKey: str,
      whenUnsatisfiable: str,
      labelSelector,
      minDomains: int,
      nodeAffinityPolicy: str,
      nodeTaintsPolicy: str,
      matchLabelKeys: strings,
    }),
  ),
  schedulingGates: list(struct('PodSchedulingGate', { name: str })),
  resourceClaims: list(struct('PodResourceClaim', { name: str, resourceClaimName: str })),
})
const condition = (name: string) =>
  struct(name, {
    type: str,
    status: str,
    reason: str,
    message: str,
    lastTransitionTime: str,
    lastHeartbeatTime: str,
    lastProbeTime: str,
  })
const containerStatus = struct('ContainerStatus', {
  name: str,
  image: str,
  imageID: str,
  containerID: str,
  ready: bool,
  started: bool,
  restartCount: int,
  state: map(any),
  lastState: map(any),
})
const podStatus = struct('PodStatus', {
  phase: str,
  conditions: list(condition('PodCondition')),
  message: str,
  reason: str,
  hostIP: str,
  podIP: str,
  podIPs: list(struct('PodIP', { ip: str })),
  startTime: str,
  nominatedNodeName: str,
  qosClass: str,
  containerStatuses: list(containerStatus),
  initContainerStatuses: list(containerStatus),
})
const taint = struct('Taint', { key: str, value: str, effect: str, timeAdded: str })
const nodeShape = struct('Node', {
  metadata: objectMeta,
  spec: struct('NodeSpec', {
    podCIDR: str,
    podCIDRs: strings,
    providerID: str,
    unschedulable: bool,
    taints: list(taint),
  }),
  status: struct('NodeStatus', {
    capacity: quantities,
    allocatable: quantities,
    phase: str,
    conditions: list(condition('NodeCondition')),
    addresses: list(struct('NodeAddress', { type: str, address: str })),
    nodeInfo: map(str),
    images: list(struct('ContainerImage', { names: strings, sizeBytes: int })),
  }),
})
const podShape = struct('Pod', { metadata: objectMeta, spec: podSpec, status: podStatus })
const policyRule = struct('PolicyRule', {
  verbs: strings,
  apiGroups: strings,
  resources: strings,
  resourceNames: strings,
  nonResourceURLs: strings,
})
const role = (name: string) =>
  struct(name, {
    metadata: objectMeta,
    rules: list(policyRule),
    aggregationRule: struct('AggregationRule', { clusterRoleSelectors: list(labelSelector) }),
  })
const binding = (name: string) =>
  struct(name, {
    metadata: objectMeta,
    subjects: list(struct('Subject', { kind: str, apiGroup: str, name: str, namespace: str })),
    roleRef: struct('RoleRef', { apiGroup: str, kind: str, name: str }),
  })
const podTemplate = struct('PodTemplateSpec', { metadata: objectMeta, spec: podSpec })
const workload = (name: string) =>
  struct(name, {
    metadata: objectMeta,
    spec: struct(`${name}Spec`, {
      replicas: int,
      selector: labelSelector,
      template: podTemplate,
      minReadySeconds: int,
      revisionHistoryLimit: int,
      strategy: struct('DeploymentStrategy', {
        type: str,
        rollingUpdate: struct('RollingUpdateDeployment', {
          maxSurge: intOrString,
          maxUnavailable: intOrString,
        }),
      }),
    }),
    status: map(any),
  })

/** Kubernetes kinds, by kind. A kind not listed is kept as it is (only apiVersion, kind and name are checked). */
export const KIND_SHAPES: Readonly<Record<string, Shape>> = {
  Node: nodeShape,
  Pod: podShape,
  Namespace: struct('Namespace', {
    metadata: objectMeta,
    spec: struct('NamespaceSpec', { finalizers: strings }),
    status: struct('NamespaceStatus', { phase: str }),
  }),
  ServiceAccount: struct('ServiceAccount', {
    metadata: objectMeta,
    secrets: list(struct('ObjectReference', { name: str, namespace: str })),
    imagePullSecrets: list(struct('LocalObjectReference', { name: str })),
    automountServiceAccountToken: bool,
  }),
  Secret: struct('Secret', {
    metadata: objectMeta,
    type: str,
    data: labels,
    stringData: labels,
    immutable: bool,
  }),
  ConfigMap: struct('ConfigMap', { metadata: objectMeta, data: labels, binaryData: labels, immutable: bool }),
  ResourceQuota: struct('ResourceQuota', {
    metadata: objectMeta,
    spec: struct('ResourceQuotaSpec', {
      hard: quantities,
      scopes: strings,
      scopeSelector: struct('ScopeSelector', {
        matchExpressions: list(
          struct('ScopedResourceSelectorRequirement', { scopeName: str, operator: str, values: strings }),
        ),
      }),
    }),
    status: struct('ResourceQuotaStatus', { hard: quantities, used: quantities }),
  }),
  LimitRange: struct('LimitRange', {
    metadata: objectMeta,
    spec: struct('LimitRangeSpec', {
      limits: list(
        struct('LimitRangeItem', {
          type: str,
          max: quantities,
          min: quantities,
          default: quantities,
          defaultRequest: quantities,
          maxLimitRequestRatio: quantities,
        }),
      ),
    }),
  }),
  PriorityClass: struct('PriorityClass', {
    metadata: objectMeta,
    value: int,
    globalDefault: bool,
    description: str,
    preemptionPolicy: str,
  }),
  Role: role('Role'),
  ClusterRole: role('ClusterRole'),
  RoleBinding: binding('RoleBinding'),
  ClusterRoleBinding: binding('ClusterRoleBinding'),
  PersistentVolumeClaim: struct('PersistentVolumeClaim', {
    metadata: objectMeta,
    spec: struct('PersistentVolumeClaimSpec', {
      accessModes: strings,
      selector: labelSelector,
      resources: resources,
      volumeName: str,
      storageClassName: str,
      volumeMode: str,
    }),
    status: struct('PersistentVolumeClaimStatus', { phase: str, accessModes: strings, capacity: quantities }),
  }),
  PersistentVolume: struct('PersistentVolume', {
    metadata: objectMeta,
    spec: struct('PersistentVolumeSpec', {
      capacity: quantities,
      accessModes: strings,
      claimRef: struct('ObjectReference', { kind: str, namespace: str, name: str, uid: str }),
      persistentVolumeReclaimPolicy: str,
      storageClassName: str,
      volumeMode: str,
      nodeAffinity: struct('VolumeNodeAffinity', { required: nodeSelector }),
      local: struct('LocalVolumeSource', { path: str, fsType: str }),
      hostPath: struct('HostPathVolumeSource', { path: str, type: str }),
    }),
    status: struct('PersistentVolumeStatus', { phase: str, message: str, reason: str }),
  }),
  StorageClass: struct('StorageClass', {
    metadata: objectMeta,
    provisioner: str,
    parameters: labels,
    reclaimPolicy: str,
    volumeBindingMode: str,
    allowVolumeExpansion: bool,
    allowedTopologies: list(any),
  }),
  PodDisruptionBudget: struct('PodDisruptionBudget', {
    metadata: objectMeta,
    spec: struct('PodDisruptionBudgetSpec', {
      minAvailable: intOrString,
      maxUnavailable: intOrString,
      selector: labelSelector,
      unhealthyPodEvictionPolicy: str,
    }),
    status: struct('PodDisruptionBudgetStatus', {
      disruptionsAllowed: int,
      currentHealthy: int,
      desiredHealthy: int,
      expectedPods: int,
      observedGeneration: int,
    }),
  }),
  Deployment: workload('Deployment'),
  ReplicaSet: workload('ReplicaSet'),
}

/** Podlife's own kinds (apiVersion podlife.dev/v1alpha1), by kind (docs/simulate.md). */
export const PODLIFE_SHAPES: Readonly<Record<string, Shape>> = {
  APIServer: struct('APIServer', {
    metadata: objectMeta,
    authorizationModes: strings,
    enableAdmissionPlugins: strings,
    disableAdmissionPlugins: strings,
    anonymousAuth: bool,
    tokens: list(struct('StaticToken', { token: str, user: str, uid: str, groups: strings })),
    oidc: struct('OIDC', {
      issuerURL: str,
      clientID: str,
      usernameClaim: str,
      usernamePrefix: str,
      groupsClaim: str,
      groupsPrefix: str,
    }),
    abacPolicy: list({ t: 'stringOrObject' }),
    authorizationWebhook: struct('AuthorizationWebhook', {
      rules: list(
        struct('WebhookRule', {
          user: str,
          group: str,
          verb: str,
          resource: str,
          namespace: str,
          allowed: bool,
          denied: bool,
          reason: str,
        }),
      ),
    }),
    serviceAccountIssuer: str,
  }),
  Registry: struct('Registry', {
    metadata: objectMeta,
    repositories: list(
      struct('Repository', {
        name: str,
        private: bool,
        tags: map(struct('Image', { sizeBytes: int, user: str })),
      }),
    ),
  }),
  ClusterChange: struct('ClusterChange', { metadata: objectMeta, at: num, addNodes: list(nodeShape) }),
  Kubelet: struct('Kubelet', {
    metadata: objectMeta,
    // kubelet.config.k8s.io/v1beta1 KubeletConfiguration, the fields the CPU manager reads.
    config: struct('KubeletConfiguration', {
      cpuManagerPolicy: str,
      cpuManagerPolicyOptions: map(str),
      reservedSystemCPUs: str,
      kubeReserved: quantities,
      systemReserved: quantities,
    }),
    machine: struct('Machine', {
      sockets: int,
      coresPerSocket: int,
      threadsPerCore: int,
      cpus: list(struct('MachineCPU', { cpu: int, core: int, socket: int })),
    }),
  }),
}
