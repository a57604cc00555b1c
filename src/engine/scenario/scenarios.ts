/**
 * Ready-made scenarios: each makes one part of the cluster decide something a
 * learner should see (a plugin rejecting a node, a pull failing, a container
 * crash-looping). A scenario is a manifest and, where it needs one, a cluster.
 */
import { DEFAULT_CLUSTER, DEFAULT_MANIFEST, DEFAULT_SCENARIO } from './default-scenario'

import { WORKLOAD_SCENARIOS } from './workload-scenarios'

export interface Scenario {
  readonly id: string
  readonly title: string
  /** What to look for, in one sentence. */
  readonly lesson: string
  readonly manifest: string
  /** The cluster file; the default 3-node cluster when absent. */
  readonly cluster?: string
}

/** worker-2's kubelet with the static CPU manager policy (docs/cpu-manager.md). */
const STATIC_KUBELET = `apiVersion: podlife.dev/v1alpha1
kind: Kubelet
metadata: {name: worker-2}
config: {cpuManagerPolicy: static, reservedSystemCPUs: "0"}
machine: {sockets: 1, coresPerSocket: 2, threadsPerCore: 1}
`

const pod = (name: string, spec: string, meta = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}${meta}
spec:
${spec}`

export const SCENARIOS: readonly Scenario[] = [
  { ...DEFAULT_SCENARIO, manifest: DEFAULT_MANIFEST },
  {
    id: 'insufficient-cpu',
    title: 'Too big for any node (Pending)',
    lesson: 'NodeResourcesFit rejects both workers; the control-plane taint rejects the third node.',
    manifest: pod(
      'big',
      `  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "6"
        memory: 1Gi
`,
    ),
  },
  {
    id: 'node-selector',
    title: 'nodeSelector that matches no node',
    lesson: 'NodeAffinity filters every node out: UnschedulableAndUnresolvable, so preemption cannot help.',
    manifest: pod(
      'ssd-only',
      `  nodeSelector:
    disktype: ssd
  containers:
  - name: app
    image: nginx:1.27
`,
    ),
  },
  {
    id: 'toleration',
    title: 'Tolerate the control-plane taint',
    lesson: 'With a toleration and a nodeSelector, the pod may land on the control-plane node.',
    manifest: pod(
      'on-control-plane',
      `  nodeSelector:
    node-role.kubernetes.io/control-plane: ""
  tolerations:
  - key: node-role.kubernetes.io/control-plane
    operator: Exists
    effect: NoSchedule
  containers:
  - name: app
    image: nginx:1.27
`,
    ),
  },
  {
    id: 'preferred-affinity',
    title: 'Preferred node affinity',
    lesson: 'NodeAffinity adds its weight to worker-1 in the score table.',
    manifest: pod(
      'prefers-worker-1',
      `  affinity:
    nodeAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 80
        preference:
          matchExpressions:
          - key: kubernetes.io/hostname
            operator: In
            values: [worker-1]
  containers:
  - name: app
    image: nginx:1.27
`,
    ),
  },
  {
    id: 'host-port',
    title: 'Host port',
    lesson: 'NodePorts checks that hostPort 8080 is free on the node.',
    manifest: pod(
      'hostport',
      `  containers:
  - name: app
    image: nginx:1.27
    ports:
    - containerPort: 80
      hostPort: 8080
`,
    ),
  },
  {
    id: 'image-typo',
    title: 'Typo in the image (ImagePullBackOff)',
    lesson: 'The registry has no such repository: ErrImagePull, then ImagePullBackOff with growing back-off.',
    manifest: pod(
      'typo',
      `  containers:
  - name: app
    image: ngnix:1.27
`,
    ),
  },
  {
    id: 'crashloop',
    title: 'busybox with no command (CrashLoopBackOff)',
    lesson: 'busybox runs sh, which exits at once; restartPolicy Always restarts it with back-off.',
    manifest: pod(
      'crashy',
      `  containers:
  - name: app
    image: busybox:1.36
`,
    ),
  },
  {
    id: 'job-style',
    title: 'A pod that completes (restartPolicy Never)',
    lesson:
      'The container sleeps 5 seconds and exits 0: phase Succeeded, STATUS Completed; the kubelet stops the sandbox and CNI DEL gives the IP back (status.podIP stays).',
    manifest: pod(
      'once',
      `  restartPolicy: Never
  containers:
  - name: task
    image: busybox:1.36
    command: ["sleep", "5"]
`,
    ),
  },
  {
    id: 'init-container',
    title: 'An init container',
    lesson: 'Init containers run one at a time to completion before the app container starts.',
    manifest: pod(
      'with-init',
      `  initContainers:
  - name: init-db
    image: busybox:1.36
    command: ["sh", "-c", "sleep 2"]
  containers:
  - name: app
    image: nginx:1.27
`,
    ),
  },
  {
    id: 'unknown-field',
    title: 'Misspelt field (strict validation)',
    lesson: 'kubectl does not check fields; the apiserver rejects imagePullPolice with 400 BadRequest.',
    manifest: pod(
      'typo-field',
      `  containers:
  - name: app
    image: nginx:1.27
    imagePullPolice: Always
`,
    ),
  },
  {
    id: 'invalid',
    title: 'Three validation errors (422)',
    lesson: 'The apiserver reports every validation error together.',
    manifest: pod(
      'Bad_Name',
      `  restartPolicy: Sometimes
  containers:
  - name: app
`,
    ),
  },
  {
    id: 'cordoned',
    title: 'Cordoned worker',
    lesson: 'NodeUnschedulable rejects the cordoned worker-2; the pod goes to worker-1.',
    manifest: DEFAULT_MANIFEST,
    cluster: DEFAULT_CLUSTER.replace('  name: worker-2\n  labels:', '  name: worker-2\n  labels:').replace(
      'spec:\n  podCIDR: 10.244.2.0/24',
      'spec:\n  unschedulable: true\n  podCIDR: 10.244.2.0/24',
    ),
  },
  {
    id: 'node-name',
    title: 'nodeName set by hand',
    lesson:
      'With spec.nodeName set, the scheduler is skipped: the kubelet on that node picks the pod up directly.',
    manifest: pod(
      'pinned',
      `  nodeName: worker-1
  containers:
  - name: app
    image: nginx:1.27
`,
    ),
  },
  {
    id: 'oom',
    title: 'Memory above its limit (OOMKilled)',
    lesson: 'The container allocates more than limits.memory; the kernel kills it: OOMKilled, exit code 137.',
    manifest: pod(
      'hungry',
      `  containers:
  - name: stress
    image: polinux/stress
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
    resources:
      limits:
        memory: 100Mi
`,
    ),
  },
  {
    id: 'readiness',
    title: 'Failing readiness probe',
    lesson:
      'nginx runs, but the probe asks for a path it does not serve: Ready stays False, the pod gets no traffic.',
    manifest: pod(
      'not-ready',
      `  containers:
  - name: web
    image: nginx:1.27
    readinessProbe:
      httpGet:
        path: /healthz
        port: 80
      periodSeconds: 5
`,
    ),
  },
  {
    id: 'post-start',
    title: 'Failing postStart hook',
    lesson: 'The hook exits 1: FailedPostStartHook, the container is killed and restarted.',
    manifest: pod(
      'bad-hook',
      `  containers:
  - name: web
    image: nginx:1.27
    lifecycle:
      postStart:
        exec:
          command: ["sh", "-c", "exit 1"]
`,
    ),
  },
  {
    id: 'sidecar',
    title: 'A native sidecar',
    lesson: 'An init container with restartPolicy Always starts first and keeps running beside the app.',
    manifest: pod(
      'with-sidecar',
      `  initContainers:
  - name: log-shipper
    image: busybox:1.36
    restartPolicy: Always
    command: ["sh", "-c", "while true; do sleep 5; done"]
  containers:
  - name: app
    image: nginx:1.27
`,
    ),
  },
  {
    id: 'private-image',
    title: 'Private image without a pull secret',
    lesson: 'The registry refuses an anonymous pull: ErrImagePull, then ImagePullBackOff.',
    manifest: pod(
      'private',
      `  containers:
  - name: app
    image: registry.example.com/team/app:1.0
`,
    ),
    cluster: `${DEFAULT_CLUSTER}---
apiVersion: podlife.dev/v1alpha1
kind: Registry
repositories:
- name: registry.example.com/team/app
  private: true
  tags:
    "1.0": {sizeBytes: 48000000}
`,
  },
  {
    id: 'private-image-secret',
    title: 'Private image with a pull secret',
    lesson: 'imagePullSecrets carries credentials for registry.example.com, so the pull succeeds.',
    manifest: pod(
      'private-ok',
      `  imagePullSecrets:
  - name: regcred
  containers:
  - name: app
    image: registry.example.com/team/app:1.0
`,
    ),
    cluster: `${DEFAULT_CLUSTER}---
apiVersion: podlife.dev/v1alpha1
kind: Registry
repositories:
- name: registry.example.com/team/app
  private: true
  tags:
    "1.0": {sizeBytes: 48000000}
---
apiVersion: v1
kind: Secret
metadata:
  name: regcred
  namespace: default
type: kubernetes.io/dockerconfigjson
data:
  .dockerconfigjson: eyJhdXRocyI6eyJyZWdpc3RyeS5leGFtcGxlLmNvbSI6eyJhdXRoIjoiWkdWMk9uTmxZM0psZEE9PSJ9fX0=
`,
  },
  {
    id: 'anti-affinity',
    title: 'Pod anti-affinity',
    lesson: 'The pod refuses nodes that run an app=cache pod: InterPodAffinity filters worker-2 out.',
    manifest: pod(
      'not-with-cache',
      `  affinity:
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            app: cache
  containers:
  - name: app
    image: nginx:1.27
`,
    ),
  },
  {
    id: 'restricted-namespace',
    title: 'PodSecurity "restricted" namespace',
    lesson: 'The namespace enforces the restricted standard; a plain nginx pod violates it and is refused.',
    manifest: pod(
      'plain',
      `  containers:
  - name: web
    image: nginx:1.27
`,
      '\n  namespace: secure',
    ),
    cluster: `${DEFAULT_CLUSTER}---
apiVersion: v1
kind: Namespace
metadata:
  name: secure
  labels:
    pod-security.kubernetes.io/enforce: restricted
`,
  },
  {
    id: 'insufficient-memory',
    title: 'Not enough memory anywhere',
    lesson: 'NodeResourcesFit reports Insufficient memory on both workers.',
    manifest: pod(
      'memory-hog',
      `  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        memory: 12Gi
`,
    ),
  },
  {
    id: 'prefer-no-schedule',
    title: 'PreferNoSchedule taint',
    lesson:
      'worker-2 is tainted PreferNoSchedule: it still passes the filter, but TaintToleration scores it lower.',
    manifest: DEFAULT_MANIFEST,
    cluster: DEFAULT_CLUSTER.replace(
      'spec:\n  podCIDR: 10.244.2.0/24',
      'spec:\n  taints:\n  - key: maintenance\n    value: soon\n    effect: PreferNoSchedule\n  podCIDR: 10.244.2.0/24',
    ),
  },
  {
    id: 'no-execute',
    title: 'NoExecute taint',
    lesson: 'worker-2 has a NoExecute taint: the pod without a matching toleration is filtered out of it.',
    manifest: DEFAULT_MANIFEST,
    cluster: DEFAULT_CLUSTER.replace(
      'spec:\n  podCIDR: 10.244.2.0/24',
      'spec:\n  taints:\n  - key: dedicated\n    value: batch\n    effect: NoExecute\n  podCIDR: 10.244.2.0/24',
    ),
  },
  {
    id: 'host-port-clash',
    title: 'Host port already taken',
    lesson: 'An existing pod holds hostPort 8080 on worker-2: NodePorts filters it out.',
    manifest: pod(
      'wants-8080',
      `  containers:
  - name: app
    image: nginx:1.27
    ports:
    - containerPort: 80
      hostPort: 8080
`,
    ),
    cluster: `${DEFAULT_CLUSTER}---
apiVersion: v1
kind: Pod
metadata:
  name: ingress-0
  namespace: default
spec:
  nodeName: worker-2
  containers:
  - name: proxy
    image: nginx:1.27
    ports:
    - containerPort: 80
      hostPort: 8080
status:
  phase: Running
  podIP: 10.244.2.9
`,
  },
  {
    id: 'pod-affinity',
    title: 'Pod affinity',
    lesson: 'The pod must run next to an app=cache pod: InterPodAffinity keeps only worker-2.',
    manifest: pod(
      'near-cache',
      `  affinity:
    podAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            app: cache
  containers:
  - name: app
    image: nginx:1.27
`,
    ),
  },
  {
    id: 'topology-spread',
    title: 'Topology spread',
    lesson:
      'maxSkew 1 across hostnames: worker-1 already runs an app=api pod, so the new one goes elsewhere.',
    manifest: pod(
      'api-2',
      `  topologySpreadConstraints:
  - maxSkew: 1
    topologyKey: kubernetes.io/hostname
    whenUnsatisfiable: DoNotSchedule
    labelSelector:
      matchLabels:
        app: api
  containers:
  - name: api
    image: nginx:1.27
`,
      '\n  labels:\n    app: api',
    ),
  },
  {
    id: 'preemption',
    title: 'Preemption of a lower-priority pod',
    lesson: 'No node has room, but a priority 1000 pod may evict the priority 0 api pod on worker-1.',
    manifest: pod(
      'urgent',
      `  priorityClassName: high
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "3"
`,
    ),
    cluster: `${DEFAULT_CLUSTER}---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: high
value: 1000
`,
  },
  {
    id: 'out-of-cpu',
    title: 'nodeName on a node without room (OutOfcpu)',
    lesson:
      'No scheduler checks this pod: the kubelet on worker-2 admits it only if it fits, and refuses it with OutOfcpu.',
    manifest: pod(
      'too-big-here',
      `  nodeName: worker-2
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "3"
`,
    ),
  },
  {
    id: 'pre-stop',
    title: 'Liveness kill with a preStop hook',
    lesson:
      'The liveness probe fails, the kubelet records Killing, runs the preStop hook (sleep 5) and only then calls StopContainer, with 25 of the 30 seconds left.',
    manifest: pod(
      'drain-first',
      `  containers:
  - name: web
    image: nginx:1.27
    livenessProbe:
      httpGet:
        path: /healthz
        port: 80
      periodSeconds: 2
    lifecycle:
      preStop:
        exec:
          command: ["sleep", "5"]
`,
    ),
  },
  {
    id: 'sysctl-forbidden',
    title: 'An unsafe sysctl (SysctlForbidden)',
    lesson:
      'The apiserver accepts the pod, but the kubelet allows only safe sysctls: it rejects the pod with SysctlForbidden and it ends Failed.',
    manifest: pod(
      'tuned',
      `  securityContext:
    sysctls:
    - name: net.ipv4.tcp_syncookies
      value: "1"
    - name: kernel.msgmax
      value: "65536"
  containers:
  - name: app
    image: nginx:1.27
`,
    ),
  },
  {
    id: 'cpu-pinning',
    title: 'Exclusive CPUs (CPU manager, static policy)',
    lesson:
      "worker-2's kubelet runs the static CPU manager policy with CPU 0 reserved: the Guaranteed pod's container, asking for one whole CPU, gets CPU 1 to itself (cpuset_cpus in its CreateContainer request); the other pods share CPU 0.",
    manifest: pod(
      'pinned-cpu',
      `  nodeName: worker-2
  containers:
  - name: app
    image: nginx:1.27
    resources:
      limits: {cpu: "1", memory: 256Mi}
`,
    ),
    cluster: `${DEFAULT_CLUSTER}---
${STATIC_KUBELET}`,
  },
  {
    id: 'cpu-pinning-refused',
    title: 'Not enough CPUs to pin (UnexpectedAdmissionError)',
    lesson:
      'Two whole CPUs are asked for, but only one is not reserved: the CPU manager refuses the pod at admission, before the resource check, and it ends Failed with UnexpectedAdmissionError.',
    manifest: pod(
      'wide',
      `  nodeName: worker-2
  containers:
  - name: app
    image: nginx:1.27
    resources:
      limits: {cpu: "2", memory: 256Mi}
`,
    ),
    cluster: `${DEFAULT_CLUSTER}---
${STATIC_KUBELET}`,
  },
  {
    id: 'missing-configmap-volume',
    title: 'A ConfigMap volume that does not exist (ContainerCreating)',
    lesson:
      'The volume manager cannot set up the configMap volume, so no sandbox is ever created: FailedMount events with a doubling back-off, and after 2m3s SyncPod gives up this round. The pod stays ContainerCreating.',
    manifest: pod(
      'web',
      `  containers:
  - name: web
    image: nginx:1.27
    volumeMounts:
    - name: config-volume
      mountPath: /etc/config
  volumes:
  - name: config-volume
    configMap:
      name: app-config
`,
    ),
  },
  {
    id: 'missing-secret-env',
    title: 'An env var from a missing Secret (CreateContainerConfigError)',
    lesson:
      'The sandbox runs and the image is pulled, but the kubelet cannot build the environment: the container waits in CreateContainerConfigError and the pod worker tries again every 10 to 15 seconds.',
    manifest: pod(
      'web',
      `  containers:
  - name: web
    image: nginx:1.27
    env:
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef:
          name: db
          key: password
`,
    ),
  },
  {
    id: 'namespace-and-configmap',
    title: 'A namespace, a ConfigMap and a pod in one file',
    lesson:
      'kubectl sends the three objects one after the other; the serviceaccounts controller gives the new namespace its default ServiceAccount, and the pod mounts the ConfigMap created just before it.',
    manifest: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
  namespace: shop
data:
  index.html: <h1>hello from shop</h1>
---
${pod(
  'web',
  `  containers:
  - name: web
    image: nginx:1.27
    volumeMounts:
    - name: html
      mountPath: /usr/share/nginx/html
  volumes:
  - name: html
    configMap:
      name: web-config
`,
  '\n  namespace: shop',
)}`,
  },
  {
    id: 'node-joins',
    title: 'A node joins while the pod is Pending',
    lesson:
      'No node has 6 CPUs free, so the pod is Pending. At 20 s a bigger node joins: the scheduler hears of it (NodeAdd), retries the pod after its backoff, and it lands on worker-3.',
    manifest: pod(
      'big',
      `  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "6"
        memory: 1Gi
`,
    ),
    cluster: `${DEFAULT_CLUSTER}---
apiVersion: podlife.dev/v1alpha1
kind: ClusterChange
metadata:
  name: scale-up
at: 20
addNodes:
- apiVersion: v1
  kind: Node
  metadata:
    name: worker-3
    labels:
      kubernetes.io/hostname: worker-3
      kubernetes.io/os: linux
  spec:
    podCIDR: 10.244.3.0/24
  status:
    capacity: {cpu: "8", memory: 32Gi, pods: "110"}
    allocatable: {cpu: "8", memory: 32Gi, pods: "110"}
    addresses:
    - {type: InternalIP, address: 192.168.56.13}
`,
  },
  ...WORKLOAD_SCENARIOS,
]
