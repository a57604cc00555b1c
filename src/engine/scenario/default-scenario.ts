/**
 * The built-in scenario a first-time visitor sees: a kubeadm-style cluster with
 * one control-plane node (tainted NoSchedule, so ordinary pods avoid it) and two
 * workers with different free capacity and pod CIDRs, kubeadm's admin
 * kubeconfig (a real client certificate: CN kubernetes-admin, O kubeadm:cluster-admins),
 * and an nginx Pod.
 */

export const DEFAULT_MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports:
    - containerPort: 80
    resources:
      requests:
        cpu: 250m
        memory: 64Mi
      limits:
        memory: 128Mi
`

export const DEFAULT_MANIFEST_NAME = 'pod.yaml'

/** The default scenario as the picker names it, so a first visit shows what is loaded. */
export const DEFAULT_SCENARIO = {
  id: 'default',
  title: 'nginx, the happy path',
  lesson: 'Every hop from kubectl to Running.',
} as const

/** What `kubectl get nodes,pods -A -o yaml` would show, trimmed to what matters here. */
export const DEFAULT_CLUSTER = `apiVersion: v1
kind: Node
metadata:
  name: control-plane
  labels:
    kubernetes.io/hostname: control-plane
    kubernetes.io/os: linux
    node-role.kubernetes.io/control-plane: ""
spec:
  podCIDR: 10.244.0.0/24
  taints:
  - key: node-role.kubernetes.io/control-plane
    effect: NoSchedule
status:
  addresses:
  - {type: InternalIP, address: 192.168.56.10}
  capacity: {cpu: "2", memory: 4Gi, pods: "110", ephemeral-storage: 20Gi}
  allocatable: {cpu: "2", memory: 3840Mi, pods: "110", ephemeral-storage: 18Gi}
  images:
  - names: [registry.k8s.io/pause:3.10.1]
    sizeBytes: 320368
---
apiVersion: v1
kind: Node
metadata:
  name: worker-1
  labels:
    kubernetes.io/hostname: worker-1
    kubernetes.io/os: linux
spec:
  podCIDR: 10.244.1.0/24
status:
  addresses:
  - {type: InternalIP, address: 192.168.56.11}
  capacity: {cpu: "4", memory: 8Gi, pods: "110", ephemeral-storage: 40Gi}
  allocatable: {cpu: "4", memory: 7936Mi, pods: "110", ephemeral-storage: 36Gi}
  images:
  - names: [registry.k8s.io/pause:3.10.1]
    sizeBytes: 320368
---
apiVersion: v1
kind: Node
metadata:
  name: worker-2
  labels:
    kubernetes.io/hostname: worker-2
    kubernetes.io/os: linux
spec:
  podCIDR: 10.244.2.0/24
status:
  addresses:
  - {type: InternalIP, address: 192.168.56.12}
  capacity: {cpu: "2", memory: 4Gi, pods: "110", ephemeral-storage: 40Gi}
  allocatable: {cpu: "2", memory: 3840Mi, pods: "110", ephemeral-storage: 36Gi}
  images:
  - names: [registry.k8s.io/pause:3.10.1]
    sizeBytes: 320368
---
apiVersion: v1
kind: Pod
metadata:
  name: api-7d9f8b6c5-x2x7k
  namespace: default
  labels: {app: api}
spec:
  nodeName: worker-1
  containers:
  - name: api
    image: python:3.12
    resources:
      requests: {cpu: "2", memory: 3Gi}
status:
  phase: Running
  podIP: 10.244.1.2
---
apiVersion: v1
kind: Pod
metadata:
  name: cache-0
  namespace: default
  labels: {app: cache}
spec:
  nodeName: worker-2
  containers:
  - name: redis
    image: redis:7.4
    resources:
      requests: {cpu: 500m, memory: 1Gi}
status:
  phase: Running
  podIP: 10.244.2.2
`

/** kubeadm's /etc/kubernetes/admin.conf. */
export const DEFAULT_KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- name: kubernetes
  cluster:
    server: https://192.168.56.10:6443
    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJnVENDQVNlZ0F3SUJBZ0lVYUsxM3FTcktqS1pFZC9hcVBDT3FsL3lQOERBd0NnWUlLb1pJemowRUF3SXcKRlRFVE1CRUdBMVVFQXd3S2EzVmlaWEp1WlhSbGN6QWdGdzB5TmpFeE1qY3dNelF3TkRoYUdBOHlNVEkyTVRFdwpNekF6TkRBME9Gb3dGVEVUTUJFR0ExVUVBd3dLYTNWaVpYSnVaWFJsY3pCWk1CTUdCeXFHU000OUFnRUdDQ3FHClNNNDlBd0VIQTBJQUJPcmdpRXBmYUIyenZrRFdlSmx4SW5OdGZnUkFrVUNaMU1HTXdPMnJFb3dUYWhCemtwYjQKUDh0cXhwWUpsUm1XaTZCazd2a3hjN1RCMHVjYXI5elVtYm1qVXpCUk1CMEdBMVVkRGdRV0JCUXpBaEFkRGxZNwoyand6Q29TKzRoa3UrOGE1RGpBZkJnTlZIU01FR0RBV2dCUXpBaEFkRGxZNzJqd3pDb1MrNGhrdSs4YTVEakFQCkJnTlZIUk1CQWY4RUJUQURBUUgvTUFvR0NDcUdTTTQ5QkFNQ0EwZ0FNRVVDSUdtdzM0WW5pSDZVT3pUTnJoZlYKYWtSUzM5RU4wRFJ2dzJHamczWjJJd0Z3QWlFQTFQeDFOaXlYaWdhbDN0UjFZWWQwMC9TVWpWTVg4V3dCZjFGVAplMWZEVjNBPQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==
contexts:
- name: kubernetes-admin@kubernetes
  context:
    cluster: kubernetes
    user: kubernetes-admin
current-context: kubernetes-admin@kubernetes
users:
- name: kubernetes-admin
  user:
    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJUVENCOUFJVUxkS1FoYklkeDRxTFh4M1AvUE1wVTlIbGUwTXdDZ1lJS29aSXpqMEVBd0l3RlRFVE1CRUcKQTFVRUF3d0thM1ZpWlhKdVpYUmxjekFnRncweU5qRXhNamN3TXpRd05EaGFHQTh5TVRJMk1URXdNekF6TkRBMApPRm93UERFZk1CMEdBMVVFQ2d3V2EzVmlaV0ZrYlRwamJIVnpkR1Z5TFdGa2JXbHVjekVaTUJjR0ExVUVBd3dRCmEzVmlaWEp1WlhSbGN5MWhaRzFwYmpCWk1CTUdCeXFHU000OUFnRUdDQ3FHU000OUF3RUhBMElBQk9RTXVkV1AKZUY4MVEwaHl6cHExMnExaXBkZmk5TEozRHdGVWU5ODUxWGlML3E0aVVPdzZ3Yk5RTlN0TEhCeWNmenNvUnNOZApvTXlyZ3NuSzdWR0RuQW93Q2dZSUtvWkl6ajBFQXdJRFNBQXdSUUlnWnYwdm1WV0o5OHBuS0NqQkdmclBZVzZnCmUyRjN3Sndrc2d5ZVNxNFhsT2NDSVFEQjZNVXN4eGFXK1BhZjJhQm1tMVkvSHlVd01Wb0VxMGc1a09BbklNSEwKc3c9PQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==
    client-key-data: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCk1JR0hBZ0VBTUJNR0J5cUdTTTQ5QWdFR0NDcUdTTTQ5QXdFSEJHMHdhd0lCQVFRZzlkZ0sza2ZvRlJCWWFvRncKN1QrcmhiRlVCemhOUFVlTm43TWR4MnJuNW51aFJBTkNBQVRrRExuVmozaGZOVU5JY3M2YXRkcXRZcVhYNHZTeQpkdzhCVkh2Zk9kVjRpLzZ1SWxEc09zR3pVRFVyU3h3Y25IODdLRWJEWGFETXE0TEp5dTFSZzV3SwotLS0tLUVORCBQUklWQVRFIEtFWS0tLS0tCg==
`
