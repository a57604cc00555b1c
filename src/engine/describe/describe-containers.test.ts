import { describe, expect, it } from 'vitest'
import type { Pod } from '../model/objects'
import { describePodAt } from './describe-pod'

const T0 = Date.UTC(2025, 8, 1, 9, 0, 0)

// Captured from kubectl v1.32.4 against a loopback mock apiserver; describePod prints ephemeral containers the
// same way in v0.34.1 (describeContainers("Ephemeral Containers", …), describe.go).
describe('kubectl describe pod: ephemeral containers', () => {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'eph', namespace: 'default' },
    spec: {
      nodeName: 'n1',
      containers: [
        {
          name: 'app',
          image: 'nginx:1.27',
          imagePullPolicy: 'IfNotPresent',
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      ephemeralContainers: [
        {
          name: 'debugger-x',
          image: 'busybox:1.36',
          targetContainerName: 'app',
          stdin: true,
          tty: true,
          imagePullPolicy: 'IfNotPresent',
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          env: [{ name: 'N', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }],
        },
      ],
    },
    status: {
      phase: 'Running',
      hostIP: '192.168.0.1',
      podIP: '10.0.0.9',
      podIPs: [{ ip: '10.0.0.9' }],
      containerStatuses: [
        {
          name: 'app',
          image: 'nginx:1.27',
          imageID: 'docker.io/library/nginx@sha256:abc',
          containerID: 'containerd://1',
          ready: true,
          started: true,
          restartCount: 0,
          state: { running: { startedAt: '2025-09-01T09:00:02Z' } },
          lastState: {},
        },
      ],
      ephemeralContainerStatuses: [
        {
          name: 'debugger-x',
          image: 'busybox:1.36',
          imageID: '',
          containerID: 'containerd://2',
          ready: false,
          restartCount: 0,
          state: { running: { startedAt: '2025-09-01T09:01:00Z' } },
          lastState: {},
        },
      ],
    },
  } as unknown as Pod
  it('get their own section after Containers, with their statuses', () => {
    expect(describePodAt(pod, [], T0)).toBe(`Name:         eph
Namespace:    default
Node:         n1/192.168.0.1
Labels:       <none>
Annotations:  <none>
Status:       Running
IP:           10.0.0.9
IPs:
  IP:  10.0.0.9
Containers:
  app:
    Container ID:   containerd://1
    Image:          nginx:1.27
    Image ID:       docker.io/library/nginx@sha256:abc
    Port:           <none>
    Host Port:      <none>
    State:          Running
      Started:      Mon, 01 Sep 2025 09:00:02 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:         <none>
Ephemeral Containers:
  debugger-x:
    Container ID:   containerd://2
    Image:          busybox:1.36
    Image ID:       
    Port:           <none>
    Host Port:      <none>
    State:          Running
      Started:      Mon, 01 Sep 2025 09:01:00 +0000
    Ready:          False
    Restart Count:  0
    Environment:
      N:         eph (v1:metadata.name)
    Mounts:      <none>
Volumes:         <none>
QoS Class:       BestEffort
Node-Selectors:  <none>
Tolerations:     <none>
Events:          <none>
`)
  })
})
