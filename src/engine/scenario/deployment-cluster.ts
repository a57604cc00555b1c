/**
 * The default cluster with the 'deployment' scenario's Deployment already running: the Deployment, its
 * ReplicaSet and three Running pods as the run stores them at its end (generated once from that run's
 * `objects` with managedFields and resourceVersions left out, dated a day earlier), so the scale and
 * rolling-update scenarios change a Deployment a cluster already runs.
 */
import { DEFAULT_CLUSTER } from './default-scenario'

export const DEPLOYMENT_OBJECTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.27","name":"nginx","ports":[{"containerPort":80}]}]}}}}
    deployment.kubernetes.io/revision: "1"
  labels:
    app: web
  name: web
  namespace: default
  generation: 1
  uid: b7cf3c25-632b-4240-9d3f-b64afebede10
  creationTimestamp: 2025-08-31T09:00:00Z
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - image: nginx:1.27
          name: nginx
          ports:
            - containerPort: 80
              protocol: TCP
          resources: {}
          terminationMessagePath: /dev/termination-log
          terminationMessagePolicy: File
          imagePullPolicy: IfNotPresent
      restartPolicy: Always
      terminationGracePeriodSeconds: 30
      dnsPolicy: ClusterFirst
      securityContext: {}
      schedulerName: default-scheduler
      enableServiceLinks: true
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 25%
      maxSurge: 25%
  revisionHistoryLimit: 10
  progressDeadlineSeconds: 600
status:
  observedGeneration: 1
  replicas: 3
  updatedReplicas: 3
  readyReplicas: 3
  availableReplicas: 3
  unavailableReplicas: 0
  conditions:
    - type: Available
      status: "True"
      lastUpdateTime: 2025-08-31T09:00:03Z
      lastTransitionTime: 2025-08-31T09:00:03Z
      reason: MinimumReplicasAvailable
      message: Deployment has minimum availability.
    - type: Progressing
      status: "True"
      lastUpdateTime: 2025-08-31T09:00:03Z
      lastTransitionTime: 2025-08-31T09:00:00Z
      reason: NewReplicaSetAvailable
      message: ReplicaSet "web-7fbb9c6d64" has successfully progressed.
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-7fbb9c6d64
  namespace: default
  labels:
    app: web
    pod-template-hash: 7fbb9c6d64
  annotations:
    deployment.kubernetes.io/revision: "1"
    deployment.kubernetes.io/desired-replicas: "3"
    deployment.kubernetes.io/max-replicas: "4"
  ownerReferences:
    - apiVersion: apps/v1
      kind: Deployment
      name: web
      uid: b7cf3c25-632b-4240-9d3f-b64afebede10
      controller: true
      blockOwnerDeletion: true
  generation: 1
  uid: d4e8eb2a-f2f2-4165-a881-cd424e42a851
  creationTimestamp: 2025-08-31T09:00:00Z
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
      pod-template-hash: 7fbb9c6d64
  template:
    metadata:
      labels:
        app: web
        pod-template-hash: 7fbb9c6d64
    spec:
      containers:
        - image: nginx:1.27
          name: nginx
          ports:
            - containerPort: 80
              protocol: TCP
          resources: {}
          terminationMessagePath: /dev/termination-log
          terminationMessagePolicy: File
          imagePullPolicy: IfNotPresent
      restartPolicy: Always
      terminationGracePeriodSeconds: 30
      dnsPolicy: ClusterFirst
      securityContext: {}
      schedulerName: default-scheduler
      enableServiceLinks: true
status:
  replicas: 3
  fullyLabeledReplicas: 3
  readyReplicas: 3
  availableReplicas: 3
  observedGeneration: 1
---
apiVersion: v1
kind: Pod
metadata:
  labels:
    app: web
    pod-template-hash: 7fbb9c6d64
  generateName: web-7fbb9c6d64-
  namespace: default
  ownerReferences:
    - apiVersion: apps/v1
      kind: ReplicaSet
      name: web-7fbb9c6d64
      uid: d4e8eb2a-f2f2-4165-a881-cd424e42a851
      controller: true
      blockOwnerDeletion: true
  name: web-7fbb9c6d64-frsh4
  uid: 4ffd020f-5bd1-4dcc-b126-84e4edaa3643
  generation: 1
  creationTimestamp: 2025-08-31T09:00:00Z
spec:
  containers:
    - image: nginx:1.27
      name: nginx
      ports:
        - containerPort: 80
          protocol: TCP
      resources: {}
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
      imagePullPolicy: IfNotPresent
      volumeMounts:
        - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
          name: kube-api-access-fclxw
          readOnly: true
  restartPolicy: Always
  terminationGracePeriodSeconds: 30
  dnsPolicy: ClusterFirst
  securityContext: {}
  schedulerName: default-scheduler
  enableServiceLinks: true
  serviceAccountName: default
  volumes:
    - name: kube-api-access-fclxw
      projected:
        defaultMode: 420
        sources:
          - serviceAccountToken:
              expirationSeconds: 3607
              path: token
          - configMap:
              items:
                - key: ca.crt
                  path: ca.crt
              name: kube-root-ca.crt
          - downwardAPI:
              items:
                - fieldRef:
                    apiVersion: v1
                    fieldPath: metadata.namespace
                  path: namespace
  priority: 0
  preemptionPolicy: PreemptLowerPriority
  tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
      tolerationSeconds: 300
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
      tolerationSeconds: 300
  serviceAccount: default
  nodeName: worker-2
status:
  phase: Running
  qosClass: BestEffort
  conditions:
    - type: PodReadyToStartContainers
      status: "True"
      lastProbeTime: null
      lastTransitionTime: 2025-08-31T09:00:03Z
      observedGeneration: 1
    - type: Initialized
      status: "True"
      lastProbeTime: null
      lastTransitionTime: 2025-08-31T09:00:00Z
      observedGeneration: 1
    - type: Ready
      status: "True"
      lastProbeTime: null
      lastTransitionTime: 2025-08-31T09:00:03Z
      observedGeneration: 1
    - type: ContainersReady
      status: "True"
      lastProbeTime: null
      lastTransitionTime: 2025-08-31T09:00:03Z
      observedGeneration: 1
    - type: PodScheduled
      status: "True"
      lastProbeTime: null
      lastTransitionTime: 2025-08-31T09:00:00Z
      observedGeneration: 1
  observedGeneration: 1
  hostIP: 192.168.56.12
  hostIPs:
    - ip: 192.168.56.12
  startTime: 2025-08-31T09:00:00Z
  podIP: 10.244.2.3
  podIPs:
    - ip: 10.244.2.3
  containerStatuses:
    - containerID: containerd://5cfe1d7626738f80f8a0ccceea0a7f892b284361060a247d8f55846977149023
      image: docker.io/library/nginx:1.27
      imageID: docker.io/library/nginx@sha256:4577a49f5d7440ca4ffb6b88583b5f4f3983e9b9ab89ff9ee29591a509b59f3d
      lastState: {}
      name: nginx
      ready: true
      restartCount: 0
      started: true
      state:
        running:
          startedAt: 2025-08-31T09:00:02Z
---
apiVersion: v1
kind: Pod
metadata:
  labels:
    app: web
    pod-template-hash: 7fbb9c6d64
  generateName: web-7fbb9c6d64-
  namespace: default
  ownerReferences:
    - apiVersion: apps/v1
      kind: ReplicaSet
      name: web-7fbb9c6d64
      uid: d4e8eb2a-f2f2-4165-a881-cd424e42a851
      controller: true
      blockOwnerDeletion: true
  name: web-7fbb9c6d64-g5l7s
  uid: 6a538cc0-3aa0-46da-9590-e89a11d2b4a4
  generation: 1
  creationTimestamp: 2025-08-31T09:00:00Z
spec:
  containers:
    - image: nginx:1.27
      name: nginx
      ports:
        - containerPort: 80
          protocol: TCP
      resources: {}
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
      imagePullPolicy: IfNotPresent
      volumeMounts:
        - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
          name: kube-api-access-k89gl
          readOnly: true
  restartPolicy: Always
  terminationGracePeriodSeconds: 30
  dnsPolicy: ClusterFirst
  securityContext: {}
  schedulerName: default-scheduler
  enableServiceLinks: true
  serviceAccountName: default
  volumes:
    - name: kube-api-access-k89gl
      projected:
        defaultMode: 420
        sources:
          - serviceAccountToken:
              expirationSeconds: 3607
              path: token
          - configMap:
              items:
                - key: ca.crt
                  path: ca.crt
              name: kube-root-ca.crt
          - downwardAPI:
              items:
                - fieldRef:
                    apiVersion: v1
                    fieldPath: metadata.namespace
                  path: namespace
  priority: 0
  preemptionPolicy: PreemptLowerPriority
  tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
      tolerationSeconds: 300
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
      tolerationSeconds: 300
  serviceAccount: default
  nodeName: worker-1
status:
  phase: Running
  qosClass: BestEffort
  conditions:
    - type: PodReadyToStartContainers
      status: "True"
      lastProbeTime: null
      lastTransitionTime: 2025-08-31T09:00:03Z
      observedGeneration: 1
    - type: Initialized
      status: "True"
      lastProbeTime: null
      lastTransitionTime: 2025-08-31T09:00:00Z
      observedGeneration: 1
    - type: Ready
      status: "True"
      lastProbeTime: null
      lastTransitionTime: 2025-08-31T09:00:03Z
      observedGeneration: 1
    - type: ContainersReady
      status: "True"
      lastProbeTime: null
      lastTransitionTime: 2025-08-31T09:00:03Z
      observedGeneration: 1
    - type: PodScheduled
      status: "True"
      lastProbeTime: null
      lastTransitionTime: 2025-08-31T09:00:00Z
      observedGeneration: 1
  observedGeneration: 1
  hostIP: 192.168.56.11
  hostIPs:
    - ip: 192.168.56.11
  startTime: 2025-08-31T09:00:00Z
  podIP: 10.244.1.3
  podIPs:
    - ip: 10.244.1.3
  containerStatuses:
    - containerID: containerd://950e01d22b9b3a5fc3454a04f64ab4bfb1a476f86f16cf1a4f2191a4055bc8bf
      image: docker.io/library/nginx:1.27
      imageID: docker.io/library/nginx@sha256:4577a49f5d7440ca4ffb6b88583b5f4f3983e9b9ab89ff9ee29591a509b59f3d
      lastState: {}
      name: nginx
      ready: true
      restartCount: 0
      started: true
      state:
        running:
          startedAt: 2025-08-31T09:00:02Z
---
apiVersion: v1
kind: Pod
metadata:
  labels:
    app: web
    pod-template-hash: 7fbb9c6d64
  generateName: web-7fbb9c6d64-
  namespace: default
  ownerReferences:
    - apiVersion: apps/v1
      kind: ReplicaSet
      name: web-7fbb9c6d64
      uid: d4e8eb2a-f2f2-4165-a881-cd424e42a851
      controller: true
      blockOwnerDeletion: true
  name: web-7fbb9c6d64-s7cdg
  uid: a086c41f-f0d1-4986-b24f-9802932a9010
  generation: 1
  creationTimestamp: 2025-08-31T09:00:00Z
spec:
  containers:
    - image: nginx:1.27
      name: nginx
      ports:
        - containerPort: 80
          protocol: TCP
      resources: {}
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: File
      imagePullPolicy: IfNotPresent
      volumeMounts:
        - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
          name: kube-api-access-db4nj
          readOnly: true
  restartPolicy: Always
  terminationGracePeriodSeconds: 30
  dnsPolicy: ClusterFirst
  securityContext: {}
  schedulerName: default-scheduler
  enableServiceLinks: true
  serviceAccountName: default
  volumes:
    - name: kube-api-access-db4nj
      projected:
        defaultMode: 420
        sources:
          - serviceAccountToken:
              expirationSeconds: 3607
              path: token
          - configMap:
              items:
                - key: ca.crt
                  path: ca.crt
              name: kube-root-ca.crt
          - downwardAPI:
              items:
                - fieldRef:
                    apiVersion: v1
                    fieldPath: metadata.namespace
                  path: namespace
  priority: 0
  preemptionPolicy: PreemptLowerPriority
  tolerations:
    - effect: NoExecute
      key: node.kubernetes.io/not-ready
      operator: Exists
      tolerationSeconds: 300
    - effect: NoExecute
      key: node.kubernetes.io/unreachable
      operator: Exists
      tolerationSeconds: 300
  serviceAccount: default
  nodeName: worker-2
status:
  phase: Running
  qosClass: BestEffort
  conditions:
    - type: PodReadyToStartContainers
      status: "True"
      lastProbeTime: null
      lastTransitionTime: 2025-08-31T09:00:03Z
      observedGeneration: 1
    - type: Initialized
      status: "True"
      lastProbeTime: null
      lastTransitionTime: 2025-08-31T09:00:00Z
      observedGeneration: 1
    - type: Ready
      status: "True"
      lastProbeTime: null
      lastTransitionTime: 2025-08-31T09:00:03Z
      observedGeneration: 1
    - type: ContainersReady
      status: "True"
      lastProbeTime: null
      lastTransitionTime: 2025-08-31T09:00:03Z
      observedGeneration: 1
    - type: PodScheduled
      status: "True"
      lastProbeTime: null
      lastTransitionTime: 2025-08-31T09:00:00Z
      observedGeneration: 1
  observedGeneration: 1
  hostIP: 192.168.56.12
  hostIPs:
    - ip: 192.168.56.12
  startTime: 2025-08-31T09:00:00Z
  podIP: 10.244.2.4
  podIPs:
    - ip: 10.244.2.4
  containerStatuses:
    - containerID: containerd://4f6a4c7b9ac454ba6ca0afb62c5d3c2a0546b1773b3f2eac5526da3a95f7ce9b
      image: docker.io/library/nginx:1.27
      imageID: docker.io/library/nginx@sha256:4577a49f5d7440ca4ffb6b88583b5f4f3983e9b9ab89ff9ee29591a509b59f3d
      lastState: {}
      name: nginx
      ready: true
      restartCount: 0
      started: true
      state:
        running:
          startedAt: 2025-08-31T09:00:02Z
`

export const DEPLOYMENT_CLUSTER = `${DEFAULT_CLUSTER.trimEnd()}\n---\n${DEPLOYMENT_OBJECTS}`
